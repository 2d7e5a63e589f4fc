import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { citedFigures, type CitedFigure } from '../core/citations/citedFigures';
import { LineIndex } from '../core/markdown/lineIndex';
import type { IndexStore } from './indexStore';


/**
 * Extends VS Code's Markdown preview: footnotes render (markdown-it-footnote), and a cited figure shows its source
 * as a tooltip. The tooltip text goes through markdown-it's attribute escaping, so data cannot inject HTML.
 */
export function extendMarkdownIt(store: IndexStore): (md: MarkdownIt) => MarkdownIt {
  return (md) => {
    md.use(footnote);
    md.core.ruler.push('statcite_cited_figures', (state: StateCore) => {
      const figures = citedFigures(state.src, store.current);
      if (!figures.length) return;
      const lines = new LineIndex(state.src);
      const byLine = new Map<number, CitedFigure[]>();
      for (const f of figures) {
        const line = lines.positionAt(f.start).line;
        const onLine = byLine.get(line);
        if (onLine) onLine.push(f);
        else byLine.set(line, [f]);
      }
      for (const token of state.tokens) {
        if (token.type !== 'inline' || !token.map || !token.children) continue;
        const candidates: CitedFigure[] = [];
        for (let l = token.map[0]; l < token.map[1]; l++) candidates.push(...(byLine.get(l) ?? []));
        if (candidates.length) token.children = wrapFigures(token.children, candidates, state.Token);
      }
    });
    md.renderer.rules.statcite_figure_open = (tokens: Token[], idx: number) => `<span class="statcite-figure" title="${md.utils.escapeHtml(String(tokens[idx]?.attrGet('title') ?? ''))}" style="text-decoration: underline dotted">`;
    md.renderer.rules.statcite_figure_close = () => '</span>';
    return md;
  };
}

/** How many figures after the next one a text token is searched for, in case the next one is not in it. */
const LOOKAHEAD = 4;

/**
 * Wraps each figure in its text token, in one pass: the figures come in document order, so each text token is
 * searched only for the next few (a figure the text does not show, e.g. inside code, is passed by when a later one is
 * found), and every search starts where the last figure ended. A paragraph of thousands of figures costs linear time.
 */
function wrapFigures(children: Token[], figures: CitedFigure[], TokenClass: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token): Token[] {
  const out: Token[] = [];
  const pending = [...figures].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const child of children) {
    if (child.type !== 'text' || next >= pending.length) {
      out.push(child);
      continue;
    }
    const text = child.content;
    let pos = 0;
    // Where each looked-ahead figure next occurs at or after `pos` (-1: nowhere in this token), reused while valid.
    const found = new Map<number, number>();
    for (;;) {
      let best = -1;
      let bestAt = Infinity;
      for (let j = next; j < Math.min(pending.length, next + LOOKAHEAD); j++) {
        let at = found.get(j);
        if (at === undefined || (at >= 0 && at < pos)) found.set(j, (at = text.indexOf(pending[j]!.text, pos)));
        if (at >= 0 && at < bestAt) [best, bestAt] = [j, at];
      }
      if (best < 0) break;
      const f = pending[best]!;
      if (bestAt > pos) out.push(textToken(text.slice(pos, bestAt), TokenClass));
      const open = new TokenClass('statcite_figure_open', 'span', 1);
      open.attrSet('title', f.title);
      out.push(open, textToken(f.text, TokenClass), new TokenClass('statcite_figure_close', 'span', -1));
      pos = bestAt + f.text.length;
      next = best + 1;
    }
    if (pos < text.length) out.push(pos === 0 ? child : textToken(text.slice(pos), TokenClass));
  }
  return out;
}

function textToken(content: string, TokenClass: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token): Token {
  const t = new TokenClass('text', '', 0);
  t.content = content;
  return t;
}
