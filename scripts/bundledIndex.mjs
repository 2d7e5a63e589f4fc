// The bundled index, validated at build time: data/*.stats.json read the thorough way (src/core/index/bundledIndex.ts, run
// from source through esbuild) and written to <out>/bundled-index.json, which the extension loads with JSON.parse.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The bundled data files' names, sorted: the order the index merges them in. */
function bundledDataFiles() {
  return readdirSync(join(root, 'data')).filter((f) => f.endsWith('.stats.json')).sort();
}

/** The pre-validated bundled index as JSON text; rejects, listing every problem, when a bundled file has one. */
export async function bundledIndexJson() {
  const { outputFiles } = await build({
    stdin: { contents: "export { prevalidateBundledIndex } from './src/core/index/bundledIndex';", resolveDir: root, sourcefile: 'prevalidate.js' },
    bundle: true,
    // jsonc-parser's `main` is a UMD build that esbuild cannot follow; the extension's builds take `module` too.
    mainFields: ['module', 'main'],
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const files = bundledDataFiles().map((file) => ({ file, text: readFileSync(join(root, 'data', file), 'utf8') }));
  try {
    return JSON.stringify(module.exports.prevalidateBundledIndex(files));
  } catch (e) {
    const problems = (e instanceof Error ? e.message : String(e)).replace(/^/gm, 'data/');
    throw new Error(`The bundled index (data/*.stats.json) has problems; fix them to build:\n${problems}`);
  }
}

/** Writes `<out>/bundled-index.json`. */
export async function writeBundledIndex(out) {
  const json = await bundledIndexJson();
  mkdirSync(resolve(root, out), { recursive: true });
  writeFileSync(resolve(root, out, 'bundled-index.json'), json);
}
