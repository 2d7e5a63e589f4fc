import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChunk, parseMarkdown, type ParsedMarkdown } from '../../src/core/markdown/markdown';
import { sentencesOf } from '../../src/core/figures/sentences';
import { validateCitations } from '../../src/core/citations/validate';
import { statcite } from './support/data';
import { applyChecked, documentEol } from './support/edits';
import { draft } from './support/markdown';
import { counter, LONG, params } from './support/run';

const ctx = statcite.validation;
/** A reference no one defines, after a blank line: every validation that read the document to its end reports it. */
const SENTINEL = '\n\nThe end, 84 %.[^statcite-sentinel]\n';

/** What validation and insertion read from a parse: footnotes where they are, and each figure with its sentence's citations. */
function summary(text: string, md: ParsedMarkdown) {
  return {
    references: md.references.map((r) => `${r.label}@${r.start}-${r.end}`),
    definitions: md.definitions.map((d) => `${d.label}@${d.start}-${d.labelEnd}-${d.end}: ${d.text}`),
    figures: md.prose.flatMap((b) => sentencesOf(b).flatMap((s) => s.figures.map((f) => `${text.slice(f.start, f.end)}@${f.start} ${s.references.map((r) => r.label).join()}`))),
  };
}

/** Offsets that point at something else than what they name, collected (one expect per document keeps this cheap). */
function misplaced(text: string, md: ParsedMarkdown): string[] {
  const wrong: string[] = [];
  for (const r of md.references) if (!/^\[\^[^\]]+\]$/.test(text.slice(r.start, r.end))) wrong.push(`reference [^${r.label}] at ${r.start}`);
  for (const d of md.definitions) if (!/^\[\^[^\]]+\]:$/.test(text.slice(d.start, d.labelEnd))) wrong.push(`definition [^${d.label}] at ${d.start}`);
  for (const b of md.prose) {
    for (const s of sentencesOf(b)) {
      for (const f of s.figures) {
        const written = text.slice(f.start, f.end);
        // Where nothing between the figure's characters is markup (a footnote reference or link, `[`, is), it is written as it reads.
        if (!/[\\&<>*_`[\r\n\u0000]/.test(written) && written !== f.text) wrong.push(`figure ${JSON.stringify(f.text)} at ${f.start} reads ${JSON.stringify(written)}`);
      }
    }
  }
  return wrong;
}

describe('validation reads every generated draft to its end, parsed chunk by chunk as a whole-document parse reads it', () => {
  it('drafts with any Unicode, BOMs, odd blank lines, code, HTML and containers', ({ task }) => {
    const count = counter(task);
    fc.assert(
      fc.property(draft(1, 4), ({ text: draftText }) => {
        count('documents');
        const text = draftText + SENTINEL;
        // Validation never throws, and a swallowed error inside it would lose the last reference.
        const issues = validateCitations(text, ctx, { now: new Date(2026, 0, 1) });
        expect(issues.some((i) => i.code === 'undefined-footnote' && i.message.includes('[^statcite-sentinel]')), `validation stopped early in ${JSON.stringify(text)}`).toBe(true);
        const outside = issues.filter((i) => !(0 <= i.start && i.start <= i.end && i.end <= text.length));
        expect(outside).toEqual([]);
        for (const i of issues) if (i.fix) applyChecked(text, i.fix.edits, documentEol(text));
        // The chunks validation parsed (cached) read the draft as one parse of the whole does, at the right offsets.
        const whole = parseChunk(text);
        expect(summary(text, parseMarkdown(text, ctx.markdown))).toEqual(summary(text, whole));
        expect(misplaced(text, whole)).toEqual([]);
      }),
      params(2),
    );
  }, LONG);
});
