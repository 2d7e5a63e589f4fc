import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The core's rooms and the rooms each may import (src/core/README.md). Imports run one way: down this list.
const ALLOWED: Record<string, readonly string[]> = {
  text: [],
  index: ['text'],
  markdown: ['text'],
  figures: ['text', 'index', 'markdown'],
  search: ['text', 'index'],
  bibliography: ['text', 'index'],
  citations: ['text', 'index', 'markdown', 'figures', 'search', 'bibliography'],
};
const CORE = resolve(__dirname, '../../src/core');

function coreFiles(dir = CORE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? coreFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier a file imports or re-exports, types included. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

const files = coreFiles();
const graph = new Map(files.map((f) => [f, specifiers(f).filter((s) => s.startsWith('.')).map((s) => resolve(dirname(f), s) + '.ts')]));
const roomOf = (file: string) => relative(CORE, file).split('/').slice(0, -1)[0] ?? '(root)';

describe('the core is laid out in rooms', () => {
  it('every core file lives in a room, but the composition root', () => {
    expect(files.filter((f) => roomOf(f) === '(root)').map((f) => relative(CORE, f))).toEqual(['statcite.ts']);
    for (const f of files) if (roomOf(f) !== '(root)') expect(Object.keys(ALLOWED)).toContain(roomOf(f));
  });

  it('each room says what lives there and what it may import', () => {
    for (const room of Object.keys(ALLOWED)) {
      const readme = join(CORE, room, 'README.md');
      expect(existsSync(readme), readme).toBe(true);
      expect(readFileSync(readme, 'utf8')).toMatch(/may import/i);
    }
  });

  it('imports run only to the rooms below', () => {
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      const from = roomOf(file);
      for (const dep of deps) {
        expect(existsSync(dep), `${relative(CORE, file)} imports a missing ${dep}`).toBe(true);
        const to = roomOf(dep);
        if (from === '(root)' || to === from) continue;
        if (to === '(root)' || !ALLOWED[from]!.includes(to)) wrong.push(`${relative(CORE, file)} → ${relative(CORE, dep)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no import cycle, type-only imports included', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(CORE, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const dep of graph.get(file) ?? []) visit(dep, [...path, file]);
      state.set(file, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('the core imports neither vscode nor Node', () => {
    const impure = files.filter((f) => specifiers(f).some((s) => s === 'vscode' || s.startsWith('node:')));
    expect(impure.map((f) => relative(CORE, f))).toEqual([]);
  });
});
