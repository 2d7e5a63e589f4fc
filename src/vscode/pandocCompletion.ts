import * as vscode from 'vscode';
import { planPandocCitation } from '../core/citations/pandocCite';
import type { LoadedStatistic } from '../core/index/indexFile';
import { addBibliographyChange, readDocumentBibliography } from './bibliography';
import { toTextEdit } from './convert';
import type { IndexStore } from './indexStore';
import { readConfig } from './config';

/** Cites Pandoc-style over `[start, end)` of an open document (the command's own arguments), for other commands. */
export function citePandocAt(doc: vscode.TextDocument, stat: LoadedStatistic, range: vscode.Range, figure: string): Thenable<boolean> {
  return vscode.commands.executeCommand<boolean>(COMMAND, doc.uri.toString(), stat.id, doc.offsetAt(range.start), doc.offsetAt(range.end), doc.getText(range), figure);
}

const COMMAND = 'statcite.citePandoc';

/**
 * Makes a completion item cite Pandoc-style. The item itself changes nothing (an empty edit at the cursor); accepting
 * it runs a command that replaces the trigger and query with the figure and `[@key]` and adds the source's entry to
 * the bibliography in one workspace edit, so one undo takes back both. The bibliography is read when the item is
 * accepted, not for each of the items listed.
 */
export function citePandocStyle(item: vscode.CompletionItem, doc: vscode.TextDocument, stat: LoadedStatistic, replace: vscode.Range, figure: string, position: vscode.Position): void {
  item.range = new vscode.Range(position, position);
  item.insertText = '';
  item.additionalTextEdits = undefined;
  item.command = { title: 'Cite', command: COMMAND, arguments: [doc.uri.toString(), stat.id, doc.offsetAt(replace.start), doc.offsetAt(replace.end), doc.getText(replace), figure] };
}

/** The command behind Pandoc-style completion items. */
export function registerPandocCitationCommand(store: IndexStore): vscode.Disposable {
  return vscode.commands.registerCommand(COMMAND, async (uri: string, id: string, start: number, end: number, typed: string, figure: string) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const stat = store.current.index.get(id);
    // The typed trigger and query must still be there: never replace text the writer changed meanwhile.
    if (!doc || !stat || doc.getText().slice(start, end) !== typed) return false;
    const bibliography = await readDocumentBibliography(doc);
    const plan = planPandocCitation(doc.getText(), { start, end }, stat, { figure, index: store.current.index, bibliography: bibliography?.file, mode: readConfig(doc.uri).insert });
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, plan.documentEdits.map((e) => toTextEdit(doc, e)));
    if (plan.bibliography) {
      const target = bibliography?.uri ?? vscode.Uri.joinPath(doc.uri, '..', plan.bibliography.name);
      await addBibliographyChange(edit, target, plan.bibliography);
    }
    if (plan.problem) void vscode.window.showWarningMessage(`statcite: ${plan.problem}`);
    return vscode.workspace.applyEdit(edit);
  });
}
