import * as vscode from 'vscode';
import { planStatisticInsertion, statisticPickItem } from '../core/citations/completion';
import { formatFigure } from '../core/index/format';
import type { LoadedStatistic } from '../core/index/indexFile';
import { readConfig } from './config';
import { toTextEdit } from './convert';
import { documentLanguage, parsedMarkdown } from './documents';
import type { IndexStore } from './indexStore';
import { citePandocAt } from './pandocCompletion';

interface StatisticItem extends vscode.QuickPickItem {
  readonly statistic: LoadedStatistic;
}

/** statcite: Insert Statistic… — the same search as completion, in a list. */
export function registerInsertCommand(store: IndexStore): vscode.Disposable {
  return vscode.commands.registerCommand('statcite.insertStatistic', async (id?: string) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown document to insert a statistic.'));
    const stat = typeof id === 'string' ? store.current.index.get(id) : await pickStatistic(store, documentLanguage(editor.document));
    if (stat) await insertStatistic(editor, stat, store);
  });
}

async function pickStatistic(store: IndexStore, lang: string): Promise<LoadedStatistic | undefined> {
  const pick = vscode.window.createQuickPick<StatisticItem>();
  pick.placeholder = vscode.l10n.t('Search statistics by words, publisher or figure (e.g. "zendesk 84%")');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  const limit = readConfig().maxResults;
  const update = (query: string) => {
    const hits = store.current.search.search(query, { lang, limit }).hits;
    // Our own ranking decides; alwaysShow keeps VS Code's filter from hiding fuzzy matches.
    pick.items = hits.map(({ statistic: s }) => ({ ...statisticPickItem(s, lang), alwaysShow: true, statistic: s }));
  };
  update('');
  pick.onDidChangeValue(update);
  pick.show();
  const chosen = await new Promise<LoadedStatistic | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]?.statistic));
    pick.onDidHide(() => resolve(undefined));
  });
  pick.dispose();
  return chosen;
}

/** Inserts a cited statistic at the cursor (replacing the selection) in one edit: one undo reverts it. Pandoc style cites `[@key]`. */
export async function insertStatistic(editor: vscode.TextEditor, stat: LoadedStatistic, store: IndexStore): Promise<boolean> {
  const doc = editor.document;
  const config = readConfig(doc.uri);
  if (config.citationStyle === 'pandoc') return citePandocAt(doc, stat, editor.selection, formatFigure(stat, documentLanguage(doc)));
  const plan = planStatisticInsertion(doc.getText(), { start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) }, stat, store.current, {
    lang: documentLanguage(doc),
    insert: config.insert,
    parsed: parsedMarkdown(doc, store.current.validation.markdown),
  });
  const edits = [plan.main, ...plan.additional].map((e) => toTextEdit(doc, e));
  return editor.edit((b) => edits.forEach((e) => b.replace(e.range, e.newText)));
}
