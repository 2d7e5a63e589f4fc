import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { DATA_DIR, ROOT, bundledFiles } from './support/data';
import { counter } from './support/run';

const dir = mkdtempSync(join(tmpdir(), 'statcite-cli-'));
beforeAll(() => {
  writeFileSync(join(dir, 'ok.md'), 'Asiakkaista 84 %.[^zendesk-2019]\n\n[^zendesk-2019]: Zendesk (2019).\n');
  writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'latin1.md'), Buffer.from('caf\xe9 84 %\n', 'latin1'));
  writeFileSync(join(dir, 'utf16.md'), Buffer.from('\ufeffText', 'utf16le'));
  mkdirSync(join(dir, 'folder.md'));
  execFileSync('mkfifo', [join(dir, 'pipe.md')]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count: ReturnType<typeof counter> = () => {};
beforeEach(({ task }) => {
  count = counter(task);
});

async function run(args: readonly string[], cwd = dir) {
  count('cliRuns');
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd, dataDir: DATA_DIR, version: 'test' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A clear answer: one "statcite: …" message naming the problem, no stack trace. */
function expectClear(err: string, message: RegExp): void {
  expect(err).toMatch(/^statcite: /);
  expect(err).toMatch(message);
  expect(err).not.toMatch(/\n\s+at |Error:|TypeError|RangeError|unexpected error/);
}

describe('the CLI answers bad input with a clear message and exit code 2', () => {
  it.each<[string, string[], RegExp]>([
    ['an unknown command', ['frobnicate'], /Unknown command "frobnicate"/],
    ['an unknown option', ['check', '--bogus'], /Unknown option "--bogus"/],
    ['an option without its value', ['check', '--data'], /--data needs a value/],
    ['a bad format', ['check', '--format', 'xml'], /--format must be "text" or "json", not "xml"/],
    ['a search without a query', ['search'], /search needs a QUERY/],
    ['a bad limit', ['search', 'x', '--limit', '0'], /--limit must be a positive whole number/],
    ['an option of the other command', ['check', '--lang', 'fi'], /--lang is an option of "search"/],
    ['a bad size limit', ['check', '--max-data-size', '-1'], /--max-data-size must be a positive number/],
  ])('bad usage: %s', async (_name, args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expectClear(result.err, message);
    expect(result.err).toContain('Usage:');
  });

  it.each<[string, string[], RegExp]>([
    ['a missing file', ['check', 'missing.md'], /missing\.md: no such file or directory/],
    ['a glob that matches nothing', ['check', 'nothing-*.md'], /No Markdown file matches "nothing-\*\.md"/],
    ['a binary file', ['check', 'binary.md'], /binary\.md: is a binary file/],
    ['a UTF-16 file', ['check', 'utf16.md'], /utf16\.md: is a binary file/],
    ['a file that is not UTF-8', ['check', 'latin1.md'], /latin1\.md: is not valid UTF-8 text/],
    ['an unreadable file (a FIFO)', ['check', 'pipe.md'], /pipe\.md: cannot be read \(not a regular file/],
    ['a missing --data file', ['check', 'ok.md', '--data', 'none.stats.json'], /none\.stats\.json: no such file \(--data\)/],
  ])('bad input: %s', async (_name, args, message) => {
    const started = performance.now();
    const result = await run(args);
    expect(result.code).toBe(2);
    expectClear(result.err, message);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('an unreadable file is reported as such', async () => {
    // As root, chmod 000 does not stop reading: then a file whose read fails is used (/proc/self/mem reads with EIO).
    const locked = join(dir, 'locked.md');
    writeFileSync(locked, 'x');
    execFileSync('chmod', ['000', locked]);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) symlinkSync('/proc/self/mem', join(dir, 'mem.md'));
    const result = asRoot ? await run(['check', 'mem.md']) : await run(['check', 'locked.md']);
    expect(result.code).toBe(2);
    expectClear(result.err, asRoot ? /cannot be read \((?:not a regular file|EIO|EACCES|permission denied)/ : /locked\.md: cannot be read \(permission denied\)/);
  });

  it('a directory named like a Markdown file is walked, not read as one (and holding no Markdown, it says so)', async () => {
    const result = await run(['check', 'folder.md']);
    expect(result.code).toBe(2);
    expectClear(result.err, /^statcite: folder\.md: no Markdown file \(\*\.md, \*\.markdown\) in this folder\.$/);
  });
});

describe('the CLI walks a directory for Markdown, honouring .gitignore', () => {
  it('skips what .gitignore files (the folder\'s own and nested ones) ignore, and node_modules', async () => {
    const project = join(dir, 'project');
    const files: Record<string, string> = {
      '.gitignore': 'build/\n*.draft.md\n# a comment\n!keep.draft.md\n',
      'a.md': 'Cited.[^a]\n',
      'notes.markdown': 'Cited.[^b]\n',
      'x.draft.md': 'Cited.[^ignored]\n',
      'keep.draft.md': 'Cited.[^c]\n',
      'build/out.md': 'Cited.[^ignored]\n',
      'docs/guide.md': 'Cited.[^d]\n',
      'docs/.gitignore': 'private/\nlocal.md\n',
      'docs/private/secret.md': 'Cited.[^ignored]\n',
      'docs/sub/local.md': 'Cited.[^ignored]\n',
      'docs/sub/kept.md': 'Cited.[^e]\n',
      'node_modules/pkg/readme.md': 'Cited.[^ignored]\n',
      '.git/info.md': 'Cited.[^ignored]\n',
      'text.txt': 'Cited.[^ignored]\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(project, path, '..'), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    const result = await run(['check', 'project', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as { files: number; diagnostics: Array<{ file: string; message: string }> };
    expect(report.diagnostics.map((d) => d.file).sort()).toEqual(['project/a.md', 'project/docs/guide.md', 'project/docs/sub/kept.md', 'project/keep.draft.md', 'project/notes.markdown']);
    expect(result.out).not.toContain('ignored');
  });
});

describe('the CLI shows data, never sends it to the terminal', () => {
  it('control characters in a data file (terminal escape sequences) are printed escaped', async () => {
    const hostile = { ...bundledFiles.map((f) => JSON.parse(f.text) as { statistics: Array<Record<string, unknown>> })[0]!.statistics[0]!, id: 'hostile-one', en: 'Clear \u001b[2J screen \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 \u009b31m red' };
    writeFileSync(join(dir, 'hostile.stats.json'), JSON.stringify({ statistics: [hostile] }));
    for (const format of ['text', 'json']) {
      const result = await run(['search', 'screen', '--no-bundled', '--data', 'hostile.stats.json', '--format', format]);
      expect(result.code).toBe(0);
      expect(result.out).toContain('hostile-one');
      expect(result.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      if (format === 'json') expect((JSON.parse(result.out) as { matches: Array<{ en: string }> }).matches[0]!.en).toBe(hostile.en);
    }
  });
});

describe('the bundled bin/statcite.js', () => {
  it('answers like runCli: exit codes 0, 1 and 2, messages without stack traces', async () => {
    // bin/statcite.js with the bundle `npm run build` (and `npm ci`, through prepare) made, copied to a folder of its
    // own so a build running meanwhile (it empties dist/) cannot pull it away. When the CLI or core sources are newer
    // than that bundle, the same bundle is built there instead: rebuilding dist/ here would race the .vsix test.
    const root = join(dir, 'bundle');
    mkdirSync(join(root, 'bin'), { recursive: true });
    mkdirSync(join(root, 'dist'), { recursive: true });
    copyFileSync(join(ROOT, 'bin', 'statcite.js'), join(root, 'bin', 'statcite.js'));
    symlinkSync(DATA_DIR, join(root, 'data'));
    const cli = join(ROOT, 'dist', 'cli.js');
    const stale = !existsSync(cli) || execFileSync('find', [join(ROOT, 'src/cli'), join(ROOT, 'src/core'), '-name', '*.ts', '-newer', cli], { encoding: 'utf8' }).trim() !== '';
    if (stale) {
      // scripts/build.mjs's CLI build.
      const { build } = await import('esbuild');
      await build({ entryPoints: [join(ROOT, 'src/cli/index.ts')], outfile: join(root, 'dist', 'cli.js'), bundle: true, mainFields: ['module', 'main'], minify: true, target: 'es2022', platform: 'node', format: 'cjs', logLevel: 'silent', define: { 'import.meta.url': 'importMetaUrl', STATCITE_VERSION: JSON.stringify('0.0.0-test') }, banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" } });
    } else copyFileSync(cli, join(root, 'dist', 'cli.js'));
    const bin = join(root, 'bin', 'statcite.js');
    const node = (...args: string[]) => {
      count('cliRuns');
      return spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    };
    const ok = node('check', 'ok.md');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/1 file\(s\) checked/);
    writeFileSync(join(dir, 'undefined.md'), 'Cited.[^nowhere]\n');
    expect(node('check', 'undefined.md').status).toBe(1);
    for (const args of [['frobnicate'], ['check', 'missing.md'], ['check', 'binary.md'], ['check', 'pipe.md']]) {
      const bad = node(...args);
      expect(bad.status, args.join(' ')).toBe(2);
      expectClear(bad.stderr, /statcite: /);
    }
    const version = node('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 180_000);
});
