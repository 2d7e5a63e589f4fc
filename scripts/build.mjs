// Bundles the extension (Node and browser), the CLI and the language server with esbuild; tsc only type-checks.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBundledIndex } from './bundledIndex.mjs';
import { buildLazyChunks } from './lazyChunks.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Minified by default (what ships and what the tests run); --dev keeps names and adds source maps.
const production = !process.argv.includes('--dev');
// --out=DIR builds into DIR (relative to the repository) instead of dist/: for tests that must not touch dist/.
const out = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? 'dist';
// Some ESM dependencies read import.meta.url; in a CommonJS bundle it comes from __filename.
const nodeShim = { define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" } };
const common = { bundle: true, mainFields: ['module', 'main'], minify: production, sourcemap: !production, logLevel: 'warning', target: 'es2022', legalComments: 'none' };

const node = { ...common, entryPoints: ['src/extension.ts'], outfile: `${out}/extension.js`, platform: 'node', format: 'cjs', external: ['vscode'], ...nodeShim };

rmSync(resolve(fileURLToPath(new URL('..', import.meta.url)), out), { recursive: true, force: true });
await Promise.all([
  // The bundled index, validated here rather than at activation; a problem in it fails the build.
  writeBundledIndex(out).catch((e) => {
    console.error(`✘ ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }),
  // What activation does not need is loaded on first use, from dist/lazy/ (scripts/lazyChunks.mjs).
  buildLazyChunks(node, out).then((lazyChunks) => build({ ...node, plugins: [lazyChunks] })),
  // VS Code for the Web: the same extension in a web worker, no Node built-ins.
  // Web workers have no DOM: take the entity decoder's plain-JS build, not its `document`-based browser build.
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: `${out}/web/extension.js`, platform: 'browser', format: 'cjs', external: ['vscode'], conditions: ['worker'], alias: { 'decode-named-character-reference': './node_modules/decode-named-character-reference/index.js' } }),
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: `${out}/cli.js`, platform: 'node', format: 'cjs', ...nodeShim, define: { ...nodeShim.define, STATCITE_VERSION: JSON.stringify(version) } }),
  // The language server (`statcite lsp`), its own bundle so the CLI's other commands do not load it.
  build({ ...common, entryPoints: ['src/lsp/main.ts'], outfile: `${out}/lsp.js`, platform: 'node', format: 'cjs', ...nodeShim, define: { ...nodeShim.define, STATCITE_VERSION: JSON.stringify(version) } }),
]);
