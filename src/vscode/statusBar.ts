import * as vscode from 'vscode';
import type { IndexStore } from './indexStore';

/** Shows how many statistics are loaded, and a warning when a data file has errors. */
export function registerStatusBar(store: IndexStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('statcite.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'statcite';
  const update = () => {
    const { index } = store.current;
    const problems = index.problems.length;
    item.text = problems ? `$(warning) ${vscode.l10n.t('{0} statistics', index.size)}` : `$(graph) ${vscode.l10n.t('{0} statistics', index.size)}`;
    item.tooltip = problems ? vscode.l10n.t('statcite: {0} statistics loaded; {1} problem(s) in data files (see Problems and the statcite output).', index.size, problems) : vscode.l10n.t('statcite: {0} statistics loaded. Click to browse them.', index.size);
    item.backgroundColor = problems ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.command = problems ? 'workbench.actions.view.problems' : 'statcite.browse';
  };
  update();
  const editorWatch = vscode.window.onDidChangeActiveTextEditor((e) => (e?.document.languageId === 'markdown' ? item.show() : item.hide()));
  if (vscode.window.activeTextEditor?.document.languageId === 'markdown') item.show();
  return vscode.Disposable.from(item, store.onDidChange(update), editorWatch);
}
