import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = 'scripts/vscode-server/open-for-person.mjs';
const plan = (...args: string[]) => JSON.parse(execFileSync(process.execPath, [SCRIPT, '--dry-run', ...args], { encoding: 'utf8', env: { ...process.env, STATCITE_FOLDER: '' } })) as { folder: string; copied: boolean };

describe('npm start (open-for-person) opens a fresh copy of examples/', () => {
  it('copies examples/ to a new folder outside the repository on each run; edits there leave the tracked files alone', () => {
    const [first, second] = [plan(), plan()];
    try {
      expect(first.copied).toBe(true);
      expect(first.folder).not.toBe(second.folder);
      expect(resolve(first.folder).startsWith(resolve('.'))).toBe(false);
      const names = readdirSync('examples').sort();
      expect(readdirSync(first.folder).sort()).toEqual(names);
      for (const name of names) expect(readFileSync(join(first.folder, name), 'utf8')).toBe(readFileSync(join('examples', name), 'utf8'));
      const tracked = readFileSync('examples/draft-en.md', 'utf8');
      writeFileSync(join(first.folder, 'draft-en.md'), 'edited while trying statcite');
      expect(readFileSync('examples/draft-en.md', 'utf8')).toBe(tracked);
    } finally {
      for (const p of [first, second]) rmSync(dirname(p.folder), { recursive: true, force: true });
    }
  });

  it('opens a folder given with --folder as it is', () => {
    expect(plan('--folder', 'test/fixtures/workspace')).toEqual(expect.objectContaining({ folder: resolve('test/fixtures/workspace'), copied: false }));
  });
});
