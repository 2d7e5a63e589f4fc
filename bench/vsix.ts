// Packages the extension the way a release does (`npm run package`) and reports the .vsix size, or why it failed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function packageVsix(root: string): { bytes?: number; files?: number; ms: number; error?: string } {
  const started = Date.now();
  const r = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8', timeout: 180000 });
  const ms = Date.now() - started;
  const file = join(root, 'statcite.vsix');
  if (r.status !== 0 || !existsSync(file)) {
    const why = `${r.stderr ?? ''}\n${r.stdout ?? ''}`.split('\n').filter((l) => /error|ERROR|fail/i.test(l)).slice(0, 3).join(' ');
    return { ms, error: why || `npm run package exited ${r.status}` };
  }
  const files = /\((\d+) files?,/.exec(r.stdout ?? '')?.[1];
  return { bytes: statSync(file).size, ...(files ? { files: Number(files) } : {}), ms };
}
