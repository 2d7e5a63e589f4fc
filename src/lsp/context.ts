import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { Localize } from '../core/text/localize';
import type { Documents } from './documents';
import type { SettingsStore } from './settings';
import type { WorkspaceIndex } from './workspaceIndex';

/** What every feature of the server is given: the connection, the documents, the settings and the index. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: Documents;
  readonly settings: SettingsStore;
  readonly index: WorkspaceIndex;
  /** The client's capabilities, known once `initialize` has run. */
  readonly capabilities: () => ClientCapabilities;
  /** Messages in the client's UI language (its `initialize` locale), English by default. */
  readonly localize: () => Localize;
}
