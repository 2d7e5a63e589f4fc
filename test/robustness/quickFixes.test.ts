import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFixAll } from '../../src/core/citations/fixAll';
import { normalizeLabel, parseMarkdown, type ParsedMarkdown } from '../../src/core/markdown/markdown';
import type { RuleCode } from '../../src/core/citations/rules';
import { validateCitations, type CitationIssue } from '../../src/core/citations/validate';
import { statcite } from './support/data';
import { applyChecked, documentEol, mapOffset } from './support/edits';
import { problemDraft } from './support/problems';
import { counter, LONG, params, RUNS } from './support/run';

const ctx = statcite.validation;
const NOW = new Date(2026, 0, 1);
const validate = (text: string) => validateCitations(text, ctx, { now: NOW });
// The validator's own chunk cache: these parses re-read only what validation has not read already.
const parse = (text: string) => parseMarkdown(text, ctx.markdown);

const sorted = (xs: string[]) => [...xs].sort();
const ids = (xs: ReadonlyArray<{ id: string }>) => sorted(xs.map((x) => x.id));
/** The label an issue is about, from its message ("Footnote [^label] …"). */
const labelOf = (issue: CitationIssue) => /\[\^([^\]]+)\]/.exec(issue.message)?.[1];

/** Issues a fix may bring up as a consequence: a new definition's own notes, and figures its source can now check. */
const MAY_APPEAR: Record<RuleCode, readonly RuleCode[]> = {
  'undefined-footnote': ['stale-statistic', 'secondary-source', 'value-mismatch', 'unknown-source'],
  'uncited-statistic': ['stale-statistic', 'secondary-source', 'value-mismatch', 'unknown-source'],
  'unused-footnote': ['unused-footnote', 'unknown-source', 'stale-statistic', 'secondary-source'],
  'value-mismatch': [],
  'undefined-citation': [],
  'duplicate-footnote': [],
  'unknown-source': [],
  'secondary-source': [],
  'stale-statistic': [],
};

/** Checks that applying `issue`'s fix fixes it and changes nothing else: the other issues and footnotes stay put. */
function checkFix(text: string, md: ParsedMarkdown, issues: readonly CitationIssue[], issue: CitationIssue): void {
  const edits = issue.fix!.edits;
  const after = applyChecked(text, edits, documentEol(text));
  expect(after).not.toBe(text);
  const fixed = validate(after);
  const mdAfter = parse(after);
  const where = `${issue.code} "${issue.fix!.title}" in ${JSON.stringify(text)}\n→ ${JSON.stringify(after)}`;
  const mapped = (i: CitationIssue) => ({ start: mapOffset(edits, i.start), end: mapOffset(edits, i.end, 'end') });
  const at = (list: readonly CitationIssue[], code: RuleCode, start: number | undefined) => list.some((i) => i.code === code && i.start === start);
  const label = labelOf(issue);
  // Footnotes inside what an edit replaces go with it (a removed definition's own references), but never a definition
  // something outside still cites.
  const inEdit = (x: { start: number }) => edits.some((e) => e.start <= x.start && x.start < e.end);
  const refsBefore = ids(md.references.filter((r) => !inEdit(r)));
  const cited = new Set(refsBefore);
  const defsBefore = ids(md.definitions.filter((d) => !inEdit(d) || cited.has(d.id)));

  // The problem is gone.
  switch (issue.code) {
    case 'undefined-footnote':
      expect(fixed.some((i) => i.code === 'undefined-footnote' && normalizeLabel(labelOf(i) ?? '') === normalizeLabel(label!)), where).toBe(false);
      expect(ids(mdAfter.definitions), where).toEqual(sorted([...defsBefore, normalizeLabel(label!)]));
      expect(ids(mdAfter.references), where).toEqual(refsBefore);
      break;
    case 'unused-footnote': {
      const count = (list: readonly CitationIssue[]) => list.filter((i) => i.code === 'unused-footnote' && normalizeLabel(labelOf(i) ?? '') === normalizeLabel(label!)).length;
      const duplicated = md.definitions.filter((d) => d.id === normalizeLabel(label!)).length > 1;
      // Removing one of two unused definitions of a label rightly leaves the other one unused.
      if (!duplicated) expect(count(fixed), where).toBe(0);
      expect(ids(mdAfter.definitions), where).toEqual(defsBefore);
      // Exactly that definition goes, with its indentation and line break (and anything nested in it).
      const def = md.definitions.find((d) => d.start === issue.start)!;
      expect(edits, where).toHaveLength(1);
      expect(text.slice(edits[0]!.start, def.start), where).toMatch(/^[ \t]*$/);
      expect(text.slice(def.end, edits[0]!.end), where).toMatch(/^(?:\r?\n)?$/);
      expect(ids(mdAfter.references), where).toEqual(refsBefore);
      break;
    }
    case 'value-mismatch':
    case 'uncited-statistic': {
      expect(at(fixed, issue.code, mapped(issue).start), where).toBe(false);
      const added = issue.code === 'uncited-statistic' ? /\[\^([^\]]+)\]$/.exec(edits[0]!.newText)?.[1] : undefined;
      expect(ids(mdAfter.references), where).toEqual(sorted([...refsBefore, ...(added ? [normalizeLabel(added)] : [])]));
      const newDefinition = edits.length > 1 ? [normalizeLabel(added!)] : [];
      expect(ids(mdAfter.definitions), where).toEqual(sorted([...defsBefore, ...newDefinition]));
      break;
    }
    default:
      throw new Error(`unexpected fix for ${issue.code}`);
  }

  // Every other problem is still there, where it was; only a fix's consequences are new.
  const block = md.prose.find((b) => issue.start >= b.start && issue.start <= b.end);
  for (const other of issues) {
    if (other === issue) continue;
    const sameLabel = label !== undefined && normalizeLabel(labelOf(other) ?? '') === normalizeLabel(label);
    if (sameLabel && (issue.code === 'undefined-footnote' || issue.code === 'unused-footnote')) continue;
    // Citing a source settles its label: a reference waiting for the definition gets it, an unused one is now used.
    const citedLabel = issue.code === 'uncited-statistic' ? /\[\^([^\]]+)\]$/.exec(edits[0]!.newText)?.[1] : undefined;
    if (citedLabel && (other.code === 'undefined-footnote' || other.code === 'unused-footnote') && normalizeLabel(labelOf(other) ?? '') === normalizeLabel(citedLabel)) continue;
    // Citing one figure cites its sentence: the other figures there are no longer uncited. Rewriting a figure can
    // change how its neighbours read ("nine in ten 84%" is one figure restated).
    const figureFix = issue.code === 'uncited-statistic' || issue.code === 'value-mismatch';
    const figureIssue = other.code === 'uncited-statistic' || other.code === 'value-mismatch';
    if (figureFix && figureIssue && block && other.start >= block.start && other.start <= block.end) continue;
    // Removing a definition nested in another one changes that one's text, and so what it resolves to.
    const around = md.definitions.find((d) => d.start === other.start && edits.some((e) => d.start < e.start && e.start <= d.end));
    if (around) continue;
    const m = mapped(other);
    if (m.start === undefined || m.end === undefined) continue;
    expect(fixed.some((i) => i.code === other.code && i.start === m.start && i.end === m.end), `${other.code} at ${other.start} survives: ${where}`).toBe(true);
  }
  for (const now of fixed) {
    const before = issues.some((i) => i.code === now.code && mapped(i).start === now.start);
    if (!before) expect(MAY_APPEAR[issue.code], `new ${now.code} "${now.message}" after ${where}`).toContain(now.code);
  }
}

describe('quick fixes fix their problem and change nothing else', () => {
  it('applying one fix removes that problem, keeps every other problem and footnote, and the text around its edits', ({ task }) => {
    const count = counter(task);
    const fixed = new Map<RuleCode, number>();
    fc.assert(
      fc.property(problemDraft, fc.nat(), ({ text }, pick) => {
        count('documents');
        const issues = validate(text);
        const md = parse(text);
        const fixable = issues.filter((i) => i.fix);
        if (!fixable.length) return;
        count('quickFixes');
        const issue = fixable[pick % fixable.length]!;
        fixed.set(issue.code, (fixed.get(issue.code) ?? 0) + 1);
        checkFix(text, md, issues, issue);
      }),
      params(3),
    );
    // Every kind of fix was tried, many times.
    for (const code of ['undefined-footnote', 'unused-footnote', 'value-mismatch', 'uncited-statistic'] as const) expect(fixed.get(code) ?? 0, code).toBeGreaterThan(Math.min(100, RUNS / 100));
  }, LONG);

  it('fix-all adds every missing definition it can and nothing else', ({ task }) => {
    const count = counter(task);
    fc.assert(
      fc.property(problemDraft, ({ text }) => {
        count('documents');
        const edit = planFixAll(text, ctx, { now: NOW });
        if (!edit) return;
        count('quickFixes');
        const after = applyChecked(text, [edit], documentEol(text));
        const before = parse(text);
        const md = parse(after);
        expect(ids(md.references)).toEqual(ids(before.references));
        for (const id of ids(before.definitions)) expect(ids(md.definitions)).toContain(id);
        expect(validate(after).filter((i) => i.fix?.safeForFixAll)).toEqual([]);
        expect(after.startsWith(text.slice(0, edit.start))).toBe(true);
        expect(after.endsWith(text.slice(edit.end))).toBe(true);
      }),
      params(4),
    );
  }, LONG);
});
