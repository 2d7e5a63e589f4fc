import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationHoverMarkdown, statisticMarkdown, type HoverOptions } from '../../src/core/citations/hover';
import type { Localize } from '../../src/core/text/localize';
import type { CitationAt } from '../../src/core/citations/locate';
import { fixtureRecords, statciteOf } from './helpers';

const statcite = statciteOf(fixtureRecords());
const index = statcite.index;
const options: HoverOptions = { staleAfterYears: 3, now: new Date(2025, 0, 1) };
const stat = (id: string) => index.get(id)!;

/** A localize that reads a bundle the way VS Code does: the English template is the key. */
function bundleLocalize(lang: string): Localize {
  const bundle = JSON.parse(readFileSync(`l10n/bundle.l10n.${lang}.json`, 'utf8')) as Record<string, string>;
  return (template, ...args) => (bundle[template] ?? template).replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));
}

/** Marks every translated template with «…». */
const marked: Localize = (template, ...args) => `«${template.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m))}»`;

describe('statisticMarkdown', () => {
  it('is English by default', () => {
    expect(statisticMarkdown(stat('zendesk-2019-purchase-decision-fi'), index, options)).toBe(
      '**84\\%** — Zendesk 2019\n\n> 84 prosenttia kuluttajista pitää asiakaspalvelua avaintekijänä ostopäätöstä tehtäessä\\.\n\n' +
        '*English (our translation):* 84\\% of consumers consider customer service a key factor when deciding whether to buy\\.\n\n' +
        '*Found in:* “Asiakaspalvelutilastot” (Finnish)\n\n*Same finding:* 84\\% (Chinese, “跨境电商如何做好客户服务”\\, 独立站)\n\n' +
        '⚠ This statistic is 6 years old (older than 3).',
    );
    expect(statisticMarkdown(stat('knowledgeable-reps-fi'), index, options)).toBe(
      '**31\\%** — “Asiakaspalvelutilastot”\n\n> 31 prosenttia arvostaa asiantuntevia asiakaspalvelijoita\\.\n\n' +
        '*English (our translation):* 31\\% value knowledgeable customer service representatives\\.\n\n' +
        '*Found in:* “Asiakaspalvelutilastot” (Finnish)\n\n*Same finding:* 31\\% (English, Statista 2019)\n\n' +
        '⚠ No primary publisher: the article names no source for this figure. The same finding is attributed to Statista 2019 elsewhere.',
    );
  });

  it('translates every label and sentence, and leaves the data as it was', () => {
    const english = statisticMarkdown(stat('knowledgeable-reps-fi'), index, options);
    const localized = statisticMarkdown(stat('knowledgeable-reps-fi'), index, { ...options, localize: marked });
    expect(localized).toContain('*«English (our translation):»* 31\\% value knowledgeable customer service representatives\\.');
    expect(localized).toContain('*«Found in:»* “Asiakaspalvelutilastot” («Finnish»)');
    expect(localized).toContain('*«Same finding:»* 31\\% («English», Statista 2019)');
    expect(localized).toContain('⚠ «No primary publisher: the article names no source for this figure. The same finding is attributed to Statista 2019 elsewhere.»');
    expect(localized.replace(/[«»]/g, '')).toBe(english);
    expect(statisticMarkdown(stat('zendesk-2019-purchase-decision-fi'), index, { ...options, localize: marked })).toContain('⚠ «This statistic is 6 years old (older than 3).»');
  });

  it('reads the translations from the bundles', () => {
    const fi = statisticMarkdown(stat('knowledgeable-reps-fi'), index, { ...options, localize: bundleLocalize('fi') });
    expect(fi).toContain('*Englanniksi (oma käännöksemme):* 31\\% value knowledgeable');
    expect(fi).toContain('(suomi)');
    expect(fi).toContain('Muualla saman tuloksen lähteeksi mainitaan Statista 2019.');
    const zh = statisticMarkdown(stat('zendesk-2019-purchase-decision-fi'), index, { ...options, localize: bundleLocalize('zh-cn') });
    expect(zh).toContain('*英文（我们的译文）：* 84\\% of consumers');
    expect(zh).toContain('(芬兰语)');
  });
});

describe('citationHoverMarkdown', () => {
  it('lists the rest of the source after the detailed ones', () => {
    // Only whether a source was resolved matters here.
    const at: CitationAt = { kind: 'definition', start: 0, end: 1, label: 'x', source: {} as NonNullable<CitationAt['source']>, statistics: index.bySourceKey('zendesk-2019') };
    expect(citationHoverMarkdown(at, index, options).split('\n\n---\n\n')[1]).toBe('Also from this source: **3\\%** Only 3\\% say customer service does not matter\\. · **56\\%** 56\\% of consumers are frustrated by automated phone systems\\.');
    expect(citationHoverMarkdown(at, index, { ...options, localize: marked }).split('\n\n---\n\n')[1]).toMatch(/^«Also from this source: \*\*3\\%\*\* .*»$/);
  });

  it('says when a footnote names no known source, escaping the label but not the template', () => {
    const at: CitationAt = { kind: 'reference', start: 0, end: 1, label: 'a_b*', statistics: [] };
    expect(citationHoverMarkdown(at, index, options)).toBe('statcite: footnote [^a\\_b\\*] names no source in the statistics index.');
    expect(citationHoverMarkdown(at, index, { ...options, localize: marked })).toBe('«statcite: footnote [^a\\_b\\*] names no source in the statistics index.»');
    expect(citationHoverMarkdown(at, index, { ...options, localize: bundleLocalize('et') })).toBe('statcite: allmärkus [^a\\_b\\*] ei nimeta ühtegi statistikaindeksis olevat allikat.');
    expect(citationHoverMarkdown({ ...at, kind: 'figure' }, index, { ...options, localize: marked })).toBe('');
  });
});
