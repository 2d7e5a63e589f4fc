import type { CitationAt } from './locate';
import { describeFigure, describeSource } from '../index/format';
import type { LoadedStatistic } from '../index/indexFile';
import { english, type Localize } from '../text/localize';
import { escapeMarkdown } from '../markdown/markdownText';
import type { StatisticsIndex } from '../index/statisticsIndex';

/** The name of a language code in the UI language; the code itself for a language without a name here. */
function languageName(lang: string, t: Localize): string {
  switch (lang) {
    case 'fi': return t('Finnish');
    case 'zh': return t('Chinese');
    case 'lv': return t('Latvian');
    case 'et': return t('Estonian');
    case 'ru': return t('Russian');
    case 'en': return t('English');
    default: return lang;
  }
}

export interface HoverOptions {
  readonly staleAfterYears: number;
  readonly now: Date;
  /** How many statistics to show in full before listing the rest by figure. */
  readonly maxDetailed?: number;
  /**
   * Translates the labels and sentences (the editor passes `vscode.l10n.t`); English by default. Data-file text is
   * escaped before it is put into a template, the templates themselves are not escaped.
   */
  readonly localize?: Localize;
}

/**
 * The hover for a citation, as Markdown in which every piece of data-file text is escaped: it carries no links,
 * no HTML and no command URIs whatever the data says. Render it as untrusted Markdown with HTML off.
 */
export function citationHoverMarkdown(at: CitationAt, index: StatisticsIndex, options: HoverOptions): string {
  const t = options.localize ?? english;
  if (!at.source) {
    return at.kind === 'figure' ? '' : t('statcite: footnote [^{0}] names no source in the statistics index.', escapeMarkdown(at.label ?? ''));
  }
  const max = options.maxDetailed ?? (at.kind === 'definition' ? 1 : 3);
  const detailed = at.statistics.slice(0, max);
  const parts = detailed.map((s) => statisticMarkdown(s, index, options));
  const rest = at.statistics.slice(max);
  if (rest.length) parts.push(t('Also from this source: {0}', rest.map((s) => `**${escapeMarkdown(describeFigure(s))}** ${escapeMarkdown(s.en)}`).join(' · ')));
  return parts.join('\n\n---\n\n');
}

/** One statistic in full: figure, quote with its English gloss, source, article, same finding elsewhere, caveats. */
export function statisticMarkdown(s: LoadedStatistic, index: StatisticsIndex, options: HoverOptions): string {
  const t = options.localize ?? english;
  const lines: string[] = [];
  const title = s.source?.title ? `, *${escapeMarkdown(s.source.title)}*` : '';
  lines.push(`**${escapeMarkdown(describeFigure(s))}** — ${escapeMarkdown(describeSource(s))}${title}`);
  lines.push(`> ${escapeMarkdown(s.quote)}`);
  lines.push(`*${t('English (our translation):')}* ${escapeMarkdown(s.en)}`);
  const via = [escapeMarkdown(`“${s.via.title}”`), s.via.publisher && escapeMarkdown(s.via.publisher), s.via.date && escapeMarkdown(s.via.date)].filter(Boolean).join(', ');
  lines.push(`*${t('Found in:')}* ${via} (${escapeMarkdown(languageName(s.via.lang, t))})`);
  const same = index.sameAsOf(s.id);
  if (same.length) {
    lines.push(`*${t('Same finding:')}* ${same.map((o) => `${escapeMarkdown(o.figure ?? describeFigure(o))} (${escapeMarkdown(languageName(o.lang, t))}, ${escapeMarkdown(describeSource(o))})`).join('; ')}`);
  }
  const year = s.source?.year;
  const age = year !== undefined ? options.now.getFullYear() - year : undefined;
  if (age !== undefined && age > options.staleAfterYears) lines.push(`⚠ ${t('This statistic is {0} years old (older than {1}).', age, options.staleAfterYears)}`);
  if (!s.source) {
    const primary = same.find((o) => o.source);
    const warning = primary
      ? t('No primary publisher: the article names no source for this figure. The same finding is attributed to {0} elsewhere.', escapeMarkdown(describeSource(primary)))
      : t('No primary publisher: the article names no source for this figure.');
    lines.push(`⚠ ${warning}`);
  }
  return lines.join('\n\n');
}
