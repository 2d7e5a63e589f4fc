import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

/**
 * A footnote label as GFM matches it: micromark's own normalisation (Markdown white space — tab, LF, CR, space —
 * collapsed, one space trimmed at each end, then lower- and upper-cased so ß and ẞ meet). A no-break or ideographic
 * space is part of the label, as it is to micromark.
 */
export function normalizeLabel(label: string): string {
  return normalizeIdentifier(label);
}
