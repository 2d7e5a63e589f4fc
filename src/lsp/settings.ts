import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { readSettings, settingsLookup, type StatciteSettings } from '../core/citations/settings';

/**
 * The statcite settings, under the extension's names (`trigger`, `completion.maxResults`, `severity`…), from three
 * places, the first that has a value winning: the client's answer to `workspace/configuration` (section
 * `statcite`, per document), what it last pushed with `workspace/didChangeConfiguration`, and the
 * `initializationOptions`. Each of the last two may hold the settings directly or under a `statcite` key.
 */
export class SettingsStore {
  private initial: unknown;
  private pushed: unknown;
  private pull = false;
  private readonly cache = new Map<string, Promise<StatciteSettings>>();

  constructor(private readonly connection: Connection) {}

  initialize(initializationOptions: unknown, capabilities: ClientCapabilities): void {
    this.initial = ownSection(initializationOptions);
    this.pull = capabilities.workspace?.configuration === true;
  }

  /** The settings before the client was asked: what `initialize` can use (the trigger characters). */
  get initialSettings(): StatciteSettings {
    return readSettings(this.lookup([this.initial]));
  }

  /** The settings for a document (`undefined`: the workspace's), asked of the client once until they change. */
  get(uri?: string): Promise<StatciteSettings> {
    const key = uri ?? '';
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.fetch(uri);
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** Forgets what was read: the next `get` asks again. `settings` is what the client pushed, when it did. */
  changed(settings: unknown): void {
    const own = ownSection(settings);
    if (own !== undefined) this.pushed = own;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async fetch(uri: string | undefined): Promise<StatciteSettings> {
    let pulled: unknown;
    if (this.pull) {
      try {
        pulled = await this.connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: 'statcite' } : { section: 'statcite' });
      } catch {
        // A client that fails the request still has its pushed and initial settings.
      }
    }
    return readSettings(this.lookup([pulled, this.pushed, this.initial]));
  }

  private lookup(sources: readonly unknown[]): (key: string) => unknown {
    const getters = sources.map(settingsLookup);
    return (key) => {
      for (const get of getters) {
        const value = get(key);
        if (value !== undefined && value !== null) return value;
      }
      return undefined;
    };
  }
}

/** `{ statcite: {...} }` → `{...}`; settings given without the section stay as they are; `null` is none. */
function ownSection(settings: unknown): unknown {
  if (!settings || typeof settings !== 'object') return undefined;
  const own = (settings as Record<string, unknown>).statcite;
  return own && typeof own === 'object' ? own : settings;
}
