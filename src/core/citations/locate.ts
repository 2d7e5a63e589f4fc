import type { CitationContext } from './context';
import { figureStates } from '../figures/figureMatch';
import type { LoadedStatistic } from '../index/indexFile';
import { parseMarkdown, type ParsedMarkdown } from '../markdown/markdown';
import type { ResolvedSource } from './resolveSource';
import { sentencesOf } from '../figures/sentences';

/** What stands at a place in a document: a footnote reference, a definition, or a figure its sentence cites. */
export interface CitationAt {
  readonly kind: 'reference' | 'definition' | 'figure';
  readonly start: number;
  readonly end: number;
  readonly label?: string;
  readonly source?: ResolvedSource;
  /** The statistics meant here: the figure's own, or those the sentence states, or the source's. */
  readonly statistics: readonly LoadedStatistic[];
}

/** Finds the citation at `offset`, for hovers. */
export function citationAt(text: string, offset: number, statcite: CitationContext, md: ParsedMarkdown = parseMarkdown(text)): CitationAt | undefined {
  const definitionById = new Map(md.definitions.map((d) => [d.id, d]));
  const resolve = (id: string) => {
    const def = definitionById.get(id);
    return def ? statcite.resolver.resolve(def) : undefined;
  };
  const def = md.definitions.find((d) => offset >= d.start && offset <= d.labelEnd);
  if (def) {
    const source = statcite.resolver.resolve(def);
    return { kind: 'definition', start: def.start, end: def.labelEnd, label: def.label, ...(source ? { source } : {}), statistics: source?.statistics ?? [] };
  }
  const block = md.prose.find((b) => offset >= b.start && offset <= b.end);
  if (!block) return undefined;
  for (const sentence of sentencesOf(block)) {
    if (offset < sentence.start || offset > sentence.end) continue;
    const sources = sentence.references.flatMap((r) => resolve(r.id) ?? []);
    const stated = (stats: readonly LoadedStatistic[]) => stats.filter((s) => sentence.figures.some((f) => figureStates(f, s)));
    const ref = sentence.references.find((r) => offset >= r.start && offset <= r.end);
    if (ref) {
      const source = resolve(ref.id);
      const all = source?.statistics ?? [];
      const meant = stated(all);
      return { kind: 'reference', start: ref.start, end: ref.end, label: ref.label, ...(source ? { source } : {}), statistics: meant.length ? meant : all };
    }
    const figure = sentence.figures.find((f) => offset >= f.start && offset <= f.end);
    if (figure && sources.length) {
      for (const source of sources) {
        const own = source.statistics.filter((s) => figureStates(figure, s));
        if (own.length) return { kind: 'figure', start: figure.start, end: figure.end, source, statistics: own };
      }
    }
  }
  return undefined;
}
