import type { CitationAt } from './locate';
import { describeFigure, describeSource } from './format';
import type { LoadedStatistic } from './indexFile';
import { escapeMarkdown } from './markdownText';
import type { StatisticsIndex } from './statisticsIndex';

const LANGUAGE_NAMES: Record<string, string> = { fi: 'Finnish', zh: 'Chinese', lv: 'Latvian', et: 'Estonian', ru: 'Russian', en: 'English' };

export interface HoverOptions {
  readonly staleAfterYears: number;
  readonly now: Date;
  /** How many statistics to show in full before listing the rest by figure. */
  readonly maxDetailed?: number;
}

/**
 * The hover for a citation, as Markdown in which every piece of data-file text is escaped: it carries no links,
 * no HTML and no command URIs whatever the data says. Render it as untrusted Markdown with HTML off.
 */
export function citationHoverMarkdown(at: CitationAt, index: StatisticsIndex, options: HoverOptions): string {
  if (!at.source) {
    return at.kind === 'figure' ? '' : `statcite: footnote [^${escapeMarkdown(at.label ?? '')}] names no source in the statistics index.`;
  }
  const max = options.maxDetailed ?? (at.kind === 'definition' ? 1 : 3);
  const detailed = at.statistics.slice(0, max);
  const parts = detailed.map((s) => statisticMarkdown(s, index, options));
  const rest = at.statistics.slice(max);
  if (rest.length) parts.push(`Also from this source: ${rest.map((s) => `**${escapeMarkdown(describeFigure(s))}** ${escapeMarkdown(s.en)}`).join(' · ')}`);
  return parts.join('\n\n---\n\n');
}

/** One statistic in full: figure, quote with its English gloss, source, article, same finding elsewhere, caveats. */
export function statisticMarkdown(s: LoadedStatistic, index: StatisticsIndex, options: HoverOptions): string {
  const lines: string[] = [];
  const title = s.source?.title ? `, *${escapeMarkdown(s.source.title)}*` : '';
  lines.push(`**${escapeMarkdown(describeFigure(s))}** — ${escapeMarkdown(describeSource(s))}${title}`);
  lines.push(`> ${escapeMarkdown(s.quote)}`);
  lines.push(`*English (our translation):* ${escapeMarkdown(s.en)}`);
  const via = [escapeMarkdown(`“${s.via.title}”`), s.via.publisher && escapeMarkdown(s.via.publisher), s.via.date && escapeMarkdown(s.via.date)].filter(Boolean).join(', ');
  lines.push(`*Found in:* ${via} (${escapeMarkdown(LANGUAGE_NAMES[s.via.lang] ?? s.via.lang)})`);
  const same = index.sameAsOf(s.id);
  if (same.length) {
    lines.push(`*Same finding:* ${same.map((o) => `${escapeMarkdown(o.figure ?? describeFigure(o))} (${escapeMarkdown(LANGUAGE_NAMES[o.lang] ?? o.lang)}, ${escapeMarkdown(describeSource(o))})`).join('; ')}`);
  }
  const year = s.source?.year;
  const age = year !== undefined ? options.now.getFullYear() - year : undefined;
  if (age !== undefined && age > options.staleAfterYears) lines.push(`⚠ This statistic is ${age} years old (older than ${options.staleAfterYears}).`);
  if (!s.source) {
    const primary = same.find((o) => o.source);
    lines.push(`⚠ No primary publisher: the article names no source for this figure.${primary ? ` The same finding is attributed to ${escapeMarkdown(describeSource(primary))} elsewhere.` : ''}`);
  }
  return lines.join('\n\n');
}
