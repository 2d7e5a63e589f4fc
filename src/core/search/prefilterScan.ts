import type { PrefilterSource } from './prefilterSource';
import { Vocabulary, WHOLE_FIELD } from './prefilterVocabulary';

/**
 * The prefilter's first pass, which takes most of its build: every record's terms collected as (term, record, mask)
 * triples in record order. It can stop after any record and go on later, so the editor can build a large index in
 * slices between other work instead of blocking for a second.
 */
export class PrefilterScan {
  readonly vocabulary = new Vocabulary();
  /** Per pair: its term and the fields (bits) the term is in. */
  pairTerm = new Int32Array(1 << 16);
  pairMask = new Uint8Array(1 << 16);
  pairs = 0;
  /** Per record, where its pairs end. */
  readonly recordEnd: Int32Array;
  private next = 0;
  private lastRecord = new Int32Array(1024).fill(-1);
  private slot = new Int32Array(1024);

  constructor(readonly source: Pick<PrefilterSource, 'count' | 'text'>) {
    this.recordEnd = new Int32Array(source.count);
  }

  get done(): boolean {
    return this.next >= this.source.count;
  }

  /** Scans records until all are scanned or `more()`, asked every 256 records, says stop; returns `done`. */
  run(more: () => boolean = () => true): boolean {
    const { source, vocabulary } = this;
    while (this.next < source.count) {
      const r = this.next++;
      const found = vocabulary.scan(source.text(r));
      for (let k = 0; k < found; k++) this.add(vocabulary.ids[k]!, vocabulary.fields[k]!, r);
      this.recordEnd[r] = this.pairs;
      if ((r & 255) === 255 && !more()) break;
    }
    return this.done;
  }

  private add(id: number, field: number, r: number): void {
    if (id >= this.lastRecord.length) {
      this.lastRecord = grow(this.lastRecord, id, -1);
      this.slot = grow(this.slot, id, 0);
    }
    const bit = (1 << (field & 0x7f)) | (field & WHOLE_FIELD);
    if (this.lastRecord[id] === r) {
      this.pairMask[this.slot[id]!]! |= bit;
      return;
    }
    if (this.pairs === this.pairTerm.length) {
      this.pairTerm = grow(this.pairTerm, this.pairs, 0);
      this.pairMask = grow(this.pairMask, this.pairs, 0);
    }
    this.lastRecord[id] = r;
    this.slot[id] = this.pairs;
    this.pairTerm[this.pairs] = id;
    this.pairMask[this.pairs++] = bit;
  }
}

/** A typed array at least `needed + 1` long, doubled, the new part filled with `fill`. */
export function grow<T extends Int32Array | Uint8Array>(a: T, needed: number, fill: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(needed + 1, a.length * 2));
  next.set(a);
  if (fill !== 0) next.fill(fill, a.length);
  return next;
}
