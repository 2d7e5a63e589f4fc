import { describe, expect, it } from 'vitest';
import { parseIndexFile } from '../../src/core/index/indexFile';
import { StatisticsIndex } from '../../src/core/index/statisticsIndex';
import { indexText, record } from './helpers';

function indexOf(...files: Array<{ file: string; records: unknown[] }>): StatisticsIndex {
  return StatisticsIndex.fromFiles(files.map((f) => parseIndexFile(f.file, indexText(f.records))));
}

describe('StatisticsIndex', () => {
  it('merges files and looks records up by id and by source', () => {
    const index = indexOf(
      { file: 'a.stats.json', records: [record({ id: 'zd-84' }), record({ id: 'zd-56', value: 56, figure: undefined })] },
      { file: 'b.stats.json', records: [record({ id: 'hs-68', value: 68, figure: undefined, source: { publisher: 'HubSpot', year: 2019 } })] },
    );
    expect(index.problems).toEqual([]);
    expect(index.size).toBe(3);
    expect(index.get('hs-68')?.origin.file).toBe('b.stats.json');
    expect(index.get('nope')).toBeUndefined();
    expect(index.bySourceKey('zendesk-2019').map((s) => s.id)).toEqual(['zd-84', 'zd-56']);
    expect(index.bySourceKey('hubspot-2019').map((s) => s.id)).toEqual(['hs-68']);
    expect([...index.sourceKeys()].sort()).toEqual(['hubspot-2019', 'zendesk-2019']);
  });

  it('keeps the first of two records with the same id and reports the second where it is', () => {
    const index = indexOf({ file: 'a.stats.json', records: [record({ id: 'same' })] }, { file: 'b.stats.json', records: [record({ id: 'same', value: 85, figure: undefined })] });
    expect(index.size).toBe(1);
    expect(index.get('same')?.value).toBe(84);
    expect(index.problems).toEqual([expect.objectContaining({ code: 'duplicate-id', file: 'b.stats.json', recordId: 'same' })]);
    expect(index.problems[0]!.message).toContain('a.stats.json');
  });

  it('reports a sameAs link to an id that is not in the index, and keeps the record', () => {
    const index = indexOf({ file: 'a.stats.json', records: [record({ id: 'x', sameAs: ['gone'] })] });
    expect(index.get('x')).toBeDefined();
    expect(index.problems).toEqual([expect.objectContaining({ code: 'dangling-same-as', file: 'a.stats.json', recordId: 'x' })]);
    expect(index.problems[0]!.message).toContain('gone');
    expect(index.sameAsOf('x')).toEqual([]);
  });

  it('passes its problem messages through localize, English by default', () => {
    const files = [parseIndexFile('a.stats.json', indexText([record({ id: 'same', sameAs: ['gone'] }), record({ id: 'same' })]))];
    const t = (template: string, ...args: Array<string | number>) => `«${template}» ${args.join(' | ')}`;
    expect(StatisticsIndex.fromFiles(files).problems.map((p) => p.message)).toEqual([
      'Duplicate id "same" (first defined in a.stats.json); this record is skipped.',
      '"same" lists sameAs "gone", which is not in the index.',
    ]);
    expect(StatisticsIndex.fromFiles(files, t).problems.map((p) => p.message)).toEqual([
      '«Duplicate id "{0}" (first defined in {1}); this record is skipped.» same | a.stats.json',
      '«"{0}" lists sameAs "{1}", which is not in the index.» same | gone',
    ]);
  });

  it('makes sameAs symmetric in lookups even when only one side declares it, across files', () => {
    const index = indexOf(
      { file: 'fi.stats.json', records: [record({ id: 'zendesk-fi', sameAs: ['purchase-zh'] })] },
      { file: 'zh.stats.json', records: [record({ id: 'purchase-zh', lang: 'zh', figure: '84%', quote: '84%的消费者', source: null })] },
    );
    expect(index.problems).toEqual([]);
    expect(index.sameAsOf('zendesk-fi').map((s) => s.id)).toEqual(['purchase-zh']);
    expect(index.sameAsOf('purchase-zh').map((s) => s.id)).toEqual(['zendesk-fi']);
  });

  it('lists each sameAs link once when both sides declare it', () => {
    const index = indexOf({ file: 'a.stats.json', records: [record({ id: 'a', sameAs: ['b'] }), record({ id: 'b', sameAs: ['a'] })] });
    expect(index.sameAsOf('a').map((s) => s.id)).toEqual(['b']);
    expect(index.sameAsOf('b').map((s) => s.id)).toEqual(['a']);
  });

  it('keeps the problems of every file', () => {
    const broken = parseIndexFile('broken.stats.json', '{"statistics": [}');
    const index = StatisticsIndex.fromFiles([broken, parseIndexFile('ok.stats.json', indexText([record({ id: 'ok' })]))]);
    expect(index.size).toBe(1);
    expect(index.problems.every((p) => p.file === 'broken.stats.json')).toBe(true);
    expect(index.problems.length).toBeGreaterThan(0);
  });
});
