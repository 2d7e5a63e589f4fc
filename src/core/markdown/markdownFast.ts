import type { FootnoteReference, ParsedMarkdown, ProseBlock, ProsePiece } from './types';
import { readDefinitionsChunk, readFencedCodeChunk } from './markdownFastBlocks';
import { readInline } from './markdownInline';

// Inline syntax the fast reader never takes (escapes, autolinks, HTML, character references, images) and what
// micromark rewrites (NUL, carriage returns, a byte-order mark): a chunk holding any of them is left to micromark.
const UNREAD_SYNTAX = /[\\<&\0\uFEFF]|!\[|\r(?!\n)/;
// What only readInline reads (code, emphasis, links, references).
const INLINE_SYNTAX = /[`*_[\]]/;
// A paragraph line starts with none of what may start a block (indentation, headings, quotes, list and thematic
// break markers, setext underlines, fences, HTML, definitions) and is not an ordered list item.
const BLOCK_START = /^(?:[ \t#>+\-*=_`~<[]|\d+[.)])/;
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)]) (?=[^ \t])/;
const INTERRUPTING_ITEM = /^(?:[-+*]|1[.)]) /;
const HEADING = /^(#{1,6}) (?=[^ \t#])/;
const STARTING_INLINE = /^(?:\[(?:\^[^\]\s\\[`*_<&!]+\](?!:)|[^\]\[]+\]\()|[*_]{1,2}[^\s*_]|`[^`])/;
const BLANK = /^[ \t]*$/;
const TRAILING_SPACE = /[ \t]$/;

/**
 * Reads a chunk without micromark, ten times faster, when it is only paragraphs, ATX headings and list items with
 * the common inline syntax (the bulk of prose), or one fenced code block, or one-line footnote definitions. Anything
 * else returns undefined and is parsed by micromark. Tables are paragraphs here, as they are to micromark without
 * the GFM table extension. The property tests check that what it reads is exactly what micromark reads.
 */
export function parseChunkFast(text: string): ParsedMarkdown | undefined {
  return readFencedCodeChunk(text) ?? readDefinitionsChunk(text) ?? readProseChunk(text);
}

function readProseChunk(text: string): ParsedMarkdown | undefined {
  if (UNREAD_SYNTAX.test(text)) return undefined;
  const references: FootnoteReference[] = [];
  const prose: ProseBlock[] = [];
  // The paragraph being read: a list item's continues on lines indented to its text (`indent`), a paragraph's on
  // lines that are not indented.
  let open: { start: number; end: number; indent: number } | undefined;
  let unread = false;
  const add = (start: number, textStart: number, end: number, indent: number) => {
    const read = block(text, start, textStart, end, indent, references);
    if (read) prose.push(read);
    else unread = true;
  };
  const close = () => {
    if (open) add(open.start, open.start, open.end, open.indent);
    open = undefined;
  };
  let pos = 0;
  let blankSeen = false;
  while (pos < text.length && !unread) {
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 ? text.length : nl + 1;
    // A line ends before its line ending, "\r\n" or "\n" (a lone "\r" never gets here).
    const lineEnd = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
    const line = text.slice(pos, lineEnd);
    if (BLANK.test(line)) {
      close();
      blankSeen = true;
    } else {
      // Only trailing blank lines may follow a blank line: a chunk ends there.
      if (blankSeen || TRAILING_SPACE.test(line)) return undefined;
      const heading = HEADING.exec(line);
      const item = heading ? null : LIST_ITEM.exec(line);
      if (open && open.indent > 0 && continues(line, open.indent)) {
        open.end = lineEnd;
      } else if (heading) {
        if (line.includes('#', heading[0].length)) return undefined;
        close();
        add(pos, pos + heading[0].length, lineEnd, 0);
      } else if (item && (!open || (open.indent > 0 && INTERRUPTING_ITEM.test(line))) && startsAsText(line.slice(item[0].length))) {
        // After an item, only an item that may interrupt a paragraph starts a new one ("2." would continue it).
        close();
        open = { start: pos + item[0].length, end: lineEnd, indent: item[0].length };
      } else if ((!open || open.indent === 0) && startsAsText(line)) {
        if (open) open.end = lineEnd;
        else open = { start: pos, end: lineEnd, indent: 0 };
      } else return undefined;
    }
    pos = next;
  }
  close();
  return unread ? undefined : { references, definitions: [], prose };
}

/** A list item's continuation line: indented to the item's text, then text. */
function continues(line: string, indent: number): boolean {
  for (let i = 0; i < indent; i++) if (line[i] !== ' ') return false;
  return startsAsText(line.slice(indent));
}

/**
 * A paragraph or heading whose text runs from `textStart` to `end`, or undefined if its inline syntax is not read
 * here. In a list item, the indentation of its continuation lines is not text: pieces are cut around it.
 */
function block(text: string, start: number, textStart: number, end: number, indent: number, references: FootnoteReference[]): ProseBlock | undefined {
  const raw = text.slice(textStart, end);
  let pieces: ProsePiece[];
  if (INLINE_SYNTAX.test(raw)) {
    const inline = readInline(text, textStart, end);
    if (!inline) return undefined;
    references.push(...inline.references);
    pieces = inline.pieces;
  } else pieces = raw ? [{ kind: 'text', text: raw, offset: textStart }] : [];
  return { start, end, pieces: indent > 0 && raw.includes('\n') ? pieces.flatMap((p) => withoutIndentation(p, indent)) : pieces };
}

/** A text piece cut after each line ending, without the `indent` spaces that start the next line. */
function withoutIndentation(piece: ProsePiece, indent: number): ProsePiece[] {
  if (piece.kind !== 'text' || !piece.text.includes('\n')) return [piece];
  const out: ProsePiece[] = [];
  let from = 0;
  for (let nl = piece.text.indexOf('\n'); nl >= 0; nl = piece.text.indexOf('\n', from)) {
    out.push({ kind: 'text', text: piece.text.slice(from, nl + 1), offset: piece.offset + from });
    from = nl + 1 + indent;
  }
  if (from < piece.text.length) out.push({ kind: 'text', text: piece.text.slice(from), offset: piece.offset + from });
  return out;
}

/**
 * Whether a line is paragraph text: it starts with no block syntax, or with inline syntax that only looks like one
 * (a link or footnote reference is no definition without a colon after the label; emphasis or a code span is no
 * list marker, thematic break or fence).
 */
function startsAsText(line: string): boolean {
  return !BLOCK_START.test(line) || STARTING_INLINE.test(line);
}
