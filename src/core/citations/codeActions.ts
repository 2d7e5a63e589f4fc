import type { BibliographyEntry } from '../bibliography/entry';
import type { TextEdit } from './cite';
import { planFixAll } from './fixAll';
import type { RuleCode } from './rules';
import type { CitationIssue, ValidationContext, ValidationOptions } from './validate';
import { english } from '../text/localize';

/** The kind suffix of statcite's fix-all: editors ask for `source.fixAll.statcite` (or all of `source.fixAll`). */
export const FIX_ALL_KIND = 'source.fixAll.statcite';

/** A diagnostic as an editor hands it back when it asks for fixes: its code and its place, as offsets. */
export interface DiagnosticRef {
  readonly code: string | number | undefined;
  readonly start: number;
  readonly end: number;
}

/** A quick fix for one diagnostic: a title and the edits, in document offsets. */
export interface QuickFix {
  readonly title: string;
  readonly code: RuleCode;
  readonly edits: readonly TextEdit[];
  /** Safe to apply without looking (the editor may mark it preferred, and fix-all applies it). */
  readonly isPreferred: boolean;
  /** Which of the given diagnostics it fixes (an index into them). */
  readonly diagnostic: number;
  /** A Pandoc fix's entry, to be added to the document's bibliography file in the same edit. */
  readonly bibliographyEntry?: BibliographyEntry;
}

/**
 * The quick fixes for the diagnostics an editor asks about, matched to the issues validation found (by code and
 * place, so a diagnostic from an older version of the text gets none).
 */
export function quickFixesFor(issues: readonly CitationIssue[], diagnostics: readonly DiagnosticRef[]): QuickFix[] {
  const fixes: QuickFix[] = [];
  diagnostics.forEach((d, i) => {
    const issue = issues.find((x) => x.code === d.code && x.start === d.start && x.end === d.end);
    if (issue?.fix) fixes.push({ title: issue.fix.title, code: issue.code, edits: issue.fix.edits, isPreferred: issue.fix.safeForFixAll, diagnostic: i, ...(issue.fix.bibliographyEntry ? { bibliographyEntry: issue.fix.bibliographyEntry } : {}) });
  });
  return fixes;
}

/** Every fix that is safe together, as one edit with its title; `undefined` when there is nothing to fix. */
export function fixAllAction(text: string, ctx: ValidationContext, options: ValidationOptions = {}): { title: string; edits: readonly TextEdit[] } | undefined {
  const edit = planFixAll(text, ctx, options);
  if (!edit) return undefined;
  const t = options.localize ?? english;
  return { title: t('statcite: Add missing footnote definitions'), edits: [edit] };
}
