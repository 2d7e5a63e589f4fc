import { describe, expect, it } from 'vitest';
import { fixAllAction, quickFixesFor } from '../../src/core/citations/codeActions';
import { indexProblemDiagnostic, issueDiagnostic } from '../../src/core/citations/diagnostic';
import { validateCitations } from '../../src/core/citations/validate';
import { applyEdits, fixtureStatcite } from './helpers';

const statcite = fixtureStatcite();
const text = 'Kuluttajista 84 %[^zendesk-2019] pitää asiakaspalvelua tärkeänä.\n\n[^old]: A note of our own.\n';

describe('quick fixes and fix-all', () => {
  const issues = validateCitations(text, statcite.validation);

  it('match the diagnostics an editor hands back by code and place, and none from an older text', () => {
    const undefinedRef = issues.find((i) => i.code === 'undefined-footnote')!;
    const fixes = quickFixesFor(issues, [{ code: 'unused-footnote', start: 0, end: 1 }, { code: undefinedRef.code, start: undefinedRef.start, end: undefinedRef.end }]);
    expect(fixes).toHaveLength(1);
    expect(fixes[0]).toMatchObject({ code: 'undefined-footnote', diagnostic: 1, isPreferred: true });
    expect(applyEdits(text, fixes[0]!.edits)).toContain('[^zendesk-2019]: Zendesk (2019)');
  });

  it('fix-all adds the missing definition in one edit, and offers nothing once it is there', () => {
    const all = fixAllAction(text, statcite.validation)!;
    expect(all.title).toBe('statcite: Add missing footnote definitions');
    const fixed = applyEdits(text, all.edits);
    expect(validateCitations(fixed, statcite.validation).filter((i) => i.code === 'undefined-footnote')).toEqual([]);
    expect(fixAllAction(fixed, statcite.validation)).toBeUndefined();
  });
});

describe('diagnostics', () => {
  it('carry the rule code and source, and mark an unused definition as unnecessary', () => {
    const unused = validateCitations(text, statcite.validation).find((i) => i.code === 'unused-footnote')!;
    expect(issueDiagnostic(unused)).toMatchObject({ code: 'unused-footnote', severity: 'warning', source: 'statcite', unnecessary: true });
  });

  it('place an index problem on its value, or on the first character when the place is unknown', () => {
    expect(indexProblemDiagnostic({ file: 'a.stats.json', code: 'invalid-record', path: '$.statistics[0].value', message: 'Expected number', offset: 40, length: 3 })).toMatchObject({ start: 40, end: 43, severity: 'error', message: 'Expected number ($.statistics[0].value)' });
    expect(indexProblemDiagnostic({ file: 'a.stats.json', code: 'unreadable-file', path: '$', message: 'Skipped' })).toMatchObject({ start: 0, end: 1 });
  });
});
