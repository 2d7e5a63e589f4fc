import { ResponseError, ErrorCodes, SymbolKind, type DocumentSymbol, type Location, type LocationLink, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { definitionLabel, footnoteAt, footnoteDefinition, footnoteReferences, footnoteSymbols, renameFootnote } from '../core/citations/footnoteTools';
import type { ParsedMarkdown } from '../core/markdown/markdown';
import type { ServerContext } from './context';
import { isProse } from './documents';
import { toRange, toTextEdit } from './convert';

/**
 * The footnote tools, as the extension has them: go to definition, find references, rename (with prepare) and
 * definitions as document symbols. Each answers from the core's footnote tools over the document's parse.
 */
export function registerFootnoteTools(ctx: ServerContext): void {
  const withDoc = <T>(uri: string, answer: (doc: TextDocument, parsed: ParsedMarkdown) => T): T | null => {
    const doc = ctx.documents.get(uri);
    if (!doc || !isProse(doc)) return null;
    return answer(doc, ctx.documents.parsedMarkdown(doc, ctx.index.current.validation.markdown));
  };

  ctx.connection.onDefinition((params): LocationLink[] | null =>
    withDoc(params.textDocument.uri, (doc, parsed) => {
      const def = footnoteDefinition(parsed, doc.offsetAt(params.position));
      if (!def) return null;
      const label = definitionLabel(def);
      return [{ targetUri: doc.uri, targetRange: toRange(doc, def.start, def.end), targetSelectionRange: toRange(doc, label.start, label.end) }];
    }),
  );

  ctx.connection.onReferences((params): Location[] | null =>
    withDoc(params.textDocument.uri, (doc, parsed) =>
      footnoteReferences(parsed, doc.offsetAt(params.position), params.context.includeDeclaration).map((s) => ({ uri: doc.uri, range: toRange(doc, s.start, s.end) })),
    ),
  );

  ctx.connection.onPrepareRename((params) =>
    withDoc(params.textDocument.uri, (doc, parsed) => {
      const at = footnoteAt(parsed, doc.offsetAt(params.position));
      return at ? { range: toRange(doc, at.label.start, at.label.end), placeholder: doc.getText(toRange(doc, at.label.start, at.label.end)) } : null;
    }),
  );

  ctx.connection.onRenameRequest((params): WorkspaceEdit | null => {
    const result = withDoc(params.textDocument.uri, (doc, parsed) => ({ doc, result: renameFootnote(parsed, doc.offsetAt(params.position), params.newName, ctx.localize()) }));
    if (!result?.result) return null;
    // An invalid label is an error the client shows; nothing is renamed.
    if ('error' in result.result) throw new ResponseError(ErrorCodes.InvalidParams, result.result.error);
    const { doc } = result;
    return { changes: { [doc.uri]: result.result.edits.map((e) => toTextEdit(doc, e)) } };
  });

  ctx.connection.onDocumentSymbol((params): DocumentSymbol[] | null =>
    withDoc(params.textDocument.uri, (doc, parsed) =>
      footnoteSymbols(parsed).map((s) => ({ name: s.name, detail: s.detail, kind: SymbolKind.Key, range: toRange(doc, s.start, s.end), selectionRange: toRange(doc, s.selectionStart, s.selectionEnd) })),
    ),
  );
}
