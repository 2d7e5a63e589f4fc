import { describe, expect, it } from 'vitest';
import { formatJsonPath, parseIndexFile } from '../../src/core/index/indexFile';
import { indexText, record } from './helpers';

const FILE = 'mine.stats.json';

describe('parseIndexFile: records', () => {
  it('loads valid records with defaults and where each one is in the file', () => {
    const text = indexText([record({ id: 'zendesk-2019-a-fi', sameAs: undefined, tags: undefined }), record({ id: 'zendesk-2019-b-fi', value: 56 })]);
    const parsed = parseIndexFile(FILE, text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.statistics.map((s) => s.id)).toEqual(['zendesk-2019-a-fi', 'zendesk-2019-b-fi']);
    const first = parsed.statistics[0]!;
    expect(first.sameAs).toEqual([]);
    expect(first.tags).toEqual([]);
    expect(first.origin.file).toBe(FILE);
    const written = text.slice(first.origin.offset, first.origin.offset + first.origin.length);
    expect(JSON.parse(written).id).toBe('zendesk-2019-a-fi');
  });

  it('reports a bad record with file, JSON path and reason, and still loads the good ones', () => {
    const text = indexText([record({ id: 'good-one' }), { ...record({ id: 'bad-value' }), value: '84' }, record({ id: 'good-two' })]);
    const parsed = parseIndexFile(FILE, text);
    expect(parsed.statistics.map((s) => s.id)).toEqual(['good-one', 'good-two']);
    expect(parsed.problems).toHaveLength(1);
    const problem = parsed.problems[0]!;
    expect(problem).toMatchObject({ file: FILE, code: 'invalid-record', path: '$.statistics[1].value', recordId: 'bad-value' });
    expect(problem.message).toMatch(/bad-value/);
    expect(problem.message).toMatch(/value/);
    expect(problem.message).toMatch(/number/);
    // The range points at the offending value.
    expect(text.slice(problem.offset!, problem.offset! + problem.length!)).toBe('"84"');
  });

  it.each([
    [{ unit: 'percent' }, '$.statistics[0].unit'],
    [{ id: 'Not An Id' }, '$.statistics[0].id'],
    [{ lang: 'Finnish' }, '$.statistics[0].lang'],
    [{ figure: '85 prosenttia' }, '$.statistics[0].figure'],
    [{ value: 7, valueMax: 6 }, '$.statistics[0].valueMax'],
    [{ source: { publisher: 'Zendesk', year: 19 } }, '$.statistics[0].source.year'],
    [{ source: { publisher: 'Zendesk', url: 'https://x' } }, '$.statistics[0].source'],
    [{ via: { title: 'T', lang: 'fi', document: 'd', date: '5.10.2020' } }, '$.statistics[0].via.date'],
    [{ sameAs: ['Bad Id'] }, '$.statistics[0].sameAs[0]'],
    [{ extra: true }, '$.statistics[0]'],
  ])('reports %j at %s', (overrides, path) => {
    const parsed = parseIndexFile(FILE, indexText([{ ...record({ id: 'rec' }), ...overrides }]));
    expect(parsed.statistics).toEqual([]);
    expect(parsed.problems.map((p) => p.path)).toContain(path);
    expect(parsed.problems.every((p) => p.code === 'invalid-record' && p.file === FILE)).toBe(true);
  });

  it('reports a missing required field at the record', () => {
    const { quote: _quote, ...withoutQuote } = record({ id: 'no-quote' });
    const parsed = parseIndexFile(FILE, indexText([withoutQuote]));
    expect(parsed.problems.map((p) => p.path)).toEqual(['$.statistics[0].quote']);
  });

  it('renders JSON paths with indexes and quoted odd keys', () => {
    expect(formatJsonPath(['statistics', 3, 'value'])).toBe('$.statistics[3].value');
    expect(formatJsonPath(['odd key'])).toBe('$["odd key"]');
    expect(formatJsonPath([])).toBe('$');
  });
});

describe('parseIndexFile: broken files', () => {
  const good = (id: string) => JSON.stringify(record({ id }));

  it('loses only the record a syntax error is in', () => {
    const broken = good('broken').replace('"value":84', '"value":84,,');
    const text = `{"statistics": [\n${good('first')},\n${broken},\n${good('third')}\n]}`;
    const parsed = parseIndexFile(FILE, text);
    expect(parsed.statistics.map((s) => s.id)).toEqual(['first', 'third']);
    expect(parsed.problems.some((p) => p.code === 'invalid-json')).toBe(true);
    const skipped = parsed.problems.find((p) => p.code === 'invalid-record');
    expect(skipped).toMatchObject({ path: '$.statistics[1]', recordId: 'broken' });
  });

  it('keeps the records before a file that is cut off', () => {
    const text = `{"statistics": [\n${good('first')},\n${good('second').slice(0, 60)}`;
    const parsed = parseIndexFile(FILE, text);
    expect(parsed.statistics.map((s) => s.id)).toEqual(['first']);
    expect(parsed.problems.some((p) => p.code === 'invalid-json')).toBe(true);
  });

  it('reports where a syntax error is', () => {
    const text = '{"statistics": [}';
    const parsed = parseIndexFile(FILE, text);
    const error = parsed.problems.find((p) => p.code === 'invalid-json')!;
    expect(error.path).toBe('$');
    expect(error.message).toMatch(/JSON syntax error/);
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThan(text.length);
  });

  it('rejects comments and trailing commas (the files are JSON, not JSONC)', () => {
    expect(parseIndexFile(FILE, '{ // note\n"statistics": []}').problems.map((p) => p.code)).toContain('invalid-json');
    expect(parseIndexFile(FILE, '{"statistics": [],}').problems.map((p) => p.code)).toContain('invalid-json');
  });

  it('reads a file that starts with a byte order mark, offsets counting the mark', () => {
    const text = '\uFEFF' + indexText([record({ id: 'with-bom' })]);
    const parsed = parseIndexFile(FILE, text);
    expect(parsed.problems).toEqual([]);
    const s = parsed.statistics[0]!;
    expect(s.id).toBe('with-bom');
    expect(text[s.origin.offset]).toBe('{');
    expect(text[s.origin.offset + s.origin.length - 1]).toBe('}');
  });

  it.each([
    ['{"articles": []}', 'invalid-file', '$.statistics'],
    ['{"statistics": {}}', 'invalid-file', '$.statistics'],
    ['42', 'invalid-file', '$'],
    ['"text"', 'invalid-file', '$'],
    ['', 'invalid-json', '$'],
    ['   ', 'invalid-json', '$'],
  ])('reports %j as %s at %s', (text, code, path) => {
    const parsed = parseIndexFile(FILE, text);
    expect(parsed.statistics).toEqual([]);
    expect(parsed.problems[0]).toMatchObject({ file: FILE, code, path });
  });

  it('reads a bare array of records (CSL JSON files are arrays) like the "statistics" array', () => {
    expect(parseIndexFile(FILE, '[]')).toMatchObject({ statistics: [], problems: [] });
    const parsed = parseIndexFile(FILE, JSON.stringify([record({ id: 'bare-a' }), { ...record({ id: 'bare-b' }), value: 'x' }]));
    expect(parsed.statistics.map((s) => s.id)).toEqual(['bare-a']);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'invalid-record', path: '$[1].value' })]);
  });

  it('reports unknown top-level properties but still loads the statistics', () => {
    const parsed = parseIndexFile(FILE, indexText([record({ id: 'ok' })], { note: 'x' }));
    expect(parsed.statistics.map((s) => s.id)).toEqual(['ok']);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'invalid-file', path: '$.note' })]);
  });

  it('reads articles and reports a bad one by its path', () => {
    const articles = [
      { title: 'Asiakaspalvelutilastot', lang: 'fi', document: 'fi.txt' },
      { title: 'No language', document: 'x.txt' },
    ];
    const parsed = parseIndexFile(FILE, indexText([record({ id: 'ok' })], { articles }));
    expect(parsed.articles).toEqual([articles[0]]);
    expect(parsed.problems.map((p) => p.path)).toEqual(['$.articles[1].lang']);
    expect(parsed.statistics).toHaveLength(1);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['{', '}', '{"statistics": [1, null, "x", []]}', '{"statistics": [{"id": 5}]}', '\uFEFF', 'null']) {
      expect(() => parseIndexFile(FILE, text)).not.toThrow();
    }
    const parsed = parseIndexFile(FILE, '{"statistics": [1, null, "x", []]}');
    expect(parsed.problems.map((p) => p.path)).toEqual(['$.statistics[0]', '$.statistics[1]', '$.statistics[2]', '$.statistics[3]']);
  });
});

describe('parseIndexFile: translated messages', () => {
  /** Marks every translated template with «…», so what went through localize can be told from what did not. */
  const marked = (template: string, ...args: Array<string | number>) => `«${template.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m))}»`;

  it('passes every problem message through localize, and the same in English by default', () => {
    const texts = ['[]', '{"statistics": {}}', '{"note": 1, "statistics": [tru, 5]}', '{"articles": [{"title": 1}]}', indexText([{ ...record({ id: 'rec' }), extra: true }])];
    for (const text of texts) {
      const plain = parseIndexFile(FILE, text).problems;
      const localized = parseIndexFile(FILE, text, marked).problems;
      expect(localized.map((p) => p.message.startsWith('«'))).toEqual(plain.map(() => true));
      expect(localized.map((p) => p.message.replace(/[«»]/g, ''))).toEqual(plain.map((p) => p.message));
    }
  });

  it('translates the reasons statcite gives itself (JSON syntax, formats, record checks) but not zod\'s own', () => {
    const syntax = parseIndexFile(FILE, '{"statistics": [tru]}', marked).problems.find((p) => p.code === 'invalid-json')!;
    expect(syntax.message).toBe('«JSON syntax error: «invalid symbol»»');
    const bad = [
      { ...record({ id: 'Bad Id' }) },
      { ...record({ id: 'lang' }), lang: 'Finnish' },
      { ...record({ id: 'date' }), via: { title: 'T', lang: 'fi', document: 'd', date: '5.10.2020' } },
      { ...record({ id: 'range' }), value: 7, valueMax: 6 },
      { ...record({ id: 'figure' }), figure: '85 prosenttia' },
    ];
    const messages = parseIndexFile(FILE, indexText(bad), marked).problems.map((p) => p.message);
    expect(messages).toEqual([
      '«Record "Bad Id" skipped: "id": «use lowercase letters, digits and single hyphens, e.g. "zendesk-2019-loyalty-fi"»»',
      '«Record "lang" skipped: "lang": «use a BCP-47 language tag such as "fi", "zh" or "pt-BR"»»',
      '«Record "date" skipped: "via.date": «use YYYY, YYYY-MM or YYYY-MM-DD»»',
      '«Record "range" skipped: "valueMax": «valueMax must not be below value»»',
      '«Record "figure" skipped: "figure": «figure must appear in the quote as written»»',
    ]);
    const builtIn = parseIndexFile(FILE, indexText([{ ...record({ id: 'v' }), value: '84' }]), marked).problems[0]!.message;
    expect(builtIn).toMatch(/^«Record "v" skipped: "value": [^«]+»$/);
  });
});
