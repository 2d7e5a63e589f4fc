import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { bundledFiles, DATA_DIR, ROOT } from './support/data';
import { counter } from './support/run';

const dir = mkdtempSync(join(tmpdir(), 'statcite-cli-edges-'));
const OK = 'Asiakkaista 84 %.[^zendesk-2019]\n\n[^zendesk-2019]: Zendesk (2019).\n';
const UNDEFINED = 'Cited.[^nowhere]\n';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count: ReturnType<typeof counter> = () => {};
beforeEach(({ task }) => {
  count = counter(task);
});

async function run(args: readonly string[], cwd = dir, dataDir = DATA_DIR) {
  count('cliRuns');
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd, dataDir, version: 'test' });
  return { code, out, err };
}

function tree(root: string, files: Record<string, string | Buffer>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('a walk reports what it cannot use on its path and goes on', () => {
  it('a file name that is not UTF-8, a binary .md, an unreadable .gitignore: one error each, every other file checked; a FIFO is passed by', async () => {
    const root = tree(join(dir, 'walk'), { 'a.md': OK, 'b/ok.md': OK, 'b/binary.md': Buffer.from([0x89, 0x50, 0, 1]), 'c/.gitignore/x': 'x', 'c/kept.md': OK });
    writeFileSync(Buffer.from(join(root, 'caf\xe9.md'), 'latin1'), OK);
    execFileSync('mkfifo', [join(root, 'b', 'pipe.md')]);
    const result = await run(['check', 'walk', '--format', 'json']);
    const report = JSON.parse(result.out.join('\n')) as { files: number; diagnostics: Array<{ file: string; code: string; message: string }> };
    const unusable = report.diagnostics.filter((d) => d.code === 'unreadable-file').map((d) => `${d.file}: ${d.message}`).sort();
    expect(unusable).toEqual([
      expect.stringMatching(/^walk\/b\/binary\.md: is a binary file/),
      expect.stringMatching(/^walk\/c\/\.gitignore: cannot be read \(EISDIR\); its rules are not applied\.$/),
      expect.stringMatching(/^walk\/caf.*\.md: file name is not valid UTF-8; skipped\.$/),
    ]);
    expect(report.files).toBe(4);
    expect(report.diagnostics.filter((d) => d.code !== 'unreadable-file' && d.code !== 'stale-statistic')).toEqual([]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([]);
  });

  it('an unreadable folder is an error on its path; the rest is checked (run as an unprivileged user)', async () => {
    const root = tree(join(dir, 'locked'), { 'a.md': OK, 'secret/b.md': OK, 'open/c.md': OK });
    chmodSync(join(root, 'secret'), 0o000);
    chmodSync(dir, 0o755);
    const bin = await cliBundle();
    count('cliRuns');
    // root reads any folder, so the CLI runs as nobody (setpriv, util-linux) when the suite runs as root.
    const asRoot = process.getuid?.() === 0;
    const command = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin] : [process.execPath, bin];
    const result = spawnSync(command[0]!, [...command.slice(1), 'check', 'locked'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(result.stdout).toMatch(/^locked\/secret:1:1: error unreadable-file: folder cannot be read \(permission denied\); skipped\.$/m);
    expect(result.stdout).toMatch(/3 file\(s\) checked|2 file\(s\) checked/);
    expect(result.status).toBe(1);
    chmodSync(join(root, 'secret'), 0o755);
  });

  it('a symbolic link loop, and links to files already seen, check each real file once', async () => {
    const root = tree(join(dir, 'loops'), { 'a.md': UNDEFINED, 'sub/b.md': UNDEFINED });
    symlinkSync('..', join(root, 'sub', 'up'));
    symlinkSync('.', join(root, 'self'));
    symlinkSync('a.md', join(root, 'again.md'));
    symlinkSync('nowhere.md', join(root, 'broken.md'));
    const result = await run(['check', 'loops', 'loops/sub']);
    const problems = result.out.filter((l) => l.includes('undefined-footnote'));
    expect(problems).toHaveLength(2);
    expect(result.out).toContain('loops/broken.md:1:1: error unreadable-file: symbolic link to nothing; skipped.');
    expect(result.out.at(-1)).toBe('2 file(s) checked: 3 problem(s), 3 error(s).');
  });
});

describe('output lines cannot be forged or reordered', () => {
  it('line breaks and bidi controls in file names and data are printed escaped, one line per problem', async () => {
    const root = tree(join(dir, 'names'), { 'evil\nforged.md:1:1: error fake: forged line.md': UNDEFINED, 'rtl\u202egnp.md': UNDEFINED });
    const hostile = { ...(JSON.parse(bundledFiles[0]!.text) as { statistics: Array<Record<string, unknown>> }).statistics[0]!, id: 'hostile-two', en: 'Real \u2028forged.md:1:1: error\nfake \u202eevil' };
    writeFileSync(join(root, 'h.stats.json'), JSON.stringify({ statistics: [hostile] }));
    const check = await run(['check', 'names']);
    expect(check.out).toHaveLength(3);
    expect(check.out.join('\n')).toContain('names/evil\\u000aforged.md');
    expect(check.out.join('\n')).toContain('names/rtl\\u202egnp.md');
    for (const format of ['text', 'json']) {
      const search = await run(['search', 'forged', '--no-bundled', '--data', 'names/h.stats.json', '--format', format]);
      const all = search.out.join('\n');
      expect(all).toContain('hostile-two');
      expect(all).not.toMatch(/[\n\u2028\u202e](?:forged|fake|evil)/);
      if (format === 'json') expect((JSON.parse(all) as { matches: Array<{ en: string }> }).matches[0]!.en).toBe(hostile.en);
      else expect(search.out.filter((l) => l.startsWith('hostile-two'))).toHaveLength(1);
    }
  });
});

describe('usage', () => {
  beforeAll(() => tree(join(dir, 'usage'), { '-dash.md': UNDEFINED, 'images/a.png': 'x', 'package.json': '{}' }));
  const cwd = join(dir, 'usage');

  it('-- ends the options: a path or query after it may start with "-"', async () => {
    expect((await run(['check', '--', '-dash.md'], cwd)).out.at(-1)).toBe('1 file(s) checked: 1 problem(s), 1 error(s).');
    expect((await run(['check', '-dash.md'], cwd)).err[0]).toBe('statcite: Unknown option "-dash.md".');
    expect((await run(['search', '--limit', '1', '--', '--84'], cwd)).code).toBe(0);
  });

  it.each<[string, string[], string]>([
    ['an empty query', ['search', ''], 'statcite: search needs a QUERY; the one given is empty.'],
    ['a blank query', ['search', '  '], 'statcite: search needs a QUERY; the one given is empty.'],
    ['an unknown language', ['search', 'x', '--lang', 'xx'], 'statcite: --lang "xx" is not a language of the index (en, et, fi, lv, ru, zh).'],
    ['a file that is not Markdown', ['check', 'package.json'], 'statcite: package.json: not a Markdown file; check reads *.md and *.markdown files.'],
    ['a folder without Markdown', ['check', 'images'], 'statcite: images: no Markdown file (*.md, *.markdown) in this folder.'],
  ])('%s is refused with exit code 2', async (_name, args, message) => {
    const result = await run(args, cwd);
    expect(result.code).toBe(2);
    expect(result.err[0]).toBe(message);
    expect(result.out).toEqual([]);
  });

  it('--help says what every option does, --lang included', async () => {
    const help = (await run(['--help'], cwd)).out.join('\n');
    for (const option of ['--lang', '--limit', '--data', '--no-bundled', '--max-data-size', '--format', '--']) expect(help).toMatch(new RegExp(`^${option}\\s+\\S`, 'm'));
    expect(help).toMatch(/--lang .*language of your document/);
  });
});

describe('a plain check in a folder that holds the bundled index', () => {
  it('loads the bundled index once: no duplicate ids, the folder\'s Markdown checked', async () => {
    // statcite's own layout: the bundled data/*.stats.json under the working directory.
    const root = tree(join(dir, 'repo'), { 'README.md': OK, 'docs/guide.md': OK, '.gitignore': 'build/\n', 'build/out.md': UNDEFINED });
    cpSync(DATA_DIR, join(root, 'data'), { recursive: true });
    const result = await run(['check'], root, join(root, 'data'));
    expect(result.err).toEqual([]);
    expect(result.out.filter((l) => !l.includes('stale-statistic'))).toEqual(['2 file(s) checked: 2 problem(s), 0 error(s).']);
    expect(result.code).toBe(0);
  });
});

let bundle: string | undefined;
/** The CLI bundled as scripts/build.mjs bundles it, in a folder of its own (a build meanwhile empties dist/). */
async function cliBundle(): Promise<string> {
  if (bundle) return bundle;
  const root = mkdtempSync(join(dir, 'bundle-'));
  chmodSync(root, 0o755);
  mkdirSync(join(root, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'bin', 'statcite.js'), join(root, 'bin', 'statcite.js'));
  symlinkSync(DATA_DIR, join(root, 'data'));
  const { build } = await import('esbuild');
  await build({ entryPoints: [join(ROOT, 'src/cli/index.ts')], outfile: join(root, 'dist', 'cli.js'), bundle: true, mainFields: ['module', 'main'], target: 'es2022', platform: 'node', format: 'cjs', logLevel: 'silent', define: { 'import.meta.url': 'importMetaUrl', STATCITE_VERSION: JSON.stringify('0.0.0-test') }, banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" } });
  return (bundle = join(root, 'bin', 'statcite.js'));
}

describe('the CLI as a shell runs it', () => {
  it('a closed pipe ends it quietly; a write error says so and exits 2', async () => {
    const bin = await cliBundle();
    tree(join(dir, 'many'), Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`f${i}.md`, UNDEFINED.repeat(20)])));
    count('cliRuns', 2);
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" check many | head -1; echo "status \${PIPESTATUS:-done}"`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(piped.stdout.split('\n')[0]).toMatch(/^many\/f\d+\.md:1:7: error undefined-footnote/);
    expect(piped.stderr).toBe('');
    const full = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" check many > /dev/full`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(full.stderr).toBe('statcite: cannot write the output (no space left on the device).\n');
    expect(full.status).toBe(2);
  }, 120_000);
});
