import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { footnoteText } from '../../src/core/citations/cite';
import { figureStates } from '../../src/core/figures/figureMatch';
import { readFigures } from '../../src/core/figures/figures';
import { formatFigure } from '../../src/core/index/format';
import { parseIndexFile, type LoadedStatistic, type ParsedIndexFile } from '../../src/core/index/indexFile';
import { sourceKeyOf } from '../../src/core/index/sourceKey';
import type { Unit } from '../../src/core/index/statistic';
import { StatisticsIndex } from '../../src/core/index/statisticsIndex';
import { createStatcite } from '../../src/core/statcite';

// The real bundled index, read from disk the way statcite reads it. Other people add records while these tests
// are written: nothing here depends on exact totals, and spot checks use stable ids only.
const DATA = resolve(__dirname, '../../data');
const fileNames = readdirSync(DATA).filter((f) => f.endsWith('.stats.json')).sort();
const texts = new Map(fileNames.map((f) => [f, readFileSync(join(DATA, f), 'utf8')]));
const parsed: ParsedIndexFile[] = fileNames.map((f) => parseIndexFile(f, texts.get(f)!));
const index = StatisticsIndex.fromFiles(parsed);
const all: LoadedStatistic[] = parsed.flatMap((p) => p.statistics);
/** The records as written in the files (before defaults), to check what the files themselves say. */
const raw = new Map<string, { file: string; sameAs: string[] }>();
for (const f of fileNames) {
  for (const r of (JSON.parse(texts.get(f)!) as { statistics: Array<{ id: string; sameAs?: string[] }> }).statistics) raw.set(r.id, { file: f, sameAs: r.sameAs ?? [] });
}

const COUNTS: readonly Unit[] = ['people', 'customers', 'respondents', 'companies', 'countries', 'conversations', 'messages', 'times', 'rank', 'count'];
const DURATIONS: readonly Unit[] = ['seconds', 'minutes', 'hours', 'days', 'years'];
const MONEY: readonly Unit[] = ['USD', 'USD million', 'USD billion', 'USD trillion', 'EUR', 'EUR million', 'EUR billion'];

describe('the bundled index', () => {
  it('has a file per language: fi, zh, lv, et, ru', () => {
    for (const lang of ['fi', 'zh', 'lv', 'et', 'ru']) expect(fileNames).toContain(`${lang}.stats.json`);
  });

  it('parses every record with no problems', () => {
    for (const p of parsed) expect(p.problems, p.file).toEqual([]);
    expect(index.problems).toEqual([]);
    expect(index.size).toBe(all.length);
    expect(raw.size).toBe(all.length);
  });

  it('has more than 80 records, from all five languages', () => {
    expect(all.length).toBeGreaterThan(80);
    const langs = new Set(all.map((s) => s.lang));
    for (const lang of ['fi', 'zh', 'lv', 'et', 'ru']) expect(langs, lang).toContain(lang);
    for (const p of parsed) expect(p.statistics.length, p.file).toBeGreaterThan(0);
  });

  it('has unique ids across files', () => {
    const ids = all.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has sameAs links that resolve and are declared on both sides in the files', () => {
    for (const s of all) {
      for (const other of s.sameAs) {
        expect(other, `${s.id} → ${other}`).not.toBe(s.id);
        expect(index.get(other), `${s.id} → ${other} resolves`).toBeDefined();
        expect(raw.get(other)?.sameAs, `${other} lists ${s.id} back`).toContain(s.id);
        expect(index.sameAsOf(other).map((t) => t.id)).toContain(s.id);
      }
    }
  });

  it('links the same finding across languages, not within one article', () => {
    for (const s of all) for (const other of s.sameAs) expect(index.get(other)!.via.document, `${s.id} → ${other}`).not.toBe(s.via.document);
  });

  it('has values plausible for their unit', () => {
    for (const s of all) {
      const where = `${s.id}: ${s.value}${s.valueMax !== undefined ? `–${s.valueMax}` : ''} ${s.unit}`;
      if (s.valueMax !== undefined) expect(s.valueMax, where).toBeGreaterThan(s.value);
      const values = [s.value, ...(s.valueMax !== undefined ? [s.valueMax] : [])];
      for (const v of values) {
        if (s.unit === '%') {
          expect(v, where).toBeGreaterThanOrEqual(0);
          // A share of a group is at most 100 %; only a growth rate may be more.
          if (!s.tags.includes('growth')) expect(v, where).toBeLessThanOrEqual(100);
        } else if (s.unit === 'x') expect(v, where).toBeGreaterThan(0);
        else if (COUNTS.includes(s.unit)) {
          expect(Number.isInteger(v), where).toBe(true);
          expect(v, where).toBeGreaterThan(0);
        } else if (DURATIONS.includes(s.unit) || MONEY.includes(s.unit)) expect(v, where).toBeGreaterThan(0);
      }
      if (s.unit === 'rank') expect(s.value, `${s.id}: a rank is a small place`).toBeLessThanOrEqual(10);
    }
  });

  it('tags a percentage over 100 as growth', () => {
    const over = all.filter((s) => s.unit === '%' && s.value > 100);
    for (const s of over) expect(s.tags, s.id).toContain('growth');
  });

  it('has each record\'s via matching an article of its own file', () => {
    for (const p of parsed) {
      expect(p.articles.length, p.file).toBeGreaterThan(0);
      const byDocument = new Map(p.articles.map((a) => [a.document, a]));
      for (const s of p.statistics) {
        const article = byDocument.get(s.via.document);
        expect(article, `${s.id}: via.document ${s.via.document} is an article of ${p.file}`).toBeDefined();
        expect(s.via, s.id).toEqual(article);
      }
    }
  });

  it('has each record in the language of its file and its article', () => {
    for (const p of parsed) {
      const lang = p.file.replace('.stats.json', '');
      for (const s of p.statistics) {
        expect(s.lang, s.id).toBe(lang);
        expect(s.via.lang, s.id).toBe(lang);
      }
    }
  });

  it('has every figure written as in its quote', () => {
    for (const s of all) if (s.figure !== undefined) expect(s.quote, s.id).toContain(s.figure);
  });

  it('reads every figure written with digits back from its quote as the record\'s value', () => {
    for (const s of all) {
      if (s.figure === undefined || !/\d/.test(s.figure) || s.unit === 'rank') continue;
      const at = s.quote.indexOf(s.figure);
      const read = readFigures(s.quote).filter((f) => f.start < at + s.figure!.length && f.end > at);
      expect(read.some((f) => figureStates(f, s)), `${s.id}: "${s.figure}" in ${JSON.stringify(s.quote)} read as ${JSON.stringify(read.map((f) => f.text))}`).toBe(true);
    }
  });

  it('reads the fractions written in words back as the record\'s value', () => {
    const fractions = all.filter((s) => s.figure !== undefined && /十分之|三分之|kymmenestä|kolmasosa/iu.test(s.figure));
    expect(fractions.length).toBeGreaterThanOrEqual(4);
    for (const s of fractions) {
      const at = s.quote.indexOf(s.figure!);
      const read = readFigures(s.quote).filter((f) => f.start < at + s.figure!.length && f.end > at);
      expect(read.some((f) => figureStates(f, s)), `${s.id}: "${s.figure}"`).toBe(true);
    }
  });

  it('reads number words before a unit ("kolme prosenttia", "piecu minūšu") and ordinal ranks back as the record\'s value', () => {
    // Every record whose figure is written in words, fractions aside (the test above): "kolme prosenttia" (3 %),
    // "piecu minūšu" (5 minutes), "kolmanneksi", "otrais", "trešais", "第三" (ranks), "每十个美国人中就有六个以上".
    // "kolmen (tai vähemmän)" (3 times) names no unit, so it is no figure on its own: left out by name.
    const inWords = all.filter((s) => s.figure !== undefined && !/\d/.test(s.figure) && !/十分之|三分之|kymmenestä|kolmasosa/iu.test(s.figure) && s.figure !== 'kolmen (tai vähemmän)');
    expect(inWords.map((s) => s.figure)).toEqual(expect.arrayContaining(['kolme prosenttia', 'piecu minūšu', 'kolmanneksi', 'otrais', 'trešais', '第三']));
    for (const s of inWords) {
      const at = s.quote.indexOf(s.figure!);
      const read = readFigures(s.quote).filter((f) => f.start < at + s.figure!.length && f.end > at);
      expect(read.some((f) => figureStates(f, s)), `${s.id}: "${s.figure}" in ${JSON.stringify(s.quote)} read as ${JSON.stringify(read.map((f) => [f.text, f.value, f.kind]))}`).toBe(true);
    }
    // A rank is no count: "the third most important" does not state 3 %.
    const third = readFigures('Asiakaspalvelu on kolmanneksi tärkein tekijä.');
    expect(third.map((f) => [f.kind, f.value])).toEqual([['rank', 3]]);
    expect(figureStates(third[0]!, { value: 3, unit: '%' })).toBe(false);
  });

  it('writes, in every language, a figure the reader reads back as the record', () => {
    for (const s of all) {
      if (s.unit === 'rank' || s.unit === 'pp' || ['EUR', 'EUR million', 'EUR billion', 'USD trillion'].includes(s.unit)) continue;
      for (const lang of ['fi', 'zh', 'lv', 'et', 'ru', 'en']) {
        const written = formatFigure(s, lang);
        const read = readFigures(`: ${written} .`);
        expect(read.length === 1 && figureStates(read[0]!, s), `${s.id} in ${lang}: ${written}`).toBe(true);
      }
    }
  });

  it('resolves the footnote statcite writes for every record back to that record\'s source', () => {
    const statcite = createStatcite(parsed);
    for (const s of all) {
      const resolved = statcite.resolver.resolve({ label: '1', text: footnoteText(s) });
      expect(resolved?.key, `${s.id}: ${footnoteText(s)}`).toBe(sourceKeyOf(s));
    }
  });

  it('finds every record in search by its value, and by its value and publisher', () => {
    const statcite = createStatcite(parsed);
    for (const s of all) {
      const byValue = statcite.search.search(String(s.value), { lang: s.lang, limit: 100 }).hits.map((h) => h.statistic.id);
      expect(byValue, s.id).toContain(s.id);
      if (s.source) {
        const byBoth = statcite.search.search(`${s.value} ${s.source.publisher}`, { lang: s.lang, limit: 100 }).hits.map((h) => h.statistic.id);
        expect(byBoth, `${s.value} ${s.source.publisher}`).toContain(s.id);
      }
    }
  });
});

describe('the bundled index: spot checks', () => {
  const get = (id: string) => {
    const s = index.get(id);
    expect(s, id).toBeDefined();
    return s!;
  };

  it('fi: Zendesk 2019, 84 % consider customer service key to a purchase decision', () => {
    const s = get('zendesk-2019-purchase-decision-fi');
    expect(s).toMatchObject({ value: 84, unit: '%', figure: '84 prosenttia', lang: 'fi', source: { publisher: 'Zendesk', year: 2019 } });
    expect(s.quote).toContain('84 prosenttia kuluttajista');
    expect(index.sameAsOf(s.id).map((t) => t.id)).toContain('customer-service-purchase-decision-zh');
  });

  it('fi: Grand View Research, USD 7.6 billion', () => {
    expect(get('grand-view-research-2020-cx-management-market-fi')).toMatchObject({ value: 7.6, unit: 'USD billion', figure: '7,6 miljardia dollaria' });
  });

  it('zh: nine in ten stop buying after bad experiences (十分之九), linked to the Finnish HubSpot record', () => {
    const s = get('customer-service-stop-buying-after-bad-experiences-zh');
    expect(s).toMatchObject({ value: 90, unit: '%', figure: '十分之九', lang: 'zh', source: null });
    expect(index.sameAsOf(s.id).map((t) => t.id)).toContain('hubspot-2019-stop-buying-after-bad-experiences-fi');
  });

  it('zh: one third (三分之一) is 33.3 %', () => {
    expect(get('customer-service-one-session-resolution-zh')).toMatchObject({ value: 33.3, unit: '%', figure: '三分之一' });
  });

  it('lv: WhatsApp grew 370 % (Zendesk CX Trends 2022)', () => {
    const s = get('zendesk-2022-whatsapp-growth-lv');
    expect(s).toMatchObject({ value: 370, unit: '%', figure: '370%', lang: 'lv', source: { publisher: 'Zendesk', year: 2022 } });
    expect(s.tags).toContain('growth');
  });

  it('lv: CSA Research surveyed 8 709 respondents in 29 countries', () => {
    expect(get('csa-research-2020-respondents-lv')).toMatchObject({ value: 8709, unit: 'respondents', figure: '8 709' });
    expect(get('csa-research-2020-countries-lv')).toMatchObject({ value: 29, unit: 'countries' });
  });

  it('et: 95,6 % prefer live chat; e-commerce grew 10-k korda', () => {
    expect(get('estonia-eshop-live-chat-preference-et')).toMatchObject({ value: 95.6, unit: '%', figure: '95,6%', lang: 'et' });
    expect(get('galloway-nyt-ecommerce-growth-et')).toMatchObject({ value: 10, unit: 'x', figure: '10-k korda' });
  });

  it('et: a reply is expected in 2–10 minutes', () => {
    expect(get('chat-response-time-expectation-et')).toMatchObject({ value: 2, valueMax: 10, unit: 'minutes' });
  });

  it('ru: a loyal customer is worth 10 times (в 10 раз); acquiring one costs 6–7 times more', () => {
    expect(get('loyal-customer-value-10x-ru')).toMatchObject({ value: 10, unit: 'x', figure: 'в 10 раз', lang: 'ru' });
    expect(get('acquisition-vs-retention-cost-ru')).toMatchObject({ value: 6, valueMax: 7, unit: 'x' });
    expect(get('pay-more-for-experience-ru')).toMatchObject({ value: 80, unit: '%', figure: '8 из 10' });
  });

  it('zh: the heading 「与自动回复互动相比,有75%的消费者更喜欢人机互动」 is a record of its own, linked to the Finnish 75 %', () => {
    const s = get('customer-service-prefer-human-heading-zh');
    expect(s).toMatchObject({ value: 75, unit: '%', figure: '75%', quote: '与自动回复互动相比,有75%的消费者更喜欢人机互动', lang: 'zh', source: null });
    expect(index.sameAsOf(s.id).map((t) => t.id)).toContain('pwc-2018-prefer-real-person-fi');
  });

  it('et: the headline "Ca 96% …" is a record of its own, its gloss naming the body\'s 95.6 %', () => {
    const s = get('estonia-eshop-live-chat-preference-headline-et');
    expect(s).toMatchObject({ value: 96, unit: '%', figure: '96%', quote: 'Ca 96% Eesti e-poe ostlejatest eelistavad teenindust live chati abil', lang: 'et' });
    expect(s.en).toMatch(/about 96%.*95\.6%/);
  });

  it("zh heading 62 % and the Finnish six in ten (60 %) are different figures: not linked, and both glosses say how they differ", () => {
    const heading = get('customer-service-share-bad-experiences-heading-zh');
    const finnish = get('salesforce-2018-share-bad-experiences-fi');
    expect(heading.value).toBe(62);
    expect(finnish.value).toBe(60);
    expect(index.sameAsOf(heading.id).map((t) => t.id)).not.toContain(finnish.id);
    expect(index.sameAsOf(finnish.id).map((t) => t.id)).toEqual(['customer-service-share-bad-experiences-zh']);
    expect(heading.en).toMatch(/62%.*six in ten \(60%\)/);
    expect(finnish.en).toMatch(/six in ten.*62%/);
  });

  it('every linked pair states the same value', () => {
    for (const s of all) for (const t of index.sameAsOf(s.id)) expect([t.value, t.valueMax], `${s.id} ↔ ${t.id}`).toEqual([s.value, s.valueMax]);
  });
});
