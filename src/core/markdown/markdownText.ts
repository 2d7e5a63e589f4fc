/**
 * Escapes text from data files for Markdown: every ASCII punctuation character is backslash-escaped (CommonMark
 * allows it), so links, `command:` URIs, autolinks, emphasis and HTML from a data file show as inert text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** The line ending a document uses (its first one), `\n` when it has none. */
export function lineEndingOf(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}
