// fuse.js 7.5's bitap score of one field, computed as fuse.js computes it (src/search/bitap/search.ts with
// ignoreLocation, findAllMatches and includeMatches off), in typed arrays. fuse.js looks up each text character as
// a one-character string in an object and keeps its bit rows in holey arrays: at 100k statistics that was a third of
// a query's time. The unit tests compare every score with fuse.js's on random text.
//
// What fuse.js does, and what is kept of it: pass i looks for the pattern with i errors over the whole text, for
// i = 0, 1, … while i / length ≤ threshold, and stops at the first pass that matches; the score is i / length (at
// least 0.001), or 0 when the text is the pattern. Past the end of the text its bit rows hold (1 << i) − 1 in every
// column (no pattern character matches there), so those columns are not walked. A pattern of more than 32
// characters is split into chunks of 32 whose scores are averaged, a chunk that does not match counting as 1.

/** Per chunk number, code unit → bit mask of the positions holding it in the chunk of the pattern last scoring. */
const tables: Int32Array[] = [];
/** The chunk each table holds now. */
const owners: Chunk[] = [];
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

interface Chunk {
  readonly text: string;
  readonly codes: readonly number[];
  readonly masks: readonly number[];
}

/** A pattern ready to score fields with. */
export class BitapPattern {
  private readonly chunks: Chunk[] = [];

  constructor(
    readonly pattern: string,
    private readonly threshold: number,
  ) {
    const len = pattern.length;
    const add = (text: string) => {
      const codes: number[] = [];
      const masks: number[] = [];
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const bit = 1 << (text.length - i - 1);
        const at = codes.indexOf(code);
        if (at < 0) codes.push(code), masks.push(bit);
        else masks[at]! |= bit;
      }
      this.chunks.push({ text, codes, masks });
    };
    if (len <= 32) add(pattern);
    else {
      for (let i = 0; i + 32 <= len; i += 32) add(pattern.slice(i, i + 32));
      if (len % 32) add(pattern.slice(len - 32));
    }
  }

  /** fuse.js's score of the field (0 best), or -1 when it does not match. */
  score(text: string): number {
    if (this.pattern === text) return 0;
    let total = 0;
    let matched = false;
    for (let c = 0; c < this.chunks.length; c++) {
      const s = this.scoreChunk(text, c);
      if (s >= 0) matched = true;
      total += s >= 0 ? s : 1;
    }
    return matched ? total / this.chunks.length : -1;
  }

  /** A chunk's score, or -1 when it does not match (fuse.js then counts it as 1 in the average). */
  private scoreChunk(text: string, c: number): number {
    const chunk = this.chunks[c]!;
    const m = chunk.text.length;
    // fuse.js's pass without errors finds exactly this.
    if (text.includes(chunk.text)) return 0.001;
    const table = this.table(c);
    const n = text.length;
    if (rowA.length < n + 2) {
      rowA = new Int32Array(n + 64);
      rowB = new Int32Array(n + 64);
    }
    let last = rowA;
    let cur = rowB;
    const mask = 1 << (m - 1);
    for (let i = 0; i / m <= this.threshold; i++) {
      // The column just past the text stands for all of them: (1 << i) − 1 in pass i.
      cur[n + 1] = (1 << i) - 1;
      for (let j = n; j >= 1; j--) {
        let bits = ((cur[j + 1]! << 1) | 1) & table[text.charCodeAt(j - 1)]!;
        if (i) bits |= ((last[j + 1]! | last[j]!) << 1) | 1 | last[j + 1]!;
        cur[j] = bits;
        if (bits & mask) return Math.max(0.001, i / m);
      }
      const t = last;
      last = cur;
      cur = t;
    }
    return -1;
  }

  private table(c: number): Int32Array {
    let table = tables[c];
    if (!table) tables[c] = table = new Int32Array(0x10000);
    const chunk = this.chunks[c]!;
    const previous = owners[c];
    if (previous !== chunk) {
      // Scoring is synchronous: another pattern can only have used the table between two calls, never during one.
      if (previous) for (const code of previous.codes) table[code] = 0;
      chunk.codes.forEach((code, k) => (table[code] = chunk.masks[k]!));
      owners[c] = chunk;
    }
    return table;
  }
}
