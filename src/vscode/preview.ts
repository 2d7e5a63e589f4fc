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
        byLine.set(line, [...(byLine.get(line) ?? []), f]);
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

function wrapFigures(children: Token[], figures: CitedFigure[], TokenClass: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token): Token[] {
  const out: Token[] = [];
  const pending = [...figures];
  for (const child of children) {
    if (child.type !== 'text') {
      out.push(child);
      continue;
    }
    let rest = child.content;
    for (;;) {
      const hit = pending.map((f) => ({ f, at: rest.indexOf(f.text) })).filter((h) => h.at >= 0).sort((a, b) => a.at - b.at)[0];
      if (!hit) break;
      pending.splice(pending.indexOf(hit.f), 1);
      if (hit.at > 0) out.push(textToken(rest.slice(0, hit.at), TokenClass));
      const open = new TokenClass('statcite_figure_open', 'span', 1);
      open.attrSet('title', hit.f.title);
      out.push(open, textToken(hit.f.text, TokenClass), new TokenClass('statcite_figure_close', 'span', -1));
      rest = rest.slice(hit.at + hit.f.text.length);
    }
    if (rest) out.push(textToken(rest, TokenClass));
  }
  return out;
}

function textToken(content: string, TokenClass: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token): Token {
  const t = new TokenClass('text', '', 0);
  t.content = content;
  return t;
}
