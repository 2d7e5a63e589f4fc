import type { TextEdit } from '../../src/core/citations/cite';
import { loadStatcite, type Statcite } from '../../src/core/statcite';
import type { StatisticInput, Via } from '../../src/core/index/statistic';

/** The article most fixture records were "found in". */
export const FI_ARTICLE: Via = { title: 'Asiakaspalvelutilastot', lang: 'fi', document: 'fi-article.txt' };
export const ZH_ARTICLE: Via = { title: '跨境电商如何做好客户服务', publisher: '独立站', date: '2020-10-07', lang: 'zh', document: 'zh-article.txt' };
export const RU_ARTICLE: Via = { title: 'Плохое обслуживание', lang: 'ru', document: 'ru-article.txt' };

/** A valid record (Finnish, Zendesk 2019, 84 %) with any field overridden. */
export function record(overrides: Partial<StatisticInput> & { id: string }): StatisticInput {
  return {
    value: 84,
    unit: '%',
    figure: '84 prosenttia',
    quote: '84 prosenttia kuluttajista pitää asiakaspalvelua avaintekijänä ostopäätöstä tehtäessä.',
    lang: 'fi',
    en: '84% of consumers consider customer service a key factor when deciding whether to buy.',
    source: { publisher: 'Zendesk', year: 2019 },
    via: FI_ARTICLE,
    sameAs: [],
    tags: ['purchase-decision', 'customer-service'],
    ...overrides,
  };
}

/** The JSON text of an index file holding these records (pretty-printed like the bundled files). */
export function indexText(statistics: readonly unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...extra, statistics }, null, 2);
}

/** A statcite built from one inline index file. */
export function statciteOf(statistics: readonly StatisticInput[], file = 'test.stats.json'): Statcite {
  return loadStatcite([{ file, text: indexText(statistics) }]);
}

/**
 * A small index used across the validation, citation and resolution tests: Zendesk 2019 (84 %, 3 %, 56 %),
 * Microsoft Dynamics 365 2018 (95 %), a record without a publisher linked to a primary one, HubSpot with and
 * without a year, Grand View Research money, a Chinese and a Russian record.
 */
export function fixtureRecords(): StatisticInput[] {
  return [
    record({ id: 'zendesk-2019-purchase-decision-fi' }),
    record({
      id: 'zendesk-2019-not-important-fi',
      value: 3,
      figure: 'kolme prosenttia',
      quote: 'Vain kolme prosenttia sanoo, että asiakaspalvelulla ei ole merkitystä.',
      en: 'Only 3% say customer service does not matter.',
    }),
    record({
      id: 'zendesk-2019-automated-phone-fi',
      value: 56,
      figure: '56 prosenttia',
      quote: '56 prosenttia kuluttajista turhautuu automaattisiin puhelinjärjestelmiin.',
      en: '56% of consumers are frustrated by automated phone systems.',
      tags: ['phone', 'automation'],
    }),
    record({
      id: 'microsoft-2018-brand-loyalty-fi',
      value: 95,
      figure: '95 prosenttia',
      quote: '95 prosenttia kuluttajien mukaan asiakaspalvelu vaikuttaa brändiuskollisuuteen.',
      en: '95% of consumers say customer service affects their loyalty to a brand.',
      source: { publisher: 'Microsoft Dynamics 365', year: 2018 },
      tags: ['loyalty', 'brand'],
    }),
    record({
      id: 'knowledgeable-reps-fi',
      value: 31,
      figure: '31 prosenttia',
      quote: '31 prosenttia arvostaa asiantuntevia asiakaspalvelijoita.',
      en: '31% value knowledgeable customer service representatives.',
      source: null,
      sameAs: ['knowledgeable-reps-en'],
      tags: ['agents', 'knowledge'],
    }),
    record({
      id: 'knowledgeable-reps-en',
      value: 31,
      figure: '31%',
      quote: '31% of customers value knowledgeable representatives.',
      lang: 'en',
      en: '31% of customers value knowledgeable representatives.',
      source: { publisher: 'Statista', year: 2019 },
      via: { title: 'Customer service statistics', lang: 'en', document: 'en-article.txt' },
      tags: ['agents', 'knowledge'],
    }),
    record({
      id: 'hubspot-2019-pay-more-fi',
      value: 68,
      figure: '68 prosenttia',
      quote: '68 prosenttia on valmiita maksamaan enemmän hyvästä palvelusta.',
      en: '68% are willing to pay more for good service.',
      source: { publisher: 'HubSpot', year: 2019 },
      tags: ['price', 'pay-more'],
    }),
    record({
      id: 'hubspot-repeating-fi',
      value: 62,
      figure: '62 prosenttia',
      quote: '62 prosenttia ärsyyntyy, kun joutuu toistamaan tietonsa.',
      en: '62% are annoyed by having to repeat their information.',
      source: { publisher: 'HubSpot' },
      tags: ['repeating-information'],
    }),
    record({
      id: 'grand-view-research-2020-market-fi',
      value: 7.6,
      unit: 'USD billion',
      figure: '7,6 miljardia dollaria',
      quote: 'Asiakaskokemusten hallinta on maailmanlaajuisesti arvoltaan 7,6 miljardia dollaria.',
      en: 'The customer experience management market is worth USD 7.6 billion.',
      source: { publisher: 'Grand View Research', year: 2020 },
      tags: ['market-size'],
    }),
    record({
      id: 'purchase-decision-zh',
      value: 84,
      figure: '84%',
      quote: '84%的消费者认为客户服务是购买决策的关键因素。',
      lang: 'zh',
      en: '84% of consumers consider customer service a key factor in purchase decisions.',
      source: null,
      via: ZH_ARTICLE,
      sameAs: ['zendesk-2019-purchase-decision-fi'],
      tags: ['purchase-decision', 'customer-service'],
    }),
    record({
      id: 'loyal-customer-value-ru',
      value: 10,
      unit: 'x',
      figure: 'в 10 раз',
      quote: 'Лояльный клиент в 10 раз ценнее первой покупки.',
      lang: 'ru',
      en: 'A loyal customer is worth 10 times their first purchase.',
      source: null,
      via: RU_ARTICLE,
      tags: ['loyalty', 'customer-value'],
    }),
  ];
}

export function fixtureStatcite(): Statcite {
  return statciteOf(fixtureRecords());
}

/** Applies edits the way an editor does: they must not overlap; edits at the same offset apply in order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!.e;
    const next = sorted[k]!.e;
    if (next.start < prev.end) throw new Error(`overlapping edits: [${prev.start}, ${prev.end}) and [${next.start}, ${next.end})`);
  }
  let out = text;
  for (const { e } of sorted.reverse()) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Offset of the n-th (0-based) occurrence of `needle` in `text`; throws when absent, so fixtures stay honest. */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) not found in ${JSON.stringify(text)}`);
  }
  return at;
}
