import * as vscode from 'vscode';
import { renumberFootnotes } from '../core/citations/footnoteTools';
import { toTextEdit } from './convert';
import { parsedMarkdown } from './documents';
import type { IndexStore } from './indexStore';

/** statcite: Renumber Footnotes — numeric labels in reading order, definitions in that order, as one undoable edit. */
export function registerRenumberCommand(store: IndexStore): vscode.Disposable {
  return vscode.commands.registerCommand('statcite.renumberFootnotes', async (): Promise<boolean> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown document to renumber its footnotes.'));
      return false;
    }
    const doc = editor.document;
    const edits = renumberFootnotes(doc.getText(), parsedMarkdown(doc, store.current.validation.markdown));
    if (edits.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The footnotes are already numbered in reading order.'));
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, edits.map((e) => toTextEdit(doc, e)));
    return vscode.workspace.applyEdit(edit);
  });
}
