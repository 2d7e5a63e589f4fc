import { readFigures, type Figure } from './figures';
import type { FootnoteReference, ProseBlock } from './markdown';

/** A sentence of prose with the figures it states and the footnotes that cite it, all at document offsets. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly figures: readonly Figure[];
  readonly references: readonly FootnoteReference[];
}

const PLACEHOLDER = '\uFFFC';
const TERMINATOR = /[.!?。！？|]/u;
const TRAILING = /[\uFFFC"”’»)\]*_]/u;

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
  let plain = '';
  const offsets: number[] = [];
  const refs = new Map<number, FootnoteReference>();
  for (const piece of block.pieces) {
    if (piece.kind === 'reference') {
      refs.set(plain.length, piece.reference);
      offsets.push(piece.reference.start);
      plain += PLACEHOLDER;
    } else {
      for (let i = 0; i < piece.text.length; i++) offsets.push(piece.offset + i);
      plain += piece.text;
    }
  }
  offsets.push(block.end);

  const sentences: Sentence[] = [];
  let from = 0;
  for (let i = 0; i < plain.length; i++) {
    if (!TERMINATOR.test(plain[i]!)) continue;
    let end = i + 1;
    while (end < plain.length && TRAILING.test(plain[end]!)) end++;
    if (end < plain.length && !/\s/u.test(plain[end]!) && !/[。！？|]/u.test(plain[i]!)) continue;
    sentences.push(makeSentence(plain, offsets, refs, from, end));
    from = end;
    i = end - 1;
  }
  if (from < plain.length) sentences.push(makeSentence(plain, offsets, refs, from, plain.length));
  return sentences.filter((s) => s.text.trim().length > 0);
}

function makeSentence(plain: string, offsets: number[], refs: Map<number, FootnoteReference>, from: number, to: number): Sentence {
  const text = plain.slice(from, to);
  const references: FootnoteReference[] = [];
  for (let i = from; i < to; i++) {
    const ref = refs.get(i);
    if (ref) references.push(ref);
  }
  const at = (i: number) => offsets[Math.min(i, offsets.length - 1)]!;
  const figures = readFigures(text.replaceAll(PLACEHOLDER, ' ')).map((f) => {
    // Map back through the offset table; a figure's end maps from its last character.
    const start = at(from + f.start);
    const end = at(from + f.end - 1) + 1;
    return { ...f, start, end };
  });
  // A sentence closed by a footnote reference ends where the reference ends.
  return { start: at(from), end: refs.get(to - 1)?.end ?? at(to - 1) + 1, text, figures, references };
}
