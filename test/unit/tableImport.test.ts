import { describe, expect, it } from 'vitest';
import { columnsFor, statisticsFromTable } from '../../src/core/index/tableImport';

const HEADERS = ['id', 'value', 'unit', 'quote', 'lang', 'en', 'Publisher', 'Year', 'via.title', 'via.document', 'tags'];
const good = {
  id: 'acme-2024-nps-en', value: '61', unit: '%', quote: 'Acme found that 61% would recommend it.', lang: 'en', en: '61% would recommend it.',
  Publisher: 'Acme', Year: '2024', 'via.title': 'Notes', 'via.document': 'notes.md', tags: 'nps; loyalty',
};
const MAP = { 'source.publisher': 'Publisher', 'source.year': 'Year' };

describe('importing a table of statistics', () => {
  it('a good row becomes a record the index format accepts', () => {
    const { statistics, problems } = statisticsFromTable(HEADERS, [{ line: 2, cells: good }], MAP);
    expect(problems).toEqual([]);
    expect(statistics).toEqual([{
      id: 'acme-2024-nps-en', value: 61, unit: '%', quote: good.quote, lang: 'en', en: good.en,
      source: { publisher: 'Acme', year: 2024 }, via: { title: 'Notes', lang: 'en', document: 'notes.md' }, sameAs: [], tags: ['nps', 'loyalty'],
    }]);
  });

  it('bad rows are named by line and column, and the good ones are kept', () => {
    const rows = [
      { line: 2, cells: good },
      { line: 3, cells: { ...good, id: 'acme-b', value: 'many' } },
      { line: 4, cells: { ...good, id: 'Bad Id', unit: 'furlongs' } },
      { line: 5, cells: { ...good, id: 'acme-c', Year: '2024', Publisher: '' } },
      { line: 6, cells: { ...good } },
      { line: 7, cells: { ...good, id: 'acme-d', value: '7,6', quote: 'Acme says 7,6 things.' } },
    ];
    const { statistics, problems } = statisticsFromTable(HEADERS, rows, MAP);
    expect(statistics.map((s) => [s.id, s.value])).toEqual([['acme-2024-nps-en', 61], ['acme-d', 7.6]]);
    expect(problems).toEqual([
      { line: 3, column: 'value', message: 'value: "many" is not a number' },
      { line: 4, column: 'id', message: expect.stringMatching(/^id: /) },
      { line: 4, column: 'unit', message: expect.stringMatching(/^unit: /) },
      { line: 5, column: 'Publisher', message: expect.stringMatching(/^source\.publisher: /) },
      { line: 6, column: 'id', message: 'id "acme-2024-nps-en" is already used on line 2' },
    ]);
  });

  it('a row without a publisher cites no primary source; a figure not in the quote is refused', () => {
    const { statistics, problems } = statisticsFromTable([...HEADERS, 'figure'], [
      { line: 2, cells: { ...good, Publisher: '', Year: '' } },
      { line: 3, cells: { ...good, id: 'x-y', figure: '62%' } },
    ], MAP);
    expect(statistics[0]!.source).toBeNull();
    expect(problems).toEqual([{ line: 3, column: 'figure', message: 'figure: figure must appear in the quote as written' }]);
  });

  it('a field no column fills is named, with how to map one', () => {
    const { problems } = statisticsFromTable(['id', 'value'], [{ line: 2, cells: { id: 'a-b', value: '1' } }]);
    expect(problems.find((p) => p.message.startsWith('quote:'))?.message).toMatch(/no column fills quote; name one with --map quote=HEADER/);
  });

  it('headers match fields regardless of case and separators; --map wins; a bad map is an error', () => {
    expect(columnsFor(['Source Publisher', 'VIA_TITLE']).get('source.publisher')).toBe('Source Publisher');
    expect(columnsFor(['Source Publisher', 'VIA_TITLE']).get('via.title')).toBe('VIA_TITLE');
    expect(columnsFor(['quote', 'Sentence'], { quote: 'Sentence' }).get('quote')).toBe('Sentence');
    expect(() => columnsFor(['a'], { colour: 'a' })).toThrow(/"colour" is not a field/);
    expect(() => columnsFor(['a'], { quote: 'b' })).toThrow(/no column "b"/);
  });
});
