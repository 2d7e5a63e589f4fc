import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asLoaded, generateRecords } from '../../bench/generate';
import { fold } from '../../src/core/fold';
import { substringDistance } from '../../src/core/prefilterTerms';
import { FIELD_SEPARATOR, Vocabulary } from '../../src/core/prefilterVocabulary';
import { FuseStatisticSearch, RANK_WHOLE_UP_TO } from '../../src/core/search';
import { FUSE_OPTIONS, rankEntries, toEntry, toIndexedEntry } from '../../src/core/searchEntries';
import { foldFast, searchTokens } from '../../src/core/searchText';
import Fuse from 'fuse.js';
import { statciteOf, record } from './helpers';

describe('foldFast', () => {
  it('folds every character of the Basic Multilingual Plane as fold() does', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (foldFast(s) !== fold(s)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('folds any text as fold() does', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => foldFast(s) === fold(s)), { numRuns: 2000 });
    for (const s of ['Asiakaspalvelua TÄRKEÄNÄ', 'Ｚｅｎｄｅｓｋ ８４％', 'ﬁnanssi', 'Ёлка й', 'İstanbul', 'a\u0308\u0301b', '客户服务。']) expect(foldFast(s)).toBe(fold(s));
  });
});

describe('the prefilter vocabulary', () => {
  const scanned = (text: string) => {
    const v = new Vocabulary();
    const n = v.scan(text);
    return Array.from(v.ids.subarray(0, n), (id) => v.terms[id]!);
  };
  const alphabet = fc.constantFrom(...'abcäöõšžāēļ ёйКлиент客户服务的 ,.-84%ﬁＡ１\u0301'.split(''));

  it('reads the same tokens from raw text as a query gets from its fold', () => {
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 30 }), (chars) => {
      const text = chars.join('');
      expect(scanned(text)).toEqual(searchTokens(foldFast(text)));
    }), { numRuns: 1000 });
  });

  it('pairs adjacent Han characters and marks a field that is one token', () => {
    const v = new Vocabulary();
    const n = v.scan(['客户服务', 'Zendesk', 'zendesk 2019'].join(FIELD_SEPARATOR));
    const tokens = Array.from(v.ids.subarray(0, n), (id, k) => `${v.terms[id]}:${v.fields[k]}`);
    expect(tokens).toEqual(['客:0', '户:0', '客户:0', '服:0', '户服:0', '务:0', '服务:0', 'zendesk:129', 'zendesk:2', '2019:2']);
    expect(v.get('zendesk')).toBeDefined();
    expect(v.get('zendes')).toBeUndefined();
  });
});

describe('substringDistance', () => {
  it('counts the edits to the closest part of a term, a swap as one', () => {
    expect(substringDistance('zendesk', 'zendesk', 2)).toBe(0);
    expect(substringDistance('palvelu', 'asiakaspalvelua', 2)).toBe(0);
    expect(substringDistance('zendsk', 'zendesk', 2)).toBe(1);
    expect(substringDistance('zednesk', 'zendesk', 2)).toBe(1);
    expect(substringDistance('qqqqqq', 'zendesk', 2)).toBe(3);
  });
});

describe('rankEntries', () => {
  const stats = asLoaded(generateRecords(400, 5));
  const entries = stats.map(toIndexedEntry);

  it('scores exactly as fuse.js over the same entries, though it leaves out fields that cannot match', () => {
    const queries = ['客户服务', '消费者', 'клиенты', 'лояльность', 'zendesk', 'asiakaspalvelu', 'customers expect fast answers', 'zendsk', 'ü', '84% kuluttajat'];
    for (const q of queries) {
      for (let start = 0; start < entries.length; start += 80) {
        const list = entries.slice(start, start + 80);
        const expected = new Fuse(list.map((e) => toEntry(e.stat)), FUSE_OPTIONS).search(q);
        const actual = rankEntries(list, q);
        expect(actual.map((r) => [r.refIndex, r.score]), q).toEqual(expected.map((r) => [r.refIndex, r.score]));
      }
    }
  });
});

describe('FuseStatisticSearch with the prefilter', () => {
  const stats = asLoaded(generateRecords(3000, 11));
  const fast = new FuseStatisticSearch(stats);
  const plain = new FuseStatisticSearch(stats, { prefilter: false });
  const rareWord = (i: number) => (stats[i]!.quote.match(/\p{L}{7,}/gu) ?? []).find((w) => stats.filter((s) => s.quote.includes(w)).length <= 3);

  it('finds a record by one of its words typed with a typo, whenever fuse.js over the whole index does', () => {
    const missed: string[] = [];
    let tried = 0;
    for (let i = 0; i < stats.length && tried < 20; i += 97) {
      const word = rareWord(i);
      if (!word || stats[i]!.lang === 'zh') continue;
      const typo = word.slice(0, 3) + word.slice(4);
      const finds = (s: FuseStatisticSearch) => s.search(typo, { limit: 20 }).hits.some((h) => h.statistic === stats[i]);
      if (!finds(plain)) continue;
      tried++;
      if (!finds(fast)) missed.push(typo);
    }
    expect(tried).toBeGreaterThan(10);
    expect(missed).toEqual([]);
  });

  it('finds Chinese records by a run of characters and Russian ones by a word', () => {
    const zh = stats.filter((s) => s.lang === 'zh').slice(0, 10);
    for (const s of zh) {
      const run = s.quote.match(/\p{Script=Han}{3}/u)![0];
      expect(fast.search(run, { limit: 20 }).hits.map((h) => h.statistic)).toContain(s);
    }
    const ru = stats.filter((s) => s.lang === 'ru').slice(0, 10);
    for (const s of ru) {
      const word = s.quote.match(/\p{Script=Cyrillic}{6,}/u)![0];
      expect(fast.search(word, { limit: 50 }).hits.filter((h) => fold(h.statistic.quote).includes(fold(word))).length).toBeGreaterThan(0);
    }
  });

  it('prefers records with a Chinese query\'s characters side by side over records with them apart', () => {
    const zh = (id: string, quote: string, publisher: string) => record({ id, quote, figure: '84%', lang: 'zh', source: { publisher } });
    const apart = Array.from({ length: 300 }, (_, i) => zh(`apart-${i}-zh`, `84%的技术人员说，成功需要时间。`, '学术与成长研究'));
    const together = Array.from({ length: 10 }, (_, i) => zh(`together-${i}-zh`, `84%的人认为技术成熟很重要。`, 'Statista'));
    const index = statciteOf([...apart, ...together]).index.statistics;
    const found = new FuseStatisticSearch(index).search('术成', { limit: 50 }).hits.map((h) => h.statistic.id);
    expect(found.sort()).toEqual(together.map((r) => r.id).sort());
  });

  it('puts the same statistic first as fuse.js over the whole index, for a sample of queries', () => {
    const queries: string[] = [];
    for (let i = 0; i < stats.length && queries.length < 40; i += 71) {
      const s = stats[i]!;
      const word = s.lang === 'zh' ? s.quote.match(/\p{Script=Han}{2}/u)?.[0] : rareWord(i);
      if (word) queries.push(queries.length % 3 === 0 ? word.slice(0, 5) : queries.length % 3 === 1 ? `${word} ${s.value}%` : word.toLowerCase());
    }
    const differ = queries.filter((q) => fast.search(q, { lang: 'fi' }).hits[0]?.statistic !== plain.search(q, { lang: 'fi' }).hits[0]?.statistic);
    expect(differ.length, `top hits differ for ${differ.join(', ')}`).toBeLessThanOrEqual(2);
  });

  it('says the list is incomplete when the prefilter left statistics out', () => {
    expect(stats.length).toBeGreaterThan(RANK_WHOLE_UP_TO);
    const common = fast.search('customers', { limit: 10 });
    expect(common.hits).toHaveLength(10);
    expect(common.incomplete).toBe(true);
    expect(fast.search('').incomplete).toBe(true);
  });

  it('ranks a small index whole, as plain fuse.js does', () => {
    const small = statciteOf([record({ id: 'a-fi' }), record({ id: 'b-fi', quote: 'Zendesk raportoi 84 prosenttia.', figure: '84 prosenttia' })]);
    const s = new FuseStatisticSearch(small.index.statistics);
    const p = new FuseStatisticSearch(small.index.statistics, { prefilter: false });
    for (const q of ['zendsk', '84', 'asiakaspalvelu', '']) expect(s.search(q)).toEqual(p.search(q));
  });
});
