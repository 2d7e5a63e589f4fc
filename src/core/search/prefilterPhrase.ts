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
}

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
  /** The records that may be among the first (the first `rank()` of them) and their scores, for the caller's top(). */
  readonly picked: Int32Array;
  readonly score: Float64Array;
  private readonly touched: Int32Array;
  private readonly seen: Uint8Array;
  private count = 0;
  /** How many records the last phrase ranked touched. */
  touchedCount = 0;
  /** The sums of the words before the last of the phrase ranked last (see startWith). */
  private readonly kept: { key?: string; readonly fields: FieldScores; readonly touched: Int32Array; count: number };

  constructor(private readonly lists: PostingLists, records: number, weights: readonly number[]) {
    this.fields = new FieldScores(records, weights);
    this.kept = { fields: new FieldScores(records, weights), touched: new Int32Array(records), count: 0 };
    this.touched = new Int32Array(records);
    this.picked = new Int32Array(records);
    this.score = new Float64Array(records);
    this.seen = new Uint8Array(records);
  }

  /**
   * Scores the records of a phrase's words into `score` and returns how many `picked` holds: those that may be among
   * the `limit` best, the `exact` best of them scored exactly as fuse.js scores them, the others from below (never
   * above one of the first). `touchedCount` is how many records the words touched in all.
   */
  rank(words: readonly PhraseWord[], exact: number, limit: number): number {
    const total = words.reduce((sum, w) => sum + w.idf, 0);
    this.startWith(words.slice(0, -1));
    this.read(words[words.length - 1]!);
    const { fields, touched, score, picked } = this;
    const count = this.count;
    // Records in index order: the loops below then read their sums and scores in order, not scattered (cache misses
    // were most of their cost where a phrase touches much of the index).
    if (count * 16 > touched.length) for (let r = 0, k = 0; k < count; r++) if (this.seen[r]) touched[k++] = r;
    // The `exact`-th and `limit`-th best scores from below: only records whose score from above reaches the first can
    // be among the first, and only those within rounding of the second among the `limit` (see Prefilter.top).
    const heap = new TopHeap(Math.max(exact, limit));
    for (let k = 0; k < count; k++) {
      const r = touched[k]!;
      score[r] = fields.below(r, total);
      heap.offer(score[r]!, r);
    }
    const best = Float64Array.from(heap.records(), (r) => score[r]!).sort().reverse();
    const kth = count < exact ? -Infinity : best[exact - 1]!;
    const last = count < limit ? -Infinity : best[limit - 1]! - BOUNDS_APART - 0.002;
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const r = touched[k]!;
      // A hair above fuse.js's own score, so that rounding never puts a record below one fuse.js ranks after it.
      if (score[r]! + BOUNDS_APART >= kth && fields.above(r, total) >= kth) score[r] = fields.exact(r, total) + 1e-9;
      if (score[r]! >= last) picked[kept++] = r;
    }
    this.touchedCount = count;
    this.forget(count);
    return kept;
  }

  /**
   * `rank` among the listed records only (those stating a figure in the query, usually far fewer than the words'
   * postings): each word's postings read for them alone, or each looked up when that is cheaper; all scored exactly.
   */
  rankAmong(words: readonly PhraseWord[], listed: readonly number[]): number {
    const total = words.reduce((sum, w) => sum + w.idf, 0);
    const { start, postings, masks } = this.lists;
    const { fields, seen, touched, picked, score } = this;
    for (const r of listed) seen[r] = 2;
    let count = 0;
    const credit = (r: number, mask: number, value: number) => {
      if (seen[r] === 2) (seen[r] = 1), (touched[count++] = r);
      fields.note(r, mask, value);
    };
    for (const word of words) {
      fields.nextWord();
      let volume = 0;
      for (const m of word.matches) volume += start[termId(m) + 1]! - start[termId(m)]!;
      const lookUp = listed.length * word.matches.length * 20 < volume;
      for (const m of word.matches) {
        const value = closeness(termErrors(m), word.token) * word.idf;
        const first = start[termId(m)]!;
        const end = start[termId(m) + 1]!;
        if (!lookUp) {
          for (let p = first; p < end; p++) if (seen[postings[p]!]) credit(postings[p]!, masks[p]!, value);
          continue;
        }
        for (const r of listed) {
          const at = lowerBound(postings, first, end, r);
          if (at < end && postings[at] === r) credit(r, masks[at]!, value);
        }
      }
    }
    for (let k = 0; k < count; k++) {
      const r = touched[k]!;
      score[r] = fields.exact(r, total) + 1e-9;
      picked[k] = r;
      fields.clear(r);
    }
    for (const r of listed) seen[r] = 0;
    this.touchedCount = count;
    return count;
  }

  /**
   * The sums of a phrase's words but its last: while a phrase is typed, every keystroke changes its last word only,
   * so the sums of the words before it are kept from one keystroke to the next (and extended by one word when a
   * word is finished) instead of reading their postings again.
   */
  private startWith(words: readonly PhraseWord[]): void {
    const key = words.map((w) => w.token).join('\u0001');
    const kept = this.kept;
    if (kept.key !== key || kept.key === undefined) {
      const extends1 = kept.key !== undefined && words.length > 0 && words.slice(0, -1).map((w) => w.token).join('\u0001') === kept.key;
      if (extends1) this.restore();
      for (const word of extends1 ? words.slice(-1) : words) this.read(word);
      this.keep(key);
      return;
    }
    this.restore();
  }

  /** Keeps what has been read as the sums of the words `key` names. */
  private keep(key: string): void {
    const kept = this.kept;
    kept.fields.clearAll();
    kept.fields.copy(this.fields, this.touched, this.count);
    kept.touched.set(this.touched.subarray(0, this.count));
    kept.count = this.count;
    kept.key = key;
  }

  /** Starts from the kept sums (nothing being read yet). */
  private restore(): void {
    const kept = this.kept;
    this.forget(this.count);
    this.fields.copy(kept.fields, kept.touched, kept.count);
    this.touched.set(kept.touched.subarray(0, kept.count));
    this.count = kept.count;
    for (let k = 0; k < kept.count; k++) this.seen[kept.touched[k]!] = 1;
  }

  /** Credits every record of a word's terms with the word's worth in its fields. */
  private read(word: PhraseWord): void {
    const { start, postings, masks } = this.lists;
    const { fields, seen, touched } = this;
    let count = this.count;
    fields.nextWord();
    for (const m of word.matches) {
      const value = closeness(termErrors(m), word.token) * word.idf;
      for (let p = start[termId(m)]!, end = start[termId(m) + 1]!; p < end; p++) {
        const r = postings[p]!;
        if (seen[r] === 0) {
          seen[r] = 1;
          touched[count++] = r;
        }
        fields.note(r, masks[p]!, value);
      }
    }
    this.count = count;
  }

  /** Clears the sums and marks of the first `count` touched records. */
  private forget(count: number): void {
    const { fields, seen, touched } = this;
    if (count * 8 > touched.length) {
      fields.clearAll();
      seen.fill(0);
    } else {
      for (let k = 0; k < count; k++) {
        const r = touched[k]!;
        fields.clear(r);
        seen[r] = 0;
      }
    }
    this.count = 0;
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
