import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prevalidateBundledIndex, readPrevalidatedIndex, renameIndexFile } from '../../src/core/index/bundledIndex';
import { parseIndexFile } from '../../src/core/index/indexFile';
import { indexText, record } from './helpers';

/**
 * The extension loads the bundled index from dist/bundled-index.json, which scripts/build.mjs writes after reading
 * data/*.stats.json the thorough way (jsonc-parser and zod). Here the built file is held to that thorough path, so a
 * data file changed after the build is caught rather than shipped stale.
 */
const PREVALIDATED = 'dist/bundled-index.json';
const dataFiles = readdirSync('data').filter((f) => f.endsWith('.stats.json')).sort();

describe('the pre-validated bundled index (dist/bundled-index.json)', () => {
  it('is what the thorough path reads from data/*.stats.json', () => {
    expect(existsSync(PREVALIDATED), `${PREVALIDATED} is missing: run npm run build`).toBe(true);
    const thorough = dataFiles.map((file) => parseIndexFile(file, readFileSync(join('data', file), 'utf8')));
    expect(thorough.every((f) => f.problems.length === 0 && f.statistics.length > 0)).toBe(true);
    const built = readPrevalidatedIndex(readFileSync(PREVALIDATED, 'utf8'));
    // As JSON, since that is how the extension receives it; a difference means the build is older than the data.
    expect(built, `${PREVALIDATED} is out of date: run npm run build`).toStrictEqual(JSON.parse(JSON.stringify(thorough)));
  });
});

describe('prevalidateBundledIndex', () => {
  it('fails, naming the file, the record and the reason, when a bundled file has a problem', () => {
    const bad = indexText([record({ id: 'fine-1' }), { ...record({ id: 'bad-1' }), value: 'many' }]);
    expect(() => prevalidateBundledIndex([{ file: 'fi.stats.json', text: bad }])).toThrow(/^fi\.stats\.json: \$\.statistics\[1\]\.value: Record "bad-1" skipped/);
  });

  it('fails when the files disagree together: an id in two files', () => {
    const text = indexText([record({ id: 'same' })]);
    expect(() => prevalidateBundledIndex([{ file: 'a.stats.json', text }, { file: 'b.stats.json', text }])).toThrow(/b\.stats\.json: .*Duplicate id "same"/);
  });
});

describe('renameIndexFile', () => {
  it('renames the file in its records and problems too', () => {
    const parsed = parseIndexFile('fi.stats.json', indexText([record({ id: 'a' }), { id: 'Bad' }]));
    const renamed = renameIndexFile(parsed, '/ext/data/fi.stats.json');
    expect(renamed.file).toBe('/ext/data/fi.stats.json');
    expect(renamed.statistics.map((s) => s.origin.file)).toEqual(['/ext/data/fi.stats.json']);
    expect(renamed.problems.length).toBeGreaterThan(0);
    expect(renamed.problems.every((p) => p.file === '/ext/data/fi.stats.json')).toBe(true);
    expect(parsed.statistics[0]!.origin.file).toBe('fi.stats.json');
  });
});
