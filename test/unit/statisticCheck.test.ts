import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseIndexFile, parseIndexFileInDetail } from '../../src/core/indexFile';
import { checkStatistic, checkVia } from '../../src/core/statisticCheck';
import { indexSchemas } from '../../src/core/statisticSchema';
import { readWellFormedIndexFile } from '../../src/core/wellFormedIndexFile';
import { FI_ARTICLE, ZH_ARTICLE, indexText, record } from './helpers';

/**
 * The fast path must give what the zod schema and the full parser give: the same records (trimmed, defaults filled in,
 * keys in the same order) and, for a file with any problem, the full parser's answer.
 */

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const bundled = readdirSync(DATA).filter((f) => f.endsWith('.stats.json')).map((file) => ({ file, text: readFileSync(join(DATA, file), 'utf8') }));
const SEED = Number(process.env.STATCITE_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** The same value with keys in the same order (toStrictEqual ignores the order). */
const exactly = (value: unknown) => JSON.stringify(value);

function agreesWithSchema(raw: unknown): void {
  const fast = checkStatistic(raw);
  const zod = indexSchemas().statistic.safeParse(raw);
  expect(fast !== undefined, `fast check ${fast ? 'accepts' : 'rejects'} what zod ${zod.success ? 'accepts' : 'rejects'}: ${JSON.stringify(raw)}`).toBe(zod.success);
  if (fast && zod.success) {
    expect(fast).toStrictEqual(zod.data);
    expect(exactly(fast)).toBe(exactly(zod.data));
  }
}

const VALUES: unknown[] = [null, true, 0, -0, 1.5, -7, 1799, 1800, 2200, 2200.5, 2201, 1e308, '', ' ', ' padded ', 'x', '84 %', 'Not An Id', 'a--b', 'ok-id', 'fi', 'pt-BR', 'FI', '2020', '2020-10', '2020-10-07', '5.10.2020', '%', 'USD billion', 'toString', '__proto__', [], [''], [' tag '], ['ok-id', 'Bad Id'], {}, { publisher: 'Zendesk' }, { publisher: ' ' }, { publisher: 'Zendesk', year: 2019, title: ' T ' }, { publisher: 'Zendesk', url: 'x' }, FI_ARTICLE, ZH_ARTICLE, { ...FI_ARTICLE, date: '2020-1' }, { ...FI_ARTICLE, publisher: '' }];
const KEYS = ['id', 'value', 'valueMax', 'unit', 'figure', 'quote', 'lang', 'en', 'source', 'via', 'sameAs', 'tags', 'extra', '__proto__', 'constructor'];

/** A valid record with a few fields replaced, removed or added (JSON.parse makes an own `__proto__` key, so do we). */
const mutatedRecord = fc
  .record({
    base: fc.constantFrom(record({ id: 'zendesk-2019-a-fi' }), record({ id: 'ru-1', figure: undefined, source: null, via: ZH_ARTICLE, tags: undefined }), record({ id: 'r', value: 6, valueMax: 7, quote: '  84 prosenttia  ', en: ' padded ' })),
    edits: fc.array(fc.record({ key: fc.constantFrom(...KEYS), value: fc.option(fc.constantFrom(...VALUES), { nil: undefined }) }), { maxLength: 3 }),
  })
  .map(({ base, edits }) => {
    let text = JSON.stringify(base);
    const json = JSON.parse(text) as Record<string, unknown>;
    for (const { key, value } of edits) {
      if (value === undefined) delete json[key];
      else Object.defineProperty(json, key, { value, enumerable: true, writable: true, configurable: true });
    }
    text = JSON.stringify(json);
    return JSON.parse(text) as unknown;
  });

describe('checkStatistic', () => {
  it('accepts every bundled record, giving what the schema gives', () => {
    let n = 0;
    for (const { text } of bundled) for (const raw of (JSON.parse(text) as { statistics: unknown[] }).statistics) agreesWithSchema(raw), n++;
    expect(n).toBeGreaterThan(80);
  });

  it('trims, fills in defaults and keeps only the keys given, in the schema\'s order', () => {
    const raw = { tags: [' loyalty '], id: 'r', unit: '%', value: 5, quote: ' 5 % of them ', lang: 'fi', en: ' gloss ', source: { title: ' Report ', publisher: ' Zendesk ' }, via: { document: 'd', lang: 'fi', title: ' T ' } };
    expect(exactly(checkStatistic(raw))).toBe(exactly({ id: 'r', value: 5, unit: '%', quote: '5 % of them', lang: 'fi', en: 'gloss', source: { publisher: 'Zendesk', title: 'Report' }, via: { title: 'T', lang: 'fi', document: 'd' }, sameAs: [], tags: ['loyalty'] }));
    agreesWithSchema(raw);
  });

  it.each([
    ['a figure not in the trimmed quote', { quote: 'Kuluttajista 84 %  ', figure: '84 %  ' }],
    ['valueMax below value', { value: 7, valueMax: 6 }],
    ['a unit inherited from Object.prototype', { unit: 'toString' }],
    ['a year that is not whole', { source: { publisher: 'Zendesk', year: 2019.5 } }],
    ['an infinite value', { value: Infinity }],
  ])('rejects %s, as the schema does', (_, overrides) => {
    const raw = Object.assign(JSON.parse(JSON.stringify(record({ id: 'r' }))) as object, overrides);
    expect(checkStatistic(raw)).toBeUndefined();
    agreesWithSchema(raw);
  });

  it('rejects an own __proto__ key (JSON.parse makes one), as the schema does', () => {
    const raw: unknown = JSON.parse(JSON.stringify(record({ id: 'r' })).replace('{', '{"__proto__": {"tags": []},'));
    expect(Object.keys(raw as object)).toContain('__proto__');
    expect(checkStatistic(raw)).toBeUndefined();
    agreesWithSchema(raw);
  });

  it('agrees with the schema on records with fields replaced, removed or added', () => {
    fc.assert(fc.property(mutatedRecord, (raw) => agreesWithSchema(raw)), { seed: SEED, numRuns: 2000 });
  });

  it('checks articles as the schema does', () => {
    for (const raw of [FI_ARTICLE, ZH_ARTICLE, { ...ZH_ARTICLE, publisher: ' 独立站 ' }, { ...FI_ARTICLE, date: '2020-1' }, { ...FI_ARTICLE, extra: 1 }, { title: 'T' }, null, []]) {
      const zod = indexSchemas().article.safeParse(raw);
      const fast = checkVia(raw);
      expect(fast !== undefined).toBe(zod.success);
      if (zod.success) expect(exactly(fast)).toBe(exactly(zod.data));
    }
  });
});

describe('parseIndexFile takes the fast path only when it gives the full parser\'s answer', () => {
  const same = (file: string, text: string) => {
    const fast = parseIndexFile(file, text);
    const full = parseIndexFileInDetail(file, text);
    expect(fast).toStrictEqual(full);
    expect(exactly(fast)).toBe(exactly(full));
    return fast;
  };

  it('reads every bundled file on the fast path', () => {
    for (const { file, text } of bundled) {
      expect(readWellFormedIndexFile(file, text), file).toBeDefined();
      expect(same(file, text).problems).toEqual([]);
    }
  });

  it.each([
    ['a byte order mark', (t: string) => `\ufeff${t}`],
    ['CRLF line ends and tabs', (t: string) => t.replace(/\n/g, '\r\n').replace(/ {2}/g, '\t')],
    ['no whitespace', (t: string) => JSON.stringify(JSON.parse(t))],
    ['escapes in keys and strings', (t: string) => t.replace('"statistics"', '"statistic\\u0073"').replace('"quote": "', '"quote": "\\"\\\\')],
  ])('with %s: same records and offsets', (_, change) => {
    const text = change(indexText([record({ id: 'a' }), record({ id: 'b', quote: 'Say "84 prosenttia" \\ now', figure: '84 prosenttia' })], { articles: [FI_ARTICLE] }));
    expect(readWellFormedIndexFile('f', text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text)).toBeDefined();
    const parsed = same('f', text);
    expect(parsed.statistics.map((s) => (JSON.parse(text.slice(s.origin.offset, s.origin.offset + s.origin.length)) as { id: string }).id)).toEqual(['a', 'b']);
  });

  it('finds the records whatever comes around them', () => {
    const records = [record({ id: 'a', tags: ['statistics'] }), record({ id: 'b' })];
    const text = JSON.stringify({ description: 'statistics: [{"x": 1}]', statistics: records, articles: [FI_ARTICLE], $schema: './s.json' }, null, 1);
    const origins = readWellFormedIndexFile('f', text)?.statistics.map((s) => s.origin) ?? [];
    expect(origins.map((o) => JSON.parse(text.slice(o.offset, o.offset + o.length)) as unknown)).toEqual(JSON.parse(JSON.stringify(records)));
    same('f', text);
  });

  it.each([
    ['a syntax error', '{"statistics": [}'],
    ['statistics that are an object', '{"statistics": {"a": {}}}'],
    ['a repeated top-level key', indexText([record({ id: 'a' })]).replace('{', '{"statistics": [],')],
    ['an unknown top-level key', indexText([record({ id: 'a' })], { extra: 1 })],
    ['a bad record', indexText([record({ id: 'a' }), { id: 'b' }])],
    ['a record that is not an object', indexText([record({ id: 'a' }), 5])],
    ['articles that are not a list', indexText([record({ id: 'a' })], { articles: null })],
    ['a bad article', indexText([record({ id: 'a' })], { articles: [{ title: 'T' }] })],
    ['no statistics', '{"articles": []}'],
    ['an array', '[]'],
    ['deep nesting', indexText([{ ...record({ id: 'a' }), tags: JSON.parse('['.repeat(300) + ']'.repeat(300)) as unknown }])],
    ['an own __proto__ key in a record', indexText([record({ id: 'a' })]).replace('"id"', '"__proto__": {"x": 1}, "id"')],
  ])('with %s: the full parser\'s answer', (_, text) => {
    expect(readWellFormedIndexFile('f', text)).toBeUndefined();
    same('f', text);
  });

  it('agrees with the full parser on files with records replaced, removed or added', () => {
    const file = fc.array(fc.oneof(mutatedRecord, fc.constantFrom<unknown>(record({ id: 'good' }), 5, null)), { maxLength: 4 });
    fc.assert(fc.property(file, fc.constantFrom(0, 2), (records, indent) => void same('f', JSON.stringify({ statistics: records }, null, indent))), { seed: SEED + 1, numRuns: 500 });
  });
});
