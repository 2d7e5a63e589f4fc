// How far a query token is from containing in a vocabulary term: the edit distance (insertions, deletions,
// substitutions, adjacent swaps) from the token to the closest substring of the term. A typo search checks a few
// thousand terms per token; the bit-parallel form (Hyyrö's, after Myers) costs a handful of operations per character
// of the term instead of one table row per character of the token.

/** Code unit → bit mask of its positions in the token of the TokenDistance last used (one at a time). */
const positions = new Int32Array(0x10000);
let holder: TokenDistance | undefined;

/** Distances from one token (of at most 32 characters) to any number of terms. */
export class TokenDistance {
  private readonly codes: number[] = [];
  private readonly masks: number[] = [];

  constructor(readonly token: string) {
    for (let i = 0; i < token.length && i < 32; i++) {
      const code = token.charCodeAt(i);
      const at = this.codes.indexOf(code);
      if (at < 0) this.codes.push(code), this.masks.push(1 << i);
      else this.masks[at]! |= 1 << i;
    }
  }

  /** `substringDistance(token, term, max)`, the same number. */
  distance(term: string, max: number): number {
    const codes = new Uint16Array(term.length);
    for (let i = 0; i < term.length; i++) codes[i] = term.charCodeAt(i);
    return this.distanceIn(codes, 0, codes.length, max);
  }

  /** The distance to the term whose characters are `chars[start]` up to `chars[end]`. */
  distanceIn(chars: Uint16Array, start: number, end: number, max: number): number {
    const m = this.token.length;
    if (m > 32) return substringDistance(this.token, String.fromCharCode(...chars.subarray(start, end)), max);
    if (holder !== this) this.hold();
    // step() with its state in locals: a typo search runs this for a few thousand terms.
    const top = m - 1;
    let pv = -1;
    let mv = 0;
    let score = m;
    let prevEq = 0;
    let prevD0 = 0;
    let best = m;
    for (let j = start; j < end; j++) {
      const eq = positions[chars[j]!]!;
      const swap = ((~prevD0 & eq) << 1) & prevEq;
      const d0 = (((eq & pv) + pv) ^ pv) | eq | mv | swap;
      const hp = mv | ~(d0 | pv);
      const hn = pv & d0;
      // Without branches: which way the score goes depends on the term, and a mispredicted branch costs more.
      score += ((hp >>> top) & 1) - ((hn >>> top) & 1);
      const hpShift = hp << 1;
      pv = (hn << 1) | ~(d0 | hpShift);
      mv = hpShift & d0;
      prevEq = eq;
      prevD0 = d0;
      best = Math.min(best, score);
    }
    return best > max ? max + 1 : best;
  }

  /**
   * Whether some part of `text` is within `max` edits of the token, a swap counted as one edit: never more edits than
   * fuse.js's bitap counts (it has no swaps), so a field this rejects fuse.js cannot match either. One pass, stopping
   * at the first part close enough.
   */
  occursWithin(text: string, max: number): boolean {
    const m = this.token.length;
    if (m > 32 || m <= max) return true;
    this.begin();
    for (let j = 0; j < text.length; j++) if (step(positions[text.charCodeAt(j)]!) <= max) return true;
    return false;
  }

  /** Makes this token the one `positions` and `step` work for, from the empty prefix of a term. */
  private begin(): void {
    if (holder !== this) this.hold();
    const m = this.token.length;
    last = 1 << (m - 1);
    // Vertical deltas of the current column (all +1 at the start: the empty prefix of the term), the score of the
    // last row, and the previous column's matches and diagonal zeros for swaps.
    pv = -1;
    mv = 0;
    score = m;
    prevEq = 0;
    prevD0 = 0;
  }

  private hold(): void {
    if (holder) for (const code of holder.codes) positions[code] = 0;
    this.codes.forEach((code, k) => (positions[code] = this.masks[k]!));
    holder = this;
  }
}

const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * The fewest edits (insertions, deletions, substitutions, adjacent swaps) that turn `pattern` into some substring of
 * `text`, as fuse.js's bitap looks for the pattern anywhere in a field; stops early once above `max`.
 */
export function substringDistance(pattern: string, text: string, max: number): number {
  const n = text.length;
  if (n + 1 > rows[0]!.length) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(n + 1);
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  prev.fill(0, 0, n + 1);
  for (let i = 1; i <= pattern.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const p = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const t = text.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (p === t ? 0 : 1));
      if (i > 1 && j > 1 && p === text.charCodeAt(j - 2) && pattern.charCodeAt(i - 2) === t) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  let best = max + 1;
  for (let j = 0; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

// The column state of the one distance being computed (begin() resets it): module variables rather than an object,
// so that step() stays a few register operations for every character of every term and field.
let last = 0;
let pv = 0;
let mv = 0;
let score = 0;
let prevEq = 0;
let prevD0 = 0;

/** One character of the term, its positions in the token being `eq`: returns the last row's score after it. */
function step(eq: number): number {
  const swap = ((~prevD0 & eq) << 1) & prevEq;
  const d0 = (((eq & pv) + pv) ^ pv) | eq | mv | swap;
  const hp = mv | ~(d0 | pv);
  const hn = pv & d0;
  if (hp & last) score++;
  else if (hn & last) score--;
  // No carry into the first row: a match may start anywhere in the term.
  const hpShift = hp << 1;
  const hnShift = hn << 1;
  pv = hnShift | ~(d0 | hpShift);
  mv = hpShift & d0;
  prevEq = eq;
  prevD0 = d0;
  return score;
}
