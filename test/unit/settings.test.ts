import { describe, expect, it } from 'vitest';
import { readSettings, settingsLookup } from '../../src/core/citations/settings';

describe('readSettings', () => {
  it('gives the documented defaults for no settings', () => {
    expect(readSettings(() => undefined)).toEqual({
      trigger: '@@', insert: 'figure', citationStyle: 'footnote', maxResults: 50, documentLanguage: 'auto', validateRun: 'onType', validateDelay: 300,
      staleAfterYears: 5, severities: {}, dataFiles: ['**/*.stats.json'], useBundledIndex: true, maxDataFileSizeMB: 20,
    });
  });

  it('reads nested and dotted objects alike, as LSP clients send them', () => {
    const nested = readSettings(settingsLookup({ trigger: ';;', completion: { maxResults: 7 }, validate: { run: 'onSave' }, severity: { 'unused-footnote': 'error' } }));
    const dotted = readSettings(settingsLookup({ trigger: ';;', 'completion.maxResults': 7, 'validate.run': 'onSave', severity: { 'unused-footnote': 'error' } }));
    expect(nested).toEqual(dotted);
    expect(nested).toMatchObject({ trigger: ';;', maxResults: 7, validateRun: 'onSave', severities: { 'unused-footnote': 'error' } });
  });

  it('falls back on values of the wrong type or out of range, and drops unknown severities', () => {
    const s = readSettings(settingsLookup({ trigger: '  ', insert: 'poem', completion: { maxResults: 9999 }, staleAfterYears: 'old', severity: { 'unused-footnote': 'loud', nope: 'error' }, dataFiles: ['', 'a/*.stats.json', 3] }));
    expect(s).toMatchObject({ trigger: '@@', insert: 'figure', maxResults: 500, staleAfterYears: 5, severities: {}, dataFiles: ['a/*.stats.json'] });
  });
});
