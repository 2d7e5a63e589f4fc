import * as vscode from 'vscode';
import { footnoteReferences } from '../core/citations/footnoteTools';
import { toRange } from './convert';
import { MARKDOWN, parsedMarkdown } from './documents';
import type { IndexStore } from './indexStore';

/** Find All References on a footnote call or definition: every call of its label, and its definitions if asked. */
export function registerFootnoteReferences(store: IndexStore): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(MARKDOWN, {
    provideReferences(doc, position, context) {
      const spans = footnoteReferences(parsedMarkdown(doc, store.current.validation.markdown), doc.offsetAt(position), context.includeDeclaration);
      return spans.map((s) => new vscode.Location(doc.uri, toRange(doc, s.start, s.end)));
    },
  });
}
