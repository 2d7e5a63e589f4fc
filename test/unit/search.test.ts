import { describe, expect, it } from 'vitest';
import { fold, tokens } from '../../src/core/text/fold';
import { FuseStatisticSearch } from '../../src/core/search/search';
import { fixtureStatcite } from './helpers';

const statcite = fixtureStatcite();
const search = new FuseStatisticSearch(statcite.index.statistics);
const ids = (query: string, options: { lang?: string; limit?: number } = {}) => search.search(query, options).hits.map((h) => h.statistic.id);

describe('fold and tokens', () => {
  it('folds case, diacritics and compatibility forms', () => {
    expect(fold('Asiakaspalvelua TÄRKEÄNÄ')).toBe('asiakaspalvelua tarkeana');
    expect(fold('Zēndesk')).toBe('zendesk');
    expect(fold('８４％')).toBe('84%');
  });

  it('splits words and gives each Chinese character its own token', () => {
    expect(tokens('84 % Kuluttajista!')).toEqual(['84', 'kuluttajista']);
    expect(tokens('84%的消费者')).toEqual(['84', '的', '消', '费', '者']);
  });
});

describe('FuseStatisticSearch', () => {
  it('finds words inside longer inflected words ("asiakaspalvelu" in "asiakaspalvelua")', () => {
    const found = ids('asiakaspalvelu');
    expect(found).toContain('zendesk-2019-purchase-decision-fi');
    expect(found.slice(0, 3).every((id) => fold(statcite.index.get(id)!.quote).includes('asiakaspalvel'))).toBe(true);
  });

  it('does not care about diacritics in the query or the text', () => {
    expect(ids('puhelinjarjestelmiin')[0]).toBe('zendesk-2019-automated-phone-fi');
    expect(ids('PUHELINJÄRJESTELMIIN')[0]).toBe('zendesk-2019-automated-phone-fi');
    expect(ids('Zēndesk').slice(0, 3).every((id) => id.startsWith('zendesk-'))).toBe(true);
  });

  it('tolerates typos: "zendsk" finds Zendesk records first', () => {
    const top = ids('zendsk').slice(0, 3);
    expect(top).toHaveLength(3);
    for (const id of top) expect(statcite.index.get(id)!.source?.publisher).toBe('Zendesk');
  });

  it('finds a publisher by name, and by name and year', () => {
    expect(ids('grand view')[0]).toBe('grand-view-research-2020-market-fi');
    expect(ids('microsoft 2018')[0]).toBe('microsoft-2018-brand-loyalty-fi');
    const zendesk2019 = ids('zendesk 2019');
    expect(zendesk2019.slice(0, 3).sort()).toEqual(['zendesk-2019-automated-phone-fi', 'zendesk-2019-not-important-fi', 'zendesk-2019-purchase-decision-fi']);
    expect(ids('hubspot 2019')[0]).toBe('hubspot-2019-pay-more-fi');
  });

  it('finds a year\'s sources by the year alone, and nothing for a value no statistic has', () => {
    expect(ids('2019').slice(0, 3).every((id) => statcite.index.get(id)!.source?.year === 2019)).toBe(true);
    expect(ids('85')).toEqual([]);
    expect(ids('85%')).toEqual([]);
  });

  it.each(['84', '84%', '84 %', '84％'])('"%s" finds the statistics whose value is 84 first', (query) => {
    const hits = search.search(query).hits;
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits.every((h) => h.statistic.value === 84)).toBe(true);
  });

  it('finds a decimal value written with a comma or a point', () => {
    expect(ids('7,6')).toEqual(['grand-view-research-2020-market-fi']);
    expect(ids('7.6')).toEqual(['grand-view-research-2020-market-fi']);
  });

  it('narrows a value by words ("84 asiakaspalvelu")', () => {
    expect(ids('84 asiakaspalvelu')).toEqual(['zendesk-2019-purchase-decision-fi']);
  });

  it('works for Chinese and Russian queries', () => {
    expect(ids('消费者')[0]).toBe('purchase-decision-zh');
    expect(ids('客户服务')).toContain('purchase-decision-zh');
    expect(ids('лояльный')[0]).toBe('loyal-customer-value-ru');
    expect(ids('клиент')[0]).toBe('loyal-customer-value-ru');
  });

  it('ranks the document language first when the match is as good', () => {
    expect(ids('84', { lang: 'zh' })[0]).toBe('purchase-decision-zh');
    expect(ids('84', { lang: 'fi' })[0]).toBe('zendesk-2019-purchase-decision-fi');
    expect(ids('84', { lang: 'zh-CN' })[0]).toBe('purchase-decision-zh');
    // Both English glosses say it: the language decides.
    expect(ids('consider customer service a key factor', { lang: 'zh' })[0]).toBe('purchase-decision-zh');
    expect(ids('consider customer service a key factor', { lang: 'fi' })[0]).toBe('zendesk-2019-purchase-decision-fi');
  });

  it('does not let the language beat a clearly better match', () => {
    expect(ids('puhelinjärjestelmiin', { lang: 'zh' })[0]).toBe('zendesk-2019-automated-phone-fi');
  });

  it('limits the hits and says when there were more', () => {
    const all = search.search('');
    expect(all.hits).toHaveLength(statcite.index.size);
    expect(all.incomplete).toBe(false);
    const some = search.search('', { limit: 3 });
    expect(some.hits).toHaveLength(3);
    expect(some.incomplete).toBe(true);
    const exact = search.search('84', { limit: 2 });
    expect(exact.incomplete).toBe(false);
    expect(search.search('84', { limit: 1 }).incomplete).toBe(true);
  });

  it('finds nothing for nonsense, and scores lie between 0 and 1', () => {
    expect(search.search('qqqxxyyzz').hits).toEqual([]);
    for (const hit of search.search('customer service').hits) {
      expect(hit.score).toBeGreaterThanOrEqual(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
  });

  it('is the search of the composition root, built on first use', () => {
    expect(statcite.search.search('zendsk').hits[0]!.statistic.source?.publisher).toBe('Zendesk');
    expect(statcite.search).toBe(statcite.search);
  });
});

describe('a figure still being typed', () => {
  it('matches the values it begins, and never leaves the list empty while the words match', () => {
    const full = ids('zendesk 84');
    expect(full.length).toBeGreaterThan(0);
    // "zendesk 8" is on the way to "zendesk 84": the same statistic is offered at every keystroke.
    expect(ids('zendesk 8')).toContain(full[0]);
    // A figure no statistic states still leaves the words to search.
    expect(ids('zendesk 12345').length).toBeGreaterThan(0);
  });
});
