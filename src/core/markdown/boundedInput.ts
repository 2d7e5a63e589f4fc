import type { FootnoteReference, ParsedMarkdown, ProseBlock, ProsePiece } from './types';

// micromark takes time quadratic in two things a document can hold at any length: containers nested on one line
// ("- - - - …", "> > > …": each level checks the rest of the line) and long runs of emphasis markers ("****…": the
// attention resolver pairs each opener against the others). Neither changes what is a footnote beyond a depth or a
// run length, so the middle of each is cut out before micromark reads the chunk and offsets are moved back after.

const KEEP = 32;

/** A range of the text left out of what micromark reads. */
export interface Cut {
  readonly start: number;
  readonly end: number;
}

/** The ranges to cut: the middle of a line's container markers beyond 2×KEEP, and of a `*`/`_` run beyond it. */
export function costlyRanges(text: string): Cut[] {
  const cuts: Cut[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    const units = containerUnits(text, lineStart, lineEnd);
    if (units.length > 2 * KEEP) cuts.push({ start: units[KEEP]!, end: units[units.length - KEEP]! });
    lineStart = lineEnd + 1;
  }
  for (const run of text.matchAll(/\*{65,}|_{65,}/g)) {
    const start = run.index;
    // A run inside a footnote label is part of the label: left alone.
    if (text.lastIndexOf('[^', start) > text.lastIndexOf(']', start)) continue;
    cuts.push({ start: start + KEEP, end: start + run[0].length - KEEP });
  }
  return cuts.sort((a, b) => a.start - b.start).filter((c, i, all) => i === 0 || c.start >= all[i - 1]!.end);
}

/** Where each container marker starts on a line ("- ", "1. ", ">"), with the white space after it. */
function containerUnits(text: string, from: number, to: number): number[] {
  const units: number[] = [];
  let i = from;
  while (i < to && text[i] === ' ' && i - from < 3) i++;
  for (;;) {
    let j = i;
    const c = text[j];
    if (c === '>') j++;
    else if ((c === '-' || c === '+' || c === '*') && (text[j + 1] === ' ' || text[j + 1] === '\t')) j++;
    else {
      while (j < to && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j++;
      if (j === i || (text[j] !== '.' && text[j] !== ')') || (text[j + 1] !== ' ' && text[j + 1] !== '\t')) return units;
      j++;
    }
    units.push(i);
    while (j < to && (text[j] === ' ' || text[j] === '\t')) j++;
    i = j;
    if (i >= to) return units;
  }
}

/** The text without the cut ranges. */
export function withoutCuts(text: string, cuts: readonly Cut[]): string {
  let out = '';
  let from = 0;
  for (const c of cuts) (out += text.slice(from, c.start)), (from = c.end);
  return out + text.slice(from);
}

/** A parse of the cut text with its offsets moved back to the whole text's (definitions' texts read from it). */
export function restoreCuts(text: string, parsed: ParsedMarkdown, cuts: readonly Cut[]): ParsedMarkdown {
  // Offset in the cut text → offset in the whole: past each cut's place, add its length.
  const places: Array<{ at: number; shift: number }> = [];
  let removed = 0;
  for (const c of cuts) {
    removed += c.end - c.start;
    places.push({ at: c.end - removed, shift: removed });
  }
  const map = (o: number) => {
    let shift = 0;
    for (const p of places) if (p.at <= o) shift = p.shift;
    return o + shift;
  };
  const refs = new Map<FootnoteReference, FootnoteReference>(parsed.references.map((r) => [r, { label: r.label, id: r.id, start: map(r.start), end: map(r.end) }]));
  const piece = (p: ProsePiece): ProsePiece => (p.kind === 'text' ? { ...p, offset: map(p.offset) } : { kind: 'reference', reference: refs.get(p.reference)! });
  return {
    ...(parsed.linkLabels ? { linkLabels: parsed.linkLabels } : {}),
    references: [...refs.values()],
    definitions: parsed.definitions.map((d) => {
      const labelEnd = map(d.labelEnd);
      const end = map(d.end);
      return { ...d, start: map(d.start), end, labelEnd, text: text.slice(labelEnd, end).trim() };
    }),
    prose: parsed.prose.map((b): ProseBlock => ({ start: map(b.start), end: map(b.end), pieces: b.pieces.map(piece) })),
  };
}
