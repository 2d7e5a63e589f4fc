/**
 * A small, in-memory stand-in for the `vscode` module: enough of the API for statcite's activate(), its providers and
 * commands, with a file system backed by a Map and every registration captured for tests. It can be handed to a
 * bundle evaluated in another realm (node:vm). Its namespaces throw on members the fake lacks, so a missing piece
 * fails with its name instead of "undefined is not a function".
 */
type Fn = (...args: any[]) => unknown;
type Listener<T> = (e: T) => unknown;
type UriParts = { scheme?: string; authority?: string; path?: string; query?: string; fragment?: string };

export class Disposable {
  constructor(private readonly callOnDispose: () => unknown = () => undefined) {}
  static from(...items: Array<{ dispose(): unknown }>): Disposable { return new Disposable(() => items.forEach((d) => d.dispose())); }
  dispose(): void { this.callOnDispose(); }
}
export class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>, thisArg?: unknown, disposables?: Disposable[]): Disposable => {
    const bound: Listener<T> = (e) => listener.call(thisArg, e), d = new Disposable(() => this.listeners.delete(bound));
    this.listeners.add(bound);
    return disposables?.push(d), d;
  };
  fire(e: T): void { for (const l of [...this.listeners]) l(e); }
  dispose(): void { this.listeners.clear(); }
}
export class Uri {
  private constructor(readonly scheme: string, readonly authority: string, readonly path: string, readonly query: string, readonly fragment: string) {}
  static file(path: string): Uri { return new Uri('file', '', path.startsWith('/') ? path : `/${path}`, '', ''); }
  static from(c: UriParts & { scheme: string }): Uri { return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.query ?? '', c.fragment ?? ''); }
  static parse(value: string): Uri {
    const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value) ?? fail(`vscode fake: cannot parse the URI ${value}`);
    return new Uri(m[1]!, m[2] ?? '', m[3] ?? '', m[4] ?? '', m[5] ?? '');
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    const parts: string[] = [];
    for (const p of [base.path, ...segments].join('/').split('/')) if (p === '..') parts.pop(); else if (p && p !== '.') parts.push(p);
    return base.with({ path: `/${parts.join('/')}` });
  }
  get fsPath(): string { return this.path; }
  with(c: UriParts): Uri { return new Uri(c.scheme ?? this.scheme, c.authority ?? this.authority, c.path ?? this.path, c.query ?? this.query, c.fragment ?? this.fragment); }
  toString(): string { return `${this.scheme}:${this.authority || this.scheme === 'file' ? `//${this.authority}` : ''}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`; }
  toJSON(): string { return this.toString(); }
}
export class Position {
  constructor(readonly line: number, readonly character: number) {}
  translate(lineDelta = 0, characterDelta = 0): Position { return new Position(this.line + lineDelta, this.character + characterDelta); }
  compareTo(o: Position): number { return this.line - o.line || this.character - o.character; }
  isEqual(o: Position): boolean { return this.compareTo(o) === 0; }
}
export class Range {
  readonly start: Position; readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    const [s, e] = typeof a === 'number' ? [new Position(a, b as number), new Position(c!, d!)] : [a, b as Position];
    [this.start, this.end] = s.compareTo(e) <= 0 ? [s, e] : [e, s];
  }
  get isEmpty(): boolean { return this.start.isEqual(this.end); }
  contains(p: Position): boolean { return this.start.compareTo(p) <= 0 && p.compareTo(this.end) <= 0; }
}
export class Selection extends Range { constructor(readonly anchor: Position, readonly active: Position) { super(anchor, active); } }
export class TextEdit {
  constructor(readonly range: Range, readonly newText: string) {}
  static replace = (range: Range, text: string) => new TextEdit(range, text);
  static insert = (at: Position, text: string) => new TextEdit(new Range(at, at), text);
}
export class WorkspaceEdit {
  readonly edits = new Map<string, TextEdit[]>();
  set(uri: Uri, edits: TextEdit[]): void { this.edits.set(uri.toString(), edits); }
  get(uri: Uri): TextEdit[] { return this.edits.get(uri.toString()) ?? []; }
}
export class Location { constructor(readonly uri: Uri, readonly range: Range) {} }
export class DocumentSymbol { children: DocumentSymbol[] = []; constructor(readonly name: string, readonly detail: string, readonly kind: number, readonly range: Range, readonly selectionRange: Range) {} }
export const SymbolKind = { Key: 19 } as const;
export class MarkdownString {
  isTrusted?: boolean; supportHtml?: boolean;
  constructor(public value = '', readonly supportThemeIcons = false) {}
  appendMarkdown(text: string): this { return (this.value += text), this; }
}
export class CompletionItem {
  range?: Range; insertText?: string; additionalTextEdits?: TextEdit[]; documentation?: MarkdownString | string;
  detail?: string; sortText?: string; filterText?: string;
  constructor(readonly label: string | { label: string; description?: string }, readonly kind?: number) {}
}
export class CompletionList { constructor(readonly items: CompletionItem[] = [], readonly isIncomplete = false) {} }
export class Hover {
  readonly contents: MarkdownString[];
  constructor(contents: MarkdownString | MarkdownString[], readonly range?: Range) { this.contents = Array.isArray(contents) ? contents : [contents]; }
}
export class Diagnostic {
  source?: string; code?: string | number; tags?: number[];
  constructor(readonly range: Range, readonly message: string, readonly severity: number = DiagnosticSeverity.Error) {}
}
export class CodeActionKind {
  private constructor(readonly value: string) {}
  static readonly Empty = new CodeActionKind(''); static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Source = new CodeActionKind('source'); static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  append(part: string): CodeActionKind { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
  contains(other: CodeActionKind): boolean { return this.value === other.value || other.value.startsWith(`${this.value}.`); }
  intersects(other: CodeActionKind): boolean { return this.contains(other) || other.contains(this); }
}
export class CodeAction {
  diagnostics?: Diagnostic[]; isPreferred?: boolean; edit?: WorkspaceEdit;
  constructor(readonly title: string, readonly kind?: CodeActionKind) {}
}
export class ThemeColor { constructor(readonly id: string) {} }
export class TreeItem { [key: string]: unknown; constructor(readonly label: string, readonly collapsibleState: number = TreeItemCollapsibleState.None) {} }
export class RelativePattern {
  readonly baseUri: Uri;
  constructor(base: Uri | { uri: Uri }, readonly pattern: string) { this.baseUri = base instanceof Uri ? base : base.uri; }
}
export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;
export const DiagnosticTag = { Unnecessary: 1, Deprecated: 2 } as const;
export const CompletionItemKind = { Text: 0, Value: 11, Snippet: 14, Reference: 17 } as const;
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;
export const StatusBarAlignment = { Left: 1, Right: 2 } as const;
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const;
export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;
export const UIKind = { Desktop: 1, Web: 2 } as const;

/** A text document over a fixed text (one version; make a new one to "edit"). */
export class TextDocument {
  readonly isClosed = false; private readonly starts: number[] = [0];
  constructor(readonly uri: Uri, private readonly text: string, readonly languageId = 'markdown', readonly version = 1) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }
  get lineCount(): number { return this.starts.length; }
  get fileName(): string { return this.uri.fsPath; }
  getText(range?: Range): string { return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text; }
  lineAt(lineOrPosition: number | Position): { lineNumber: number; text: string; range: Range } {
    const line = typeof lineOrPosition === 'number' ? lineOrPosition : lineOrPosition.line;
    const text = this.text.slice(this.starts[line] ?? this.text.length, this.starts[line + 1] ?? this.text.length).replace(/\r?\n$/, '');
    return { lineNumber: line, text, range: new Range(line, 0, line, text.length) };
  }
  offsetAt(p: Position): number {
    if (p.line >= this.lineCount) return this.text.length;
    const line = Math.max(0, p.line);
    return this.starts[line]! + Math.min(Math.max(0, p.character), this.lineAt(line).text.length);
  }
  positionAt(offset: number): Position {
    const o = Math.min(Math.max(0, offset), this.text.length);
    let line = 0;
    while (line + 1 < this.starts.length && this.starts[line + 1]! <= o) line++;
    return new Position(line, o - this.starts[line]!);
  }
}

function strict<T extends object>(name: string, target: T): T {
  const known = (t: T, p: string | symbol) => typeof p !== 'string' || p in t || ['then', 'toJSON', '__esModule'].includes(p);
  return new Proxy(target, { get: (t, p, r) => (known(t, p) ? Reflect.get(t, p, r) : fail(`vscode fake: ${name}.${String(p)} is not implemented`)) });
}
function fail(message: string): never { throw new Error(message); }

function globToRegExp(glob: string): RegExp {
  let depth = 0;
  const fixed: Record<string, string> = { '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*', '?': '[^/]' };
  const token = (t: string) => fixed[t] ?? (t === '{' ? (depth++, '(?:') : t === '}' ? (depth--, ')') : t === ',' && depth ? '|' : `\\${t}`);
  return new RegExp(`^${glob.replace(/\*\*\/|\*\*|[*?{},.+^$()|[\]\\]/g, token)}$`);
}

export interface Registration { readonly selector: unknown; readonly provider: Record<string, Fn>; readonly extra: unknown[]; disposed: boolean }
export interface DiagnosticSet { readonly collection: string; readonly uri: string; readonly diagnostics: readonly Diagnostic[] }
export interface FakeOptions {
  /** File contents by URI string (`file:///ext/data/fi.stats.json`). */
  readonly files?: Record<string, string | Uint8Array>;
  readonly workspaceFolders?: readonly Uri[];
  /** Settings by full key (`statcite.trigger`); getConfiguration().get() falls back to its default argument. */
  readonly settings?: Record<string, unknown>;
}

/** The fake module (`api`, what `require('vscode')` returns) and what the extension did with it. */
export function createVscodeFake(options: FakeOptions = {}) {
  const files = new Map(Object.entries(options.files ?? {}).map(([k, v]) => [k, typeof v === 'string' ? new TextEncoder().encode(v) : v]));
  const settings: Record<string, unknown> = { ...options.settings };
  const folders = (options.workspaceFolders ?? []).map((uri, index) => ({ uri, name: uri.path.split('/').pop() ?? '', index }));
  const completion: Registration[] = [], hover: Registration[] = [], codeActions: Registration[] = [];
  const definition: Registration[] = [], references: Registration[] = [], rename: Registration[] = [], symbols: Registration[] = [];
  const commands = new Map<string, Fn>(), executed: Array<{ command: string; args: unknown[] }> = [], diagnosticSets: DiagnosticSet[] = [];
  const messages: string[] = [], log: string[] = [];
  const contentProviders = new Map<string, { provideTextDocumentContent(uri: Uri): string }>(), textDocuments: TextDocument[] = [];
  const events = { open: new EventEmitter<TextDocument>(), change: new EventEmitter<unknown>(), save: new EventEmitter<TextDocument>(), close: new EventEmitter<TextDocument>(), configuration: new EventEmitter<{ affectsConfiguration(s: string): boolean }>(), activeEditor: new EventEmitter<unknown>() };
  let activeTextEditor: { document: TextDocument; selection: Selection } | undefined;
  const notFound = (uri: Uri) => Object.assign(new Error(`${uri.toString()}: file not found`), { code: 'FileNotFound' });
  const under = (uri: Uri, base: Uri) => uri.toString().startsWith(`${base.toString().replace(/\/$/, '')}/`);
  const isDir = (uri: Uri) => [...files.keys()].some((k) => under(Uri.parse(k), uri));
  const register = (list: Registration[]) => (selector: unknown, provider: Record<string, Fn>, ...extra: unknown[]) => {
    const entry: Registration = { selector, provider, extra, disposed: false };
    return list.push(entry), new Disposable(() => (entry.disposed = true));
  };
  const token = { isCancellationRequested: false, onCancellationRequested: new EventEmitter<void>().event };
  const bag = (props: object = {}) => ({ show() {}, hide() {}, dispose() {}, ...props });
  const relativePath = (uri: Uri, folder = folders.find((f) => under(uri, f.uri))) => (folder ? uri.toString().slice(folder.uri.toString().length + 1) : uri.path);

  const fs = strict('workspace.fs', {
    async readFile(uri: Uri) { const bytes = files.get(uri.toString()); if (!bytes) throw notFound(uri); return bytes.slice(); },
    async writeFile(uri: Uri, content: Uint8Array) { files.set(uri.toString(), content.slice()); },
    async delete(uri: Uri) { if (!files.delete(uri.toString())) throw notFound(uri); },
    async stat(uri: Uri, bytes = files.get(uri.toString())) {
      if (!bytes && !isDir(uri)) throw notFound(uri);
      return { type: bytes ? FileType.File : FileType.Directory, size: bytes?.length ?? 0, ctime: 0, mtime: 0 };
    },
    async readDirectory(uri: Uri) {
      if (!isDir(uri)) throw notFound(uri);
      const prefix = `${uri.toString().replace(/\/$/, '')}/`;
      const entries = new Map<string, number>();
      for (const rest of [...files.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))) entries.set(rest.split('/')[0]!, rest.includes('/') ? FileType.Directory : FileType.File);
      return [...entries];
    },
  });

  const workspace = strict('workspace', {
    fs,
    get workspaceFolders() { return folders.length ? folders : undefined; },
    textDocuments, isTrusted: true,
    getWorkspaceFolder: (uri: Uri) => folders.find((f) => under(uri, f.uri)),
    asRelativePath: (pathOrUri: string | Uri) => (typeof pathOrUri === 'string' ? pathOrUri : relativePath(pathOrUri)),
    getConfiguration: (section?: string) => {
      const key = (k: string) => (section ? `${section}.${k}` : k);
      return { get: (k: string, fallback?: unknown) => (key(k) in settings ? structuredClone(settings[key(k)]) : fallback), has: (k: string) => key(k) in settings, update: async (k: string, v: unknown) => void (settings[key(k)] = v) };
    },
    async findFiles(include: string | RelativePattern, exclude?: string | null, maxResults?: number) {
      const [pattern, bases] = typeof include === 'string' ? [include, folders.map((f) => f.uri)] : [include.pattern, [include.baseUri]];
      const found = [...files.keys()].map((k) => Uri.parse(k)).filter((uri) => {
        const base = bases.find((b) => under(uri, b));
        const rel = base && uri.toString().slice(base.toString().length + 1);
        return rel !== undefined && globToRegExp(pattern).test(rel) && !(exclude && globToRegExp(exclude).test(rel));
      });
      return found.slice(0, maxResults ?? found.length);
    },
    createFileSystemWatcher: () => ({ onDidChange: new EventEmitter<Uri>().event, onDidCreate: new EventEmitter<Uri>().event, onDidDelete: new EventEmitter<Uri>().event, dispose() {} }),
    registerTextDocumentContentProvider: (scheme: string, provider: { provideTextDocumentContent(uri: Uri): string }) => (contentProviders.set(scheme, provider), new Disposable(() => contentProviders.delete(scheme))),
    async openTextDocument(uri: Uri) {
      const open = textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) return open;
      const text = contentProviders.get(uri.scheme)?.provideTextDocumentContent(uri) ?? new TextDecoder().decode(await fs.readFile(uri));
      const doc = new TextDocument(uri, text, /\.(md|markdown)$/.test(uri.path) ? 'markdown' : 'plaintext');
      textDocuments.push(doc);
      return doc;
    },
    onDidOpenTextDocument: events.open.event, onDidChangeTextDocument: events.change.event, onDidSaveTextDocument: events.save.event,
    onDidCloseTextDocument: events.close.event, onDidChangeConfiguration: events.configuration.event,
  });

  const say = (message: string) => (messages.push(message), Promise.resolve(undefined));
  const outputLine = (level: string) => (message: string) => void log.push(`${level}: ${message}`);
  const window = strict('window', {
    get activeTextEditor() { return activeTextEditor; },
    get visibleTextEditors() { return activeTextEditor ? [activeTextEditor] : []; },
    onDidChangeActiveTextEditor: events.activeEditor.event,
    createOutputChannel: (name: string) => bag({ name, trace: outputLine('trace'), debug: outputLine('debug'), info: outputLine('info'), warn: outputLine('warn'), error: outputLine('error'), append: outputLine('append'), appendLine: outputLine('append'), clear() {} }),
    createStatusBarItem: (id?: string) => bag({ id }),
    createTreeView: (id: string, options: unknown) => bag({ id, options, reveal: async () => undefined }),
    showInformationMessage: say, showWarningMessage: say, showErrorMessage: say, showInputBox: async () => undefined, showQuickPick: async () => undefined,
    showTextDocument: async (document: TextDocument) => (activeTextEditor = { document, selection: new Selection(new Position(0, 0), new Position(0, 0)) }),
    setStatusBarMessage: (message: string) => (messages.push(message), new Disposable()),
    withProgress: async (_options: unknown, task: Fn) => task({ report() {} }, token),
  });

  const l10n = strict('l10n', {
    t: (message: string | { message: string; args?: unknown[] }, ...args: unknown[]): string => {
      const text = typeof message === 'string' ? message : message.message;
      const values = (typeof message === 'string' ? (args.length === 1 && typeof args[0] === 'object' ? args[0] : args) : message.args ?? []) as Record<string, unknown>;
      return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
    },
  });

  const languages = strict('languages', {
    createDiagnosticCollection: (name = '') => {
      const current = new Map<string, Diagnostic[]>();
      const set = (uri: Uri, diagnostics: Diagnostic[] = []) => void (current.set(uri.toString(), diagnostics), diagnosticSets.push({ collection: name, uri: uri.toString(), diagnostics }));
      return { name, set, get: (uri: Uri) => current.get(uri.toString()), delete: (uri: Uri) => void current.delete(uri.toString()), clear: () => current.clear(), dispose: () => current.clear() };
    },
    registerCompletionItemProvider: register(completion), registerHoverProvider: register(hover), registerCodeActionsProvider: register(codeActions),
    registerDefinitionProvider: register(definition), registerReferenceProvider: register(references), registerRenameProvider: register(rename), registerDocumentSymbolProvider: register(symbols),
  });

  const commandsApi = strict('commands', {
    registerCommand(id: string, handler: Fn) {
      if (commands.has(id)) throw new Error(`command '${id}' already exists`);
      return commands.set(id, handler), new Disposable(() => commands.delete(id));
    },
    executeCommand: async (command: string, ...args: unknown[]) => (executed.push({ command, args }), commands.get(command)?.(...args)),
  });

  const api = strict('vscode', {
    Uri, Position, Range, Selection, TextEdit, WorkspaceEdit, Location, DocumentSymbol, SymbolKind, MarkdownString, CompletionItem, CompletionList, Hover, Diagnostic, CodeAction, CodeActionKind, ThemeColor, TreeItem, RelativePattern, Disposable, EventEmitter,
    DiagnosticSeverity, DiagnosticTag, CompletionItemKind, TreeItemCollapsibleState, StatusBarAlignment, ProgressLocation, FileType, UIKind,
    version: '1.138.0', workspace, window, l10n, languages, commands: commandsApi,
    env: strict('env', { language: 'en', appName: 'Visual Studio Code (fake)', uiKind: UIKind.Web, machineId: 'fake' }),
  });

  return {
    api, files, settings, textDocuments, events, token, completion, hover, codeActions, definition, references, rename, symbols, commands, executed, diagnosticSets, messages, log,
    /** The provider registered last in a list and still registered. */
    active: (list: Registration[]) => list.filter((r) => !r.disposed).at(-1)?.provider,
    /** Opens a document (adds it to workspace.textDocuments) and makes it the active editor, the cursor at its end. */
    openEditor(uri: Uri, text: string, languageId = 'markdown'): TextDocument {
      const document = new TextDocument(uri, text, languageId);
      textDocuments.push(document);
      const end = document.positionAt(text.length);
      activeTextEditor = { document, selection: new Selection(end, end) };
      return document;
    },
  };
}
export type VscodeFake = ReturnType<typeof createVscodeFake>;
