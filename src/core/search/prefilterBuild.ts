import type { PrefilterSource } from './prefilterSource';
import { PrefilterScan } from './prefilterScan';
import { TermMatcher } from './prefilterTerms';

/** What the prefilter is made of: per term its postings (records, in order) and their masks, and the term matcher. */
export interface PrefilterParts {
  /** Term `t`'s postings are `postings[start[t]]` up to `postings[start[t + 1]]`. */
  readonly start: Int32Array;
  readonly postings: Int32Array;
  readonly masks: Uint8Array;
  readonly terms: TermMatcher;
}

/**
 * The prefilter's build as steps of a millisecond or less that can stop after any of them and go on later, so that the
 * editor can build a large index in slices between other work: the scan of the records, the postings laid out term
 * by term, then the term matcher's tables.
 */
export class PrefilterBuild {
  private readonly steps: Generator<void, PrefilterParts>;
  private parts?: PrefilterParts;

  constructor(source: Pick<PrefilterSource, 'count' | 'text'>) {
    this.steps = build(new PrefilterScan(source));
  }

  /** Runs steps until the build is done or `more()`, asked after each step, says stop; returns whether it is done. */
  run(more: () => boolean = () => true): boolean {
    while (!this.parts) {
      const step = this.steps.next();
      if (step.done) this.parts = step.value;
      else if (!more()) return false;
    }
    return true;
  }

  /** The parts, whatever was left of the build run first. */
  finish(): PrefilterParts {
    this.run();
    return this.parts!;
  }
}

const PAIRS_PER_STEP = 1 << 16;
const RECORDS_PER_STEP = 1 << 10;

function* build(scan: PrefilterScan): Generator<void, PrefilterParts> {
  // PrefilterScan.run stops every 256 records when told to.
  while (!scan.run(() => false)) yield;
  const { vocabulary, pairTerm, pairMask, pairs, recordEnd } = scan;
  // The scan's (term, record, mask) triples come in record order: counted per term, then laid out term by term.
  const termCount = vocabulary.terms.length;
  const start = new Int32Array(termCount + 1);
  for (let from = 0; from < pairs; from += PAIRS_PER_STEP) {
    const to = Math.min(pairs, from + PAIRS_PER_STEP);
    for (let i = from; i < to; i++) start[pairTerm[i]! + 1]!++;
    yield;
  }
  for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, termCount);
  const postings = new Int32Array(pairs);
  const masks = new Uint8Array(pairs);
  for (let from = 0; from < recordEnd.length; from += RECORDS_PER_STEP) {
    layOut(from, Math.min(recordEnd.length, from + RECORDS_PER_STEP), recordEnd, pairTerm, pairMask, fill, postings, masks);
    yield;
  }
  const terms = yield* TermMatcher.build(vocabulary);
  return { start, postings, masks, terms };
}

/** Records `from` up to `to`: each pair into the next free posting of its term. */
function layOut(from: number, to: number, recordEnd: Int32Array, pairTerm: Int32Array, pairMask: Uint8Array, fill: Int32Array, postings: Int32Array, masks: Uint8Array): void {
  for (let r = from, i = from === 0 ? 0 : recordEnd[from - 1]!; r < to; r++) {
    for (; i < recordEnd[r]!; i++) {
      const at = fill[pairTerm[i]!]!++;
      postings[at] = r;
      masks[at] = pairMask[i]!;
    }
  }
}
