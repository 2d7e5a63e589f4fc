import { build, type BuildOptions, type Metafile } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prevalidateBundledIndex } from '../../src/core/index/bundledIndex';
import { CodeAction, CodeActionKind, CompletionList, Diagnostic, DiagnosticSeverity, Hover, MarkdownString, Position, Range, Uri, createVscodeFake, type TextDocument } from './fakes/vscodeFake';

/**
 * Issue 8, item 3: the `browser` bundle runs in VS Code for the Web. The bundle is built from src with the web options
 * of scripts/build.mjs, then evaluated in a fresh node:vm context holding only what a web worker has, with a `require`
 * that knows nothing but 'vscode' (a fake over an in-memory file system). There it activates, loads the bundled and
 * the workspace statistics through vscode.workspace.fs, completes, validates, hovers and offers quick fixes.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const EXTENSION = Uri.parse('file:///extension');
const FOLDER = Uri.parse('file:///workspace');
const BUNDLE_NAME = 'dist/web/extension.js (built in memory)';
/** What a web worker's global scope offers that the bundle might use; nothing of Node. */
const WORKER_GLOBALS = { TextEncoder, TextDecoder, URL, setTimeout, clearTimeout, queueMicrotask, console, structuredClone, performance };
const NODE_ONLY = ['require', 'process', 'Buffer', '__dirname', '__filename', 'global', 'module', 'exports', 'setImmediate'];

/** The web build's options, read from scripts/build.mjs so the test builds what ships (development flavour). */
function webBuildOptions(): BuildOptions {
  const script = readFileSync(join(root, 'scripts/build.mjs'), 'utf8');
  const common = /const common = (\{[^\n]*\});/.exec(script)?.[1];
  const web = /build\((\{[^\n]*outfile: `\$\{out\}\/web\/extension\.js`[^\n]*\})\)/.exec(script)?.[1];
  if (!common || !web) throw new Error('scripts/build.mjs no longer has a one-line `common` options object and a web build of dist/web/extension.js; update this test to read the new layout');
  // The web build must not get the Node shim (its banner calls require('url') and reads __filename).
  expect(web, 'the web build of scripts/build.mjs').not.toMatch(/nodeShim|banner|platform: 'node'/);
  const options = new Function('common', 'out', `return ${web};`)(new Function('production', `return ${common};`)(false), 'dist') as BuildOptions;
  expect(options).toMatchObject({ entryPoints: ['src/extension.ts'], platform: 'browser', format: 'cjs', external: ['vscode'] });
  return options;
}

const bundledFiles = readdirSync(join(root, 'data')).filter((f) => f.endsWith('.stats.json'));
const bundledCount = bundledFiles.reduce((n, f) => n + (JSON.parse(readFileSync(join(root, 'data', f), 'utf8')) as { statistics: unknown[] }).statistics.length, 0);
/** Every setting at its default from package.json, as VS Code would return it. */
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
const defaults = Object.fromEntries(Object.entries(manifest.contributes.configuration.properties).map(([k, v]) => [k, v.default]));

/** dist/bundled-index.json as scripts/build.mjs writes it (scripts/bundledIndex.mjs). */
const prevalidated = JSON.stringify(prevalidateBundledIndex([...bundledFiles].sort().map((file) => ({ file, text: readFileSync(join(root, 'data', file), 'utf8') }))));
const fake = createVscodeFake({
  files: {
    ...Object.fromEntries(readdirSync(join(root, 'data')).map((f) => [Uri.joinPath(EXTENSION, 'data', f).toString(), readFileSync(join(root, 'data', f))])),
    [Uri.joinPath(EXTENSION, 'dist', 'bundled-index.json').toString()]: new TextEncoder().encode(prevalidated),
    [Uri.joinPath(FOLDER, 'citations.md').toString()]: readFileSync(join(root, 'test/fixtures/workspace/citations.md')),
    [Uri.joinPath(FOLDER, 'own.stats.json').toString()]: readFileSync(join(root, 'test/fixtures/workspace/own.stats.json')),
  },
  workspaceFolders: [FOLDER],
  settings: defaults,
});

/** Every module name the bundle asked its `require` for. */
const required: string[] = [];
let externalImports: string[] = [];
let metafile: Metafile;
let exported: Record<string, unknown> = {};
interface Api {
  ready: Promise<void>;
  store: { current: { index: { size: number; problems: readonly unknown[]; get(id: string): { id: string } | undefined } } };
}
let api: Api;
const subscriptions: Array<{ dispose(): unknown }> = [];
let context: vm.Context;

beforeAll(async () => {
  const result = await build({ ...webBuildOptions(), absWorkingDir: root, outfile: join(tmpdir(), 'statcite-web', 'extension.js'), write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  const bundle = result.outputFiles.find((f) => f.path.endsWith('extension.js'));
  if (!bundle) throw new Error('esbuild wrote no extension.js');
  metafile = result.metafile as Metafile;
  externalImports = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));

  context = vm.createContext({ ...WORKER_GLOBALS });
  vm.runInContext('globalThis.self = globalThis;', context);
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string): unknown => {
    required.push(id);
    if (id === 'vscode') return fake.api;
    throw new Error(`The web bundle called require(${JSON.stringify(id)}): a web worker has no ${JSON.stringify(id)}; it must be bundled or replaced by a browser-safe API.`);
  };
  const wrapper = vm.runInContext(`(function (exports, require, module) {\n${bundle.text}\n})`, context, { filename: BUNDLE_NAME }) as (e: unknown, r: unknown, m: unknown) => void;
  try {
    wrapper.call(module.exports, module.exports, require, module);
    exported = module.exports;
    api = (exported.activate as (c: unknown) => Api)({ extensionUri: EXTENSION, subscriptions });
    await api.ready;
  } catch (e) {
    const dom = /\b(document|window|localStorage|navigator) is not defined/.test(String(e))
      ? "\n  A web worker has no DOM: a package was resolved to its DOM build through the 'browser' export condition; building with conditions: ['worker'] selects its worker build."
      : '';
    throw new Error(`The web bundle fails in a web worker: ${String(e)}${culprit(bundle.text, e)}${dom}`, { cause: e });
  }
}, 60_000);

afterAll(() => {
  for (const d of subscriptions) d.dispose();
  (exported.deactivate as (() => void) | undefined)?.();
});

/** Where in the bundle an error was thrown: the module (esbuild's `// path` comment above it) and the line. */
function culprit(bundle: string, error: unknown): string {
  const line = Number(new RegExp(`${BUNDLE_NAME.replace(/[()]/g, '\\$&')}:(\\d+)`).exec(String((error as { stack?: string })?.stack))?.[1]) - 1; // the wrapper adds a line
  if (!(line > 0)) return '';
  const lines = bundle.split('\n');
  const module = lines.slice(0, line).reverse().find((l) => /^\/\/ (node_modules|src)\//.test(l))?.slice(3);
  return `\n  at bundle line ${line}: ${lines[line - 1]?.trim()}\n  in ${module ? importChain(module) : 'an unknown module'}`;
}

/** `a <- b <- src/x.ts`: who pulls a module into the bundle, up to the first file of our own. */
function importChain(module: string): string {
  const chain = [module];
  for (let at = module; !at.startsWith('src/') && chain.length < 12; ) {
    const importer = Object.entries(metafile.inputs).find(([, input]) => input.imports.some((i) => i.path === at))?.[0];
    if (!importer) break;
    chain.push((at = importer));
  }
  return chain.join('\n    imported by ');
}

function lastDiagnostics(uri: Uri, collection = 'statcite'): readonly Diagnostic[] {
  return fake.diagnosticSets.filter((s) => s.collection === collection && s.uri === uri.toString()).at(-1)?.diagnostics ?? [];
}

function applyEdits(doc: TextDocument, edits: ReadonlyArray<{ range: Range; newText: string }>): string {
  let text = doc.getText();
  for (const e of [...edits].sort((a, b) => b.range.start.compareTo(a.range.start))) text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
  return text;
}

describe('the browser bundle in a web-worker-like environment', () => {
  it('runs where Node is absent and asks only for vscode', () => {
    expect(vm.runInContext(`[${NODE_ONLY.map((g) => `typeof ${g}`).join(', ')}]`, context), NODE_ONLY.join(', ')).toEqual(NODE_ONLY.map(() => 'undefined'));
    expect(vm.runInContext('self === globalThis', context)).toBe(true);
    expect(externalImports.filter((p) => p !== 'vscode'), 'imports esbuild left unbundled').toEqual([]);
    expect(required.filter((id) => id !== 'vscode'), 'modules the bundle tried to require').toEqual([]);
    expect(required).toContain('vscode');
    expect(typeof exported.activate).toBe('function');
  });

  it('loads the bundled statistics (validated by the build) and the workspace file through vscode.workspace.fs', () => {
    const { index } = api.store.current;
    expect(bundledCount).toBeGreaterThan(80);
    expect(index.size).toBe(bundledCount + 1);
    expect(index.get('zendesk-2019-purchase-decision-fi')?.id).toBe('zendesk-2019-purchase-decision-fi');
    expect(index.get('example-survey-2025-response-time-en')?.id).toBe('example-survey-2025-response-time-en');
    expect(index.problems).toEqual([]);
    expect(fake.log.filter((l) => l.startsWith('error') || l.includes('No pre-validated bundled index'))).toEqual([]);
    expect(fake.log.filter((l) => l.startsWith(`info: Loaded ${bundledCount + 1} statistics from ${bundledFiles.length + 1} file(s)`))).toHaveLength(1);
  });

  const NOTE = '[^zendesk-2019]: Zendesk (2019). Quoted in “Asiakaspalvelutilastot”.';
  async function firstCompletion(doc: TextDocument, at: Position) {
    const provider = fake.active(fake.completion);
    expect(provider, 'a registered completion provider').toBeDefined();
    const list = (await provider!.provideCompletionItems!(doc, at, fake.token, { triggerKind: 0 })) as CompletionList;
    expect(list).toBeInstanceOf(CompletionList);
    expect(list.isIncomplete).toBe(true);
    const first = list.items[0]!;
    expect((first.label as { description?: string }).description).toMatch(/Zendesk/);
    expect(first.documentation).toBeInstanceOf(MarkdownString);
    return { first, result: applyEdits(doc, [{ range: first.range!, newText: first.insertText! }, ...(first.additionalTextEdits ?? [])]) };
  }

  it('completes @@zendesk 84 with the figure and its reference, and adds the definition in an additional edit', async () => {
    const line = 'Service matters: @@zendesk 84';
    const doc = fake.openEditor(Uri.joinPath(FOLDER, 'service.md'), `${line}\n\nMore to say.\n`);
    const { first, result } = await firstCompletion(doc, new Position(0, line.length));
    expect(first.insertText).toBe('84%[^zendesk-2019]');
    expect(first.range).toEqual(new Range(0, line.indexOf('@@'), 0, line.length));
    expect(first.additionalTextEdits?.map((e) => e.newText)).toEqual([expect.stringContaining(`${NOTE}\n`)]);
    expect(result).toBe(`Service matters: 84%[^zendesk-2019]\n\nMore to say.\n\n${NOTE}\n`);
  });

  it('at the very end of a document the definition joins the main edit (edits must not touch)', async () => {
    const text = 'Service matters: @@zendesk 84';
    const doc = fake.openEditor(Uri.joinPath(FOLDER, 'service-end.md'), text);
    const { first, result } = await firstCompletion(doc, new Position(0, text.length));
    expect(first.insertText).toMatch(/^84%\[\^zendesk-2019\]/);
    expect(result).toBe(`Service matters: 84%[^zendesk-2019]\n\n${NOTE}\n`);
  });

  it('statcite.validate reports a missing definition and a wrong figure', async () => {
    const text = 'Customers care: 84% weigh service when buying.[^zendesk-2019]\n\nAutomated phone systems annoy 57% of consumers.[^zendesk-2019]\n\nNine in ten would leave.[^hubspot-2019]\n\n[^zendesk-2019]: Zendesk (2019).\n';
    const doc = fake.openEditor(Uri.joinPath(FOLDER, 'draft.md'), text);
    const found = (await fake.commands.get('statcite.validate')!()) as { problems: number; hints: number };
    const diagnostics = lastDiagnostics(doc.uri);
    expect(found.problems + found.hints).toBe(diagnostics.length);
    const byCode = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => doc.getText(d.range));
    expect(byCode('undefined-footnote')).toEqual(['[^hubspot-2019]']);
    expect(byCode('value-mismatch')).toEqual(['57%']);
    expect(diagnostics.every((d) => d instanceof Diagnostic && d.source === 'statcite')).toBe(true);
    expect(diagnostics.find((d) => d.code === 'undefined-footnote')?.severity).toBe(DiagnosticSeverity.Error);
    expect(diagnostics.find((d) => d.code === 'value-mismatch')?.severity).toBe(DiagnosticSeverity.Warning);

    const actions = (await fake.active(fake.codeActions)!.provideCodeActions!(doc, diagnostics[0]!.range, { diagnostics, only: undefined, triggerKind: 1 }, fake.token)) as CodeAction[];
    const replace = actions.find((a) => a.diagnostics?.[0]?.code === 'value-mismatch');
    expect(replace?.kind?.value).toBe(CodeActionKind.QuickFix.value);
    expect(replace?.title).toMatch(/57%/);
    expect(replace?.edit?.get(doc.uri)).toHaveLength(1);
  });

  it('statcite.validateWorkspace reads a Markdown file that is not open', async () => {
    const found = (await fake.commands.get('statcite.validateWorkspace')!()) as { problems: number; hints: number };
    const codes = lastDiagnostics(Uri.joinPath(FOLDER, 'citations.md')).map((d) => d.code);
    expect(found.problems + found.hints).toBeGreaterThanOrEqual(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['undefined-footnote', 'value-mismatch', 'unused-footnote', 'duplicate-footnote']));
  });

  it('hovering a reference shows the source and the quote as untrusted Markdown', async () => {
    const text = 'Customers care: 84% weigh service when buying.[^zendesk-2019]\n\n[^zendesk-2019]: Zendesk (2019).\n';
    const doc = fake.openEditor(Uri.joinPath(FOLDER, 'hover.md'), text);
    const hover = (await fake.active(fake.hover)!.provideHover!(doc, doc.positionAt(text.indexOf('[^zendesk-2019]') + 3), fake.token)) as Hover | undefined;
    expect(hover).toBeInstanceOf(Hover);
    const markdown = hover!.contents[0]!;
    expect(markdown).toBeInstanceOf(MarkdownString);
    expect(markdown.isTrusted).toBe(false);
    expect(markdown.value).toMatch(/Zendesk/);
    expect(markdown.value).toMatch(/84 prosenttia kuluttajista/);
    expect(markdown.value).toMatch(/English \(our translation\)/);
    expect(doc.getText(hover!.range)).toBe('[^zendesk-2019]');
  });
});
