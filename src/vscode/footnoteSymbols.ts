import * as vscode from 'vscode';
import { footnoteSymbols } from '../core/citations/footnoteTools';
import { toRange } from './convert';
import { MARKDOWN, parsedMarkdown } from './documents';
import type { IndexStore } from './indexStore';

/** Outline and Go to Symbol entries for footnote definitions. */
export function registerFootnoteSymbols(store: IndexStore): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(
    MARKDOWN,
    {
      provideDocumentSymbols(doc) {
        return footnoteSymbols(parsedMarkdown(doc, store.current.validation.markdown)).map(
          (s) => new vscode.DocumentSymbol(s.name, s.detail, vscode.SymbolKind.Key, toRange(doc, s.start, s.end), toRange(doc, s.selectionStart, s.selectionEnd)),
        );
      },
    },
    { label: vscode.l10n.t('Footnotes') },
  );
}
