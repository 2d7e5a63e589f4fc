import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/citations/applyEdits';
import { footnoteAt, footnoteDefinition, footnoteReferences, footnoteSymbols, renameFootnote, renumberFootnotes } from '../../src/core/citations/footnoteTools';
import { parseMarkdown } from '../../src/core/markdown/markdown';
import { gfmJudgments } from './support/gfmFootnotes';

const DOC = 'One[^b] two[^A] three[^b].\n\n> Quote[^a].\n\n[^a]: First note.\n\n[^B]: Second note.\n';
const at = (text: string, needle: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  return i;
};

describe('footnote navigation', () => {
  const md = parseMarkdown(DOC);
  it('goes from a call, in any case, to the definition GFM uses', () => {
    expect(footnoteDefinition(md, at(DOC, '[^A]') + 2)?.label).toBe('a');
    expect(footnoteDefinition(md, at(DOC, '[^b]'))?.label).toBe('B');
    expect(footnoteAt(md, at(DOC, 'two'))).toBeUndefined();
  });
  it('finds every call of a label, and its definition when asked', () => {
    const refs = footnoteReferences(md, at(DOC, '[^B]:') + 3);
    expect(refs.map((r) => DOC.slice(r.start, r.end))).toEqual(['[^b]', '[^b]', '[^B]:']);
    expect(footnoteReferences(md, at(DOC, '[^a]') + 1, false).map((r) => DOC.slice(r.start, r.end))).toEqual(['[^A]', '[^a]']);
  });
  it('lists definitions as outline entries', () => {
    expect(footnoteSymbols(md).map((s) => [s.name, s.detail])).toEqual([['[^a]', 'First note.'], ['[^B]', 'Second note.']]);
  });
});

describe('footnote rename', () => {
  it('renames every call and the definition, whatever their case', () => {
    const result = renameFootnote(parseMarkdown(DOC), at(DOC, '[^b]') + 2, 'zendesk-2019');
    expect('edits' in result! && applyEdits(DOC, result.edits)).toBe('One[^zendesk-2019] two[^A] three[^zendesk-2019].\n\n> Quote[^a].\n\n[^a]: First note.\n\n[^zendesk-2019]: Second note.\n');
  });
  it('refuses a label GFM would not read as one, or one already used', () => {
    const md = parseMarkdown(DOC);
    for (const bad of ['', 'two words', 'no\u00a0break', 'a]b', 'ends\\']) expect(renameFootnote(md, at(DOC, '[^b]'), bad)).toHaveProperty('error');
    expect(renameFootnote(md, at(DOC, '[^b]'), 'A')).toHaveProperty('error');
    expect(renameFootnote(md, at(DOC, '[^b]'), 'b2')).toHaveProperty('edits');
  });
});

describe('footnote renumbering', () => {
  it('numbers numeric labels in reading order and puts their definitions in that order', () => {
    const text = 'A[^7] b[^2] c[^7] d[^note].\n\n[^2]: Two.\n[^7]: Seven.\n\n[^note]: Named.\n\n[^9]: Unused.\n';
    const after = applyEdits(text, renumberFootnotes(text, parseMarkdown(text)));
    expect(after).toBe('A[^1] b[^2] c[^1] d[^note].\n\n[^1]: Seven.\n[^2]: Two.\n\n[^note]: Named.\n\n[^3]: Unused.\n');
    expect(renumberFootnotes(after, parseMarkdown(after))).toEqual([]);
  });

  it('keeps what GFM reads: every call still reaches a definition with the same text, and none is lost', () => {
    const n = fc.integer({ min: 1, max: 12 });
    const block = fc.oneof(
      fc.array(n, { minLength: 1, maxLength: 4 }).map((ns) => `Text${ns.map((k) => `[^${k}]`).join(' and ')}.`),
      n.map((k) => `[^${k}]: Note ${k}.`),
      fc.tuple(n, n).map(([k, j]) => `[^${k}]: Note ${k} cites[^${j}].\n\n    More of ${k}.`),
      n.map((k) => `> Quoted[^${k}].`),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n\n', '\n'), (blocks, sep) => {
        const text = blocks.join(sep) + '\n';
        const md = parseMarkdown(text);
        const after = applyEdits(text, renumberFootnotes(text, md));
        const mdAfter = parseMarkdown(after);
        const where = `${JSON.stringify(text)}\n→ ${JSON.stringify(after)}`;
        const resolved = (m: typeof md) => m.references.map((r) => m.definitions.find((d) => d.id === r.id)?.text.replace(/\[\^\d+\]/g, '') ?? null).sort();
        expect(resolved(mdAfter), where).toEqual(resolved(md));
        expect(mdAfter.definitions.length, where).toBe(md.definitions.length);
        expect(gfmJudgments(after).map((j) => j.rule).sort(), where).toEqual(gfmJudgments(text).map((j) => j.rule).sort());
        expect(renumberFootnotes(after, mdAfter), where).toEqual([]);
        const inNote = (start: number) => mdAfter.definitions.some((d) => d.start <= start && start < d.end);
        const firstCalls = [...new Set(mdAfter.references.filter((r) => !inNote(r.start)).map((r) => r.id))];
        expect(firstCalls, where).toEqual(firstCalls.map((_, i) => String(i + 1)));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
