import { normalizeLabel } from './footnoteLabel';
import type { FootnoteReference, ProsePiece } from './types';

// The inline syntax the fast reader takes, each in its plainest form: a footnote reference, a one-backtick code
// span on one line, a link `[text](destination)` with plain text and no title, emphasis and strong emphasis that
// open and close unambiguously around text without other emphasis. Anything else returns undefined (micromark).
const REFERENCE = /\[\^([^\]\s\\[`*_<&!]+)\]/y;
const LINK = /\[([^\]\[\s`*_^\\<>&!](?:[^\][`*_\\<>&!]*[^\]\[\s`*_\\<>&!])?)\]\(([^\s()<>`\\]*)\)/y;
const SYNTAX = /[`[\]*_]/g;
const PUNCTUATION = /\p{P}|\p{S}/u;
const WHITESPACE = /\s/;

type Atom =
  | { readonly kind: 'reference'; readonly start: number; readonly end: number; readonly label: string }
  | { readonly kind: 'code'; readonly start: number; readonly end: number }
  | { readonly kind: 'link'; readonly start: number; readonly end: number; readonly textEnd: number }
  | { readonly kind: 'delimiter'; readonly start: number; readonly end: number; readonly opens: boolean; readonly closes: boolean };

/**
 * The pieces of inline text from `start` to `end` as micromark (with GFM footnotes) reads them, or undefined where
 * the text holds syntax this reader leaves to micromark. Offsets are into `text`.
 */
export function readInline(text: string, start: number, end: number): { pieces: ProsePiece[]; references: FootnoteReference[] } | undefined {
  const atoms = scan(text, start, end);
  if (!atoms) return undefined;
  const pieces: ProsePiece[] = [];
  const references: FootnoteReference[] = [];
  let from = start;
  const flush = (to: number) => {
    if (to > from) pieces.push({ kind: 'text', text: text.slice(from, to), offset: from });
  };
  for (const atom of atoms) {
    flush(atom.start);
    if (atom.kind === 'reference') {
      const reference: FootnoteReference = { label: atom.label, id: normalizeLabel(atom.label), start: atom.start, end: atom.end };
      references.push(reference);
      pieces.push({ kind: 'reference', reference });
    } else if (atom.kind === 'link') {
      pieces.push({ kind: 'text', text: text.slice(atom.start + 1, atom.textEnd), offset: atom.start + 1 });
    }
    from = atom.end;
  }
  flush(end);
  return { pieces, references };
}

/** The atoms in document order, with only matched emphasis delimiters kept; undefined for syntax left to micromark. */
function scan(text: string, start: number, end: number): Atom[] | undefined {
  const atoms: Atom[] = [];
  let i = start;
  for (;;) {
    // Straight to the next character that may be syntax.
    SYNTAX.lastIndex = i;
    if (!SYNTAX.test(text) || SYNTAX.lastIndex > end) break;
    i = SYNTAX.lastIndex - 1;
    const c = text[i]!;
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0 || close >= end || text[i + 1] === '`' || text[close + 1] === '`' || text.slice(i + 1, close).includes('\n')) return undefined;
      atoms.push({ kind: 'code', start: i, end: close + 1 });
      i = close + 1;
    } else if (c === '[') {
      REFERENCE.lastIndex = i;
      LINK.lastIndex = i;
      const reference = REFERENCE.exec(text);
      const link = reference ? null : LINK.exec(text);
      if (reference && REFERENCE.lastIndex <= end) {
        atoms.push({ kind: 'reference', start: i, end: REFERENCE.lastIndex, label: reference[1]! });
        i = REFERENCE.lastIndex;
      } else if (link && LINK.lastIndex <= end) {
        atoms.push({ kind: 'link', start: i, end: LINK.lastIndex, textEnd: i + 1 + link[1]!.length });
        i = LINK.lastIndex;
      } else return undefined;
    } else if (c === ']') {
      return undefined;
    } else if (c === '*' || c === '_') {
      let j = i;
      while (j < end && text[j] === c) j++;
      const { opens, closes } = flanking(text, i, j, start, end);
      if (opens || closes) atoms.push({ kind: 'delimiter', start: i, end: j, opens, closes });
      i = j;
    }
  }
  return pairedEmphasis(text, atoms);
}

/**
 * Whether a delimiter run opens or closes emphasis, as micromark's attention construct decides from the characters
 * around it (the text's ends count as white space; a character is classified by its UTF-16 code unit, as there).
 */
function flanking(text: string, from: number, to: number, start: number, end: number): { opens: boolean; closes: boolean } {
  const before = classify(from > start ? text[from - 1]! : undefined);
  const after = classify(to < end ? text[to]! : undefined);
  const open = !after || (after === 2 && !!before);
  const close = !before || (before === 2 && !!after);
  const underscore = text[from] === '_';
  const opens = underscore ? open && (!!before || !close) : open;
  const closes = underscore ? close && (!!after || !open) : close;
  return { opens, closes };
}

/** 1 for white space (and the text's ends), 2 for punctuation, undefined for anything else. */
function classify(c: string | undefined): 1 | 2 | undefined {
  if (c === undefined || WHITESPACE.test(c)) return 1;
  return PUNCTUATION.test(c) ? 2 : undefined;
}

/**
 * Emphasis this reader is sure of: openers and closers alternate, each pair the same marker and the same length of
 * one or two (micromark's rule of three never parts such a pair). A run that may do both closes an open run, or
 * opens. Anything else, such as nesting, is left to micromark.
 */
function pairedEmphasis(text: string, atoms: Atom[]): Atom[] | undefined {
  let open: Atom | undefined;
  for (const atom of atoms) {
    if (atom.kind !== 'delimiter') continue;
    if (open && atom.closes) {
      if (text[open.start] !== text[atom.start] || open.end - open.start !== atom.end - atom.start) return undefined;
      open = undefined;
    } else if (!open && atom.opens) {
      if (atom.end - atom.start > 2) return undefined;
      open = atom;
    } else return undefined;
  }
  return open ? undefined : atoms;
}
