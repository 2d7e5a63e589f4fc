import { figureReaders, readFigures, type Figure } from './figures';
import type { FootnoteReference, ProseBlock } from './markdown';
import { lastAtMost } from './sortedSearch';

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

const analysed = new WeakMap<ProseBlock, Sentence[]>();

/** The sentences of a block; a block from a cached chunk reuses the chunk's analysis, moved to its place. */
export function sentencesOf(block: ProseBlock): Sentence[] {
  if (!block.origin) return splitSentences(block);
  const { block: original, shift } = block.origin;
  let sentences = analysed.get(original);
  if (!sentences) {
    sentences = splitSentences(original);
    analysed.set(original, sentences);
  }
  if (shift === 0) return sentences;
  return sentences.map((s) => ({
    ...s,
    start: s.start + shift,
    end: s.end + shift,
    figures: s.figures.map((f) => ({ ...f, start: f.start + shift, end: f.end + shift })),
    references: s.references.map((r) => ({ ...r, start: r.start + shift, end: r.end + shift })),
  }));
}

/**
 * Splits a prose block into sentences. A footnote reference right after a full stop ("84 %.[^1]") belongs to
 * the sentence it closes; "7.6" and "7,6" are not sentence ends.
 */
export function splitSentences(block: ProseBlock): Sentence[] {
  const plain = new PlainText(block);
  const text = plain.text;
  // Figures are read once in the whole paragraph, each belonging to the sentence it starts in: one pass of each reader
  // instead of one per sentence, and most paragraphs need none.
  const readers = figureReaders(text);
  const figures = readers ? readFigures(text, { readers }) : [];
  let nextFigure = 0;
  const sentence = (from: number, to: number) => {
    const first = nextFigure;
    while (nextFigure < figures.length && figures[nextFigure]!.start < to) nextFigure++;
    return makeSentence(plain, from, to, figures.slice(first, nextFigure));
  };
  const sentences: Sentence[] = [];
  let from = 0;
  TERMINATORS.lastIndex = 0;
  // test() rather than exec(): a terminator is one character, and no match array is made for each.
  while (TERMINATORS.test(text)) {
    const i = TERMINATORS.lastIndex - 1;
    let end = i + 1;
    while (end < text.length && (TRAILING.test(text[end]!) || plain.referenceAt(end))) end++;
    if (end < text.length && !/\s/u.test(text[end]!) && !/[。！？|]/u.test(text[i]!)) continue;
    sentences.push(sentence(from, end));
    from = end;
    TERMINATORS.lastIndex = end;
  }
  if (from < text.length) sentences.push(sentence(from, text.length));
  return sentences.filter((s) => s.text.trim().length > 0);
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
    let text = '';
    for (const piece of block.pieces) {
      this.runStarts.push(text.length);
      if (piece.kind === 'reference') {
        this.refAt.push(text.length);
        this.refs.push(piece.reference);
        this.runOffsets.push(piece.reference.start);
        text += REFERENCE_SPACE;
      } else {
        this.runOffsets.push(piece.offset);
        text += piece.text;
      }
    }
    this.text = text;
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

/** A sentence of `plain` from `from` to `to`, with the paragraph's figures that start in it (at paragraph offsets). */
function makeSentence(plain: PlainText, from: number, to: number, read: readonly Figure[]): Sentence {
  const text = plain.text.slice(from, to);
  const references: FootnoteReference[] = [];
  for (let k = 0; k < plain.refAt.length; k++) if (plain.refAt[k]! >= from && plain.refAt[k]! < to) references.push(plain.refs[k]!);
  // Map back through the offset table; a figure's end maps from its last character.
  const figures = read.map((f) => ({ ...f, start: plain.offsetAt(f.start), end: plain.offsetAt(f.end - 1) + 1 }));
  // A sentence closed by a footnote reference ends where the reference ends.
  return { start: plain.offsetAt(from), end: plain.referenceAt(to - 1)?.end ?? plain.offsetAt(to - 1) + 1, text, figures, references };
}
