// Compiles test/integration/**/*.ts to out/test/integration/**/*.js (CJS, one bundle per file, so imports
// from src/ resolve), for the extension host. Usage: node scripts/build-integration-tests.mjs
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'test/integration');
const outDir = path.join(root, 'out/test/integration');
const entryPoints = readdirSync(srcDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => path.join(srcDir, f));

rmSync(outDir, { recursive: true, force: true }); // no stale *.test.js from deleted tests
await esbuild.build({
  entryPoints,
  outbase: srcDir,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline', // for debuggers; the extension host's own stack traces show .js lines
  // Provided by the host or resolved from node_modules at run time.
  external: ['vscode', 'mocha', '@vscode/test-electron'],
  logLevel: 'warning',
});
console.log(`built ${entryPoints.length} integration test file(s) into ${path.relative(root, outDir)}`);
