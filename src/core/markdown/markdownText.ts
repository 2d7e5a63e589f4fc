/**
 * Escapes text from data files for Markdown: every ASCII punctuation character is backslash-escaped (CommonMark
 * allows it), so links, `command:` URIs, autolinks, emphasis and HTML from a data file show as inert text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/**
 * Escapes text from a data file that goes into a writer's line as prose (an inserted quote or gloss): it reads as
 * written and adds no Markdown. Only what could start syntax is escaped, so the source stays readable: brackets,
 * backticks, `<`, emphasis and strikethrough marks, `|` (a table cell, or a table made of the next line), a
 * backslash, an entity-like `&`, a `!` that would stand before the call; and, at the start of a block (`atBlockStart`),
 * what would open a heading, quote, list or thematic break there.
 */
export function escapeInserted(text: string, atBlockStart: boolean): string {
  let out = text.replace(/[\\`*_[\]<|~]|&(?=#?[A-Za-z0-9]+;)|!$/g, (c) => `\\${c}`);
  if (atBlockStart) out = out.replace(/^(?:[#>+=-]|\d{1,9}(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
  return out;
}

/** Whether `offset` starts a block's content: only indentation, quote markers and list markers before it on its line. */
export function atBlockStart(text: string, offset: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*$/.test(text.slice(lineStart, offset));
}

/** The line ending a document uses (its first one), `\n` when it has none. */
export function lineEndingOf(text: string): '\n' | '\r\n' | '\r' {
  const at = text.search(/[\r\n]/);
  if (at < 0 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}
