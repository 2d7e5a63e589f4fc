// Activation in a fresh process: load the bundled dist/extension.js with the unit tests' in-memory `vscode` fake
// (the bundled data files and dist/bundled-index.json in its file system, settings at their package.json defaults),
// then time activate() and the index becoming ready, and the first search (the search index is built lazily, on
// first use).
// Run by bench/run.ts as: node --import tsx bench/activationChild.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { Uri, createVscodeFake } from '../test/unit/fakes/vscodeFake';
import { ROOT } from './root';

const root = ROOT;
const EXTENSION = Uri.parse('file:///extension');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
// The build's pre-validated bundled index, when it made one (older builds did not), as the .vsix ships it.
const prevalidated = existsSync(join(root, 'dist/bundled-index.json')) ? { [Uri.joinPath(EXTENSION, 'dist/bundled-index.json').toString()]: readFileSync(join(root, 'dist/bundled-index.json')) } : {};
const fake = createVscodeFake({
  files: { ...Object.fromEntries(readdirSync(join(root, 'data')).map((f) => [Uri.joinPath(EXTENSION, 'data', f).toString(), readFileSync(join(root, 'data', f))])), ...prevalidated },
  settings: Object.fromEntries(Object.entries(manifest.contributes.configuration.properties).map(([k, v]) => [k, v.default])),
});
const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: typeof load })._load = (request, ...rest) => (request === 'vscode' ? fake.api : load(request, ...rest));

interface Api {
  ready: Promise<void>;
  store: { current: { index: { size: number }; search: { search(q: string, o?: { lang?: string }): { hits: unknown[] } } } };
}

const context = { subscriptions: [] as unknown[], extensionUri: EXTENSION, extensionPath: '/extension', globalState: { get: () => undefined, update: async () => undefined }, workspaceState: { get: () => undefined, update: async () => undefined } };
async function main(): Promise<void> {
  const t0 = performance.now();
  const ext = Module.createRequire(join(root, 'package.json'))(join(root, 'dist/extension.js')) as { activate(c: unknown): Api };
  const t1 = performance.now();
  const api = ext.activate(context);
  const t2 = performance.now();
  await api.ready;
  const t3 = performance.now();
  const statistics = api.store.current.index.size;
  const hits = api.store.current.search.search('zendsk', { lang: 'fi' }).hits.length;
  const t4 = performance.now();
  api.store.current.search.search('asiakaspalvelu', { lang: 'fi' });
  const t5 = performance.now();
  console.log(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, readyMs: t3 - t0, firstSearchMs: t4 - t3, secondSearchMs: t5 - t4, statistics, hits }));
}

void main();
