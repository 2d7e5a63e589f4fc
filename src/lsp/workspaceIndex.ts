import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { FileChangeType, type Connection, type FileEvent, type WorkspaceFolder } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InputError, readText } from '../cli/files';
import { indexProblemDiagnostic } from '../core/citations/diagnostic';
import { readPrevalidatedIndex } from '../core/index/bundledIndex';
import { parseIndexFile, type IndexProblem, type ParsedIndexFile } from '../core/index/indexFile';
import { createStatcite, type Statcite } from '../core/statcite';
import type { StatciteSettings } from '../core/citations/settings';
import type { Localize } from '../core/text/localize';
import { toDiagnostic } from './convert';
import type { SettingsStore } from './settings';

/** Where the bundled statistics are: the build's pre-validated copy, else the data files themselves. */
export interface BundledData {
  readonly prevalidated: string;
  readonly dataDir: string;
}

/**
 * The index the server answers from: the bundled statistics plus every `*.stats.json` (per `statcite.dataFiles`) in
 * the workspace folders. A changed, created or deleted file is re-read alone; each problem in a file is published as
 * a diagnostic in it, and a file whose problems are gone gets an empty list.
 */
export class WorkspaceIndex {
  private folders: string[] = [];
  private files = new Map<string, ParsedIndexFile>();
  private readonly texts = new Map<string, string>();
  private published = new Set<string>();
  private statcite: Statcite = createStatcite([]);
  private loading: Promise<void> = Promise.resolve();
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners: Array<() => void> = [];
  /** The data settings of the last load: a change to them loads everything again. */
  private loadedWith = '';

  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsStore,
    private readonly bundled: BundledData,
    private readonly localize: () => Localize,
  ) {}

  get current(): Statcite {
    return this.statcite;
  }

  /** Resolves once the latest load has finished (requests wait for it rather than answer from an empty index). */
  get ready(): Promise<void> {
    return this.loading;
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setFolders(folders: readonly WorkspaceFolder[]): void {
    this.folders = folders.flatMap((f) => (f.uri.startsWith('file:') ? [fileURLToPath(f.uri)] : []));
  }

  /** Loads everything again: at start, and when the folders or the data settings change. */
  reload(): Promise<void> {
    this.loading = this.loadAll().catch((e: unknown) => this.connection.console.error(`statcite: loading statistics failed: ${String(e)}`));
    return this.loading;
  }

  /** Loads everything again when `dataFiles`, `useBundledIndex` or `maxDataFileSizeMB` changed; says whether it did. */
  async reloadIfDataSettingsChanged(): Promise<boolean> {
    await this.loading;
    if (dataKey(await this.settings.get()) === this.loadedWith) return false;
    await this.reload();
    return true;
  }

  /** Re-reads the index files a client reports changed (`workspace/didChangeWatchedFiles`, or a saved document). */
  filesChanged(changes: readonly FileEvent[]): void {
    const ours = changes.filter((c) => c.uri.endsWith('.stats.json') && c.uri.startsWith('file:') && !c.uri.includes('/node_modules/'));
    if (!ours.length) return;
    for (const c of ours) {
      // One spelling per file whatever the client's URI encoding, so a change replaces the file it loaded.
      const uri = pathToFileURL(fileURLToPath(c.uri)).href;
      this.pending.add(c.type === FileChangeType.Deleted ? `-${uri}` : uri);
    }
    clearTimeout(this.timer);
    // A save that writes twice reloads once.
    this.timer = setTimeout(() => void (this.loading = this.loading.then(() => this.reloadPending())), 100);
  }

  private async loadAll(): Promise<void> {
    const started = Date.now();
    const config = await this.settings.get();
    this.loadedWith = dataKey(config);
    const limit = config.maxDataFileSizeMB * 1024 * 1024;
    this.texts.clear();
    const bundled = config.useBundledIndex ? this.loadBundled() : [];
    const workspace: Array<[string, ParsedIndexFile]> = [];
    for (const folder of this.folders) {
      const found = await glob([...config.dataFiles], { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] }).catch(() => [] as string[]);
      for (const path of found.sort()) workspace.push([pathToFileURL(path).href, this.readFile(path, limit)]);
    }
    this.files = new Map([...bundled, ...workspace]);
    this.rebuild();
    this.connection.console.info(`statcite: ${this.statcite.index.size} statistics from ${this.files.size} file(s) in ${Date.now() - started} ms (${workspace.length} from the workspace).`);
  }

  private loadBundled(): Array<[string, ParsedIndexFile]> {
    try {
      return readPrevalidatedIndex(readFileSync(this.bundled.prevalidated, 'utf8')).map((f) => [pathToFileURL(join(this.bundled.dataDir, f.file)).href, f]);
    } catch {
      // Running from source: the data files themselves.
      const names = readdirSync(this.bundled.dataDir).filter((n) => n.endsWith('.stats.json')).sort();
      return names.map((n) => [pathToFileURL(join(this.bundled.dataDir, n)).href, this.readFile(join(this.bundled.dataDir, n), Infinity, n)]);
    }
  }

  /** Never throws: a file that cannot be used comes back with one problem saying why. */
  private readFile(path: string, maxBytes: number, shown = this.shownName(path)): ParsedIndexFile {
    const uri = pathToFileURL(path).href;
    const t = this.localize();
    try {
      const text = readText(path, shown, maxBytes);
      this.texts.set(uri, text);
      return parseIndexFile(shown, text, t);
    } catch (e) {
      const message = e instanceof InputError ? `Skipped: ${e.message.startsWith(`${shown}: `) ? e.message.slice(shown.length + 2) : e.message}` : `Skipped: ${String(e)}`;
      const code: IndexProblem['code'] = e instanceof InputError && e.tooLarge ? 'file-too-large' : 'unreadable-file';
      return { file: shown, statistics: [], articles: [], problems: [{ file: shown, code, path: '$', message }] };
    }
  }

  private shownName(path: string): string {
    const folder = this.folders.find((f) => path.startsWith(f + sep));
    return folder ? relative(folder, path).split(sep).join('/') : path;
  }

  private async reloadPending(): Promise<void> {
    const config = await this.settings.get();
    const changes = [...this.pending];
    this.pending.clear();
    for (const change of changes) {
      const uri = change.replace(/^-/, '');
      const path = fileURLToPath(uri);
      this.texts.delete(uri);
      const exists = !change.startsWith('-') && isFile(path);
      if (exists) this.files.set(uri, this.readFile(path, config.maxDataFileSizeMB * 1024 * 1024));
      else this.files.delete(uri);
    }
    this.rebuild();
    this.connection.console.info(`statcite: reloaded ${changes.length} index file(s): ${this.statcite.index.size} statistics.`);
  }

  private rebuild(): void {
    const built = (this.statcite = createStatcite([...this.files.values()], this.localize()));
    this.publishProblems();
    for (const l of this.listeners) l();
    // The search is built off the first request, in slices; a reload meanwhile stops it.
    const pause = () => new Promise<void>((resolve, reject) => setImmediate(() => (this.statcite === built ? resolve() : reject(new Error('reloaded')))));
    built.prepareSearch(pause).catch(() => undefined);
  }

  private publishProblems(): void {
    const uriOf = new Map([...this.files.entries()].map(([uri, f]) => [f.file, uri]));
    const byUri = new Map<string, IndexProblem[]>();
    for (const p of this.statcite.index.problems) {
      const uri = uriOf.get(p.file);
      if (uri) byUri.set(uri, [...(byUri.get(uri) ?? []), p]);
    }
    for (const uri of this.published) if (!byUri.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, problems] of byUri) {
      const doc = TextDocument.create(uri, 'json', 0, this.texts.get(uri) ?? '');
      void this.connection.sendDiagnostics({ uri, diagnostics: problems.map((p) => toDiagnostic(doc, indexProblemDiagnostic(p))) });
    }
    this.published = new Set(byUri.keys());
  }
}

function dataKey(s: StatciteSettings): string {
  return JSON.stringify([s.dataFiles, s.useBundledIndex, s.maxDataFileSizeMB]);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
