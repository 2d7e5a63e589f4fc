import type { ExistingEntry } from '../bibliography/existing';
import { figureStates } from '../figures/figureMatch';
import { sentencesOf } from '../figures/sentences';
import type { LoadedStatistic } from '../index/indexFile';
import { parseMarkdown, type ParsedMarkdown } from '../markdown/markdown';
import { pandocCitations } from '../markdown/pandocCitations';
import { resolveCitationKey } from './citedSources';
import type { CitationContext } from './context';
import type { CitationAt } from './locate';
import type { ResolvedSource } from './resolveSource';
import type { StatisticsIndex } from '../index/statisticsIndex';

/**
 * The Pandoc citation at `offset`, for hovers: a `@key` (with its bracket) that names an index source, directly or
 * through its bibliography entry, or a figure in a sentence that such a citation cites. Undefined elsewhere.
 */
export function pandocCitationAt(text: string, offset: number, statcite: CitationContext & { readonly index: StatisticsIndex }, entries: readonly ExistingEntry[], md: ParsedMarkdown = parseMarkdown(text)): CitationAt | undefined {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const citations = pandocCitations(md, text).flatMap((c) => {
    const key = resolveCitationKey(c.key, statcite.resolver, byKey.get(c.key));
    return key ? [{ ...c, source: { key, statistics: statcite.index.bySourceKey(key), by: 'label' } as ResolvedSource }] : [];
  });
  if (!citations.length) return undefined;
  const block = md.prose.find((b) => offset >= b.start && offset <= b.end);
  for (const sentence of block ? sentencesOf(block) : []) {
    if (offset < sentence.start || offset > sentence.end) continue;
    const inside = citations.filter((c) => c.start >= sentence.start && c.start < sentence.end);
    const stated = (stats: readonly LoadedStatistic[]) => stats.filter((s) => sentence.figures.some((f) => figureStates(f, s)));
    const hit = inside.find((c) => offset >= c.start && offset <= c.end);
    if (hit) {
      const meant = stated(hit.source.statistics);
      return { kind: 'reference', start: hit.start, end: hit.end, label: hit.key, source: hit.source, statistics: meant.length ? meant : hit.source.statistics };
    }
    const figure = sentence.figures.find((f) => offset >= f.start && offset <= f.end);
    if (!figure) continue;
    for (const c of inside) {
      const own = c.source.statistics.filter((s) => figureStates(figure, s));
      if (own.length) return { kind: 'figure', start: figure.start, end: figure.end, source: c.source, statistics: own };
    }
  }
  // A citation in a footnote definition (not prose).
  const hit = citations.find((c) => offset >= c.start && offset <= c.end);
  return hit && { kind: 'reference', start: hit.start, end: hit.end, label: hit.key, source: hit.source, statistics: hit.source.statistics };
}
