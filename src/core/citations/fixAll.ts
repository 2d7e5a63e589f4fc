import { applyEdits, diffAsEdit } from './applyEdits';
import type { TextEdit } from './cite';
import { validateCitations, type CitationIssue, type ValidationContext, type ValidationOptions } from './validate';

/**
 * Applies every fix that is safe to apply unattended (today: adding missing definitions from the index), one at a
 * time with re-validation in between so fixes never collide, and returns them as one edit. A round that leaves as
 * many fixable problems as before fixed nothing: it is dropped and fix-all stops there.
 */
export function planFixAll(text: string, ctx: ValidationContext, options: ValidationOptions = {}): TextEdit | undefined {
  let current = text;
  let issues = validateCitations(current, ctx, options);
  for (let round = 0; round < 200; round++) {
    const next = issues.find((i) => i.fix?.safeForFixAll);
    if (!next?.fix) break;
    const updated = applyEdits(current, next.fix.edits);
    const after = validateCitations(updated, ctx, options);
    if (updated === current || fixable(after) >= fixable(issues)) break;
    current = updated;
    issues = after;
  }
  return diffAsEdit(text, current);
}

function fixable(issues: readonly CitationIssue[]): number {
  return issues.filter((i) => i.fix?.safeForFixAll).length;
}
