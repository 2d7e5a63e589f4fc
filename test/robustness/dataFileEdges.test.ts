import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/core/index/indexEncoding';
import { parseIndexBytes, parseIndexFile, type ParsedIndexFile } from '../../src/core/index/indexFile';
import { formatFigure } from '../../src/core/index/format';
import { UNITS, type Unit } from '../../src/core/index/statisticFormats';
import { bundledFiles, ROOT } from './support/data';
import { counter, LONG, params } from './support/run';

type Json = Record<string, unknown>;
const originals = bundledFiles.map((f) => JSON.parse(f.text) as Json & { statistics: Json[] });
const ids = (f: ParsedIndexFile) => f.statistics.map((s) => s.id);
const idsOf = (records: readonly Json[]) => records.map((r) => String(r.id));

/** Byte sequences that are not UTF-8: a stray continuation, an overlong form, a surrogate, a cut-off sequence, bytes UTF-8 never uses. */
const BAD = [[0x80], [0xbf], [0xc0, 0xaf], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xf4, 0x90, 0x80, 0x80], [0xf8], [0xfe], [0xff]];

describe('decodeUtf8 agrees with TextDecoder', () => {
  it('random bytes: the same text as TextDecoder, a place for every U+FFFD it did not read as EF BF BD, none when fatal decoding succeeds', ({ task }) => {
    const count = counter(task);
    const bytes = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x22, 0x61, 0xc3, 0xa4, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xef, 0xbf, 0xbd)), { maxLength: 40 });
    fc.assert(
      fc.property(bytes, (list) => {
        count('badDataFiles');
        const input = Uint8Array.from(list);
        const { text, invalid } = decodeUtf8(input);
        expect(text).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(input));
        let fatalOk = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(input);
        } catch {
          fatalOk = false;
        }
        expect(invalid.length === 0).toBe(fatalOk);
        // Each run is where TextDecoder put its replacement characters; with the ones written as EF BF BD, that is all of them.
        let fromRuns = 0;
        for (const bad of invalid) {
          const run = new TextDecoder().decode(input.subarray(bad.byte, bad.byte + bad.length));
          expect(run).toMatch(/^\ufffd+$/);
          expect(text.slice(bad.offset, bad.offset + run.length)).toBe(run);
          fromRuns += run.length;
        }
        const replaced = [...text.matchAll(/\ufffd/g)].length;
        const written = Buffer.from(input).toString('latin1').split('\xef\xbf\xbd').length - 1;
        expect(fromRuns + written).toBe(replaced);
      }),
      params(31, 2000),
    );
  });
});

describe('data files: what a writer gets wrong costs only what it touches', () => {
  it('bytes that are not UTF-8 in a record: that record is skipped, the byte is placed, every other record loads', ({ task }) => {
    const count = counter(task);
    fc.assert(
      fc.property(fc.nat(originals.length - 1), fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom(...BAD), (fileIndex, picks, bad) => {
        count('badDataFiles');
        const json = originals[fileIndex]!;
        const victims = [...new Set(picks.map((p) => p % json.statistics.length))].sort((a, b) => a - b);
        // A marker in each victim's English gloss, replaced by the bad bytes in the file's bytes.
        const records = json.statistics.map((r, i) => (victims.includes(i) ? { ...r, en: `${String(r.en)} @@BAD${i}@@` } : r));
        let bytes = Buffer.from(JSON.stringify({ ...json, statistics: records }, null, 2));
        const places: number[] = [];
        for (const i of victims) {
          const at = bytes.indexOf(`@@BAD${i}@@`);
          places.push(at);
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at + `@@BAD${i}@@`.length)]);
        }
        const parsed = parseIndexBytes('bytes.stats.json', bytes);
        expect(ids(parsed)).toEqual(idsOf(json.statistics.filter((_, i) => !victims.includes(i))));
        const placed = parsed.problems.filter((p) => p.code === 'invalid-utf8');
        expect(placed.map((p) => p.message)).toEqual(places.map((at) => expect.stringContaining(`byte ${at} `)));
        for (const [k, p] of placed.entries()) {
          expect(p.path).toBe(`$.statistics[${victims[k]}].en`);
          expect(parsed.text[p.offset!]).toBe('\ufffd');
        }
        expect(parsed.problems.filter((p) => p.code === 'invalid-record').map((p) => p.path)).toEqual(victims.map((i) => `$.statistics[${i}]`));
      }),
      params(32, 300),
    );
  }, LONG);

  it('a key given twice: in a record, that record is skipped; a second "statistics" array is read too and reported', ({ task }) => {
    const count = counter(task);
    fc.assert(
      fc.property(fc.nat(originals.length - 1), fc.nat(), fc.constantFrom('id', 'value', 'unit', 'quote', 'en', 'lang', 'source', 'via'), fc.nat(), (fileIndex, pick, key, cut) => {
        count('badDataFiles', 2);
        const json = originals[fileIndex]!;
        const victim = pick % json.statistics.length;
        // The record written with the key twice (JSON.parse would keep the last one silently).
        const parts = json.statistics.map((r, i) => (i === victim ? JSON.stringify(r).replace(/^\{/, `{${JSON.stringify(key)}: ${JSON.stringify(r[key])},`) : JSON.stringify(r)));
        const inRecord = parseIndexFile('twice.stats.json', `{"statistics": [${parts.join(',\n')}]}`);
        expect(ids(inRecord)).toEqual(idsOf(json.statistics.filter((_, i) => i !== victim)));
        expect(inRecord.problems).toEqual([expect.objectContaining({ code: 'invalid-record', path: `$.statistics[${victim}]`, message: expect.stringContaining(`"${key}" is given twice`) })]);

        const at = cut % (json.statistics.length + 1);
        const [a, b] = [json.statistics.slice(0, at), json.statistics.slice(at)];
        const split = parseIndexFile('split.stats.json', `{"statistics": ${JSON.stringify(a)},\n "statistics": ${JSON.stringify(b)}}`);
        expect(ids(split)).toEqual(idsOf(json.statistics));
        expect(split.problems).toEqual([expect.objectContaining({ code: 'duplicate-key', path: '$.statistics' })]);
      }),
      params(33, 200),
    );
  }, LONG);

  it('a value a unit cannot hold is refused with the reason; every value that loads shows as a plain number', ({ task }) => {
    const count = counter(task);
    const units = Object.keys(UNITS) as Unit[];
    const value = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(1e308, 1e300, -1e300, 1e16, 1e15, 84, 0, -3, 2.5, 1e-7, 0.001));
    const base = originals[0]!.statistics[0]!;
    fc.assert(
      fc.property(fc.constantFrom(...units), value, (unit, v) => {
        count('badDataFiles');
        const record = { ...base, unit, value: v, valueMax: undefined, figure: undefined };
        // JSON.stringify writes Infinity as null; a file states it as 1e400.
        const text = `{"statistics": [${JSON.stringify(record).replace('"value":null', '"value":1e400')}]}`;
        const parsed = parseIndexFile('values.stats.json', text);
        if (parsed.statistics.length) {
          const shown = formatFigure(parsed.statistics[0]!, 'en');
          expect(shown, `${unit} ${v}`).not.toMatch(/e[+-]|Infinity|NaN/);
          expect(Number(shown.match(/^-?[\d.]+/)?.[0])).toBeCloseTo(v, 2);
        } else {
          expect(parsed.problems).toEqual([expect.objectContaining({ code: 'invalid-record', path: '$.statistics[0].value' })]);
          expect(parsed.problems[0]!.message).toMatch(/too large|too small|rank|negative|finite|number/);
        }
      }),
      params(34, 2000),
    );
    for (const v of [1e308, 1e300]) {
      const text = JSON.stringify({ statistics: [{ ...base, value: v, unit: '%', figure: undefined }] });
      expect(parseIndexFile('big.stats.json', text).problems[0]!.message).toContain('too large to show as written');
    }
  }, LONG);

  it('a bare array of records (as CSL JSON files are) loads like the "statistics" array, problems at $[i]', ({ task }) => {
    const count = counter(task);
    for (const json of originals) {
      count('badDataFiles');
      const asArray = parseIndexFile('bare.stats.json', JSON.stringify(json.statistics, null, 2));
      expect(asArray.problems).toEqual([]);
      expect(ids(asArray)).toEqual(idsOf(json.statistics));
      const broken = parseIndexFile('bare.stats.json', JSON.stringify([json.statistics[0], { ...json.statistics[1], unit: 'furlongs' }]));
      expect(ids(broken)).toEqual([String(json.statistics[0]!.id)]);
      expect(broken.problems).toEqual([expect.objectContaining({ path: '$[1].unit' })]);
    }
  });

  it.each(['README.md', 'CHANGELOG.md', 'LICENSE', 'examples/luonnos-fi.md'])('a file that is not JSON (%s) is one problem, not one per line', (name) => {
    const parsed = parseIndexFile(name, readFileSync(join(ROOT, name), 'utf8'));
    expect(parsed.statistics).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'invalid-file', path: '$', message: expect.stringContaining('Not a JSON index file') })]);
  });
});
