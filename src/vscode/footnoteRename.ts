import * as vscode from 'vscode';
import { footnoteAt, renameFootnote } from '../core/citations/footnoteTools';
import { toRange, toTextEdit } from './convert';
import { MARKDOWN, parsedMarkdown } from './documents';
import type { IndexStore } from './indexStore';

/** Rename (F2) of a footnote label: every call and its definitions, in one edit. */
export function registerFootnoteRename(store: IndexStore): vscode.Disposable {
  const parsed = (doc: vscode.TextDocument) => parsedMarkdown(doc, store.current.validation.markdown);
  return vscode.languages.registerRenameProvider(MARKDOWN, {
    prepareRename(doc, position) {
      const at = footnoteAt(parsed(doc), doc.offsetAt(position));
      if (!at) throw new Error(vscode.l10n.t('Place the cursor on a footnote call or definition to rename it.'));
      return { range: toRange(doc, at.label.start, at.label.end), placeholder: doc.getText(toRange(doc, at.label.start, at.label.end)) };
    },
    provideRenameEdits(doc, position, newName) {
      const result = renameFootnote(parsed(doc), doc.offsetAt(position), newName, vscode.l10n.t);
      if (!result) return undefined;
      if ('error' in result) {
        // Thrown, the error would pass the rename on to the next provider (the built-in Markdown one renames a
        // `[^label]` as a link and would write the label anyway): said here, and answered with no change.
        void vscode.window.showErrorMessage(result.error);
        return new vscode.WorkspaceEdit();
      }
      const edit = new vscode.WorkspaceEdit();
      edit.set(doc.uri, result.edits.map((e) => toTextEdit(doc, e)));
      return edit;
    },
  });
}
