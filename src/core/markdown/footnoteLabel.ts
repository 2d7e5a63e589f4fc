/** CommonMark label matching: case-folded (lower then upper, as micromark does, so ß and ẞ meet), white space collapsed. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}
