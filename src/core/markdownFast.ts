import type { FootnoteReference, ParsedMarkdown, ProseBlock, ProsePiece } from './markdown';
import { normalizeLabel } from './footnoteLabel';

// Characters that may start inline syntax (escapes, code, emphasis, links, images, autolinks, HTML, character
// references) or that micromark rewrites (NUL, carriage returns, a byte-order mark): a line holding any of them,
// other than in a plain `[^label]`, is left to micromark.
const INLINE_SYNTAX = /[\\`*_[\]<&\0\r\uFEFF]/;
// A paragraph line starts with none of what may start a block (indentation, headings, quotes, list and thematic
// break markers, setext underlines, fences, HTML, definitions) and is not an ordered list item.
const BLOCK_START = /^(?:[ \t#>+\-*=_`~<[]|\d+[.)])/;
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)]) (?=[^ \t])/;
const HEADING = /^(#{1,6}) (?=[^ \t#])/;
// A label of characters that are no syntax themselves, not followed by what would make it a link or a definition.
const REFERENCE = /\[\^([^\]\s\\[`*_<&!]+)\](?![([:])/g;
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
  if (INLINE_SYNTAX.test(text.includes('[') ? text.replace(REFERENCE, '') : text) || text.includes('![')) return undefined;
  const references: FootnoteReference[] = [];
  const prose: ProseBlock[] = [];
  let paragraph: { start: number; end: number } | undefined;
  const closeParagraph = () => {
    if (paragraph) prose.push(block(text, paragraph.start, paragraph.start, paragraph.end, references));
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
      prose.push(block(text, pos, pos + heading[0].length, lineEnd, references));
    } else if (item && !paragraph && !BLOCK_START.test(line.slice(item[0].length))) {
      // A one-line item: its paragraph starts after the marker.
      inList = true;
      prose.push(block(text, pos + item[0].length, pos + item[0].length, lineEnd, references));
    } else if (!inList && !BLOCK_START.test(line)) {
      if (paragraph) paragraph.end = lineEnd;
      else paragraph = { start: pos, end: lineEnd };
    } else return undefined;
    pos = lineEnd + 1;
  }
  closeParagraph();
  return { references, definitions: [], prose };
}

/** A paragraph or heading whose text runs from `textStart` to `end`: text pieces around its references. */
function block(text: string, start: number, textStart: number, end: number, references: FootnoteReference[]): ProseBlock {
  const pieces: ProsePiece[] = [];
  const raw = text.slice(textStart, end);
  let last = 0;
  for (const m of raw.matchAll(REFERENCE)) {
    if (m.index > last) pieces.push({ kind: 'text', text: raw.slice(last, m.index), offset: textStart + last });
    const reference: FootnoteReference = { label: m[1]!, id: normalizeLabel(m[1]!), start: textStart + m.index, end: textStart + m.index + m[0].length };
    references.push(reference);
    pieces.push({ kind: 'reference', reference });
    last = m.index + m[0].length;
  }
  if (last < raw.length) pieces.push({ kind: 'text', text: raw.slice(last), offset: textStart + last });
  return { start, end, pieces };
}
