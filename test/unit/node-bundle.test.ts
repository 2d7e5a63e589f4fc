import MarkdownIt from 'markdown-it';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Uri, createVscodeFake } from './fakes/vscodeFake';

/**
 * Issue 6: activation compiles only dist/extension.js; what it does not need (the Markdown parser, the search engine,
 * zod, the full JSON parser, the preview's footnotes) is bundled into dist/lazy/ and loaded on first use. The Node
 * build of scripts/build.mjs, made in a temporary folder, runs here with the in-memory `vscode` fake, as the
 * benchmark runs it.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const EXTENSION = Uri.parse('file:///extension');
const FOLDER = Uri.parse('file:///workspace');
const OWN = Uri.joinPath(FOLDER, 'own.stats.json');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
const PREVALIDATED = Uri.joinPath(EXTENSION, 'dist', 'bundled-index.json');
const fake = createVscodeFake({
  files: Object.fromEntries(readdirSync(join(root, 'data')).map((f) => [Uri.joinPath(EXTENSION, 'data', f).toString(), readFileSync(join(root, 'data', f))])),
  workspaceFolders: [FOLDER],
  settings: Object.fromEntries(Object.entries(manifest.contributes.configuration.properties).map(([k, v]) => [k, v.default])),
});

interface Api {
  ready: Promise<void>;
  store: { current: { index: { size: number; problems: ReadonlyArray<{ path: string }> }; search: { search(q: string): { hits: Array<{ statistic: { id: string } }> } } }; reload(): Promise<void> };
  extendMarkdownIt(md: InstanceType<typeof MarkdownIt>): InstanceType<typeof MarkdownIt>;
}

let dir = '';
let api: Api;
const subscriptions: Array<{ dispose(): void }> = [];
const moduleApi = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown; _cache: Record<string, unknown> };
const originalLoad = moduleApi._load;
/** The dist/lazy/ chunks loaded so far. */
const loadedChunks = () => Object.keys(moduleApi._cache).filter((f) => f.startsWith(join(dir, 'lazy'))).map((f) => f.slice(join(dir, 'lazy/').length)).sort();
const nextTasks = () => new Promise((r) => setTimeout(r, 20));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statcite-node-bundle-'));
  execFileSync(process.execPath, ['scripts/build.mjs', `--out=${dir}`], { cwd: root });
  await fake.api.workspace.fs.writeFile(PREVALIDATED, readFileSync(join(dir, 'bundled-index.json')));
  moduleApi._load = (request, ...rest) => (request === 'vscode' ? fake.api : originalLoad(request, ...rest));
  const extension = createRequire(import.meta.url)(join(dir, 'extension.js')) as { activate(c: unknown): Api };
  api = extension.activate({ extensionUri: EXTENSION, subscriptions });
  await api.ready;
}, 60_000);

afterAll(() => {
  moduleApi._load = originalLoad;
  for (const d of subscriptions) d.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Node bundle', () => {
  it('loads the bundled index, validated by the build, without loading any lazy chunk, then builds the search index', async () => {
    expect(readdirSync(join(dir, 'lazy')).sort()).toEqual(['jsonc.js', 'markdown.js', 'preview.js', 'schema.js', 'search.js']);
    expect(api.store.current.index.size).toBeGreaterThan(80);
    expect(api.store.current.index.problems).toEqual([]);
    expect(loadedChunks()).toEqual([]);
    await nextTasks();
    expect(loadedChunks()).toEqual(['search.js']);
    expect(api.store.current.search.search('zendesk 84').hits[0]?.statistic.id).toMatch(/zendesk/);
  });

  it('loads the Markdown parser to validate a document that needs it', async () => {
    // Plain paragraphs are read without micromark (src/core/markdown/markdownChunks.ts); a block quote with a list is not.
    const doc = fake.openEditor(Uri.joinPath(FOLDER, 'draft.md'), '> Nine in ten would leave.[^hubspot-2019]\n>\n> - *one*\n>   1. two\n');
    await fake.commands.get('statcite.validate')!();
    expect(fake.diagnosticSets.filter((s) => s.uri === doc.uri.toString()).at(-1)?.diagnostics.map((d) => d.code)).toContain('undefined-footnote');
    expect(loadedChunks()).toContain('markdown.js');
  });

  it('reads a workspace index file with zod and the full JSON parser, and explains a bad record', async () => {
    const size = api.store.current.index.size;
    await fake.api.workspace.fs.writeFile(OWN, readFileSync(join(root, 'test/fixtures/workspace/own.stats.json')));
    await api.store.reload();
    expect(api.store.current.index.size).toBe(size + 1);
    expect(api.store.current.index.problems).toEqual([]);
    expect(loadedChunks()).toEqual(expect.arrayContaining(['jsonc.js', 'schema.js']));
    await fake.api.workspace.fs.writeFile(OWN, new TextEncoder().encode('{"statistics": [{"id": "Bad Id"}]}'));
    await api.store.reload();
    expect(api.store.current.index.problems.map((p) => p.path)).toContain('$.statistics[0].id');
    expect(api.store.current.index.size).toBe(size);
  });

  it('without a pre-validated index (a build that made none), reads and validates the bundled data files', async () => {
    await fake.api.workspace.fs.delete(OWN);
    const size = api.store.current.index.size;
    const prevalidated = await fake.api.workspace.fs.readFile(PREVALIDATED);
    await fake.api.workspace.fs.delete(PREVALIDATED);
    try {
      await api.store.reload();
      expect(api.store.current.index.size).toBe(size);
      expect(api.store.current.index.problems).toEqual([]);
      expect(fake.log.filter((l) => l.includes('No pre-validated bundled index'))).toHaveLength(1);
    } finally {
      await fake.api.workspace.fs.writeFile(PREVALIDATED, prevalidated);
    }
  });

  it('loads the footnote plugin for the Markdown preview', () => {
    expect(api.extendMarkdownIt(new MarkdownIt()).render('A claim.[^1]\n\n[^1]: Zendesk (2019).\n')).toContain('class="footnote-ref"');
    expect(loadedChunks()).toContain('preview.js');
  });
});
