import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const vsce = join('node_modules', '@vscode', 'vsce', 'vsce');
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

describe('the .vsix', () => {
  it('contains only what the extension needs at run time', () => {
    if (!existsSync('dist/extension.js')) execFileSync(process.execPath, ['scripts/build.mjs']);
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
    const allowed = [/^dist\/extension\.js$/, /^dist\/lazy\/[a-z]+\.js$/, /^dist\/web\/extension\.js$/, /^dist\/bundled-index\.json$/, /^data\/statcite\.schema\.json$/, /^package\.json$/, /^package\.nls(\.[a-z-]+)?\.json$/, /^l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^images\/(icon\.png|statcite\.svg)$/];
    expect(files.filter((f) => !allowed.some((re) => re.test(f)))).toEqual([]);
    for (const needed of ['dist/extension.js', ...readdirSync('dist/lazy').map((f) => `dist/lazy/${f}`), 'dist/web/extension.js', 'dist/bundled-index.json', 'package.json', 'data/statcite.schema.json', 'images/icon.png', 'images/statcite.svg', 'package.nls.json', 'l10n/bundle.l10n.fi.json']) expect(files).toContain(needed);
    // The bundled index ships once, validated at build time: the data files it was made from would only repeat it.
    expect(files.filter((f) => f.endsWith('.stats.json'))).toEqual([]);
  }, 60_000);

  // The budget catches a dependency bundled by mistake (a whole parser is ~100 KB); it grew from 300 KB when the
  // footnote tools and the shared completion and code-action core joined the bundle.
  it('packages under 400 KB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'statcite-vsix-'));
    try {
      const out = join(dir, 'statcite.vsix');
      execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out], { stdio: 'pipe' });
      expect(statSync(out).size).toBeLessThan(400 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('npm run package asks nothing: vsce\'s question about the missing repository is answered in package.json', () => {
    // No public repository is known, so none is named (a made-up URL would be worse than none): the package script
    // tells vsce so, where it would otherwise stop at "Do you want to continue? [y/N]" in a terminal.
    const command = (manifest.scripts.package as string).split('&&').map((c) => c.trim()).find((c) => c.startsWith('vsce '))!;
    const dir = mkdtempSync(join(tmpdir(), 'statcite-vsix-'));
    try {
      const args = command.split(/\s+/).slice(1).map((a, i, all) => (all[i - 1] === '-o' ? join(dir, a) : a));
      if (!existsSync('dist/extension.js')) execFileSync(process.execPath, ['scripts/build.mjs']);
      const run = spawnSync(process.execPath, [vsce, ...args], { encoding: 'utf8', input: '' });
      expect(run.status).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(/repository|continue\?/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('declares what a well-behaved extension declares', () => {
    expect(manifest.engines.vscode).toBe('^1.138.0');
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown', 'onLanguage:quarto']);
    // Quarto's .qmd files count as Markdown where no Quarto extension claims them.
    expect(manifest.contributes.languages).toContainEqual({ id: 'markdown', extensions: ['.qmd'] });
    expect(manifest.browser).toBe('./dist/web/extension.js');
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.virtualWorkspaces).toBe(true);
    expect(manifest.contributes.jsonValidation[0].fileMatch).toBe('*.stats.json');
    expect(manifest.contributes['markdown.markdownItPlugins']).toBe(true);
    const settings = manifest.contributes.configuration.properties as Record<string, { markdownDescription?: string; description?: string }>;
    for (const [key, s] of Object.entries(settings)) expect(s.markdownDescription ?? s.description, key).toBeTruthy();
    for (const c of manifest.contributes.commands as Array<{ category?: string }>) expect(c.category).toBe('statcite');
  });
});
