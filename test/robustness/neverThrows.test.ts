import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planInsertion } from '../../src/core/citations/cite';
import { readFigures, type Figure } from '../../src/core/figures/figures';
import { citationHoverMarkdown } from '../../src/core/citations/hover';
import { citationAt } from '../../src/core/citations/locate';
import { MarkdownCache, parseMarkdown } from '../../src/core/markdown/markdown';
import { createValidationContext, validateCitations, type CitationIssue } from '../../src/core/citations/validate';
import { statcite, statistics } from './support/data';
import { applyChecked, documentEol, splitsAPair } from './support/edits';
import { draft, wildText } from './support/markdown';
import { counter, LONG, params } from './support/run';

const ctx = statcite.validation;
const NOW = new Date(2026, 0, 1);
/** A reference no one defines, after a blank line: every validation that read the document to its end reports it. */
const SENTINEL = '\n\nThe end, 84 %.[^statcite-sentinel]\n';

/** Issues within the text, fixes that an editor can apply (checked edit by edit, or just their bounds for huge text). */
function expectWellFormed(text: string, issues: readonly CitationIssue[], apply = true): void {
  for (const i of issues) {
    expect(0 <= i.start && i.start <= i.end && i.end <= text.length, `${i.code} at [${i.start}, ${i.end})`).toBe(true);
    expect(i.message.length).toBeGreaterThan(0);
    if (i.fix && apply) applyChecked(text, i.fix.edits, documentEol(text));
    for (const e of i.fix?.edits ?? []) expect(0 <= e.start && e.start <= e.end && e.end <= text.length).toBe(true);
  }
}

function expectFiguresWellFormed(text: string, figures: readonly Figure[]): void {
  let last = 0;
  for (const f of figures) {
    expect(f.start >= last && f.start < f.end && f.end <= text.length, `figure ${JSON.stringify(f.text)} at [${f.start}, ${f.end})`).toBe(true);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(Number.isFinite(f.value)).toBe(true);
    last = f.end;
  }
}

/** Anything at all: code units of any kind (lone surrogates, controls), line breaks of every kind, Markdown punctuation. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.oneof(wildText, fc.constantFrom('\n', '\r\n', '\r', '\n\n', '> ', '- ', '    ', '```', '<!--', '-->', '[^a]: ', '\uFEFF', '\ud800')), { maxLength: 40 }).map((p) => p.join('')),
);

describe('the validator and the figure reader never throw, whatever the input', () => {
  it('validation, the figure reader, insertion and hovers take any string', ({ task }) => {
    const count = counter(task);
    fc.assert(
      fc.property(anyText, fc.nat(), fc.constantFrom(...statistics), (text, at, stat) => {
        count('documents');
        expectWellFormed(text, validateCitations(text, ctx, { now: NOW }));
        expectFiguresWellFormed(text, readFigures(text));
        // An insertion point as an editor gives one: never inside a CRLF or a surrogate pair.
        let offset = at % (text.length + 1);
        if (splitsAPair(text, offset)) offset--;
        // The parse validation made (cached), as the editor shares it between features.
        const parsed = parseMarkdown(text, ctx.markdown);
        const plan = planInsertion(text, { start: offset, end: offset }, stat, { figure: '84 %', mode: 'figure', resolver: statcite.resolver, parsed });
        applyChecked(text, [plan.main, ...plan.additional], documentEol(text));
        const cite = citationAt(text, offset, statcite, parsed);
        if (cite) expect(typeof citationHoverMarkdown(cite, statcite.index, { staleAfterYears: 5, now: NOW })).toBe('string');
      }),
      params(6),
    );
  }, LONG);

  it('the figure reader takes any run of digits, separators, signs and unit words', ({ task }) => {
    const count = counter(task);
    const piece = fc.constantFrom('1', '84', '7', ',', '.', ' ', '\u00a0', '\u202f', '%', '％', '–', '-', '—', 'x', '×', '倍', '十', '百分之', '分之', '亿', '万', 'in', 'of', 'ten', 'one', 'third', 'kymmenestä', 'miljardia', 'dollaria', 'раз', 'в', 'из', '$', '€', 'times', 'kertaa', 'fold', '1 000', '2019', '9/10');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        count('documents');
        expectFiguresWellFormed(text, readFigures(text));
      }),
      params(7),
    );
  }, LONG);
});

describe('huge and deep input', () => {
  // 5 MB of drafts: 100 generated ones over and over (parsed once each, as an editor's cache would), one definition
  // of each label at the end, so insertion plans against thousands of citations.
  const fiveMB = (() => {
    const unit = fc.sample(draft(0, 4), { numRuns: 100, seed: 7 }).map((d) => d.text.replace(/\r/g, '').replace(/^\uFEFF/, '').trimEnd()).join('\n\n') + '\n\n';
    return unit.repeat(Math.ceil(5_000_000 / unit.length));
  })();
  const longLine = Array.from({ length: 2000 }, (_, i) => ['84 %', '[^a]', '十分之九', 'in', '7,6', '&amp;', '*x*', '`c`', 'nine in ten', '\\['][i % 10]).join(' ').slice(0, 20_000);
  const deep: Array<[string, string]> = [
    ['a block quote 10,000 deep', `${'> '.repeat(10_000)}Deep 84 %.[^a]\n`],
    ['a list 150 deep', `${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- level ${i}, 12 %[^a]`).join('\n')}\n`],
    ['block quotes and lists 300 deep', `${Array.from({ length: 300 }, (_, i) => (i % 2 ? '> ' : '- ')).join('')}Deep.[^a]\n`],
    // micromark's emphasis matching is quadratic: 1,000 levels take a second or two.
    ['emphasis 1,000 deep', `${'*a '.repeat(1000)}84 %${' b*'.repeat(1000)}\n`],
    ['links and brackets 5,000 deep', `${'['.repeat(5000)}84 %[^a]${']'.repeat(5000)}\n`],
  ];

  it.each([
    ['a 5 MB document', fiveMB],
    ['a single 20,000-character line', longLine],
    ...deep,
  ])('%s: validation reads it to the end, and the figure reader, insertion and a hover take it', (_name, body) => {
    const text = body + SENTINEL;
    const started = performance.now();
    const fresh = createValidationContext(statcite.index, statcite.resolver);
    const issues = validateCitations(text, fresh, { now: NOW });
    expect(issues.some((i) => i.message.includes('[^statcite-sentinel]')), 'validation read the document to its end').toBe(true);
    expectWellFormed(text, issues, text.length < 100_000);
    expectFiguresWellFormed(text.slice(0, 100_000), readFigures(text.slice(0, 100_000)));
    const parsed = parseMarkdown(text, fresh.markdown);
    let at = Math.floor(text.length / 2);
    if (splitsAPair(text, at)) at--;
    const plan = planInsertion(text, { start: at, end: at }, statistics[0]!, { figure: '84 %', mode: 'figure', resolver: statcite.resolver, parsed });
    applyChecked(text, [plan.main, ...plan.additional]);
    const cite = citationAt(text, text.length - 5, statcite, parsed);
    if (cite) citationHoverMarkdown(cite, statcite.index, { staleAfterYears: 5, now: NOW });
    expect(performance.now() - started, 'seconds, not minutes').toBeLessThan(60_000);
  }, LONG);
});

describe('cancellation', () => {
  const big = fc.sample(draft(0, 6), { numRuns: 400, seed: 11 }).map((d) => d.text).join('\n\n').repeat(20) + SENTINEL;

  it('a validation cancelled before it starts returns at once, with nothing', () => {
    const ctxFresh = createValidationContext(statcite.index, statcite.resolver);
    const started = performance.now();
    expect(validateCitations(big, ctxFresh, { isCancelled: () => true })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a validation cancelled on the way stops long before a full one and reports nothing half-read', () => {
    const full = (() => {
      const started = performance.now();
      const issues = validateCitations(big, createValidationContext(statcite.index, statcite.resolver), { now: NOW });
      return { ms: performance.now() - started, issues };
    })();
    expect(full.issues.some((i) => i.message.includes('[^statcite-sentinel]'))).toBe(true);
    let calls = 0;
    const started = performance.now();
    const cancelled = validateCitations(big, { ...createValidationContext(statcite.index, statcite.resolver), markdown: new MarkdownCache() }, { now: NOW, isCancelled: () => ++calls > 20 });
    const ms = performance.now() - started;
    expect(cancelled).toEqual([]);
    expect(ms).toBeLessThan(Math.max(full.ms / 2, 200));
  }, LONG);
});
