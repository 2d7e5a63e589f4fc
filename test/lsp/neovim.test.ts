import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildPackage } from './support/build';

/**
 * A real client written elsewhere: Debian's Neovim (0.7, installed by scripts/apt-install.sh when missing) runs
 * headless with test/lsp/neovim/statcite-client.lua, which starts `statcite lsp --stdio` through vim.lsp, completes,
 * accepts, hovers, reads the pushed diagnostics and applies a quick fix, and writes what it saw to a file.
 */

const DOC = 'Tärkeää: kuluttajista @@zendsk pitää palvelua tärkeänä.\n\nToinen kappale käsittelee hintoja.\n';
const ZENDESK_NOTE = '[^zendesk-2019]: Zendesk (2019). Lainattu artikkelissa “Asiakaspalvelutilastot”.';

interface Seen {
  ok: boolean;
  error?: string;
  trigger_characters: string[];
  is_incomplete: boolean;
  labels: string[];
  chosen: string;
  after_completion: string[];
  hover: string | null;
  diagnostics: Array<{ code: string; severity: number; lnum: number; col: number; end_col: number; source: string; message: string }>;
  actions: Array<{ title: string; kind: string }>;
  after_fix: string[];
  stopped: boolean;
}

let pkg: ReturnType<typeof buildPackage>;
let dir: string;

beforeAll(() => {
  // Installs neovim with apt-get when `nvim` is missing (needs root, as in CI); idempotent.
  execFileSync('bash', [join(ROOT, 'scripts/apt-install.sh'), 'nvim:neovim'], { stdio: 'inherit', timeout: 600_000 });
  pkg = buildPackage('lsp-neovim');
  dir = mkdtempSync(join(tmpdir(), 'statcite-nvim-'));
  writeFileSync(join(dir, 'draft.md'), DOC);
}, 660_000);

afterAll(() => {
  pkg?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Neovim 0.7 (vim.lsp) as the client of statcite lsp', () => {
  it('completes after @@zendsk, applies the edits, hovers, shows the diagnostics and applies a quick fix', () => {
    const version = execFileSync('nvim', ['--version'], { encoding: 'utf8' }).split('\n')[0];
    expect(version).toMatch(/^NVIM v0\.\d+/);
    const outFile = join(dir, 'seen.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(ROOT, 'test/lsp/neovim/statcite-client.lua')}`], {
      cwd: dir,
      env: { ...process.env, STATCITE_CLI: pkg.cli, STATCITE_DOC: join(dir, 'draft.md'), STATCITE_ROOT: dir, STATCITE_OUT: outFile },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const seen = JSON.parse(readFileSync(outFile, 'utf8')) as Seen;
    expect(seen.error, `nvim: ${run.stderr}`).toBeUndefined();
    expect(seen.ok).toBe(true);

    expect(seen.trigger_characters).toContain('@');
    expect(seen.is_incomplete).toBe(true);
    expect(seen.labels.length).toBeGreaterThan(1);
    expect(seen.chosen).toMatch(/^84 % of consumers/);
    // The figure replaced "@@zendsk" after the multi-byte letters (UTF-16 positions), and the definition was added.
    expect(seen.after_completion.join('\n')).toBe(`Tärkeää: kuluttajista 84 %[^zendesk-2019] pitää palvelua tärkeänä.\n\nToinen kappale käsittelee hintoja.\n\n${ZENDESK_NOTE}`);

    expect(seen.hover).toContain('Zendesk 2019');
    expect(seen.hover).toContain('84 prosenttia kuluttajista');

    const byCode = Object.fromEntries(seen.diagnostics.map((d) => [d.code, d]));
    // vim.diagnostic.severity: 1 error, 2 warning, 3 info, 4 hint. unused-footnote is an error by the client's settings.
    expect(byCode['undefined-footnote']).toMatchObject({ severity: 1, source: 'statcite', lnum: 6 });
    expect(byCode['unused-footnote']).toMatchObject({ severity: 1, lnum: 8 });
    expect(byCode['stale-statistic']).toMatchObject({ severity: 4 });
    // Neovim places diagnostics by byte column, converted from the server's UTF-16 positions.
    const line = 'Toinen lähde[^hubspot-2019] kertoo enemmän.';
    expect(byCode['undefined-footnote']!.col).toBe(Buffer.byteLength(line.slice(0, line.indexOf('[^'))));

    // Neovim 0.7 hands the diagnostic back with byte columns; the fix is still found (by the diagnostic's data).
    expect(seen.actions).toContainEqual({ title: 'Add the definition of [^hubspot-2019] from the index', kind: 'quickfix' });
    expect(seen.after_fix.join('\n')).toMatch(/\n\[\^hubspot-2019\]: HubSpot \(2019\)[^\n]*/);
    expect(seen.stopped).toBe(true);
  }, 180_000);
});
