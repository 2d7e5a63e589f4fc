import * as vscode from 'vscode';
import { describeFigure, describeSource } from '../core/index/format';
import { statisticMarkdown } from '../core/citations/hover';
import type { LoadedStatistic } from '../core/index/indexFile';
import { readConfig } from './config';
import { inertMarkdown } from './convert';
import type { IndexStore } from './indexStore';

export type GroupBy = 'publisher' | 'year' | 'language';

type Node = { kind: 'group'; label: string; statistics: LoadedStatistic[] } | { kind: 'statistic'; statistic: LoadedStatistic };

/** Group labels for the languages of the statistics, in the UI's language. */
const languageName = (lang: string): string =>
  ({ fi: vscode.l10n.t('Finnish'), zh: vscode.l10n.t('Chinese'), lv: vscode.l10n.t('Latvian'), et: vscode.l10n.t('Estonian'), ru: vscode.l10n.t('Russian'), en: vscode.l10n.t('English') } as Record<string, string>)[lang] ?? lang;

/** The statistics browser: the index grouped by publisher, year or language, with a search filter. */
export class StatisticsTree implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  groupBy: GroupBy = 'publisher';
  filter = '';

  constructor(private readonly store: IndexStore) {
    store.onDidChange(() => this.emitter.fire(undefined));
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (node?.kind === 'group') return node.statistics.map((statistic) => ({ kind: 'statistic', statistic }));
    if (node) return [];
    const { index, search } = this.store.current;
    const shown = this.filter ? search.search(this.filter, { limit: 500 }).hits.map((h) => h.statistic) : [...index.statistics];
    const groups = new Map<string, LoadedStatistic[]>();
    for (const s of shown) {
      const key = this.groupKey(s);
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    const keys = [...groups.keys()].sort((a, b) => (this.groupBy === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
    return keys.map((label) => ({ kind: 'group', label, statistics: groups.get(label)! }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, this.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.statistics.length);
      item.contextValue = 'statcite.group';
      return item;
    }
    const s = node.statistic;
    const item = new vscode.TreeItem(`${describeFigure(s)} ${s.en}`);
    item.id = s.id;
    item.description = `${describeSource(s)} · ${s.lang}`;
    item.tooltip = inertMarkdown(statisticMarkdown(s, this.store.current.index, { staleAfterYears: readConfig().staleAfterYears, now: new Date(), localize: vscode.l10n.t }));
    item.contextValue = 'statcite.statistic';
    item.command = { command: 'statcite.showStatistic', title: vscode.l10n.t('Show Statistic'), arguments: [s.id] };
    return item;
  }

  private groupKey(s: LoadedStatistic): string {
    switch (this.groupBy) {
      case 'publisher':
        return s.source?.publisher ?? vscode.l10n.t('(no primary publisher)');
      case 'year':
        return s.source?.year !== undefined ? String(s.source.year) : vscode.l10n.t('(no year)');
      case 'language':
        return languageName(s.lang);
    }
  }
}

const SCHEME = 'statcite-statistic';

/** The view, its commands, and a read-only document that shows one statistic's details. */
export function registerStatisticsView(store: IndexStore): { tree: StatisticsTree; disposable: vscode.Disposable } {
  const tree = new StatisticsTree(store);
  const view = vscode.window.createTreeView('statcite.statistics', { treeDataProvider: tree, showCollapseAll: true });
  const describe = () => {
    view.description = tree.filter ? `“${tree.filter}”` : undefined;
    view.message = tree.filter && !tree.getChildren().length ? vscode.l10n.t('No statistic matches “{0}”.', tree.filter) : undefined;
  };
  const details = new vscode.EventEmitter<vscode.Uri>();
  const disposable = vscode.Disposable.from(
    view,
    details,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: details.event,
      provideTextDocumentContent(uri) {
        const stat = store.current.index.get(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
        return stat ? statisticMarkdown(stat, store.current.index, { staleAfterYears: readConfig().staleAfterYears, now: new Date(), localize: vscode.l10n.t }) + `\n\n*id:* \`${stat.id}\`\n` : vscode.l10n.t('This statistic is no longer in the index.');
      },
    }),
    vscode.commands.registerCommand('statcite.showStatistic', async (id: string) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: SCHEME, path: `/${id}.md` }));
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri).then(undefined, () => vscode.window.showTextDocument(doc, { preview: true, preserveFocus: true }));
    }),
    vscode.commands.registerCommand('statcite.insertFromView', (node?: Node) => {
      if (node?.kind === 'statistic') return vscode.commands.executeCommand('statcite.insertStatistic', node.statistic.id);
      return undefined;
    }),
    vscode.commands.registerCommand('statcite.filterStatistics', async () => {
      const value = await vscode.window.showInputBox({ title: vscode.l10n.t('Filter statistics'), prompt: vscode.l10n.t('Words, publisher or figure; empty shows all'), value: tree.filter });
      if (value === undefined) return;
      tree.filter = value.trim();
      describe();
      tree.refresh();
    }),
    vscode.commands.registerCommand('statcite.clearFilter', () => {
      tree.filter = '';
      describe();
      tree.refresh();
    }),
    ...(['publisher', 'year', 'language'] as const).map((g) =>
      vscode.commands.registerCommand(`statcite.groupBy.${g}`, () => {
        tree.groupBy = g;
        tree.refresh();
      }),
    ),
    vscode.commands.registerCommand('statcite.browse', () => vscode.commands.executeCommand('statcite.statistics.focus')),
  );
  return { tree, disposable };
}
