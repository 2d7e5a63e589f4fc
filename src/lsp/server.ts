import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, type ClientCapabilities, type Connection, type InitializeResult } from 'vscode-languageserver';
import { completionTriggerCharacters } from '../core/citations/completion';
import { english, type Localize } from '../core/text/localize';
import { CODE_ACTION_KINDS, registerCodeActions } from './codeActions';
import { registerCompletion, TriggerRegistration } from './completion';
import type { ServerContext } from './context';
import { Diagnostics } from './diagnostics';
import { Documents } from './documents';
import { registerFootnoteTools } from './footnotes';
import { registerHover } from './hover';
import { localizeFor } from './localize';
import { SettingsStore } from './settings';
import { WorkspaceIndex, type BundledData } from './workspaceIndex';

export interface ServerOptions {
  readonly version: string;
  readonly bundled: BundledData;
  /** The extension's translations (l10n/bundle.l10n.<locale>.json). */
  readonly l10nDir: string;
}

/** Wires the statcite language server to a connection; `connection.listen()` is the caller's. */
export function startServer(connection: Connection, options: ServerOptions): void {
  let capabilities: ClientCapabilities = {};
  let localize: Localize = english;
  const documents = new Documents();
  const settings = new SettingsStore(connection);
  const index = new WorkspaceIndex(connection, settings, options.bundled, () => localize);
  const ctx: ServerContext = { connection, documents, settings, index, capabilities: () => capabilities, localize: () => localize };
  const diagnostics = new Diagnostics(ctx);
  const trigger = new TriggerRegistration(ctx);
  const dynamic = { completion: false, configuration: false, watchedFiles: false };

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    localize = localizeFor(params.locale, options.l10nDir);
    settings.initialize(params.initializationOptions, capabilities);
    index.setFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    dynamic.completion = capabilities.textDocument?.completion?.dynamicRegistration === true;
    dynamic.configuration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    dynamic.watchedFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    diagnostics.listen(pull);
    const literals = capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(dynamic.completion ? {} : { completionProvider: { triggerCharacters: completionTriggerCharacters(settings.initialSettings.trigger), resolveProvider: false } }),
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'Footnotes' },
        codeActionProvider: literals ? { codeActionKinds: CODE_ACTION_KINDS } : true,
        ...(pull ? { diagnosticProvider: { identifier: 'statcite', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'statcite', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (dynamic.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'statcite' });
    if (dynamic.watchedFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.stats.json' }] });
    if (dynamic.completion) void trigger.update();
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(() => {
        void connection.workspace.getWorkspaceFolders().then((folders) => {
          index.setFolders(folders ?? []);
          return index.reload();
        });
      });
    }
    void index.reload();
  });

  index.onDidChange(() => diagnostics.refreshAll());
  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    if (dynamic.completion) void trigger.update();
    // The data settings change what is loaded (and then every document is checked again); the others only the checks.
    void index.reloadIfDataSettingsChanged().then((reloaded) => reloaded || diagnostics.refreshAll());
  });
  connection.onDidChangeWatchedFiles((params) => index.filesChanged(params.changes));
  // A client that watches no files still saves them: an index file saved in the editor is re-read.
  documents.onDidSave((e) => index.filesChanged([{ uri: e.document.uri, type: FileChangeType.Changed }]));

  registerCompletion(ctx);
  registerHover(ctx);
  registerFootnoteTools(ctx);
  registerCodeActions(ctx, diagnostics);
  documents.listen(connection);
}
