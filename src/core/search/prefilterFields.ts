/**
 * What a phrase's words add up to per record and field, scored as fuse.js's token search scores a record: per field,
 * s = max(0.001, 1 − Σ idf × (1 − word score) over the words it matches / Σ idf over the query's words), and the
 * record's score the product of its fields' s to the power of their weights. Summing each word's best value over
 * fields (as before) missed that a record matching several words in one field, or the same words in two fields,
 * scores far better: fuse.js's best records went unranked (test/unit/tokenSearch.test.ts).
 */
export class FieldScores {
  /** Per record, its fields' sums side by side (one cache line per record: postings arrive in scattered order). */
  private readonly sum: Float32Array;
  /** Per record, the fields the current word has been credited in: a word counts once per field, at its first match. */
  private readonly done: Uint8Array;
  private readonly fields: number;

  /** `weights`: fuse.js's normalized key weights, in field order. */
  constructor(records: number, private readonly weights: readonly number[]) {
    this.fields = weights.length;
    this.sum = new Float32Array(records * this.fields);
    this.done = new Uint8Array(records);
  }

  /**
   * The current word is worth `value` (idf × (1 − its score)) in the fields of `mask` of record `r`. Its terms come
   * closest first (exact, then one edit, then two), so the first credit in a field is its best there.
   */
  note(r: number, mask: number, value: number): void {
    const fresh = mask & ~this.done[r]! & ((1 << this.fields) - 1);
    if (!fresh) return;
    this.done[r]! |= fresh;
    const at = r * this.fields;
    for (let f = 0; f < this.fields; f++) if (fresh & (1 << f)) this.sum[at + f]! += value;
  }

  /** The current word is done with record `r`. */
  add(r: number): void {
    this.done[r] = 0;
  }

  /** Forgets record `r`'s sums. */
  clear(r: number): void {
    for (let at = r * this.fields, end = at + this.fields; at < end; at++) this.sum[at] = 0;
  }

  /** −ln of fuse.js's score of record `r`, the query's words' idf summing to `total` (higher is better); clears r. */
  take(r: number, total: number): number {
    let s = 0;
    const at = r * this.fields;
    for (let f = 0; f < this.fields; f++) {
      const x = this.sum[at + f]!;
      if (x <= 0) continue;
      this.sum[at + f] = 0;
      s -= this.weights[f]! * Math.log(Math.max(0.001, 1 - x / total));
    }
    return s;
  }
}
