import * as vscode from 'vscode';
import { registerAddStatisticCommand } from './vscode/addStatisticCommand';
import { registerCompletionSupport } from './vscode/completion';
import { CitationDiagnostics } from './vscode/diagnostics';
import { registerHoverSupport } from './vscode/hover';
import { IndexStore } from './vscode/indexStore';
import { registerInsertCommand } from './vscode/insertCommand';
import { registerQuickFixSupport } from './vscode/quickFixes';
import { registerStatusBar } from './vscode/statusBar';
import { registerValidateCommands } from './vscode/validateCommands';

/** What tests and other extensions can reach: the loaded index, once it is ready. */
export interface StatciteApi {
  readonly ready: Promise<void>;
  readonly store: IndexStore;
}

/** The one place that wires the core and the editor adapters together. */
export function activate(context: vscode.ExtensionContext): StatciteApi {
  const log = vscode.window.createOutputChannel('statcite', { log: true });
  const store = new IndexStore(context.extensionUri, log);
  const diagnostics = new CitationDiagnostics(store);
  context.subscriptions.push(
    log,
    store,
    diagnostics,
    registerCompletionSupport(store),
    registerHoverSupport(store),
    registerQuickFixSupport(store, diagnostics),
    registerValidateCommands(store, diagnostics),
    registerInsertCommand(store),
    registerAddStatisticCommand(store),
    registerStatusBar(store),
    vscode.commands.registerCommand('statcite.reloadIndex', () => store.reload()),
    vscode.commands.registerCommand('statcite.showLog', () => log.show()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('statcite.dataFiles') || e.affectsConfiguration('statcite.useBundledIndex') || e.affectsConfiguration('statcite.maxDataFileSizeMB')) void store.reload();
    }),
  );
  // Loading reads files asynchronously, so activation returns at once; providers use the index when it is there.
  const ready = store.reload();
  return { ready, store };
}

export function deactivate(): void {}
