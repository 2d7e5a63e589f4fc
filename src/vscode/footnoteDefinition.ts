import * as vscode from 'vscode';
import { definitionLabel, footnoteDefinition } from '../core/citations/footnoteTools';
import { toRange } from './convert';
import { MARKDOWN, parsedMarkdown } from './documents';
import type { IndexStore } from './indexStore';

/** Go to Definition on a footnote call `[^label]`: the definition GFM uses (the first of its label). */
export function registerFootnoteDefinition(store: IndexStore): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(MARKDOWN, {
    provideDefinition(doc, position) {
      const def = footnoteDefinition(parsedMarkdown(doc, store.current.validation.markdown), doc.offsetAt(position));
      if (!def) return undefined;
      const label = definitionLabel(def);
      const link: vscode.LocationLink = { targetUri: doc.uri, targetRange: toRange(doc, def.start, def.end), targetSelectionRange: toRange(doc, label.start, label.end) };
      return [link];
    },
  });
}
