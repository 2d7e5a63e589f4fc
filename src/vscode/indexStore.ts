import * as vscode from 'vscode';
import { indexProblemDiagnostic } from '../core/citations/diagnostic';
import { readPrevalidatedIndex, renameIndexFile } from '../core/index/bundledIndex';
import { parseIndexBytes, type IndexProblem, type ParsedIndexFile } from '../core/index/indexFile';
import { LineIndex } from '../core/markdown/lineIndex';
import { createStatcite, type Statcite } from '../core/statcite';
import { readConfig } from './config';
import { toDiagnostic } from './convert';

/**
 * Holds the current index: the bundled statistics plus the workspace's own `*.stats.json` files. Reloads a file
 * when it changes, is replaced or deleted, and shows each bad record as a diagnostic in its file.
 */
export class IndexStore implements vscode.Disposable {
  private files = new Map<string, ParsedIndexFile>();
  private statcite: Statcite = createStatcite([]);
  private readonly emitter = new vscode.EventEmitter<Statcite>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('statcite-data');
  private watchers: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Set<string>();
  private loading: Promise<void> | undefined;
  /** Each data file's text, for placing its problems; a line index is made only for a file that has problems. */
  private readonly texts = new Map<string, string>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get current(): Statcite {
    return this.statcite;
  }

  /** Resolves when the first load has finished. */
  get ready(): Promise<void> {
    return this.loading ?? this.reload();
  }

  /** Loads everything from scratch (on start and when the data settings change). */
  reload(): Promise<void> {
    this.loading = this.loadAll().catch((e: unknown) => this.log.error(`Loading statistics failed: ${String(e)}`));
    return this.loading;
  }

  private async loadAll(): Promise<void> {
    const started = Date.now();
    const config = readConfig();
    this.texts.clear();
    const [bundled, workspace] = await Promise.all([config.useBundledIndex ? this.loadBundled() : [], this.workspaceFiles(config.dataFiles).then((uris) => this.readFiles(uris))]);
    this.files = new Map([...bundled, ...workspace]);
    this.watch(config.dataFiles);
    this.rebuild();
    this.log.info(`Loaded ${this.statcite.index.size} statistics from ${this.files.size} file(s) in ${Date.now() - started} ms (${workspace.length} from the workspace).`);
  }

  /**
   * The bundled statistics, each file under its URI: the build's pre-validated copy (scripts/bundledIndex.mjs), so
   * activation neither parses nor validates them; without one (running from source) the data files themselves.
   */
  private async loadBundled(): Promise<Array<[string, ParsedIndexFile]>> {
    const dataDir = vscode.Uri.joinPath(this.extensionUri, 'data');
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'bundled-index.json')));
      // Named as the data files would be: the build cannot know where the extension is installed.
      return readPrevalidatedIndex(text).map((f) => {
        const uri = vscode.Uri.joinPath(dataDir, f.file);
        return [uri.toString(), renameIndexFile(f, vscode.workspace.asRelativePath(uri, false))];
      });
    } catch (e) {
      this.log.info(`No pre-validated bundled index (${e instanceof Error ? e.message : String(e)}); reading data/*.stats.json.`);
      return this.readFiles(await this.bundledFiles());
    }
  }

  private async readFiles(uris: readonly vscode.Uri[]): Promise<Array<[string, ParsedIndexFile]>> {
    return Promise.all(uris.map(async (uri) => [uri.toString(), await this.readFile(uri)] as [string, ParsedIndexFile]));
  }

  private async bundledFiles(): Promise<vscode.Uri[]> {
    const dir = vscode.Uri.joinPath(this.extensionUri, 'data');
    try {
      const entries = await vscode.workspace.fs.readDirectory(dir);
      // Plain code-unit order: the names are lowercase ASCII, and the first localeCompare costs milliseconds (ICU).
      const names = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.stats.json')).map(([name]) => name);
      return names.sort().map((name) => vscode.Uri.joinPath(dir, name));
    } catch (e) {
      this.log.error(`The bundled statistics could not be read: ${String(e)}`);
      return [];
    }
  }

  private async workspaceFiles(globs: readonly string[]): Promise<vscode.Uri[]> {
    if (!vscode.workspace.workspaceFolders?.length) return [];
    const found = await Promise.all(globs.map((g) => vscode.workspace.findFiles(g, '**/node_modules/**')));
    const unique = new Map(found.flat().map((u) => [u.toString(), u]));
    return [...unique.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  private async readFile(uri: vscode.Uri): Promise<ParsedIndexFile> {
    const name = vscode.workspace.asRelativePath(uri, false);
    const problem = (code: IndexProblem['code'], message: string): ParsedIndexFile => ({ file: name, statistics: [], articles: [], problems: [{ file: name, code, path: '$', message }] });
    try {
      const limit = readConfig(uri).maxDataFileSizeMB * 1024 * 1024;
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > limit) return problem('file-too-large', vscode.l10n.t('Skipped: the file is {0} MB, over statcite.maxDataFileSizeMB ({1} MB).', (stat.size / 1048576).toFixed(1), limit / 1048576));
      const bytes = await vscode.workspace.fs.readFile(uri);
      // A byte that is not UTF-8 costs only its record: it is reported at its place, the other records load.
      const { text, ...parsed } = parseIndexBytes(name, bytes, vscode.l10n.t);
      this.texts.set(uri.toString(), text);
      return parsed;
    } catch (e) {
      return problem('unreadable-file', vscode.l10n.t('Skipped: the file could not be read ({0}).', e instanceof Error ? e.message : String(e)));
    }
  }

  private watch(globs: readonly string[]): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = globs.map((glob) => {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      const changed = (uri: vscode.Uri) => this.schedule(uri);
      return vscode.Disposable.from(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
    });
  }

  /** Re-reads changed files together after a short pause, so a save that writes twice reloads once. */
  private schedule(uri: vscode.Uri): void {
    if (uri.path.includes('/node_modules/')) return;
    this.pending.add(uri.toString());
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reloadPending(), 100);
  }

  private async reloadPending(): Promise<void> {
    const uris = [...this.pending].map((u) => vscode.Uri.parse(u));
    this.pending.clear();
    for (const uri of uris) {
      const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
      if (exists) this.files.set(uri.toString(), await this.readFile(uri));
      else this.files.delete(uri.toString()), this.texts.delete(uri.toString());
    }
    this.rebuild();
    this.log.info(`Reloaded ${uris.map((u) => vscode.workspace.asRelativePath(u, false)).join(', ')}: ${this.statcite.index.size} statistics.`);
  }

  private rebuild(): void {
    const built = (this.statcite = createStatcite([...this.files.values()], vscode.l10n.t));
    this.publishProblems();
    // Listeners (the first diagnostics pass over open documents among them) run once loading has returned, and the
    // search index is built after them, off the first keystroke and in slices (at 100k statistics it is a second's
    // work); a reload meanwhile stops it.
    setTimeout(() => {
      if (this.statcite !== built) return;
      this.emitter.fire(built);
      const pause = () => new Promise<void>((resolve, reject) => setTimeout(() => (this.statcite === built ? resolve() : reject(new Error('reloaded'))), 0));
      built.prepareSearch(pause).catch(() => undefined);
    }, 0);
  }

  private publishProblems(): void {
    this.diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const uriOf = new Map([...this.files.entries()].map(([uri, f]) => [f.file, uri]));
    const lineIndexes = new Map<string, LineIndex | undefined>();
    for (const p of this.statcite.index.problems) {
      this.log.warn(`${p.file}: ${p.path}: ${p.message}`);
      const uri = uriOf.get(p.file);
      if (!uri) continue;
      if (!lineIndexes.has(uri)) lineIndexes.set(uri, this.lineIndexOf(uri));
      const list = byFile.get(uri) ?? [];
      list.push(this.toDiagnostic(p, lineIndexes.get(uri)));
      byFile.set(uri, list);
    }
    for (const [uri, list] of byFile) this.diagnostics.set(vscode.Uri.parse(uri), list);
  }

  private toDiagnostic(p: IndexProblem, lines: LineIndex | undefined): vscode.Diagnostic {
    const d = indexProblemDiagnostic(p);
    const at = (offset: number) => {
      const pos = lines?.positionAt(offset) ?? { line: 0, character: 0 };
      return new vscode.Position(pos.line, pos.character);
    };
    return toDiagnostic(d, p.offset !== undefined ? new vscode.Range(at(d.start), at(d.end)) : new vscode.Range(0, 0, 0, 1));
  }

  private lineIndexOf(uri: string): LineIndex | undefined {
    const text = this.texts.get(uri);
    return text === undefined ? undefined : new LineIndex(text);
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const w of this.watchers) w.dispose();
    this.diagnostics.dispose();
    this.emitter.dispose();
  }
}
