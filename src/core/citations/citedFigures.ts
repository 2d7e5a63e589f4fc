import type { CitationContext } from './context';
import { figureStates } from '../figures/figureMatch';
import { describeFigure, describeSource } from '../index/format';
import { parseMarkdown, type ParsedMarkdown } from '../markdown/markdown';
import { sentencesWithFigures } from '../figures/sentences';

/** A figure whose sentence cites a source that reports it, with a one-line description of that source. */
export interface CitedFigure {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly title: string;
}

/** Every cited figure in a document, for the preview's tooltips. */
export function citedFigures(text: string, statcite: CitationContext, md: ParsedMarkdown = parseMarkdown(text)): CitedFigure[] {
  const definitions = new Map(md.definitions.map((d) => [d.id, d]));
  const out: CitedFigure[] = [];
  for (const block of md.prose) {
    for (const sentence of sentencesWithFigures(block)) {
      if (!sentence.references.length) continue;
      const stats = sentence.references.flatMap((r) => {
        const def = definitions.get(r.id);
        return (def && statcite.resolver.resolve(def)?.statistics) || [];
      });
      for (const figure of sentence.figures) {
        const stat = stats.find((s) => figureStates(figure, s));
        if (stat) out.push({ start: figure.start, end: figure.end, text: text.slice(figure.start, figure.end), title: `${describeFigure(stat)} — ${describeSource(stat)}: ${stat.en}` });
      }
    }
  }
  return out;
}
