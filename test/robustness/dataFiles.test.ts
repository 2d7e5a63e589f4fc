import fc from 'fast-check';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { parseIndexFile, type IndexProblem, type ParsedIndexFile } from '../../src/core/index/indexFile';
import { StatisticsIndex } from '../../src/core/index/statisticsIndex';
import { bundledFiles, DATA_DIR } from './support/data';
import { counter, LONG, params } from './support/run';

type Json = Record<string, unknown>;
const originals = bundledFiles.map((f) => ({ ...f, json: JSON.parse(f.text) as Json & { statistics: Json[] } }));
const parsedOriginals = bundledFiles.map((f) => parseIndexFile(f.file, f.text));
const JSON_PATH = /^\$(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*$/;
const REQUIRED = ['id', 'value', 'unit', 'quote', 'lang', 'en', 'source', 'via'];
const FIELDS = [...REQUIRED, 'valueMax', 'figure', 'sameAs', 'tags'];
const WRONG: unknown[] = [null, 'text', 42, -1e308, true, [], {}, ['x'], { nested: { deep: [1] } }, '', ' ', 'Not An Id', 'x'.repeat(10_000)];

/** How a file was damaged, and what must still hold of it. */
type Damage =
  | { kind: 'record'; index: number } // exactly that record is rejected
  | { kind: 'duplicate'; index: number } // that record repeats an earlier id
  | { kind: 'dangling'; index: number; ids: string[] } // that record loads, with one problem per missing sameAs id
  | { kind: 'syntax'; offset: number } // records before the offset load
  | { kind: 'outside' } // every record loads; what changed outside them (a key, an article) may be reported
  | { kind: 'none' }; // everything loads, no problems

const damage = fc.oneof(
  fc.record({ kind: fc.constant('wrong-type' as const), field: fc.constantFrom(...FIELDS), value: fc.constantFrom(...WRONG) }),
  fc.record({ kind: fc.constant('missing' as const), field: fc.constantFrom(...REQUIRED) }),
  fc.record({ kind: fc.constant('extra' as const), field: fc.constantFrom('url', '__proto__', 'constructor', 'Value', 'ID', '') }),
  fc.record({ kind: fc.constant('not-a-record' as const), value: fc.constantFrom(null, 42, 'x', [], [{}], true) }),
  fc.record({ kind: fc.constant('deep' as const), depth: fc.constantFrom(300, 2000, 20_000) }),
  fc.record({ kind: fc.constant('duplicate' as const), other: fc.nat() }),
  fc.record({ kind: fc.constant('dangling' as const), ids: fc.array(fc.constantFrom('no-such-statistic', 'gone-too', 'no-such-statistic'), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('syntax' as const), at: fc.nat(), edit: fc.constantFrom('', '{', '}', '[', ']', '"', ',', ':', 'x', '\\', '\u0000', '/*', '\ud800', 'truncate') }),
  fc.record({ kind: fc.constant('cosmetic' as const), crlf: fc.boolean(), bom: fc.boolean(), indent: fc.constantFrom(0, 2, '\t') }),
);

/** A bundled file with one of its records damaged (or its text), and what the damage allows. */
type DamageSpec = typeof damage extends fc.Arbitrary<infer T> ? T : never;

function damaged(fileIndex: number, victim: number, d: DamageSpec): { text: string; expect: Damage; lenient?: boolean } {
  const original = originals[fileIndex]!;
  const records = structuredClone(original.json.statistics);
  const index = victim % records.length;
  const serialize = (json: Json, indent: number | string = 2) => JSON.stringify(json, null, indent);
  const withRecords = (rs: unknown[]) => serialize({ ...original.json, statistics: rs });
  switch (d.kind) {
    case 'wrong-type':
      records[index]![d.field] = d.value;
      // A wrong value in an optional field that the schema accepts (e.g. an empty tag list) is no damage.
      return { text: withRecords(records), expect: { kind: 'record', index } as Damage, lenient: true };
    case 'missing':
      delete records[index]![d.field];
      return { text: withRecords(records), expect: { kind: 'record', index } as Damage };
    case 'extra':
      records[index] = { ...records[index], [d.field]: 'x' };
      return { text: withRecords(records), expect: { kind: 'record', index } as Damage };
    case 'not-a-record':
      (records as unknown[])[index] = d.value;
      return { text: withRecords(records), expect: { kind: 'record', index } as Damage };
    case 'deep': {
      const marker = '"__deep__"';
      records[index]!.tags = '__deep__';
      return { text: withRecords(records).replace(marker, '['.repeat(d.depth) + ']'.repeat(d.depth)), expect: { kind: 'record', index } as Damage };
    }
    case 'duplicate': {
      const first = d.other % records.length;
      if (first === index) return { text: withRecords(records), expect: { kind: 'none' } as Damage };
      const [a, b] = first < index ? [first, index] : [index, first];
      records[b]!.id = records[a]!.id;
      return { text: withRecords(records), expect: { kind: 'duplicate', index: b } as Damage };
    }
    case 'dangling':
      records[index]!.sameAs = [...((records[index]!.sameAs as string[]) ?? []), ...d.ids];
      return { text: withRecords(records), expect: { kind: 'dangling', index, ids: [...new Set(d.ids)] } as Damage };
    case 'syntax': {
      const text = withRecords(records);
      const at = d.at % text.length;
      const broken = d.edit === 'truncate' ? text.slice(0, at) : text.slice(0, at) + d.edit + text.slice(at + (d.edit === '' ? 1 : 0));
      if (broken === text) return { text, expect: { kind: 'none' } };
      try {
        JSON.parse(broken);
      } catch {
        return { text: broken, expect: { kind: 'syntax', offset: at } };
      }
      // Still JSON (a space or a letter of a string gone): at most the record it fell in is rejected.
      const hit = recordSpans(text).findIndex((r) => r.start <= at && at < r.end);
      return hit < 0 ? { text: broken, expect: { kind: 'outside' } } : { text: broken, expect: { kind: 'record', index: hit }, lenient: true };
    }
    case 'cosmetic': {
      let text = serialize({ ...original.json, statistics: records }, d.indent);
      if (d.crlf) text = text.replace(/\n/g, '\r\n');
      return { text: (d.bom ? '\uFEFF' : '') + text, expect: { kind: 'none' } as Damage };
    }
  }
}

const ids = (f: ParsedIndexFile) => f.statistics.map((s) => s.id);

/** Where each record of an index file's text is. */
function recordSpans(text: string): Array<{ start: number; end: number }> {
  const array = findNodeAtLocation(parseTree(text)!, ['statistics']);
  return (array?.children ?? []).map((n) => ({ start: n.offset, end: n.offset + n.length }));
}

describe('bad data files: one bad input never takes the rest down', () => {
  it('~300 damaged copies of real index files: no throw, every untouched record loads, each problem names its file and JSON path, once', ({ task }) => {
    const count = counter(task);
    let records = 0;
    let syntaxCases = 0;
    fc.assert(
      fc.property(fc.nat(originals.length - 1), fc.nat(), damage, (fileIndex, victim, d) => {
        count('badDataFiles');
        const name = `broken-${fileIndex}.stats.json`;
        const { text, expect: allowed, lenient } = damaged(fileIndex, victim, d);
        const original = originals[fileIndex]!;
        const originalIds = (original.json.statistics as Json[]).map((r) => String(r.id));
        const parsed = parseIndexFile(name, text);
        // The damaged copy next to every other bundled file (its own original left out: its ids would be duplicates).
        const others = parsedOriginals.filter((_, i) => i !== fileIndex);
        const index = StatisticsIndex.fromFiles([...others, parsed]);
        const problems: IndexProblem[] = [...index.problems];
        records += parsed.statistics.length;

        for (const other of others) for (const id of ids(other)) expect(index.get(id), `${id} from ${other.file} still loads`).toBeDefined();
        for (const p of problems) {
          // Another file's record whose sameAs names a rejected record is told so, at its own path.
          expect(p.file === name || p.code === 'dangling-same-as', `${p.file}: ${p.path}: ${p.message}`).toBe(true);
          expect(p.path, p.message).toMatch(JSON_PATH);
          expect(p.message.length).toBeGreaterThan(5);
          if (p.offset !== undefined && p.file === name) expect(p.offset >= 0 && p.offset <= text.length).toBe(true);
        }
        const keys = problems.map((p) => `${p.code} ${p.path} ${p.offset} ${p.message}`);
        expect(keys, 'each problem reported once').toEqual([...new Set(keys)]);

        const loaded = new Set(ids(parsed));
        const recordPath = (i: number) => `$.statistics[${i}]`;
        // Records that name a rejected record in sameAs now point nowhere: that is reported at their own path.
        const isDanglingConsequence = (p: IndexProblem) => p.code === 'dangling-same-as' && (p.file !== name || !p.path.startsWith(recordPath(victim % originalIds.length)));
        switch (allowed.kind) {
          case 'none':
            expect(problems.filter((p) => p.file === name)).toEqual([]);
            expect(ids(parsed)).toEqual(originalIds);
            break;
          case 'outside':
            expect(problems.filter((p) => p.path.startsWith('$.statistics'))).toEqual([]);
            expect(ids(parsed)).toEqual(originalIds);
            break;
          case 'record': {
            const expected = originalIds.filter((_, i) => i !== allowed.index);
            for (const id of expected) if (originalIds.indexOf(id) !== allowed.index) expect(loaded.has(id), `untouched ${id} loads`).toBe(true);
            if (lenient && loaded.size === originalIds.length) break;
            expect(loaded.has(originalIds[allowed.index]!) && loaded.size === originalIds.length).toBe(false);
            const own = problems.filter((p) => !isDanglingConsequence(p));
            expect(own.length, 'the damaged record is reported').toBeGreaterThan(0);
            for (const p of own) expect(p.path === '$' || p.path.startsWith(recordPath(allowed.index)), `${p.path}: ${p.message}`).toBe(true);
            break;
          }
          case 'duplicate': {
            expect(ids(parsed).length).toBe(originalIds.length);
            const duplicate = problems.filter((p) => p.code === 'duplicate-id');
            expect(duplicate.map((p) => p.path)).toEqual([`${recordPath(allowed.index)}.id`]);
            expect(problems.filter((p) => !isDanglingConsequence(p) && p.code !== 'duplicate-id')).toEqual([]);
            expect(index.statistics.filter((s) => s.origin.file === name).length).toBe(originalIds.length - 1);
            break;
          }
          case 'dangling': {
            expect(ids(parsed)).toEqual(originalIds);
            const dangling = problems.filter((p) => p.code === 'dangling-same-as');
            expect(dangling.map((p) => p.path.replace(/\[\d+\]$/, ''))).toEqual(allowed.ids.map(() => `${recordPath(allowed.index)}.sameAs`));
            for (const id of allowed.ids) expect(dangling.filter((p) => p.message.includes(`"${id}"`)).length).toBe(1);
            expect(problems.length).toBe(dangling.length);
            break;
          }
          case 'syntax': {
            syntaxCases++;
            expect(problems.length, 'a syntax error is reported').toBeGreaterThan(0);
            const spans = recordSpans(JSON.stringify(original.json, null, 2));
            const before = originalIds.filter((_, i) => spans[i]!.end < allowed.offset);
            for (const id of before) expect(loaded.has(id), `${id}, before the damage, loads`).toBe(true);
            break;
          }
        }
      }),
      params(8, 300),
    );
    expect(records).toBeGreaterThan(0);
    expect(syntaxCases).toBeGreaterThan(0);
  }, LONG);
});

describe('data files the CLI cannot use are reported once, on stderr, and skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'statcite-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const good = JSON.stringify({ statistics: [originals[0]!.json.statistics[0]] }, null, 2);
  const goodId = String(originals[0]!.json.statistics[0]!.id);
  const goodQuery = String(originals[0]!.json.statistics[0]!.en).split(/\s+/).slice(0, 6).join(' ');
  writeFileSync(join(dir, 'good.stats.json'), good);

  let count: ReturnType<typeof counter> = () => {};
  beforeEach(({ task }) => {
    count = counter(task);
  });
  const run = async (cwd: string, dataDir: string, ...args: string[]) => {
    count('cliRuns');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd, dataDir, version: 'test' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  /** `search` over the good file and `bad`, and what it printed: the good record must still be found. */
  const searchWith = async (bad: string, ...extra: string[]) => run(dir, DATA_DIR, 'search', goodQuery, '--format', 'json', '--no-bundled', '--data', 'good.stats.json', '--data', bad, ...extra);

  it.each<[string, () => void, RegExp]>([
    ['invalid JSON', () => writeFileSync(join(dir, 'bad-json.stats.json'), '{"statistics": [ {"id": '), /bad-json\.stats\.json: \$: JSON syntax error/],
    ['non-UTF-8 bytes', () => writeFileSync(join(dir, 'latin1.stats.json'), Buffer.from('{"statistics": [{"id": "caf\xe9"}]}', 'latin1')), /latin1\.stats\.json: \$\.statistics\[0\]\.id: Not UTF-8: byte 27 \(E9\) cannot be read\./],
    ['a binary file', () => writeFileSync(join(dir, 'binary.stats.json'), Buffer.from([0x7b, 0, 1, 2, 0xff])), /binary\.stats\.json: \$: Skipped: is a binary file/],
    ['a directory', () => mkdirSync(join(dir, 'folder.stats.json')), /folder\.stats\.json: \$: Skipped: cannot be read \(is a directory\)/],
    ['a FIFO', () => execFileSync('mkfifo', [join(dir, 'fifo.stats.json')]), /fifo\.stats\.json: \$: Skipped: cannot be read \(not a regular file/],
    ['a wrong type in one record', () => writeFileSync(join(dir, 'typo.stats.json'), JSON.stringify({ statistics: [{ ...originals[1]!.json.statistics[0], value: '84' }] })), /typo\.stats\.json: \$\.statistics\[0\]\.value: Record ".+" skipped/],
  ])('%s', async (_name, make, message) => {
    make();
    const bad = /(\S+\.stats\.json)/.exec(message.source.replace(/\\/g, ''))![1]!;
    const result = await searchWith(bad);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(message);
    expect(result.err.split('\n').filter((l) => l.startsWith(`${bad}:`)).length, result.err).toBeGreaterThanOrEqual(1);
    expect(new Set(result.err.split('\n')).size, 'each line once').toBe(result.err.split('\n').length);
    expect(result.err).not.toMatch(/\n\s+at /);
    expect((JSON.parse(result.out) as { matches: Array<{ id: string }> }).matches.map((m) => m.id)).toContain(goodId);
  });

  it('a 50 MB file is skipped by size, unread; --max-data-size sets the limit', async () => {
    const big = join(dir, 'big.stats.json');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024);
    const started = performance.now();
    const result = await searchWith('big.stats.json');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/^big\.stats\.json: \$: Skipped: is 50\.0 MB, over the 20 MB limit \(--max-data-size\); not read\.$/m);
    expect((JSON.parse(result.out) as { matches: Array<{ id: string }> }).matches.map((m) => m.id)).toContain(goodId);
    const smaller = await searchWith('big.stats.json', '--max-data-size', '0.0001');
    expect(smaller.err).toMatch(/good\.stats\.json: \$: Skipped: is 0\.0 MB, over the 0\.0001 MB limit/);
    expect((await searchWith('big.stats.json', '--max-data-size', 'lots')).code).toBe(2);
  });

  it('bundled files that vanish or turn into something else between listing and reading are skipped; the others load', async () => {
    const data = join(dir, 'bundled');
    mkdirSync(data);
    for (const f of bundledFiles) copyFileSync(join(DATA_DIR, f.file), join(data, f.file));
    symlinkSync(join(data, 'gone-since-listed'), join(data, 'vanished.stats.json'));
    mkdirSync(join(data, 'replaced.stats.json'));
    const result = await run(dir, data, 'search', 'zendesk', '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/^vanished\.stats\.json: \$: Skipped: cannot be read \(no such file\)\.$/m);
    expect(result.err).toMatch(/^replaced\.stats\.json: \$: Skipped: cannot be read \(is a directory\)\.$/m);
    expect(result.err.split('\n')).toHaveLength(2);
    expect((JSON.parse(result.out) as { matches: unknown[] }).matches.length).toBeGreaterThan(0);
  });

  it('a --data file that does not exist is a usage mistake: exit code 2, a clear message', async () => {
    const result = await searchWith('nowhere.stats.json');
    expect(result.code).toBe(2);
    expect(result.err).toBe('statcite: nowhere.stats.json: no such file (--data).');
  });
});
