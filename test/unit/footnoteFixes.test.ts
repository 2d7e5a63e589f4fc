import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/citations/applyEdits';
import type { TextEdit } from '../../src/core/citations/cite';
import { planFixAll } from '../../src/core/citations/fixAll';
import { validateCitations, type CitationIssue } from '../../src/core/citations/validate';
import { sourceKeyOf } from '../../src/core/index/sourceKey';
import { normalizeLabel, parseMarkdown } from '../../src/core/markdown/markdown';
import { fixtureRecords, statciteOf } from './helpers';

// Every footnote quick fix and fix-all, applied to generated documents: the problems they promise to remove go,
// nothing else about the document's footnotes changes, and text outside the edits stays as it was.

const records = fixtureRecords();
const ctx = statciteOf(records).validation;
const options = { now: new Date(2026, 0, 1), staleAfterYears: 100 };
const FOOTNOTE_RULES = new Set(['undefined-footnote', 'unused-footnote', 'duplicate-footnote']);
const keys = [...new Set(records.filter((r) => r.source).map((r) => sourceKeyOf(r)))];
const label = fc.constantFrom(...keys, ...keys.map((k) => k.toUpperCase()), 'own-note', '1', 'x\u00a0');

const block = fc.oneof(
  { weight: 3, arbitrary: fc.array(label, { minLength: 1, maxLength: 3 }).map((ls) => `A figure${ls.map((l) => `[^${l}]`).join(' and ')}.`) },
  { weight: 2, arbitrary: label.map((l) => `[^${l}]: A note.`) },
  label.map((l) => `> Quoted[^${l}].\n> [^${l}]: in a quote`),
  label.map((l) => `- [^${l}]: in a list\n- item`),
  label.map((l) => `\`\`\`\n[^${l}]\n\`\`\``),
);
const tail = fc.constantFrom('', '```\ncode', '~~~\n', '<!--\nopen comment', '<pre>\n', '<?php\n', '<div>\n', 'Last line without ending');
const eol = fc.constantFrom('\n', '\r\n');
const document = fc.tuple(fc.array(block, { minLength: 1, maxLength: 6 }), tail, eol).map(([blocks, end, e]) => (blocks.join('\n\n') + '\n\n' + end).replace(/\r?\n/g, e));

const validate = (text: string) => validateCitations(text, ctx, options).filter((i) => FOOTNOTE_RULES.has(i.code));
const labelOf = (i: CitationIssue) => normalizeLabel(/\[\^(.+?)\] (?:has|is)/.exec(i.message)![1]!);

/** Where an offset before the edits is after them (offsets inside an edit are not asked for). */
function mapOffset(edits: readonly TextEdit[], offset: number): number {
  let shift = 0;
  for (const e of edits) if (e.end <= offset) shift += e.newText.length - (e.end - e.start);
  return offset + shift;
}

/** The text outside the edits, unchanged: each gap between edits is found, in order, in the result. */
function expectOutsideUnchanged(before: string, after: string, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let from = 0;
  for (const e of sorted) {
    const at = mapOffset(edits, from);
    expect(after.slice(at, at + e.start - from)).toBe(before.slice(from, e.start));
    from = e.end;
  }
  expect(after.slice(mapOffset(edits, from))).toBe(before.slice(from));
}

describe('footnote fixes never corrupt a document', () => {
  it('each quick fix removes exactly what it promised, and nothing outside its edits changes', () => {
    fc.assert(
      fc.property(document, (text) => {
        const before = validate(text);
        for (const issue of before.filter((i) => i.fix)) {
          const edits = issue.fix!.edits;
          const after = applyEdits(text, edits);
          const where = `${issue.code} ${issue.fix!.title} in ${JSON.stringify(text)}\n→ ${JSON.stringify(after)}`;
          expectOutsideUnchanged(text, after, edits);
          const fixed = labelOf(issue);
          const now = validate(after);
          // The fixed problem is gone: an added definition defines every call of its label.
          if (issue.code === 'undefined-footnote') {
            expect(now.filter((i) => i.code === 'undefined-footnote' && labelOf(i) === fixed), where).toEqual([]);
            expect(parseMarkdown(after).definitions.filter((d) => d.id === fixed).length, where).toBe(1);
          } else expect(now.some((i) => i.code === issue.code && i.start === mapOffset(edits, issue.start)), where).toBe(false);
          // Every other label's problems stay, where they were.
          const others = (list: readonly CitationIssue[], map: (n: number) => number) => list.filter((i) => labelOf(i) !== fixed).map((i) => `${i.code}@${map(i.start)}`).sort();
          expect(others(now, (n) => n), where).toEqual(others(before, (n) => mapOffset(edits, n)));
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('fix-all defines every undefined label from the index once and stops when a round fixes nothing', () => {
    fc.assert(
      fc.property(document, (text) => {
        const edit = planFixAll(text, ctx, options);
        const after = edit ? applyEdits(text, [edit]) : text;
        const where = `${JSON.stringify(text)}\n→ ${JSON.stringify(after)}`;
        const left = validate(after);
        expect(left.filter((i) => i.fix?.safeForFixAll), where).toEqual([]);
        const added = parseMarkdown(after).definitions.length - parseMarkdown(text).definitions.length;
        const wanted = new Set(validate(text).filter((i) => i.fix?.safeForFixAll).map(labelOf));
        expect(added, where).toBe(wanted.size);
        if (edit) expectOutsideUnchanged(text, after, [edit]);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('puts a new definition outside a fence, comment or raw HTML block left open at the end', () => {
    for (const end of ['```\ncode', '~~~\n', '<!--\nopen', '<pre>\n', '<?php\n', '<![CDATA[\n']) {
      const text = `A figure[^${keys[0]}].\n\n${end}`;
      const edit = planFixAll(text, ctx, options)!;
      const after = applyEdits(text, [edit]);
      expect(validate(after), after).toEqual([]);
      expect(after.endsWith(end), after).toBe(true);
    }
  });
});
