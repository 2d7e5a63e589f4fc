import { applyEdits, diffAsEdit } from './applyEdits';
import type { TextEdit } from './cite';
import { validateCitations, type ValidationContext, type ValidationOptions } from './validate';

/**
 * Applies every fix that is safe to apply unattended (today: adding missing definitions from the index), one at a
 * time with re-validation in between so fixes never collide, and returns them as one edit.
 */
export function planFixAll(text: string, ctx: ValidationContext, options: ValidationOptions = {}): TextEdit | undefined {
  let current = text;
  for (let round = 0; round < 200; round++) {
    const next = validateCitations(current, ctx, options).find((i) => i.fix?.safeForFixAll);
    if (!next?.fix) break;
    const updated = applyEdits(current, next.fix.edits);
    if (updated === current) break;
    current = updated;
  }
  return diffAsEdit(text, current);
}
