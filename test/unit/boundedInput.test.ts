import { describe, expect, it } from 'vitest';
import { validateCitations } from '../../src/core/citations/validate';
import { parseMarkdown } from '../../src/core/markdown/markdown';
import { splitChunks } from '../../src/core/markdown/markdownChunks';
import { gfmJudgments } from './support/gfmFootnotes';
import { statciteOf } from './helpers';

const ctx = statciteOf([]).validation;
const judged = (text: string) =>
  validateCitations(text, ctx)
    .filter((i) => i.code.endsWith('-footnote'))
    .map((i) => ({ rule: i.code, offset: i.start }));
const reference = (text: string) => gfmJudgments(text).map(({ rule, offset }) => ({ rule, offset }));

describe('inputs micromark reads in quadratic time are cut, and judged as GFM judges the whole', () => {
  const cases = [
    ['deep list nesting before a call', '- '.repeat(300) + 'a[^a] b[^b]\n\n[^a]: used\n'],
    ['deep block quotes before a definition', 'Call[^q].\n\n' + '> '.repeat(300) + '[^q]: quoted\n'],
    ['deep nesting, then a lazy line with a call', '> '.repeat(200) + 'text\nlazy[^z]\n\n[^z]: z\n'],
    ['long emphasis runs around calls', '*'.repeat(500) + 'a[^e]' + '*'.repeat(500) + ' and _' + '_'.repeat(300) + '[^f]\n\n[^f]: f\n'],
    ['a long run inside a label is the label', `[^${'*'.repeat(70)}] x\n\n[^${'*'.repeat(70)}]: starred\n`],
  ] as const;
  for (const [name, text] of cases) {
    it(name, () => {
      expect(judged(text)).toEqual(reference(text));
      // Offsets land on the call itself, in the whole text.
      for (const r of parseMarkdown(text).references) expect(text.slice(r.start, r.start + 2)).toBe('[^');
    });
  }
});

describe('cancellation', () => {
  it('stops a validation between chunks and reports nothing half-read', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i}[^n${i}].\n\n[^n${i}]: Note ${i}.\n`).join('\n');
    expect(splitChunks(text).length).toBeGreaterThan(40);
    let asked = 0;
    const issues = validateCitations(text, statciteOf([]).validation, { isCancelled: () => ++asked > 5 });
    expect(issues).toEqual([]);
    expect(asked).toBeLessThan(20);
  });
});
