import type { ParsedMarkdown } from './types';

/** A Pandoc citation key in prose: `@key` alone, or one item of a bracketed citation `[see @key, p. 3; @other]`. */
export interface PandocCitation {
  readonly key: string;
  /** Offsets of `@key` (with a leading `-` for a suppressed author, and braces for `@{key}`). */
  readonly start: number;
  readonly end: number;
  /** Offsets of the whole bracketed citation `[…]` this key stands in; absent for an in-text `@key`. */
  readonly bracket?: { readonly start: number; readonly end: number };
}

const PUNCTUATION = ':.#$%&-+?<>~/';
const isRegular = (c: string | undefined) => c !== undefined && (c === '_' || /[\p{L}\p{N}]/u.test(c));

/**
 * Reads a citation key at `at` (the `@`) the way Pandoc does (Text.Pandoc.Parsing.Citations.citeKey): it starts with
 * a letter, digit or `_`, and continues with those and single internal punctuation characters `:.#$%&-+?<>~/`
 * (`@Foo_bar.baz.` is `Foo_bar.baz`; `@Foo--bar` is `Foo`); or it is braced, `@{any key}`. Returns the key and its end.
 */
export function readCiteKey(text: string, at: number): { key: string; end: number } | undefined {
  if (text[at] !== '@') return undefined;
  if (text[at + 1] === '{') {
    let depth = 0;
    for (let i = at + 1; i < text.length; i++) {
      const c = text[i]!;
      if (/\s/u.test(c)) return undefined;
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return i > at + 2 ? { key: text.slice(at + 2, i), end: i + 1 } : undefined;
    }
    return undefined;
  }
  let i = at + 1;
  if (!isRegular(codePointAt(text, i))) return undefined;
  for (;;) {
    const c = codePointAt(text, i);
    if (isRegular(c)) i += c!.length;
    else if (c !== undefined && PUNCTUATION.includes(c) && isRegular(codePointAt(text, i + 1))) i += 1;
    else if ((c === ':' || c === '/') && text[i + 1] === '/') i += 1;
    else break;
  }
  return { key: text.slice(at + 1, i), end: i };
}

function codePointAt(text: string, i: number): string | undefined {
  const cp = text.codePointAt(i);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/**
 * The Pandoc citations in a document's prose (never in code, HTML or footnote labels), and with the document's
 * `text` also those in footnote definitions. An `@` right after a letter
 * or digit is not a citation (`user@example.com`), as in Pandoc. A bracketed citation is read within one run of text.
 */
export function pandocCitations(md: ParsedMarkdown, text?: string): PandocCitation[] {
  const out: PandocCitation[] = [];
  for (const block of md.prose) {
    for (const piece of block.pieces) {
      if (piece.kind !== 'text' || !piece.text.includes('@')) continue;
      readPiece(piece.text, piece.offset, out);
    }
  }
  // Footnotes may cite too (`[^1]: See @doe99.`); they are not prose, so their text is read as written.
  if (text !== undefined) {
    for (const def of md.definitions) {
      const body = text.slice(def.labelEnd, def.end);
      if (body.includes('@')) readPiece(body, def.labelEnd, out);
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

function readPiece(text: string, offset: number, out: PandocCitation[]): void {
  let i = 0;
  while ((i = text.indexOf('@', i)) >= 0) {
    const before = text[i - 1];
    if (isRegular(before) && before !== '_') {
      i++;
      continue;
    }
    const key = readCiteKey(text, i);
    if (!key) {
      i++;
      continue;
    }
    const start = before === '-' ? i - 1 : i;
    const bracket = enclosingBracket(text, start, key.end);
    out.push({ key: key.key, start: offset + start, end: offset + key.end, ...(bracket ? { bracket: { start: offset + bracket.start, end: offset + bracket.end } } : {}) });
    i = key.end;
  }
}

/**
 * The `[…]` around a key when it is a bracketed citation: an opening bracket before it with no other bracket between,
 * and a closing one after it
 * (`[see @key, p. 3; @other]`), not followed by `(` or `[` as a link is.
 */
function enclosingBracket(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const open = text.lastIndexOf('[', start);
  if (open < 0 || /[\]]/.test(text.slice(open + 1, start))) return undefined;
  const close = text.indexOf(']', end);
  if (close < 0 || text.slice(end, close).includes('[')) return undefined;
  // `[text](url)` and `[text][ref]` are links, not citations.
  if (text[close + 1] === '(' || text[close + 1] === '[') return undefined;
  return { start: open, end: close + 1 };
}
