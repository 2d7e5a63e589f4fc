import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/**
 * Builds the package as it ships into `.tmp/<name>/` (dist/ from scripts/build.mjs, with data/ and l10n/ beside it),
 * so a test runs the bundle a user's `npx statcite lsp` runs, not the sources and not a stale dist/. Returns the
 * path of its cli.js; `remove()` deletes the folder.
 */
export function buildPackage(name: string): { cli: string; remove: () => void } {
  const dir = join(ROOT, '.tmp', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(process.execPath, ['scripts/build.mjs', `--out=.tmp/${name}/dist`], { cwd: ROOT, stdio: 'pipe' });
  for (const folder of ['data', 'l10n']) symlinkSync(join(ROOT, folder), join(dir, folder), 'dir');
  return { cli: join(dir, 'dist', 'cli.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
