import { MarkupKind, type Hover } from 'vscode-languageserver';
import { citationHoverMarkdown } from '../core/citations/hover';
import { citationAt } from '../core/citations/locate';
import type { ServerContext } from './context';
import { isProse } from './documents';
import { toRange } from './convert';

/** `textDocument/hover` on a footnote reference, its definition or a cited figure: the source, quote and gloss. */
export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(async (params): Promise<Hover | null> => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc || !isProse(doc)) return null;
    const [config] = await Promise.all([ctx.settings.get(doc.uri), ctx.index.ready]);
    const statcite = ctx.index.current;
    const at = citationAt(doc.getText(), doc.offsetAt(params.position), statcite, ctx.documents.parsedMarkdown(doc, statcite.validation.markdown));
    if (!at) return null;
    const markdown = citationHoverMarkdown(at, statcite.index, { staleAfterYears: config.staleAfterYears, now: new Date(), localize: ctx.localize() });
    return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(doc, at.start, at.end) } : null;
  });
}
