// Runs one measurement in a fresh process: the child script is bundled with esbuild first, as scripts/build.mjs
// bundles the extension, so statcite's code runs as it ships (tsx would put a getter on every cross-module import).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from './root';

const bundled = new Map<string, string>();

function bundle(script: string, scratch: string): string {
  let out = bundled.get(script);
  if (!out) {
    out = join(scratch, basename(script).replace(/\.ts$/, '.cjs'));
    buildSync({
      entryPoints: [join(ROOT, 'bench', script)],
      outfile: out,
      bundle: true,
      // As scripts/build.mjs: jsonc-parser's UMD `main` cannot be bundled, its `module` can.
      mainFields: ['module', 'main'],
      platform: 'node',
      format: 'cjs',
      target: 'es2022',
      // Not minified: the validation profile maps lines back to modules by esbuild's `// path` comments.
      minify: false,
      logLevel: 'error',
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    });
    bundled.set(script, out);
  }
  return out;
}

/** Runs a bench child (bundled, with --expose-gc, in the repository root) and returns its last stdout line parsed. */
export function runChild(script: string, args: readonly string[], scratch: string, timeoutMs = 240000): Record<string, unknown> {
  const started = Date.now();
  const loadBefore = loadavg()[0]! / cpus().length;
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', bundle(script, scratch), ...args], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const last = r.stdout?.trim().split('\n').pop();
  const meta = { wallMs: Date.now() - started, load: Math.round(((loadBefore + loadavg()[0]! / cpus().length) / 2) * 100) / 100 };
  try {
    if (r.status === 0 && last) return { ...JSON.parse(last), ...meta };
  } catch {}
  const why = r.error ? String(r.error) : (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join(' ');
  return { error: why, ...meta };
}
