import { TokenDistance, substringDistance } from './prefilterDistance';
import { MAX_TOKEN, type Vocabulary } from './prefilterVocabulary';
import { isHanToken } from '../text/searchText';

export { substringDistance };

/**
 * A token's matches, as far as they were needed: the terms containing it, then (`typos[k]`) those and the terms
 * within k + 1 edits of it.
 */
interface Tiers {
  readonly exact: TermMatches;
  typos?: readonly TermMatches[];
}

/**
 * The most edits a token's terms may have: fuse.js's bitap allows 40 % of the word's length (its threshold), so a
 * word of 8 letters matches with 3; past 3, far matches would flood a typo's candidates.
 */
export function maxTypoErrors(tokenLength: number): number {
  return Math.min(3, Math.floor(0.4 * tokenLength + 1e-9));
}

const RECENT_TOKENS = 32;
const TERMS_PER_STEP = 4096;

/** A TermMatcher's tables: see its fields. */
interface TermTables {
  readonly offsets: Int32Array;
  readonly chars: Uint16Array;
  readonly bigramStart: Map<number, number>;
  readonly bigramTerms: Int32Array;
  readonly byFirst: Map<number, Int32Array>;
  readonly letters: Int32Array;
}

/**
 * The vocabulary terms a query token matches, each as `id * 4 + errors` (errors 0 when the token is a substring of the
 * term, else 1 or 2). A typed array rather than an object per term: a short token matches thousands of terms, and
 * the last tokens' lists are kept, long enough for objects to reach the old generation, whose collection then pauses
 * a keystroke.
 */
export type TermMatches = Int32Array;

/** The term of one of TermMatches' entries. */
export function termId(match: number): number {
  return match >> 2;
}

/** The errors of one of TermMatches' entries. */
export function termErrors(match: number): number {
  return match & 3;
}

function termMatch(id: number, errors: number): number {
  return id * 4 + errors;
}

const NO_MATCHES: TermMatches = new Int32Array(0);

/**
 * Turns one query token into the vocabulary terms it may mean: terms that contain it (what fuse.js scores best),
 * and, for typos, terms that contain something within one or two edits of it. Looking typos up among a few tens of
 * thousands of distinct words, through an index from character bigrams to terms, and not among the records, is what
 * keeps fuzzy matching cheap at any index size.
 */
export class TermMatcher {
  private readonly terms: readonly string[];
  private readonly bigramStart: Map<number, number>;
  private readonly bigramTerms: Int32Array;
  /** Terms by their first character, for one-character tokens. */
  private readonly byFirst: Map<number, Int32Array>;
  private readonly recent = new Map<string, Tiers>();
  /** Scratch space for typo searches, per term: the bigrams it shares with the token, and (above the low 16 bits) the
   * search that counted them, so that no search has to clear what the last one counted. */
  private readonly shares: Int32Array;
  private search = 0;
  /** Every term's characters side by side (term `id` at `offsets[id]` up to `offsets[id + 1]`): typo checks read a
   * few thousand terms, and one array is kinder to the memory cache than as many strings. */
  private readonly chars: Uint16Array;
  private readonly offsets: Int32Array;
  /** Per term `id`, at `2 * id` the bits (letterBit) of its characters, at `2 * id + 1` those of two or more of them:
   * a cheap bound on how many of a token's characters the term has. */
  private readonly letters: Int32Array;

  private constructor(
    private readonly vocabulary: Vocabulary,
    tables: TermTables,
  ) {
    this.terms = vocabulary.terms;
    ({ offsets: this.offsets, chars: this.chars, bigramStart: this.bigramStart, bigramTerms: this.bigramTerms, byFirst: this.byFirst, letters: this.letters } = tables);
    this.shares = new Int32Array(this.terms.length);
  }

  /** Makes the matcher's tables a step at a time (see PrefilterBuild): a few thousand terms per step. */
  static *build(vocabulary: Vocabulary): Generator<void, TermMatcher> {
    const terms = vocabulary.terms;
    const offsets = new Int32Array(terms.length + 1);
    for (let id = 0; id < terms.length; id++) offsets[id + 1] = offsets[id]! + terms[id]!.length;
    const chars = new Uint16Array(offsets[terms.length]!);
    const letters = new Int32Array(2 * terms.length);
    const lists = new Map<number, number[]>();
    const firsts = new Map<number, number[]>();
    for (let from = 0; from < terms.length; from += TERMS_PER_STEP) {
      addTerms(terms, from, Math.min(terms.length, from + TERMS_PER_STEP), offsets, chars, letters, lists, firsts);
      yield;
    }
    let total = 0;
    for (const list of lists.values()) total += list.length + 1;
    const bigramTerms = new Int32Array(total);
    const bigramStart = new Map<number, number>();
    let at = 0;
    let since = 0;
    for (const [key, list] of lists) {
      bigramStart.set(key, at);
      bigramTerms[at++] = list.length;
      bigramTerms.set(list, at);
      at += list.length;
      since += list.length + 1;
      if (since >= 1 << 16) (since = 0), yield;
    }
    const byFirst = new Map<number, Int32Array>();
    for (const [first, list] of firsts) byFirst.set(first, Int32Array.from(list));
    return new TermMatcher(vocabulary, { offsets, chars, bigramStart, bigramTerms, byFirst, letters });
  }

  /** The number of a folded token that is a term of the index, exactly (the corpus figures are kept by it). */
  termNumber(token: string): number | undefined {
    return token.length > MAX_TOKEN ? undefined : this.vocabulary.get(token);
  }

  /**
   * Terms the folded query token may mean: those containing it and, while `enough` says the matches so far are too
   * few, those containing it with one edit, then with two (fuse.js ranks fewer errors first, so more errors only fill
   * a list the closer terms leave short). The lists are never changed once returned.
   */
  match(token: string, enough: (matches: TermMatches) => boolean): TermMatches {
    if (isHanToken(token)) {
      const id = this.vocabulary.get(token);
      return id === undefined ? NO_MATCHES : Int32Array.of(termMatch(id, 0));
    }
    if (token.length === 1) return this.startingWith(token);
    // The last few tokens' matches are kept: while a phrase is typed, its earlier words are looked up on every
    // keystroke, and a typo look-up can take a millisecond.
    let tiers = this.recent.get(token);
    if (!tiers) {
      tiers = { exact: this.containing(token) };
      // A Map iterates in insertion order: dropping the first key drops the oldest.
      if (this.recent.size >= RECENT_TOKENS) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(token, tiers);
    }
    if (token.length <= 2 || enough(tiers.exact)) return tiers.exact;
    tiers.typos ??= this.typos(token, tiers.exact);
    for (const tier of tiers.typos) if (enough(tier)) return tier;
    return tiers.typos[tiers.typos.length - 1] ?? tiers.exact;
  }

  /** The terms containing the token within `errors` edits (all the tiers up to it), for a token of 3 or more letters. */
  upTo(token: string, errors: number): TermMatches {
    const all = this.match(token, () => false);
    const tiers = this.recent.get(token)?.typos;
    return tiers?.[Math.min(errors, tiers.length) - 1] ?? all;
  }

  /** The terms that contain the token. */
  private containing(token: string): TermMatches {
    // Terms containing the token contain its rarest bigram: checking that bigram's terms finds them all.
    let rarest = -1;
    for (const key of bigrams(token)) {
      const start = this.bigramStart.get(key);
      if (start === undefined) return NO_MATCHES;
      if (rarest < 0 || this.bigramTerms[start]! < this.bigramTerms[rarest]!) rarest = start;
    }
    const exact = new Int32Array(this.bigramTerms[rarest]!);
    let n = 0;
    // A two-character token is its one bigram: every term listed contains it.
    const listed = token.length === 2;
    for (let i = rarest + 1, end = rarest + 1 + this.bigramTerms[rarest]!; i < end; i++) {
      const id = this.bigramTerms[i]!;
      if (listed || this.contains(id, token)) exact[n++] = termMatch(id, 0);
    }
    return n === exact.length ? exact : exact.slice(0, n);
  }

  /**
   * `exact` and the terms that contain the token with one edit, then those and the terms with two, and three (as
   * many as maxTypoErrors allows): found through the bigrams they share with the token.
   */
  private typos(token: string, exact: TermMatches): TermMatches[] {
    const { shares, bigramTerms, chars, offsets, letters } = this;
    const grams = bigrams(token);
    // An edit breaks at most two of the token's bigrams (a swap, which we count as one edit, three): a term within e
    // edits shares all but max(3, 2e) of them, and at least one, or the bigram index cannot find it.
    const maxErrors = maxTypoErrors(token.length);
    const need = Math.max(1, grams.length - Math.max(3, 2 * maxErrors));
    const distance = new TokenDistance(token);
    // The token's characters' bits, `levels[k]` those that more than k of them have.
    const levels: number[] = [];
    for (let i = 0; i < token.length; i++) {
      const bit = letterBit(token.charCodeAt(i));
      let k = 0;
      while (k < levels.length && levels[k]! & bit) k++;
      if (k === levels.length) levels.push(0);
      levels[k]! |= bit;
    }
    const byErrors: number[][] = Array.from({ length: maxErrors }, () => []);
    if (++this.search === 1 << 15) (this.search = 1), shares.fill(0);
    const search = this.search << 16;
    // A term containing the token is not a typo of it: counted as sharing more bigrams than it has, it never has `need`.
    for (const m of exact) shares[termId(m)] = search | 0x8000;
    // Each term is checked once, as its count of bigrams shared reaches `need`.
    for (const key of grams) {
      const at = this.bigramStart.get(key);
      if (at === undefined) continue;
      for (let i = at + 1, last = at + bigramTerms[at]!; i <= last; i++) {
        const id = bigramTerms[i]!;
        const was = shares[id]!;
        const shared = (was & ~0xffff) === search ? (was & 0xffff) + 1 : 1;
        shares[id] = search | shared;
        if (shared !== need) continue;
        // A term shorter than the token by more than the allowed edits cannot hold it.
        const start = offsets[id]!;
        const end = offsets[id + 1]!;
        if (end - start < token.length - maxErrors) continue;
        // Of an edit, only a substitution or a deletion loses one of the token's characters (a swap keeps both): a
        // term within maxErrors edits has all but maxErrors of them, and so of their bits (shared bits only weaken this).
        const twice = letters[2 * id + 1]!;
        let missing = bitCount(levels[0]! & ~letters[2 * id]!);
        for (let l = 1; l < levels.length; l++) missing += bitCount(levels[l]! & ~twice);
        if (missing > maxErrors) continue;
        const errors = distance.distanceIn(chars, start, end, maxErrors);
        if (errors >= 1 && errors <= maxErrors) byErrors[errors - 1]!.push(termMatch(id, errors));
      }
    }
    const tiers: TermMatches[] = [];
    let so = exact;
    for (const found of byErrors) {
      if (!found.length && tiers.length) {
        tiers.push(so);
        continue;
      }
      const next = new Int32Array(so.length + found.length);
      next.set(so);
      next.set(found, so.length);
      tiers.push((so = next));
    }
    return tiers;
  }

  /** Whether term `id` contains the token (read from `chars`, as the typo checks read terms). */
  private contains(id: number, token: string): boolean {
    const { chars } = this;
    const first = token.charCodeAt(0);
    const last = this.offsets[id + 1]! - token.length;
    for (let at = this.offsets[id]!; at <= last; at++) {
      if (chars[at] !== first) continue;
      let k = 1;
      while (k < token.length && chars[at + k] === token.charCodeAt(k)) k++;
      if (k === token.length) return true;
    }
    return false;
  }

  private startingWith(char: string): TermMatches {
    const ids = this.byFirst.get(char.charCodeAt(0));
    return ids ? ids.map((id) => termMatch(id, 0)) : NO_MATCHES;
  }

}

/** Terms `from` up to `to` into the tables: their characters, their bigrams' lists and their first character's. */
function addTerms(terms: readonly string[], from: number, to: number, offsets: Int32Array, chars: Uint16Array, letters: Int32Array, lists: Map<number, number[]>, firsts: Map<number, number[]>): void {
  for (let id = from; id < to; id++) {
    const term = terms[id]!;
    for (let i = 0, at = offsets[id]!; i < term.length; i++) {
      chars[at + i] = term.charCodeAt(i);
      const bit = letterBit(term.charCodeAt(i));
      letters[2 * id + 1]! |= letters[2 * id]! & bit;
      letters[2 * id]! |= bit;
    }
    for (const key of bigrams(term)) {
      const list = lists.get(key);
      if (list) list.push(id);
      else lists.set(key, [id]);
    }
    const first = term.charCodeAt(0);
    const list = firsts.get(first);
    if (list) list.push(id);
    else firsts.set(first, [id]);
  }
}

/** One of 32 bits for a character (a-z on bits of their own): many share one, which only weakens the bound. */
function letterBit(code: number): number {
  return 1 << (code & 31);
}

/** The number of bits set in a 32-bit integer. */
function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Distinct character bigrams of a token, each as one number. */
function bigrams(token: string): number[] {
  const out = new Set<number>();
  for (let i = 0; i + 1 < token.length; i++) out.add(token.charCodeAt(i) * 0x10000 + token.charCodeAt(i + 1));
  return [...out];
}
