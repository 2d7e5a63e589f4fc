import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStatcite } from '../../src/core/statcite';
import { RULE_CODES, RULES, type RuleCode } from '../../src/core/citations/rules';
import { validateCitations, type CitationIssue, type ValidationOptions } from '../../src/core/citations/validate';
import { applyEdits, fixtureStatcite, offsetOf } from './helpers';

const statcite = fixtureStatcite();
/** A date at which none of the fixture sources (2018–2020) is stale. */
const FRESH = { now: new Date('2021-06-01') } satisfies ValidationOptions;

function validate(text: string, options: ValidationOptions = FRESH): CitationIssue[] {
  return validateCitations(text, statcite.validation, options);
}

function codes(text: string, options: ValidationOptions = FRESH): RuleCode[] {
  return validate(text, options).map((i) => i.code);
}

/** Issues as `code: covered text`, so they can be compared before and after an edit that moves offsets. */
function described(text: string, issues: readonly CitationIssue[]): string[] {
  return issues.map((i) => `${i.code}: ${text.slice(i.start, i.end)}`);
}

function only(text: string, code: RuleCode, options: ValidationOptions = FRESH): CitationIssue {
  const found = validate(text, options).filter((i) => i.code === code);
  expect(found, `${code} in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
}

/**
 * Applies an issue's fix and checks it fixes that issue and nothing else changes: every other issue is still
 * there, no new one appears. Returns the fixed text.
 */
function applyFix(text: string, issue: CitationIssue, options: ValidationOptions = FRESH): string {
  expect(issue.fix, `${issue.code} has a fix`).toBeDefined();
  const fixed = applyEdits(text, issue.fix!.edits);
  expect(fixed).not.toBe(text);
  const before = described(text, validate(text, options));
  const after = described(fixed, validate(fixed, options));
  const fixedOne = `${issue.code}: ${text.slice(issue.start, issue.end)}`;
  const expected = [...before];
  expected.splice(expected.indexOf(fixedOne), 1);
  expect(after.sort()).toEqual(expected.sort());
  return fixed;
}

describe('rules', () => {
  it('has nine stable codes with default severities', () => {
    expect(RULE_CODES).toEqual([
      'undefined-footnote',
      'undefined-citation',
      'duplicate-footnote',
      'unused-footnote',
      'value-mismatch',
      'uncited-statistic',
      'unknown-source',
      'secondary-source',
      'stale-statistic',
    ]);
    expect(Object.fromEntries(RULE_CODES.map((c) => [c, RULES[c].severity]))).toEqual({
      'undefined-footnote': 'error',
      'undefined-citation': 'error',
      'duplicate-footnote': 'error',
      'unused-footnote': 'warning',
      'value-mismatch': 'warning',
      'uncited-statistic': 'warning',
      'unknown-source': 'information',
      'secondary-source': 'information',
      'stale-statistic': 'hint',
    });
  });
});

describe('a clean document', () => {
  it('has no issues', () => {
    const text = '# Asiakaspalvelu\n\nKuluttajista 84 % pitää asiakaspalvelua tärkeänä.[^zendesk-2019] Brändiuskollisuuteen se vaikuttaa 95 prosentilla.[^ms]\n\n[^zendesk-2019]: Zendesk (2019).\n[^ms]: Microsoft Dynamics 365, 2018.\n';
    expect(validate(text)).toEqual([]);
  });

  it('returns nothing for an empty document and never throws', () => {
    expect(validate('')).toEqual([]);
    for (const odd of ['[^', '[^]: x', '```\n[^a]', '\u0000[^a]\n\n[^a]:', '[^a]: [^a]: [^a]']) expect(() => validate(odd)).not.toThrow();
  });
});

describe('undefined-footnote', () => {
  it('reports a reference without a definition, at the reference', () => {
    const text = 'Kuluttajista 84 % pitää asiakaspalvelua tärkeänä.[^lähde]\n';
    const issue = only(text, 'undefined-footnote');
    expect(issue.severity).toBe('error');
    expect(text.slice(issue.start, issue.end)).toBe('[^lähde]');
    expect(issue.message).toContain('[^lähde]');
    // No source in the index has that key, so there is nothing safe to add.
    expect(issue.fix).toBeUndefined();
  });

  it('does not report a defined reference, whatever the case of its label', () => {
    expect(codes('Teksti[^A].\n\n[^a]: Zendesk 2019.\n')).not.toContain('undefined-footnote');
  });

  it('fixes a reference named by a source key by adding its definition from the index', () => {
    const text = 'Kuluttajista 84 % pitää asiakaspalvelua tärkeänä.[^zendesk-2019]\n';
    const issue = only(text, 'undefined-footnote');
    expect(issue.fix?.safeForFixAll).toBe(true);
    const fixed = applyFix(text, issue);
    expect(fixed.startsWith(text)).toBe(true);
    // The document is Finnish, so the definition is written in Finnish.
    expect(fixed).toBe(`${text}\n[^zendesk-2019]: Zendesk (2019). Lainattu artikkelissa “Asiakaspalvelutilastot”.\n`);
  });

  it('fixes a reference whose label differs in case from the key', () => {
    const text = 'Teksti 84 %.[^Zendesk-2019] Lisää.\n\n[^muu]: Gartner.\n';
    const fixed = applyFix(text, only(text, 'undefined-footnote'));
    expect(fixed).toContain('[^zendesk-2019]: Zendesk (2019).');
  });
});

describe('duplicate-footnote', () => {
  it('reports the second definition of a label', () => {
    const text = 'Teksti[^a].\n\n[^a]: Zendesk 2019.\n[^A]: Zendesk 2019 again.\n';
    const issue = only(text, 'duplicate-footnote');
    expect(issue.severity).toBe('error');
    expect(issue.start).toBe(offsetOf(text, '[^A]:'));
    expect(text.slice(issue.start, issue.end)).toBe('[^A]:');
  });

  it('does not report distinct labels', () => {
    expect(codes('A[^a] b[^b].\n\n[^a]: Zendesk 2019.\n[^b]: Zendesk 2019.\n')).not.toContain('duplicate-footnote');
  });
});

describe('unused-footnote', () => {
  it('reports a definition nobody references, at its label', () => {
    const text = 'Teksti[^a].\n\n[^a]: Zendesk 2019.\n[^b]: Microsoft Dynamics 365 2018.\n';
    const issue = only(text, 'unused-footnote');
    expect(issue.severity).toBe('warning');
    expect(text.slice(issue.start, issue.end)).toBe('[^b]:');
  });

  it('does not report a referenced definition', () => {
    expect(codes('Teksti[^a].\n\n[^a]: Zendesk 2019.\n')).not.toContain('unused-footnote');
  });

  it('fixes it by removing exactly that definition, its line included', () => {
    const text = 'Teksti[^a].\n\n[^b]: Microsoft Dynamics 365 2018.\n[^a]: Zendesk 2019.\n';
    const issue = only(text, 'unused-footnote');
    expect(issue.fix?.safeForFixAll).toBe(false);
    expect(applyFix(text, issue)).toBe('Teksti[^a].\n\n[^a]: Zendesk 2019.\n');
  });

  it('removes a CRLF definition with its line ending', () => {
    const text = 'Teksti[^a].\r\n\r\n[^b]: Microsoft Dynamics 365 2018.\r\n[^a]: Zendesk 2019.\r\n';
    expect(applyFix(text, only(text, 'unused-footnote'))).toBe('Teksti[^a].\r\n\r\n[^a]: Zendesk 2019.\r\n');
  });
});

describe('value-mismatch', () => {
  const NOTE = '\n\n[^3]: Zendesk, CX Trends 2019.\n';

  it('reports a figure the cited source never reports, naming the nearest figures it does', () => {
    const text = `Kuluttajista 85 % pitää asiakaspalvelua tärkeänä.[^3]${NOTE}`;
    const issue = only(text, 'value-mismatch');
    expect(issue.severity).toBe('warning');
    expect(text.slice(issue.start, issue.end)).toBe('85 %');
    expect(issue.message).toContain('Zendesk 2019');
    expect(issue.message).toContain('85 %');
    // Nearest first: 84 %, then 56 %, then 3 %.
    const reported = issue.message.slice(issue.message.indexOf('It reports'));
    expect(reported.indexOf('84%')).toBeGreaterThan(-1);
    expect(reported.indexOf('84%')).toBeLessThan(reported.indexOf('56%'));
    expect(reported.indexOf('56%')).toBeLessThan(reported.indexOf('3%'));
    expect(reported).toContain('84% of consumers consider customer service a key factor');
  });

  it.each([
    ['Kuluttajista 84 % pitää asiakaspalvelua tärkeänä.[^3]', 'the same figure'],
    ['Kuluttajista 84 prosenttia pitää asiakaspalvelua tärkeänä.[^3]', 'in words'],
    ['Vain kolme prosenttia ei välitä, 56 % turhautuu.[^3]', 'two figures, both reported'],
    ['Zendesk kysyi 1000 ihmiseltä, ja 84 % oli samaa mieltä.[^3]', 'a bare count next to a reported percentage'],
    ['Vuonna 2019 kuluttajista 84 % oli samaa mieltä.[^3]', 'a year'],
  ])('does not report %j (%s)', (sentence) => {
    expect(codes(sentence + NOTE)).not.toContain('value-mismatch');
  });

  it('does not check figures cited to a source the index does not know', () => {
    expect(codes('Kuluttajista 85 % on samaa mieltä.[^g]\n\n[^g]: Gartner 2019.\n')).toEqual(['unknown-source']);
  });

  it('accepts a rounded word fraction for a fractional value and reports a wrong one', () => {
    const records = '\n\n[^ms]: Microsoft Dynamics 365 (2018).\n';
    expect(codes(`Lähes kaikki, 95 % kuluttajista, ovat uskollisia.[^ms]${records}`)).toEqual([]);
    expect(codes(`Yhdeksän kymmenestä kuluttajasta on uskollisia.[^ms]${records}`)).toEqual(['value-mismatch']);
  });

  it('checks a multiplier and a money figure against their units', () => {
    const ru = '\n\n[^ru]: “Плохое обслуживание”.\n';
    expect(codes(`Лояльный клиент в 10 раз ценнее.[^ru]${ru}`, { ...FRESH, severities: { 'secondary-source': 'ignore' } })).toEqual([]);
    expect(codes(`Лояльный клиент в 12 раз ценнее.[^ru]${ru}`, { ...FRESH, severities: { 'secondary-source': 'ignore' } })).toEqual(['value-mismatch']);
    const gvr = '\n\n[^gvr]: Grand View Research 2020.\n';
    expect(codes(`Markkina on 7,6 miljardia dollaria.[^gvr]${gvr}`)).toEqual([]);
    expect(codes(`Markkina on $7.6 billion.[^gvr]${gvr}`)).toEqual([]);
    expect(codes(`Markkina on 8,6 miljardia dollaria.[^gvr]${gvr}`)).toEqual(['value-mismatch']);
  });

  it('fixes the figure by writing the source\'s value in its place, keeping the rest of the text', () => {
    const text = `Kuluttajista 85 % pitää asiakaspalvelua tärkeänä.[^3]${NOTE}`;
    const fixed = applyFix(text, only(text, 'value-mismatch'));
    expect(fixed).toBe(text.replace('85 %', '84 %'));
  });

  it('fixes a decimal-comma figure keeping the comma', () => {
    const text = 'Markkina on 8,6 miljardia dollaria.[^gvr]\n\n[^gvr]: Grand View Research 2020.\n';
    expect(applyFix(text, only(text, 'value-mismatch'))).toBe(text.replace('8,6', '7,6'));
  });

  it('fixes a multiplier', () => {
    const text = 'Лояльный клиент в 12 раз ценнее.[^ru]\n\n[^ru]: “Плохое обслуживание”.\n';
    expect(applyFix(text, only(text, 'value-mismatch'))).toBe(text.replace('12', '10'));
  });

  it('offers no fix that would not fix it (a money figure in another scale)', () => {
    const text = 'Markkina on 7,6 miljoonaa dollaria.[^gvr]\n\n[^gvr]: Grand View Research 2020.\n';
    expect(only(text, 'value-mismatch').fix).toBeUndefined();
  });

  it('marks the right characters after escapes and character references in the sentence', () => {
    const text = `A \\*huom\\* &amp; kuluttajista 85 % pitää asiakaspalvelua tärkeänä.[^3]${NOTE}`;
    const issue = only(text, 'value-mismatch');
    expect(text.slice(issue.start, issue.end)).toBe('85 %');
    expect(applyFix(text, issue)).toBe(text.replace('85 %', '84 %'));
  });
});

describe('uncited-statistic', () => {
  it('reports a figure matching an indexed statistic on the same topic with no citation', () => {
    const text = 'Kuluttajista 84 % pitää asiakaspalvelua avaintekijänä ostopäätöstä tehtäessä.\n';
    const issue = only(text, 'uncited-statistic');
    expect(issue.severity).toBe('warning');
    expect(text.slice(issue.start, issue.end)).toBe('84 %');
    expect(issue.message).toContain('Zendesk 2019');
  });

  it('reports it in Chinese', () => {
    const text = '84%的消费者认为客户服务是购买决策的关键因素。\n';
    expect(text.slice(only(text, 'uncited-statistic').start, only(text, 'uncited-statistic').end)).toBe('84%');
  });

  it.each([
    ['Junista 84 % oli myöhässä.', 'same value, another topic'],
    ['Kuluttajista 83 % pitää asiakaspalvelua avaintekijänä ostopäätöstä tehtäessä.', 'same topic, another value'],
    ['Kuluttajista 84 % pitää asiakaspalvelua avaintekijänä.[^z]\n\n[^z]: Zendesk 2019.', 'cited'],
    ['Kuluttajista 84 % pitää asiakaspalvelua avaintekijänä.[^x]\n\n[^x]: Oma kysely.', 'cited to an unknown source'],
  ])('does not report %j (%s)', (text) => {
    expect(codes(text + '\n')).not.toContain('uncited-statistic');
  });

  it('fixes it by citing the source after the figure and adding the definition at the end', () => {
    const text = 'Kuluttajista 84 % pitää asiakaspalvelua avaintekijänä ostopäätöstä tehtäessä.\n';
    const fixed = applyFix(text, only(text, 'uncited-statistic'));
    expect(fixed).toBe(
      'Kuluttajista 84 %[^zendesk-2019] pitää asiakaspalvelua avaintekijänä ostopäätöstä tehtäessä.\n\n[^zendesk-2019]: Zendesk (2019). Lainattu artikkelissa “Asiakaspalvelutilastot”.\n',
    );
  });

  it('fixes it by reusing a definition that already cites the source under another label', () => {
    const text = 'Toinen[^3].\n\nKuluttajista 84 % pitää asiakaspalvelua avaintekijänä ostopäätöstä tehtäessä.\n\n[^3]: Zendesk, CX Trends 2019.\n';
    const fixed = applyFix(text, only(text, 'uncited-statistic'));
    expect(fixed).toBe(text.replace('84 %', '84 %[^3]'));
  });
});

describe('unknown-source', () => {
  it('reports a definition that names no indexed source', () => {
    const text = 'Teksti[^1].\n\n[^1]: Gartner, Customer Service Trends 2019.\n';
    const issue = only(text, 'unknown-source');
    expect(issue.severity).toBe('information');
    expect(text.slice(issue.start, issue.end)).toBe('[^1]:');
  });

  it('does not report a definition resolved by label or by text', () => {
    expect(codes('A[^zendesk-2019] b[^2].\n\n[^zendesk-2019]: x\n[^2]: Microsoft Dynamics 365, 2018.\n')).toEqual([]);
  });
});

describe('secondary-source', () => {
  it('reports a definition citing an article that names no publisher, with the primary one from sameAs', () => {
    const text = 'Asiantuntevia palvelijoita arvostaa 31 %.[^1]\n\n[^1]: “Asiakaspalvelutilastot”.\n';
    const issue = only(text, 'secondary-source');
    expect(issue.severity).toBe('information');
    expect(text.slice(issue.start, issue.end)).toBe('[^1]:');
    expect(issue.message).toContain('Asiakaspalvelutilastot');
    expect(issue.message).toContain('Statista 2019');
  });

  it('does not report a definition citing a primary publisher', () => {
    expect(codes('Asiantuntevia palvelijoita arvostaa 31 %.[^1]\n\n[^1]: Statista 2019.\n')).toEqual([]);
  });
});

describe('stale-statistic', () => {
  const text = 'Kuluttajista 84 % pitää asiakaspalvelua tärkeänä.[^z]\n\n[^z]: Zendesk 2019.\n';

  it('reports a source older than staleAfterYears at `now`', () => {
    const issue = only(text, 'stale-statistic', { now: new Date('2025-03-01') });
    expect(issue.severity).toBe('hint');
    expect(text.slice(issue.start, issue.end)).toBe('[^z]:');
    expect(issue.message).toContain('6 years');
  });

  it('does not report it within staleAfterYears', () => {
    expect(codes(text, { now: new Date('2024-12-31') })).toEqual([]);
    expect(codes(text, { now: new Date('2025-03-01'), staleAfterYears: 10 })).toEqual([]);
    expect(codes(text, { now: new Date('2022-01-01'), staleAfterYears: 2 })).toEqual(['stale-statistic']);
  });

  it('does not report a source without a year', () => {
    expect(codes('Maksaisi enemmän 62 %.[^h]\n\n[^h]: HubSpot.\n', { now: new Date('2040-01-01') })).toEqual([]);
  });
});

describe('severities', () => {
  const text = 'Teksti[^a].\n\n[^a]: Zendesk 2019.\n[^b]: Gartner.\n';

  it('uses the default severity of each rule', () => {
    expect(validate(text).map((i) => [i.code, i.severity])).toEqual([
      ['unknown-source', 'information'],
      ['unused-footnote', 'warning'],
    ]);
  });

  it('can raise, lower or ignore a rule', () => {
    const issues = validate(text, { ...FRESH, severities: { 'unused-footnote': 'error', 'unknown-source': 'hint' } });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['unknown-source', 'hint'],
      ['unused-footnote', 'error'],
    ]);
    expect(codes(text, { ...FRESH, severities: { 'unused-footnote': 'ignore' } })).toEqual(['unknown-source']);
    expect(codes(text, { ...FRESH, severities: { 'unused-footnote': 'ignore', 'unknown-source': 'ignore' } })).toEqual([]);
  });
});

describe('cancellation and order', () => {
  it('returns nothing when cancelled: partial findings could be wrong', () => {
    const text = 'Teksti[^missing]. Kuluttajista 85 % pitää.[^3]\n\n[^3]: Zendesk 2019.\n[^u]: Gartner.\n';
    expect(codes(text)).toContain('value-mismatch');
    expect(codes(text, { ...FRESH, isCancelled: () => true })).toEqual([]);
    let calls = 0;
    const big = 'Para 84 %.[^x]\n\n'.repeat(5000);
    const started = Date.now();
    expect(codes(big, { ...FRESH, isCancelled: () => ++calls > 3 })).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('sorts issues by where they are', () => {
    const issues = validate('Teksti[^missing]. Kuluttajista 85 % pitää.[^3]\n\n[^3]: Zendesk 2019.\n[^u]: Gartner.\n');
    const starts = issues.map((i) => i.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('value-mismatch: the fix never leaves a broken number', () => {
  const bundled = loadStatcite(readdirSync('data').filter((f) => f.endsWith('.stats.json')).map((f) => ({ file: f, text: readFileSync(`data/${f}`, 'utf8') })));
  it.each(['86.%', '86,%', '86.5', '86. %'])('%s citing a source is never "fixed" into a malformed figure', (written) => {
    for (const key of bundled.index.sourceKeys()) {
      const text = `Customers ${written} care about service.[^${key}]\n\n[^${key}]: x.\n`;
      for (const issue of validateCitations(text, bundled.validation).filter((i) => i.code === 'value-mismatch' && i.fix)) {
        const fixed = applyEdits(text, issue.fix!.edits).split('\n')[0]!;
        expect(fixed, key).not.toMatch(/\d[.,](?:\s?%|\D|$)|\d[.,]\d+[.,]\d/);
      }
    }
  });

  it('a percentage read whole is still fixed in place, its decimal comma kept', () => {
    const text = 'Kuluttajista 86,0 % pitää asiakaspalvelua avaintekijänä ostopäätöstä tehtäessä.[^zendesk-2019]\n\n[^zendesk-2019]: Zendesk (2019).\n';
    const issue = validateCitations(text, bundled.validation).find((i) => i.code === 'value-mismatch')!;
    expect(applyEdits(text, issue.fix!.edits).split('\n')[0]).toBe('Kuluttajista 84 % pitää asiakaspalvelua avaintekijänä ostopäätöstä tehtäessä.[^zendesk-2019]');
  });
});
