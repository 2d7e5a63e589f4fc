import { termErrors, termId, type TermMatches } from './prefilterTerms';
import { BOUNDS_APART, FieldScores } from './prefilterFields';
import { TopHeap } from './prefilterTop';

/** A prefilter's postings: term `t`'s records (ascending) and their field masks at `start[t]` up to `start[t + 1]`. */
export interface PostingLists {
  readonly start: Int32Array;
  readonly postings: Int32Array;
  readonly masks: Uint8Array;
}

/** One token of a phrase and the terms it may mean, closest first (see TermMatcher.match). */
export interface PhraseWord {
  readonly token: string;
  readonly matches: TermMatches;
  /** fuse.js's weight of the token over the whole index. */
  readonly idf: number;
  /** A pair of Han characters: a record holding it goes before any that only holds the characters apart. */
  readonly pair: boolean;
}

/** Above any sum of the other scores. */
export const HAN_PAIR = 1000;

/**
 * Scores a phrase's records as fuse.js's token search scores them. Every posting of every word's terms credits its
 * record's fields once per word (FieldScores); then each record's score is read from a table, and only those that
 * could be among the `exact` first get fuse.js's exact score (a logarithm per field). Ordering records by an upper
 * bound and scoring the best in rounds (as before) re-read the postings each round, which cost most where a short or
 * misspelt word touches most of the index; leaving a word's far matches out for all but the likely first records
 * (MaxScore) and a threshold walk over a forward index were tried too, and were slower here: a phrase's 1-letter
 * last word or typo'd short word really does reach most records in most fields, so no bound could spare them.
 */
export class PhraseRanker {
  readonly fields: FieldScores;
  /** The records the phrase touched (the first `rank()` of them) and their scores, for the caller's top(). */
  readonly touched: Int32Array;
  readonly score: Float64Array;
  private readonly seen: Uint8Array;
  private readonly pairs: Uint8Array;

  constructor(private readonly lists: PostingLists, records: number, weights: readonly number[]) {
    this.fields = new FieldScores(records, weights);
    this.touched = new Int32Array(records);
    this.score = new Float64Array(records);
    this.seen = new Uint8Array(records);
    this.pairs = new Uint8Array(records);
  }

  /**
   * Scores the records of a phrase's words into `score` and returns how many `touched` holds: the `exact` best of
   * them scored exactly as fuse.js scores them, the others from below (never above one of the first).
   */
  rank(words: readonly PhraseWord[], exact: number): number {
    const total = words.reduce((sum, w) => sum + w.idf, 0);
    let count = 0;
    const { start, postings, masks } = this.lists;
    const { fields, seen, touched, pairs, score } = this;
    for (const word of words) {
      fields.nextWord();
      for (const m of word.matches) {
        const value = closeness(termErrors(m), word.token) * word.idf;
        for (let p = start[termId(m)]!, end = start[termId(m) + 1]!; p < end; p++) {
          const r = postings[p]!;
          if (seen[r] === 0) {
            seen[r] = 1;
            touched[count++] = r;
          }
          if (fields.note(r, masks[p]!, value) && word.pair) pairs[r]!++;
        }
      }
    }
    // The `exact`-th best score from below: only records whose score from above reaches it can be among the first.
    const heap = new TopHeap(exact);
    for (let k = 0; k < count; k++) {
      const r = touched[k]!;
      score[r] = pairs[r]! * HAN_PAIR + fields.below(r, total);
      heap.offer(score[r]!, r);
    }
    let kth = Infinity;
    for (const r of heap.records()) kth = Math.min(kth, score[r]!);
    if (count < exact) kth = -Infinity;
    for (let k = 0; k < count; k++) {
      const r = touched[k]!;
      // A hair above fuse.js's own score, so that rounding never puts a record below one fuse.js ranks after it.
      if (score[r]! + BOUNDS_APART >= kth && pairs[r]! * HAN_PAIR + fields.above(r, total) >= kth) score[r] = pairs[r]! * HAN_PAIR + fields.exact(r, total) + 1e-9;
      fields.clear(r);
      seen[r] = 0;
      pairs[r] = 0;
    }
    return count;
  }
}

/** A phrase word's term worth as fuse.js's token search credits it: 1 − its score (0.001 for a term found exactly). */
export function closeness(errors: number, token: string): number {
  return errors === 0 ? 0.999 : 1 - errors / token.length;
}

/** The first place in `postings` from `lo` up to `hi` (sorted) holding `r` or more. */
export function lowerBound(postings: Int32Array, lo: number, hi: number, r: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (postings[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
