import { describe, expect, it } from 'vitest';
import type { ExistingEntry } from '../../src/core/bibliography/existing';
import { validateCitations, type CitationIssue } from '../../src/core/citations/validate';
import { applyEdits, fixtureStatcite } from './helpers';

const statcite = fixtureStatcite();
const FRESH = new Date('2021-06-01');
const BIB: ExistingEntry[] = [
  { key: 'zendesk-2019', author: 'Zendesk', year: 2019 },
  { key: 'ms18', author: 'Microsoft Dynamics 365', year: 2018 },
  { key: 'doe99', author: 'Jane Doe', year: 1999, title: 'Frogs' },
];

function validate(text: string, bibliography: readonly ExistingEntry[] | null = BIB, now = FRESH): CitationIssue[] {
  return validateCitations(text, statcite.validation, { now, ...(bibliography ? { bibliography } : {}) });
}
const described = (text: string, issues: readonly CitationIssue[]) => issues.map((i) => `${i.code}: ${text.slice(i.start, i.end)}`);

describe('the rules on Pandoc citations', () => {
  it('a cited figure the source reports is clean, under the index key or the writer\'s own key', () => {
    expect(validate('Asiakkaista 84 % [@zendesk-2019].\n\nLoyalty: 95 % [see @ms18, p. 4].\n')).toEqual([]);
  });

  it('value-mismatch: a figure the cited source never reports; the year in the key is not read as a figure', () => {
    const text = 'Asiakkaista 85 % [@zendesk-2019].\n\nZendesk said so [@zendesk-2019].\n';
    expect(described(text, validate(text))).toEqual(['value-mismatch: 85 %']);
  });

  it('undefined-citation: a bracketed key not in the bibliography; a fix adds the entry when the key is an index source', () => {
    const text = 'Pay more: 84 % [@hubspot-2019; @nobody].\n';
    const issues = validate(text).filter((i) => i.code === 'undefined-citation');
    expect(described(text, issues)).toEqual(['undefined-citation: @hubspot-2019', 'undefined-citation: @nobody']);
    expect(issues[0]!.fix).toMatchObject({ edits: [], bibliographyEntry: { key: 'hubspot-2019', author: 'HubSpot', year: 2019 } });
    expect(issues[1]!.fix).toBeUndefined();
    expect(issues[0]!.message).toBe('Citation @hubspot-2019 is not in the bibliography.');
  });

  it('an in-text @word that names nothing known, an e-mail and a Quarto cross-reference are left alone', () => {
    expect(validate('Ask @someone or me@example.com; see @fig-plot and [@tbl-data].\n')).toEqual([]);
  });

  it('uncited-statistic: its fix cites Pandoc-style and brings the entry when the bibliography lacks it', () => {
    const text = 'Ostopäätöksessä 84 % kuluttajista pitää asiakaspalvelua avaintekijänä.\n';
    const withEntry = validate(text).find((i) => i.code === 'uncited-statistic')!;
    expect(applyEdits(text, withEntry.fix!.edits)).toBe('Ostopäätöksessä 84 % [@zendesk-2019] kuluttajista pitää asiakaspalvelua avaintekijänä.\n');
    expect(withEntry.fix!.bibliographyEntry).toBeUndefined();
    const without = validate(text, []).find((i) => i.code === 'uncited-statistic')!;
    expect(without.fix!.bibliographyEntry).toMatchObject({ key: 'zendesk-2019', author: 'Zendesk' });
    // Applied, the document is clean once the entry is there.
    expect(validate(applyEdits(text, without.fix!.edits), [{ key: 'zendesk-2019', author: 'Zendesk', year: 2019 }])).toEqual([]);
  });

  it('a figure cited Pandoc-style is not uncited', () => {
    expect(validate('Ostopäätöksessä 84 % kuluttajista pitää asiakaspalvelua avaintekijänä [@zendesk-2019].\n').map((i) => i.code)).toEqual([]);
  });

  it('stale-statistic and secondary-source, once per key, at the citation', () => {
    const text = 'A 84 % [@zendesk-2019]. B 84 % [@zendesk-2019].\n';
    expect(described(text, validate(text, BIB, new Date('2030-01-01')))).toEqual(['stale-statistic: @zendesk-2019']);
    const secondary = 'Arvostaa 31 % [@asiakaspalvelutilastot].\n';
    const found = validate(secondary, [{ key: 'asiakaspalvelutilastot', title: 'Asiakaspalvelutilastot' }]);
    expect(found.map((i) => i.code)).toEqual(['secondary-source']);
    expect(found[0]!.message).toMatch(/^Citation @asiakaspalvelutilastot cites “Asiakaspalvelutilastot”, which names no primary publisher/);
  });

  it('without a bibliography (a footnote document), [@key] is not checked', () => {
    expect(validate('Asiakkaista 85 % [@zendesk-2019].\n').map((i) => i.code)).toEqual(['value-mismatch']);
    expect(validate('Asiakkaista 85 % [@zendesk-2019].\n', null)).toEqual([]);
  });
});

describe('locating a Pandoc citation for a hover', () => {
  it('on [@key] and on the figure it cites; not on an unknown key', async () => {
    const { pandocCitationAt } = await import('../../src/core/citations/pandocLocate');
    const text = 'Asiakkaista 84 % [see @zd, p. 3] ja @nobody.\n';
    const entries = [{ key: 'zd', author: 'Zendesk', year: 2019 }];
    const onKey = pandocCitationAt(text, text.indexOf('@zd') + 1, statcite, entries)!;
    expect(onKey).toMatchObject({ kind: 'reference', label: 'zd', source: { key: 'zendesk-2019' } });
    expect(onKey.statistics.map((s) => s.value)).toEqual([84]);
    expect(pandocCitationAt(text, text.indexOf('84'), statcite, entries)).toMatchObject({ kind: 'figure', source: { key: 'zendesk-2019' } });
    expect(pandocCitationAt(text, text.indexOf('@nobody') + 2, statcite, entries)).toBeUndefined();
  });
});
