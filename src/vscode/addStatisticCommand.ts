import * as vscode from 'vscode';
import { appendRecord, buildRecord, suggestFromSentence } from '../core/citations/newRecord';
import { UNITS, type Unit } from '../core/index/statistic';
import { documentLanguage } from './documents';
import type { IndexStore } from './indexStore';

/** Answers given in advance (by another extension, a keybinding's args or a test) instead of asking. */
export interface AddStatisticAnswers {
  readonly value?: string;
  readonly unit?: Unit;
  readonly en?: string;
  readonly publisher?: string;
  readonly year?: string;
  /** A workspace-relative `.stats.json` path. */
  readonly target?: string;
}

/** statcite: Add Statistic from Selection — turns a selected sentence into a record in a workspace `.stats.json`. */
export function registerAddStatisticCommand(store: IndexStore): vscode.Disposable {
  return vscode.commands.registerCommand('statcite.addStatisticFromSelection', async (answers: AddStatisticAnswers = {}) => {
    const editor = vscode.window.activeTextEditor;
    const quote = editor?.document.getText(editor.selection).trim();
    if (!editor || !quote) return void vscode.window.showInformationMessage(vscode.l10n.t('Select the sentence that states the statistic first.'));
    const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) return void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to keep your own statistics in it.'));
    const suggestion = suggestFromSentence(quote);
    const valueText = answers.value ?? await vscode.window.showInputBox({
      title: vscode.l10n.t('Figure'),
      prompt: vscode.l10n.t('The number as stated (84 for 84 %)'),
      value: suggestion.value !== undefined ? String(suggestion.value) : '',
      validateInput: (v) => (Number.isFinite(Number(v.replace(',', '.'))) && v.trim() ? undefined : vscode.l10n.t('Enter a number')),
    });
    if (valueText === undefined) return;
    const unitPick = answers.unit ? { label: answers.unit } : await vscode.window.showQuickPick(
      (Object.entries(UNITS) as [Unit, string][]).map(([unit, description]) => ({ label: unit, description, picked: unit === suggestion.unit })),
      { title: vscode.l10n.t('Unit'), placeHolder: suggestion.unit },
    );
    if (!unitPick) return;
    const lang = documentLanguage(editor.document);
    const en = answers.en ?? await vscode.window.showInputBox({ title: vscode.l10n.t('English gloss'), prompt: vscode.l10n.t('One line in English (your translation)'), value: lang === 'en' ? quote : '' });
    if (!en) return;
    const publisher = answers.publisher ?? await vscode.window.showInputBox({ title: vscode.l10n.t('Publisher'), prompt: vscode.l10n.t('The primary publisher as your source names it (leave empty if none)') });
    if (publisher === undefined) return;
    const yearText = answers.year ?? await vscode.window.showInputBox({ title: vscode.l10n.t('Year'), prompt: vscode.l10n.t('Year of the publication, if known'), validateInput: (v) => (!v || /^\d{4}$/.test(v) ? undefined : vscode.l10n.t('Enter a year like 2024, or nothing')) });
    if (yearText === undefined) return;

    const target = answers.target ? vscode.Uri.joinPath(folder.uri, answers.target) : await chooseTarget(folder);
    if (!target) return;
    const existing = await vscode.workspace.fs.readFile(target).then((b) => new TextDecoder().decode(b), () => '');
    const record = buildRecord({
      quote,
      lang,
      value: Number(valueText.replace(',', '.')),
      unit: unitPick.label as Unit,
      ...(suggestion.figure ? { figure: suggestion.figure } : {}),
      en,
      ...(publisher.trim() ? { publisher: publisher.trim() } : {}),
      ...(yearText ? { year: Number(yearText) } : {}),
      document: vscode.workspace.asRelativePath(editor.document.uri, false),
      documentTitle: editor.document.lineAt(0).text.replace(/^#+\s*/, '').trim() || vscode.workspace.asRelativePath(editor.document.uri, false),
      existingIds: new Set(store.current.index.statistics.map((s) => s.id)),
    });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(appendRecord(existing, record)));
    void vscode.window.showInformationMessage(vscode.l10n.t('Added "{0}" to {1}.', String(record.id), vscode.workspace.asRelativePath(target, false)));
    return record.id;
  });
}

async function chooseTarget(folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.stats.json'), '**/node_modules/**', 50);
  const fresh = vscode.Uri.joinPath(folder.uri, 'statistics.stats.json');
  if (!files.length) return fresh;
  const pick = await vscode.window.showQuickPick(
    [...files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri, false), uri })), ...(files.some((f) => f.toString() === fresh.toString()) ? [] : [{ label: vscode.l10n.t('New file: statistics.stats.json'), uri: fresh }])],
    { title: vscode.l10n.t('Add the statistic to…') },
  );
  return pick?.uri;
}
