/** The `size` best (key, record) pairs offered: higher keys first, then lower records, as fuse.js breaks ties. */
export class TopHeap {
  private readonly keys: Float64Array;
  private readonly recs: Int32Array;
  private count = 0;

  constructor(private readonly size: number) {
    this.keys = new Float64Array(size);
    this.recs = new Int32Array(size);
  }

  offer(key: number, rec: number): void {
    if (this.size === 0) return;
    if (this.count < this.size) {
      let i = this.count++;
      // Up from the new leaf while it is worse than its parent.
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(key, rec, this.keys[parent]!, this.recs[parent]!)) break;
        this.keys[i] = this.keys[parent]!;
        this.recs[i] = this.recs[parent]!;
        i = parent;
      }
      this.keys[i] = key;
      this.recs[i] = rec;
      return;
    }
    if (!this.worse(this.keys[0]!, this.recs[0]!, key, rec)) return;
    // Down from the root while a child is worse than the new pair.
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.count) break;
      if (child + 1 < this.count && this.worse(this.keys[child + 1]!, this.recs[child + 1]!, this.keys[child]!, this.recs[child]!)) child++;
      if (!this.worse(this.keys[child]!, this.recs[child]!, key, rec)) break;
      this.keys[i] = this.keys[child]!;
      this.recs[i] = this.recs[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.recs[i] = rec;
  }

  records(): Int32Array {
    return this.recs.slice(0, this.count);
  }

  private worse(keyA: number, recA: number, keyB: number, recB: number): boolean {
    return keyA < keyB || (keyA === keyB && recA > recB);
  }
}
