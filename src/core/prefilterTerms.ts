import type { Vocabulary } from './prefilterVocabulary';
import { isHanToken } from './searchText';

/** A vocabulary term a query token matches: `errors` 0 when the token is a substring of the term. */
export interface TermMatch {
  readonly id: number;
  readonly errors: number;
}

/**
 * Turns one query token into the vocabulary terms it may mean: terms that contain it (what fuse.js scores best),
 * and, for typos, terms that contain something within one or two edits of it. Looking typos up among a few tens of
 * thousands of distinct words, through an index from character bigrams to terms, and not among the records, is what
 * keeps fuzzy matching cheap at any index size.
 */
export class TermMatcher {
  private readonly terms: readonly string[];
  private readonly bigramStart = new Map<number, number>();
  private readonly bigramTerms: Int32Array;
  private readonly sorted: Int32Array;
  private readonly counts: Uint8Array;

  constructor(private readonly vocabulary: Vocabulary) {
    this.terms = vocabulary.terms;
    const lists = new Map<number, number[]>();
    for (let id = 0; id < this.terms.length; id++) {
      for (const key of bigrams(this.terms[id]!)) {
        const list = lists.get(key);
        if (list) list.push(id);
        else lists.set(key, [id]);
      }
    }
    let total = 0;
    for (const list of lists.values()) total += list.length + 1;
    this.bigramTerms = new Int32Array(total);
    let at = 0;
    for (const [key, list] of lists) {
      this.bigramStart.set(key, at);
      this.bigramTerms[at++] = list.length;
      this.bigramTerms.set(list, at);
      at += list.length;
    }
    const order = Array.from(this.terms.keys()).sort((a, b) => (this.terms[a]! < this.terms[b]! ? -1 : 1));
    this.sorted = Int32Array.from(order);
    this.counts = new Uint8Array(this.terms.length);
  }

  /**
   * Terms the folded query token may mean: those containing it, and, when `wantTypos` says so on seeing those,
   * those containing it with one or two edits.
   */
  match(token: string, wantTypos: (exact: readonly TermMatch[]) => boolean): TermMatch[] {
    if (isHanToken(token)) {
      const id = this.vocabulary.get(token);
      return id === undefined ? [] : [{ id, errors: 0 }];
    }
    if (token.length === 1) return this.withPrefix(token);
    const grams = bigrams(token);
    // Terms containing the token contain its rarest bigram: checking that bigram's terms finds them all.
    let rarest = -1;
    for (const key of grams) {
      const start = this.bigramStart.get(key);
      if (start === undefined) return wantTypos([]) ? this.typos(token, grams, new Set()) : [];
      if (rarest < 0 || this.bigramTerms[start]! < this.bigramTerms[rarest]!) rarest = start;
    }
    const exact: TermMatch[] = [];
    for (let i = rarest + 1, end = rarest + 1 + this.bigramTerms[rarest]!; i < end; i++) {
      const id = this.bigramTerms[i]!;
      if (this.terms[id]!.includes(token)) exact.push({ id, errors: 0 });
    }
    if (token.length <= 2 || !wantTypos(exact)) return exact;
    return [...exact, ...this.typos(token, grams, new Set(exact.map((m) => m.id)))];
  }

  /** Terms that contain the token with one edit (tokens of 3–4 characters) or two (longer), except `known`. */
  private typos(token: string, grams: readonly number[], known: ReadonlySet<number>): TermMatch[] {
    const touched: number[] = [];
    for (const key of grams) {
      const start = this.bigramStart.get(key);
      if (start === undefined) continue;
      for (let i = start + 1, end = start + 1 + this.bigramTerms[start]!; i < end; i++) {
        const id = this.bigramTerms[i]!;
        if (this.counts[id]!++ === 0) touched.push(id);
      }
    }
    // fuse.js allows errors in 40 % of the pattern; we forgive one edit in short tokens and two in longer ones. One
    // edit (a swap too) breaks at most three bigrams: a term must share all but three of the token's (two edits are
    // found where they break fewer).
    const maxErrors = token.length <= 4 ? 1 : 2;
    const need = Math.max(Math.min(2, grams.length), grams.length - 3);
    const out: TermMatch[] = [];
    for (const id of touched) {
      const shared = this.counts[id]!;
      this.counts[id] = 0;
      // A term shorter than the token by more than the allowed edits cannot hold it.
      if (shared < need || known.has(id) || this.terms[id]!.length < token.length - maxErrors) continue;
      const errors = substringDistance(token, this.terms[id]!, maxErrors);
      if (errors <= maxErrors) out.push({ id, errors });
    }
    return out;
  }

  private withPrefix(prefix: string): TermMatch[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.terms[this.sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: TermMatch[] = [];
    for (let i = lo; i < this.sorted.length && this.terms[this.sorted[i]!]!.startsWith(prefix); i++) out.push({ id: this.sorted[i]!, errors: 0 });
    return out;
  }
}

/** Distinct character bigrams of a token, each as one number. */
function bigrams(token: string): number[] {
  const out = new Set<number>();
  for (let i = 0; i + 1 < token.length; i++) out.add(token.charCodeAt(i) * 0x10000 + token.charCodeAt(i + 1));
  return [...out];
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
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  let best = max + 1;
  for (let j = 0; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}
