import type { FootnoteReference, ParsedMarkdown, ProseBlock } from './markdown';
import { readInline } from './markdownInline';

// Inline syntax the fast reader never takes (escapes, autolinks, HTML, character references, images) and what
// micromark rewrites (NUL, carriage returns, a byte-order mark): a chunk holding any of them is left to micromark.
const UNREAD_SYNTAX = /[\\<&\0\r\uFEFF]|!\[/;
// What only readInline reads (code, emphasis, links, references).
const INLINE_SYNTAX = /[`*_[\]]/;
// A paragraph line starts with none of what may start a block (indentation, headings, quotes, list and thematic
// break markers, setext underlines, fences, HTML, definitions) and is not an ordered list item.
const BLOCK_START = /^(?:[ \t#>+\-*=_`~<[]|\d+[.)])/;
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)]) (?=[^ \t])/;
const HEADING = /^(#{1,6}) (?=[^ \t#])/;
const STARTING_INLINE = /^(?:\[(?:\^[^\]\s\\[`*_<&!]+\](?![([:])|[^\]\[]+\]\()|[*_]{1,2}[^\s*_]|`[^`])/;
const BLANK = /^[ \t]*$/;
const TRAILING_SPACE = /[ \t]$/;

/**
 * Reads a chunk that is only paragraphs, ATX headings and one-line list items of plain text with footnote
 * references, the bulk of prose, without micromark, ten times faster. Anything else (any inline syntax, any other
 * block, a list item's continuation line) returns undefined and is parsed by micromark. Tables are paragraphs here
 * as they are to micromark without the GFM table extension. The property tests check that what it reads is exactly
 * what micromark reads.
 */
export function parsePlainChunk(text: string): ParsedMarkdown | undefined {
  if (UNREAD_SYNTAX.test(text)) return undefined;
  const references: FootnoteReference[] = [];
  const prose: ProseBlock[] = [];
  let paragraph: { start: number; end: number } | undefined;
  let unread = false;
  const add = (start: number, textStart: number, end: number) => {
    const read = block(text, start, textStart, end, references);
    if (read) prose.push(read);
    else unread = true;
  };
  const closeParagraph = () => {
    if (paragraph) add(paragraph.start, paragraph.start, paragraph.end);
    paragraph = undefined;
  };
  let inList = false;
  let pos = 0;
  let blankSeen = false;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    if (BLANK.test(line)) {
      closeParagraph();
      blankSeen = true;
      pos = lineEnd + 1;
      continue;
    }
    // Only trailing blank lines may follow a blank line: a chunk ends there.
    if (blankSeen || TRAILING_SPACE.test(line)) return undefined;
    const heading = HEADING.exec(line);
    const item = heading ? null : LIST_ITEM.exec(line);
    if (heading && !inList) {
      if (line.includes('#', heading[0].length)) return undefined;
      closeParagraph();
      add(pos, pos + heading[0].length, lineEnd);
    } else if (item && !paragraph && startsAsText(line.slice(item[0].length))) {
      // A one-line item: its paragraph starts after the marker.
      inList = true;
      add(pos + item[0].length, pos + item[0].length, lineEnd);
    } else if (!inList && startsAsText(line)) {
      if (paragraph) paragraph.end = lineEnd;
      else paragraph = { start: pos, end: lineEnd };
    } else return undefined;
    if (unread) return undefined;
    pos = lineEnd + 1;
  }
  closeParagraph();
  return unread ? undefined : { references, definitions: [], prose };
}

/** A paragraph or heading whose text runs from `textStart` to `end`, or undefined if its inline syntax is not read here. */
function block(text: string, start: number, textStart: number, end: number, references: FootnoteReference[]): ProseBlock | undefined {
  const raw = text.slice(textStart, end);
  if (INLINE_SYNTAX.test(raw)) {
    const inline = readInline(text, textStart, end);
    if (!inline) return undefined;
    references.push(...inline.references);
    return { start, end, pieces: inline.pieces };
  }
  return { start, end, pieces: raw ? [{ kind: 'text', text: raw, offset: textStart }] : [] };
}

/**
 * Whether a line is paragraph text: it starts with no block syntax, or with inline syntax that only looks like one
 * (a link or footnote reference is no definition without a colon after the label; emphasis or a code span is no
 * list marker, thematic break or fence).
 */
function startsAsText(line: string): boolean {
  return !BLOCK_START.test(line) || STARTING_INLINE.test(line);
}
