/** Steps of the table of g(x) = −ln(max(0.001, 1 − x)) that bounds a field's score without a logarithm. */
const STEPS = 1 << 16;
/**
 * g at each step: read at x rounded down to a step it bounds g(x) from below, rounded up from above (Float32: a
 * quarter of a megabyte, and the bounds are widened by far more than its rounding).
 */
const G = Float32Array.from({ length: STEPS + 1 }, (_, q) => -Math.log(Math.max(0.001, 1 - q / STEPS)));
/** The most `above` exceeds `below` by for any record (the weights sum to 1): the widest two steps of the table. */
export const BOUNDS_APART = Math.max(...Array.from({ length: STEPS - 1 }, (_, q) => G[q + 2]! - G[q]!)) + 1e-4;
/** Generations of `FieldScores.done` before it is cleared (its 16 bits hold 5 field bits and a generation). */
const GENERATIONS = 1 << 11;

/**
 * What a phrase's words add up to per record and field, scored as fuse.js's token search scores a record: per field,
 * s = max(0.001, 1 − Σ idf × (1 − word score) over the words it matches / Σ idf over the query's words), and the
 * record's score the product of its fields' s to the power of their weights (here −ln of it: higher is better).
 * Summing each word's best value over fields missed that a record matching several words in one field, or the same
 * words in two fields, scores far better: fuse.js's best records went unranked (test/unit/tokenSearch.test.ts).
 */
export class FieldScores {
  /** Per record, its fields' sums side by side (one cache line per record: postings arrive in scattered order). */
  private readonly sum: Float32Array;
  /**
   * Per record, the fields the current word has been credited in (a word counts once per field), beside the word's
   * generation: a new word needs no clearing of what the last one marked.
   */
  private readonly done: Uint16Array;
  private generation = 0;
  private readonly fields: number;

  /** `weights`: fuse.js's normalized key weights, in field order. */
  constructor(records: number, private readonly weights: readonly number[]) {
    this.fields = weights.length;
    this.sum = new Float32Array(records * this.fields);
    this.done = new Uint16Array(records);
  }

  /** Starts the next word: what `note` credits from now on is this word's. */
  nextWord(): void {
    if (++this.generation === GENERATIONS) {
      this.done.fill(0);
      this.generation = 1;
    }
  }

  /**
   * The current word is worth `value` (idf × (1 − its score)) in the fields of `mask` of record `r`. A word's terms
   * are noted closest first (exact, then one edit, then two), so its first credit in a field is its best there.
   * Returns whether this is the word's first credit in the record.
   */
  note(r: number, mask: number, value: number): boolean {
    const mark = this.done[r]!;
    const was = mark >> 5 === this.generation ? mark & 31 : 0;
    const fresh = mask & ~was & ((1 << this.fields) - 1);
    if (!fresh) return false;
    this.done[r] = (this.generation << 5) | was | fresh;
    const base = r * this.fields;
    for (let f = 0; f < this.fields; f++) if (fresh & (1 << f)) this.sum[base + f]! += value;
    return was === 0;
  }

  /** −ln of fuse.js's score of record `r`, the query's words' idf summing to `total`. */
  exact(r: number, total: number): number {
    let s = 0;
    const at = r * this.fields;
    for (let f = 0; f < this.fields; f++) {
      const x = this.sum[at + f]!;
      if (x > 0) s -= this.weights[f]! * Math.log(Math.max(0.001, 1 - x / total));
    }
    return s;
  }

  /** At most `exact`'s answer, from the table. */
  below(r: number, total: number): number {
    let s = 0;
    const at = r * this.fields;
    const scale = STEPS / total;
    for (let f = 0; f < this.fields; f++) {
      const x = this.sum[at + f]!;
      if (x > 0) s += this.weights[f]! * G[Math.min(STEPS, Math.floor(x * scale))]!;
    }
    return s - 1e-5;
  }

  /** At least `exact`'s answer, from the table (a step more for the sums' float rounding). */
  above(r: number, total: number): number {
    let s = 0;
    const at = r * this.fields;
    const scale = STEPS / total;
    for (let f = 0; f < this.fields; f++) {
      const x = this.sum[at + f]!;
      if (x > 0) s += this.weights[f]! * G[Math.min(STEPS, Math.ceil(x * scale) + 1)]!;
    }
    return s + 1e-5;
  }

  /** Forgets record `r`'s sums. */
  clear(r: number): void {
    for (let at = r * this.fields, end = at + this.fields; at < end; at++) this.sum[at] = 0;
  }

  /** Forgets every record's sums. */
  clearAll(): void {
    this.sum.fill(0);
  }

  /** Takes `from`'s sums for the first `count` of `records` (or every record's, when that is cheaper), these being 0. */
  copy(from: FieldScores, records: Int32Array, count: number): void {
    if (count * 8 > records.length) {
      this.sum.set(from.sum);
      return;
    }
    for (let k = 0; k < count; k++) {
      const at = records[k]! * this.fields;
      for (let f = 0; f < this.fields; f++) this.sum[at + f] = from.sum[at + f]!;
    }
  }
}
