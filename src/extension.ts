import * as vscode from 'vscode';
import { registerAddStatisticCommand } from './vscode/addStatisticCommand';
import { registerCompletionSupport } from './vscode/completion';
import { CitationDiagnostics } from './vscode/diagnostics';
import { registerFootnoteDefinition } from './vscode/footnoteDefinition';
import { registerFootnoteReferences } from './vscode/footnoteReferences';
import { registerFootnoteRename } from './vscode/footnoteRename';
import { registerFootnoteSymbols } from './vscode/footnoteSymbols';
import { registerHoverSupport } from './vscode/hover';
import { IndexStore } from './vscode/indexStore';
import { registerInsertCommand } from './vscode/insertCommand';
import { registerPandocCitationCommand } from './vscode/pandocCompletion';
import { registerQuickFixSupport } from './vscode/quickFixes';
import { registerRenumberCommand } from './vscode/renumberCommand';
import { extendMarkdownIt } from './vscode/preview';
import { registerStatisticsView, type StatisticsTree } from './vscode/statisticsView';
import { registerStatusBar } from './vscode/statusBar';
import { registerValidateCommands } from './vscode/validateCommands';

/** What tests and other extensions can reach: the loaded index, once it is ready. */
export interface StatciteApi {
  readonly ready: Promise<void>;
  readonly store: IndexStore;
  /** VS Code's Markdown preview calls this (contributes.markdown.markdownItPlugins). */
  readonly extendMarkdownIt: ReturnType<typeof extendMarkdownIt>;
  readonly statisticsTree: StatisticsTree;
}

/** The one place that wires the core and the editor adapters together. */
export function activate(context: vscode.ExtensionContext): StatciteApi {
  const log = vscode.window.createOutputChannel('statcite', { log: true });
  const store = new IndexStore(context.extensionUri, log);
  const diagnostics = new CitationDiagnostics(store);
  const statisticsView = registerStatisticsView(store);
  context.subscriptions.push(
    log,
    store,
    diagnostics,
    registerCompletionSupport(store),
    registerPandocCitationCommand(store),
    registerHoverSupport(store),
    registerQuickFixSupport(store, diagnostics),
    registerValidateCommands(store, diagnostics),
    registerInsertCommand(store),
    registerAddStatisticCommand(store),
    registerStatusBar(store),
    registerFootnoteDefinition(store),
    registerFootnoteReferences(store),
    registerFootnoteRename(store),
    registerFootnoteSymbols(store),
    registerRenumberCommand(store),
    statisticsView.disposable,
    vscode.commands.registerCommand('statcite.reloadIndex', () => store.reload()),
    vscode.commands.registerCommand('statcite.showLog', () => log.show()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('statcite.dataFiles') || e.affectsConfiguration('statcite.useBundledIndex') || e.affectsConfiguration('statcite.maxDataFileSizeMB')) void store.reload();
    }),
  );
  // Loading reads files asynchronously, so activation returns at once; providers use the index when it is there.
  const ready = store.reload();
  return { ready, store, extendMarkdownIt: extendMarkdownIt(store), statisticsTree: statisticsView.tree };
}

export function deactivate(): void {}
