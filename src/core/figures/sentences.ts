import { figureAt, figureReaders, readFigures, type Figure } from './figures';
import { shiftReference, type FootnoteReference, type ProseBlock } from '../markdown/markdown';
import { lastAtMost } from '../text/sortedSearch';

/** A sentence of prose with the figures it states and the footnotes that cite it, all at document offsets. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly figures: readonly Figure[];
  readonly references: readonly FootnoteReference[];
}

// A footnote reference stands in the text as one space: the figure readers read it as one, and a reference right after
// a sentence's end still belongs to that sentence (see splitSentences).
const REFERENCE_SPACE = ' ';
const TERMINATORS = /[.!?。！？|]/gu;
const TRAILING = /["”’»)\]*_]/u;
const NOT_BLANK = /\S/u;
const ORDINAL_DOT_NEXT = /^[ \u00a0]\p{Ll}/u;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
const NONE: readonly never[] = [];

/** A block's sentences, at the offsets of the place the block was first analysed at (its chunk's offsets moved by `shift`). */
interface Analysis {
  readonly sentences: Sentence[];
  readonly shift: number;
}
const analysed = new WeakMap<ProseBlock, Analysis>();
const analysedWithFigures = new WeakMap<ProseBlock, Analysis>();

/** The sentences of a block; a block from a cached chunk reuses the chunk's analysis, moved to its place. */
export function sentencesOf(block: ProseBlock): Sentence[] {
  return analysedOnce(block, analysed, false);
}

/** The sentences of a block that state a figure: all that validation reads, and most sentences are never made. */
export function sentencesWithFigures(block: ProseBlock): Sentence[] {
  return analysedOnce(block, analysedWithFigures, true);
}

function analysedOnce(block: ProseBlock, cache: WeakMap<ProseBlock, Analysis>, withFiguresOnly: boolean): Sentence[] {
  if (!block.origin) return splitSentences(block, withFiguresOnly);
  const { block: original, shift } = block.origin;
  const known = cache.get(original);
  if (!known) {
    // Analysed where the block is now, not at its chunk's offsets and then moved: a cold validation makes each
    // sentence once.
    const sentences = splitSentences(original, withFiguresOnly, shift);
    cache.set(original, { sentences, shift });
    return sentences;
  }
  const by = shift - known.shift;
  if (by === 0) return known.sentences;
  // Field by field, not by spread copies: this runs for every sentence of a moved chunk, and spreads are slower.
  return known.sentences.map((s) => ({
    start: s.start + by,
    end: s.end + by,
    text: s.text,
    figures: s.figures.map((f) => figureAt(f, f.start + by, f.end + by)),
    references: s.references.length === 0 ? NONE : s.references.map((r) => shiftReference(r, by)),
  }));
}

/**
 * Splits a prose block into sentences (only those stating a figure, if asked), at its offsets moved by `shift`. A
 * footnote reference right after a full stop ("84 %.[^1]") belongs to the sentence it closes; "7.6" and "7,6" are not
 * sentence ends.
 */
export function splitSentences(block: ProseBlock, withFiguresOnly = false, shift = 0): Sentence[] {
  const plain = new PlainText(block);
  const text = plain.text;
  // Figures are read once in the whole paragraph, each belonging to the sentence it starts in: one pass of each reader
  // instead of one per sentence, and most paragraphs need none.
  const readers = figureReaders(text);
  const figures = readers ? readFigures(text, { readers }) : NONE;
  if (withFiguresOnly && figures.length === 0) return [];
  const sentences: Sentence[] = [];
  let nextFigure = 0;
  const add = (from: number, to: number) => {
    const first = nextFigure;
    while (nextFigure < figures.length && figures[nextFigure]!.start < to) nextFigure++;
    if (first < nextFigure) sentences.push(makeSentence(plain, from, to, figures.slice(first, nextFigure), shift));
    else if (!withFiguresOnly && NOT_BLANK.test(text.slice(from, to))) sentences.push(makeSentence(plain, from, to, NONE, shift));
  };
  let from = 0;
  TERMINATORS.lastIndex = 0;
  // test() rather than exec(): a terminator is one character, and no match array is made for each.
  while (TERMINATORS.test(text)) {
    const i = TERMINATORS.lastIndex - 1;
    let end = i + 1;
    while (end < text.length && (TRAILING.test(text[end]!) || plain.referenceAt(end))) end++;
    if (end < text.length && !/\s/u.test(text[end]!) && !/[。！？|]/u.test(text[i]!)) continue;
    // "kopš 2021. gada", "2020. aastal", "3. kesäkuuta": a number's period before a lower-case word is an ordinal.
    if (text[i] === '.' && isDigit(text.charCodeAt(i - 1)) && ORDINAL_DOT_NEXT.test(text.slice(end, end + 3))) continue;
    add(from, end);
    // Past the last figure there is nothing more to make.
    if (withFiguresOnly && nextFigure === figures.length) return sentences;
    from = end;
    TERMINATORS.lastIndex = end;
  }
  if (from < text.length) add(from, text.length);
  return sentences;
}

/** A block's text with each reference as one placeholder character, and the way back to document offsets. */
class PlainText {
  readonly text: string;
  /** Where each piece starts in `text`, and at which document offset. */
  private readonly runStarts: number[] = [];
  private readonly runOffsets: number[] = [];
  /** Placeholder positions in `text`, ascending, with their references. */
  readonly refAt: number[] = [];
  readonly refs: FootnoteReference[] = [];
  private readonly end: number;

  constructor(block: ProseBlock) {
    // Joined once: a string built with += is a rope, which the first regular expression copies into a flat string.
    const parts: string[] = [];
    let length = 0;
    for (const piece of block.pieces) {
      this.runStarts.push(length);
      if (piece.kind === 'reference') {
        this.refAt.push(length);
        this.refs.push(piece.reference);
        this.runOffsets.push(piece.reference.start);
        parts.push(REFERENCE_SPACE);
        length += REFERENCE_SPACE.length;
      } else {
        this.runOffsets.push(piece.offset);
        parts.push(piece.text);
        length += piece.text.length;
      }
    }
    this.text = parts.length === 1 ? parts[0]! : parts.join('');
    this.end = block.end;
  }

  /** The document offset of character `i`; past the end, the block's end. */
  offsetAt(i: number): number {
    if (i >= this.text.length) return this.end;
    const run = lastAtMost(this.runStarts, i);
    return this.runOffsets[run]! + (i - this.runStarts[run]!);
  }

  /** The reference at placeholder position `i`, if there is one. */
  referenceAt(i: number): FootnoteReference | undefined {
    const k = this.refAt.indexOf(i);
    return k < 0 ? undefined : this.refs[k];
  }
}

/**
 * A sentence of `plain` from `from` to `to`, with the paragraph's figures that start in it (at paragraph offsets), at
 * document offsets moved by `shift`.
 */
function makeSentence(plain: PlainText, from: number, to: number, read: readonly Figure[], shift: number): Sentence {
  const text = plain.text.slice(from, to);
  let references: FootnoteReference[] | typeof NONE = NONE;
  for (let k = 0; k < plain.refAt.length; k++) {
    if (plain.refAt[k]! < from || plain.refAt[k]! >= to) continue;
    if (references === NONE) references = [];
    (references as FootnoteReference[]).push(shift === 0 ? plain.refs[k]! : shiftReference(plain.refs[k]!, shift));
  }
  // Map back through the offset table; a figure's end maps from its last character.
  const figures = read.length === 0 ? NONE : read.map((f) => figureAt(f, plain.offsetAt(f.start) + shift, plain.offsetAt(f.end - 1) + 1 + shift));
  // A sentence closed by a footnote reference ends where the reference ends.
  return { start: plain.offsetAt(from) + shift, end: (plain.referenceAt(to - 1)?.end ?? plain.offsetAt(to - 1) + 1) + shift, text, figures, references };
}
