// Lazy chunks for the Node build of the extension: modules that activation does not need are bundled into files of
// their own under dist/lazy/, and the main bundle gets a stub for each whose exports are getters that `require` the
// chunk on first read. Activation then compiles and runs none of them (issue 6: activation within 50 ms).
// The web build cannot load files of its own, and the CLI needs most of them at once: both stay single files.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Chunk name → the modules it holds (package names, or files from the repository root). Modules that share code go
 * together. A module here must not be read at the top level of a module outside it (a getter would load it there).
 */
export const LAZY_CHUNKS = {
  // The Markdown parser (micromark and its entity table): the first validation, hover or completion.
  markdown: ['mdast-util-from-markdown', 'mdast-util-gfm-footnote', 'micromark-extension-gfm-footnote'],
  // The search engine (fuse.js and the prefilter): the first search, built right after loading.
  search: ['./src/core/search/search.ts'],
  // zod: a workspace index file (the bundled one is validated at build time), adding a record, the JSON Schema.
  schema: ['./src/core/index/statisticSchema.ts'],
  // The full JSON parser: a workspace index file, adding a record.
  jsonc: ['jsonc-parser'],
  // The Markdown preview's footnotes.
  preview: ['markdown-it-footnote'],
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Import paths that may name a lazy module: a package's name, or a path ending in a lazy file's name.
const candidates = new RegExp(
  Object.values(LAZY_CHUNKS)
    .flat()
    .map((m) => (m.startsWith('.') ? `(^|/)${m.split('/').pop().replace(/\.ts$/, '')}(\\.ts)?$` : `^${m.replace(/[.]/g, '\\.')}$`))
    .join('|'),
);

/**
 * Builds each chunk into `<outdir>/lazy/<name>.js` with `options` (the main build's), and returns an esbuild plugin
 * that points the main bundle's imports of those modules at stubs.
 */
export async function buildLazyChunks(options, outdir) {
  const { entryPoints: _, ...chunkOptions } = options;
  const stubs = new Map(); // resolved path or package name → { key: its name in the bundle, contents: the stub }
  await Promise.all(
    Object.entries(LAZY_CHUNKS).map(async ([chunk, modules]) => {
      const file = resolve(root, outdir, 'lazy', `${chunk}.js`);
      const contents = modules.map((m, i) => `export * as m${i} from ${JSON.stringify(m)};`).join('\n');
      await build({ ...chunkOptions, stdin: { contents, resolveDir: root, sourcefile: `lazy-${chunk}.js` }, outfile: file });
      // The chunk's exports, read from the built file: the stub must list them (esbuild copies a module's keys).
      const built = createRequire(import.meta.url)(file);
      modules.forEach((m, i) => stubs.set(m.startsWith('.') ? join(root, m) : m, { key: m.replace(/^\.\//, ''), contents: stubSource(chunk, `m${i}`, Object.keys(built[`m${i}`])) }));
    }),
  );
  return {
    name: 'lazy-chunks',
    setup(b) {
      b.onResolve({ filter: /^\.\/lazy\//, namespace: 'lazy-chunk-stub' }, (args) => ({ path: args.path, external: true }));
      b.onResolve({ filter: candidates }, async (args) => {
        if (args.pluginData === 'lazy-chunks' || args.kind === 'entry-point') return undefined;
        const resolved = stubs.has(args.path) ? args.path : (await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'lazy-chunks' })).path;
        const stub = stubs.get(resolved);
        return stub ? { path: stub.key, namespace: 'lazy-chunk-stub', pluginData: stub } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-chunk-stub' }, (args) => ({ contents: args.pluginData.contents, loader: 'js', resolveDir: root }));
    },
  };
}

/** A CommonJS module whose exports are getters into one namespace of a chunk, loaded on the first read. */
function stubSource(chunk, namespace, names) {
  return [
    `let loaded;`,
    `const load = () => (loaded ??= require(${JSON.stringify(`./lazy/${chunk}.js`)}).${namespace});`,
    `Object.defineProperty(exports, '__esModule', { value: true });`,
    ...names.map((n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: () => load()[${JSON.stringify(n)}] });`),
  ].join('\n');
}
