import { describe, expect, it } from 'vitest';
import { completeStatistics, completionTriggerCharacters, triggerQueryAt, type CompletionOptions } from '../../src/core/citations/completion';
import { documentLanguage } from '../../src/core/citations/documentLanguage';
import { applyEdits, fixtureStatcite } from './helpers';

const statcite = fixtureStatcite();
const options: CompletionOptions = { trigger: '@@', maxResults: 50, insert: 'figure', lang: 'fi', staleAfterYears: 5, now: new Date('2026-01-01') };

describe('completeStatistics', () => {
  it('offers the statistics the query finds, and accepting one cites it', () => {
    const text = 'Asiakkaista @@zendesk 84\n';
    const answer = completeStatistics(text, text.indexOf('\n'), statcite, options)!;
    expect(answer.isIncomplete).toBe(true);
    const first = answer.candidates[0]!;
    expect(first.statisticId).toBe('zendesk-2019-purchase-decision-fi');
    expect(first.label).toMatch(/^84 % /);
    expect(first.description).toBe('Zendesk 2019');
    expect(first.documentation).toContain('84 prosenttia kuluttajista');
    expect(first.filterText).toBe('@@zendesk 84');
    expect(answer.candidates.map((c) => c.sortText)).toEqual([...answer.candidates.map((c) => c.sortText)].sort());
    const result = applyEdits(text, [first.edit, ...first.additionalEdits]);
    expect(result).toBe('Asiakkaista 84 %[^zendesk-2019]\n\n[^zendesk-2019]: Zendesk (2019). Lainattu artikkelissa “Asiakaspalvelutilastot”.\n');
  });

  it('offers nothing without the trigger on the line before the cursor, or with a query too long to be meant', () => {
    expect(completeStatistics('@@zendesk\nplain text', 20, statcite, options)).toBeUndefined();
    const long = `@@${'x'.repeat(81)}`;
    expect(completeStatistics(long, long.length, statcite, options)).toBeUndefined();
  });

  it('follows a custom trigger and the insert mode', () => {
    const text = 'See ;;zendesk\n\nMore text.\n';
    const answer = completeStatistics(text, 'See ;;zendesk'.length, statcite, { ...options, trigger: ';;', insert: 'gloss' })!;
    const first = answer.candidates.find((c) => c.statisticId === 'zendesk-2019-purchase-decision-fi')!;
    expect(first.edit).toMatchObject({ start: 4, end: 'See ;;zendesk'.length });
    expect(first.edit.newText).toMatch(/^84% of consumers .*buy\[\^zendesk-2019\]\.$/);
  });
});

describe('triggerQueryAt and the trigger characters', () => {
  it('finds the last trigger on the line, CRLF lines included', () => {
    expect(triggerQueryAt('a @@x\r\nb @@zen', 14, '@@')).toEqual({ start: 9, query: 'zen' });
    expect(triggerQueryAt('a @@x\r\nb', 8, '@@')).toBeUndefined();
  });

  it('are the trigger, a space and the digits', () => {
    expect(completionTriggerCharacters('@@')).toEqual(['@', ' ', ...'0123456789']);
  });
});

describe('documentLanguage', () => {
  it('takes the setting unless it is auto, else the front matter or the letters', () => {
    expect(documentLanguage('Hello there.', 'fi')).toBe('fi');
    expect(documentLanguage('---\nlang: lv\n---\nText.', 'auto')).toBe('lv');
    expect(documentLanguage('Плохое обслуживание клиентов стоит дорого.')).toBe('ru');
  });
});
