import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/core/markdown/markdown';
import { footnoteText } from '../../src/core/citations/cite';
import { sourceKeyOf } from '../../src/core/index/sourceKey';
import { fixtureStatcite, record, statciteOf, ZH_ARTICLE } from './helpers';

const { resolver } = fixtureStatcite();

/** Resolves the one definition of a document `[^label]: text`. */
function resolve(label: string, text: string) {
  const md = parseMarkdown(`Text[^${label}].\n\n[^${label}]: ${text}\n`);
  expect(md.definitions).toHaveLength(1);
  return resolver.resolve(md.definitions[0]!);
}

describe('SourceResolver: by label', () => {
  it('resolves a label that is a source key, whatever the text says', () => {
    const source = resolve('zendesk-2019', 'anything at all');
    expect(source).toMatchObject({ key: 'zendesk-2019', by: 'label' });
    expect(source!.statistics.map((s) => s.id)).toContain('zendesk-2019-purchase-decision-fi');
  });

  it('resolves a label in another case', () => {
    expect(resolve('Zendesk-2019', '')?.key).toBe('zendesk-2019');
  });

  it('resolves the key of a source without a publisher (the article)', () => {
    expect(resolve('asiakaspalvelutilastot', 'x')).toMatchObject({ key: 'asiakaspalvelutilastot', by: 'label' });
  });
});

describe('SourceResolver: by text', () => {
  it('resolves a definition naming publisher and year', () => {
    expect(resolve('3', 'Zendesk, CX Trends 2019.')).toMatchObject({ key: 'zendesk-2019', by: 'text' });
    expect(resolve('4', 'Lähde: Microsoft Dynamics 365 (2018), State of Global Customer Service.')).toMatchObject({ key: 'microsoft-dynamics-365-2018', by: 'text' });
  });

  it('ignores case and diacritics in the publisher', () => {
    expect(resolve('3', 'ZENDÉSK 2019')?.key).toBe('zendesk-2019');
  });

  it('does not resolve when the year is wrong', () => {
    expect(resolve('3', 'Zendesk, CX Trends 2020.')).toBeUndefined();
  });

  it('lets a text naming publisher and year decide, whatever the label', () => {
    // `hubspot` is the key of HubSpot's statistics with no year; the text names HubSpot 2019.
    expect(resolve('hubspot', 'HubSpot 2019.')).toMatchObject({ key: 'hubspot-2019', by: 'text' });
    expect(resolve('hubspot', 'HubSpot.')?.key).toBe('hubspot');
    expect(resolve('zendesk-2019', 'Microsoft Dynamics 365, 2018.')?.key).toBe('microsoft-dynamics-365-2018');
  });

  it('cites, of several publishers and years in one text, the one the label names, else the first named', () => {
    expect(resolve('zendesk-2019', 'Microsoft Dynamics 365 (2018), citing Zendesk 2019.')?.key).toBe('zendesk-2019');
    expect(resolve('1', 'Microsoft Dynamics 365 (2018), citing Zendesk 2019.')?.key).toBe('microsoft-dynamics-365-2018');
    expect(resolve('1', 'Zendesk 2019, as cited by Microsoft Dynamics 365 (2018).')?.key).toBe('zendesk-2019');
    expect(resolve('asiakaspalvelutilastot', '“Asiakaspalvelutilastot”, quoting Zendesk 2019.')?.key).toBe('asiakaspalvelutilastot');
  });

  it('resolves a publisher named without a year to its one set of statistics, and never guesses between several', () => {
    const two = statciteOf([
      record({ id: 'z-2019', source: { publisher: 'Zendesk', year: 2019 } }),
      record({ id: 'z-2022', source: { publisher: 'Zendesk', year: 2022 } }),
      record({ id: 'g-2021', value: 25, source: { publisher: 'Genesys', year: 2021 } }),
    ]).resolver;
    const of = (label: string, text: string) => two.resolve(parseMarkdown(`T[^${label}].\n\n[^${label}]: ${text}\n`).definitions[0]!)?.key;
    expect(of('g', 'Genesys.')).toBe('genesys-2021');
    expect(of('genesys', 'Genesys.')).toBe('genesys-2021');
    expect(of('genesys', 'See the chatbot survey.')).toBe('genesys-2021');
    expect(of('1', 'Zendesk.')).toBeUndefined();
    expect(of('zendesk', 'The CX report.')).toBeUndefined();
    expect(of('1', 'Genesys 2020.')).toBeUndefined();
  });

  it('does not resolve unknown text, or a publisher name inside another word', () => {
    expect(resolve('3', 'Gartner 2019.')).toBeUndefined();
    expect(resolve('3', 'Zendesking 2019.')).toBeUndefined();
    expect(resolve('3', '')).toBeUndefined();
  });

  it('prefers the source with the matching year over the same publisher without a year', () => {
    expect(resolve('5', 'HubSpot 2019, Customer Service Report.')?.key).toBe('hubspot-2019');
    expect(resolve('5', 'HubSpot.')?.key).toBe('hubspot');
  });

  it('resolves a definition naming the article of a record without a publisher', () => {
    expect(resolve('6', '“Asiakaspalvelutilastot”.')?.key).toBe('asiakaspalvelutilastot');
  });

  it('reads the footnote statcite writes (footnoteText) back to the same source', () => {
    const { index } = fixtureStatcite();
    for (const stat of index.statistics) {
      const source = resolve('n', footnoteText(stat));
      expect(source?.statistics.map((s) => s.id), stat.id).toContain(stat.id);
    }
  });
});

describe('SourceResolver: publisher against article', () => {
  const statcite = statciteOf([
    record({ id: 'article-only-zh', lang: 'zh', figure: '31%', quote: '31%的消费者', value: 31, source: null, via: ZH_ARTICLE }),
    record({ id: 'hubspot-zh', lang: 'zh', figure: '62%', quote: '62%的消费者', value: 62, source: { publisher: 'HubSpot' }, via: ZH_ARTICLE }),
    record({ id: 'galloway-et', value: 10, unit: 'x', figure: '10-k korda', quote: 'kasvas 10-k korda', lang: 'et', source: { publisher: 'Scott Galloway, New York Times' }, via: { title: 'TRENDID', publisher: 'TranslateWise LLC', lang: 'et', document: 'et.txt' } }),
    record({ id: 'article-only-et', value: 147, unit: 'respondents', figure: '147', quote: '147 inimest', lang: 'et', source: null, via: { title: 'TRENDID', publisher: 'TranslateWise LLC', lang: 'et', document: 'et.txt' } }),
  ]);
  const resolveIn = (text: string) => statcite.resolver.resolve({ label: '1', text });

  it('a year-less publisher quoted in a dated article resolves to the publisher', () => {
    const text = footnoteText(statcite.index.get('hubspot-zh')!);
    expect(text).toContain('2020-10-07');
    expect(resolveIn(text)?.key).toBe('hubspot');
  });

  it('the article alone resolves to the article', () => {
    const stat = statcite.index.get('article-only-zh')!;
    expect(resolveIn(footnoteText(stat))?.key).toBe(sourceKeyOf(stat));
    expect(sourceKeyOf(stat)).toBe('独立站');
  });

  it('a publisher with punctuation, escaped in the Markdown, still resolves', () => {
    const text = footnoteText(statcite.index.get('galloway-et')!);
    expect(text).toContain('Scott Galloway\\, New York Times');
    expect(resolveIn(text)?.key).toBe('scott-galloway-new-york-times');
  });
});
