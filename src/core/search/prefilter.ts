import { maxTypoErrors, termErrors, termId, type TermMatcher, type TermMatches } from './prefilterTerms';
import { TopHeap } from './prefilterTop';
import { PrefilterBuild } from './prefilterBuild';
import { isHanToken } from '../text/searchText';
import type { PrefilterSource } from './prefilterSource';
import { corpusOfPostings, idfOf, type CorpusStats } from './corpusStats';
import { PhraseRanker, lowerBound, type PhraseWord } from './prefilterPhrase';
import { NEAR_LISTED, NEAR_WORD_LENGTH } from './nearWords';

export type { PrefilterSource };


/** The records worth ranking for one query, in index order, and whether more would have qualified. */
export interface Candidates {
  readonly records: Int32Array;
  readonly truncated: boolean;
  /** For a word found nowhere as typed: the records among `records` that hold it one edit away (see oneEditAway). */
  readonly oneEditAway?: Int32Array;
}

// A posting's mask: one bit per field the term occurs in (and 0x80 when a field is nothing but that term, unused here).
// fuse.js scores an exact match 0.001 and e errors in m characters e/m, and multiplies per-field scores weighted by
// the field's weight: ranking by the sum of weight × −ln(score) over the fields a term is in follows it closely.
const EXACT = -Math.log(0.001);
// A token whose terms have more postings than this is too common to tell records apart: it is left to fuse.js when
// the query has a rarer token, and otherwise the first records that contain it are taken, as fuse.js ties go.
const COMMON = 150_000;
/**
 * How many of the candidates are certainly those fuse.js ranks first over every record (as far as words can tell,
 * see README.md): making sure of all `limit` (50 for completion) costs several times as much where many records tie
 * near the 50th place, and a writer reads the first few.
 */
const EXACT_TOP = 10;
/** Flags in `ranks` beside a record's fields. */
const TOP = 0x80;
const CONTENDER = 0x40;
/** How many records that could overtake the first ones fuse.js is handed beside them (see oneToken). */
const CONTENDERS = 50;

/**
 * An inverted index from folded tokens to records, in typed arrays (a 100k-record index is a few million postings),
 * that picks the few hundred records fuse.js should rank for a query instead of all of them.
 */
export class Prefilter {
  private readonly terms: TermMatcher;
  private readonly start: Int32Array;
  private readonly postings: Int32Array;
  private readonly masks: Uint8Array;
  private readonly fieldWeight: Float64Array;
  private readonly groups: Uint8Array;
  // Scratch space for one query, per record: kept between queries so that a keystroke allocates next to nothing.
  private readonly best: Float64Array;
  private readonly mine: Int32Array;
  private readonly ranks: Uint8Array;
  private readonly phrase: PhraseRanker;
  /** fuse.js's token-search figures over every record: the ranking of candidates weighs words by them. */
  readonly corpus: CorpusStats;

  /**
   * `weights`: the relative weight of each field, as fuse.js's keys. `build`: the build, when it was run (in slices)
   * beforehand; whatever of it is left is run here.
   */
  constructor(source: PrefilterSource, weights: readonly number[], build = new PrefilterBuild(source)) {
    const total = weights.reduce((a, b) => a + b, 0);
    this.fieldWeight = new Float64Array(256);
    for (let mask = 0; mask < 256; mask++) for (let f = 0; f < weights.length; f++) if (mask & (1 << f)) this.fieldWeight[mask]! += weights[f]! / total;
    const parts = build.finish();
    ({ start: this.start, postings: this.postings, masks: this.masks, terms: this.terms } = parts);
    this.corpus = corpusOfPostings(parts, source.count, (1 << weights.length) - 1);
    this.groups = source.groups;
    this.best = new Float64Array(source.count);
    this.mine = new Int32Array(source.count);
    this.ranks = new Uint8Array(source.count);
    this.phrase = new PhraseRanker({ start: this.start, postings: this.postings, masks: this.masks }, source.count, weights.map((w) => w / total));
  }

  /**
   * The records to rank for these folded query tokens: at most `limit`, the most promising first chosen, ties going
   * to records of `preferredGroup` (the document's language) and then to the earlier record, as fuse.js breaks ties.
   * `within`, when given, restricts the records to those listed (those that state the figure in the query).
   */
  candidates(tokens: readonly string[], limit: number, preferredGroup: number, within?: readonly number[]): Candidates {
    // A phrase's records are those its tokens share, so each token brings more; one token's own matches fill the list.
    // fuse.js's token search credits each word's near misses too, so in a phrase a word's typos count beside it.
    const expanded = tokens.map((token) => this.expand(token, tokens.length > 1 ? Infinity : limit));
    const selective = expanded.filter((e) => e.volume <= COMMON).sort((a, b) => a.volume - b.volume);
    if (selective.length === 0) return this.firstContaining(expanded, limit, preferredGroup, within && this.flags(within));
    if (within) return tokens.length === 1 ? this.oneAmongListed(tokens[0]!, within, limit, preferredGroup) : this.amongListed(expanded, within, limit, preferredGroup);
    if (tokens.length === 1) {
      const found = this.oneToken(tokens[0]!, selective[0]!.matches, limit, preferredGroup);
      const near = this.oneEditAway(tokens[0]!, Math.min(limit, NEAR_LISTED), preferredGroup);
      return near ? { ...found, records: Int32Array.from(new Set([...found.records, ...near])).sort(), oneEditAway: near } : found;
    }
    // Every word counts, even one too common to choose records by alone: fuse.js credits it wherever it is.
    const { phrase } = this;
    const count = phrase.rank(this.phraseWords(expanded), Math.min(limit, EXACT_TOP), limit);
    return { records: this.top(phrase.picked, phrase.score, count, limit, preferredGroup).records, truncated: phrase.touchedCount > limit };
  }

  /**
   * For a word of NEAR_WORD_LENGTH or more letters that no term contains as typed (a misspelling, as a rule): the
   * records (at most `limit`, those holding it in the most weighty fields first) with a term that contains it one edit
   * away — a letter dropped, doubled, swapped or wrong. fuse.js's bitap ranks such a word's fragments in unrelated
   * words (and counts a swap as two edits) above the word the writer meant; these are listed beside its first few.
   */
  private oneEditAway(token: string, limit: number, preferredGroup: number): Int32Array | undefined {
    if (token.length < NEAR_WORD_LENGTH || isHanToken(token) || this.terms.match(token, () => true).length) return undefined;
    const { ranks, mine, best } = this;
    const tier = this.terms.upTo(token, 1);
    const count = this.creditTerms(token, tier, 0, 0);
    for (let k = 0; k < count; k++) ranks[mine[k]!] = 0;
    return count ? this.top(mine, best, count, limit, preferredGroup).records : undefined;
  }

  /**
   * `candidates` among the listed records only, scored as `candidates` scores them: each token's postings are read
   * for those records alone (looked up, when that is cheaper), as a figure query's records are usually far fewer
   * than its words' postings.
   */
  private amongListed(expanded: readonly Expanded[], listed: readonly number[], limit: number, preferredGroup: number): Candidates {
    const { phrase } = this;
    const count = phrase.rankAmong(this.phraseWords(expanded), listed);
    return this.top(phrase.picked, phrase.score, count, limit, preferredGroup);
  }

  /** A phrase's tokens as the ranker reads them, each weighed by its rarity over the whole index. */
  private phraseWords(expanded: readonly Expanded[]): PhraseWord[] {
    return expanded.map(({ token, matches }) => ({ token, matches, idf: idfOf(this.corpus, token) }));
  }

  /**
   * `oneToken` among the listed records, with all of the token's terms (a figure query's records are few): each
   * listed record looked up in each term's postings when that is cheaper than reading them.
   */
  private oneAmongListed(token: string, listed: readonly number[], limit: number, preferredGroup: number): Candidates {
    const { start, postings, masks, fieldWeight, ranks, mine, best } = this;
    const matches = this.terms.match(token, () => false);
    const allowed = this.volume(matches) <= listed.length * matches.length * 20 ? this.flags(listed) : undefined;
    let count = 0;
    const credit = (r: number, mask: number, value: number) => {
      const was = ranks[r]!;
      const fresh = mask & 0x7f & ~was;
      if (!fresh) return;
      if (was === 0) {
        mine[count++] = r;
        best[r] = 0;
      }
      ranks[r] = was | fresh;
      best[r]! += value * fieldWeight[fresh]!;
    };
    for (const m of matches) {
      const value = termValue(termErrors(m), token);
      const first = start[termId(m)]!;
      const end = start[termId(m) + 1]!;
      if (allowed) {
        for (let i = first; i < end; i++) if (allowed[postings[i]!]) credit(postings[i]!, masks[i]!, value);
        continue;
      }
      for (const r of listed) {
        const at = lowerBound(postings, first, end, r);
        if (at < end && postings[at] === r) credit(r, masks[at]!, value);
      }
    }
    for (let k = 0; k < count; k++) ranks[mine[k]!] = 0;
    return this.top(mine, best, count, limit, preferredGroup);
  }

  private flags(records: readonly number[]): Uint8Array {
    const flags = new Uint8Array(this.best.length);
    for (const r of records) flags[r] = 1;
    return flags;
  }

  /**
   * `candidates` for a single token, scored as fuse.js scores one word: per field, the best of the token's terms there
   * (0.001 found exactly, else errors / length), the record's score the product of its fields' scores to the power of
   * their weights, so −ln of it is the sum over fields of weight × termValue. A record whose fields hold the token in
   * different terms ("datahub" in one, "workdata" in another) scores as one term in all of them. The terms come
   * closest first (exact, then one edit, then two): a field's first credit is its best, and `ranks` keeps per record
   * the fields credited so far.
   */
  private oneToken(token: string, matches: TermMatches, limit: number, preferredGroup: number): Candidates {
    const { ranks, mine, best } = this;
    let count = 0;
    // The edits the matches go up to (the terms that far were all looked up), and how many of them were read.
    let furthest = 0;
    let read = 0;
    for (;;) {
      for (let k = read; k < matches.length; k++) furthest = Math.max(furthest, termErrors(matches[k]!));
      count = this.creditTerms(token, matches, read, count);
      read = matches.length;
      // The terms further off were not looked up, as these filled the list; but fuse.js multiplies the fields'
      // scores, so a near miss adds to a record's exact matches in other fields, and in every field outranks an exact
      // match in one. They are, unless the `limit` best records stay above what any other could reach with them.
      const exact = Math.min(limit, EXACT_TOP);
      const contenders = token.length > 2 && !isHanToken(token) && furthest < maxTypoErrors(token.length) ? this.contenders(count, exact, termValue(furthest + 1, token)) : 0;
      if (contenders > 0 && contenders <= CONTENDERS) {
        // Records that could overtake the first ones with near misses in their other fields: fuse.js weighs those
        // itself, when handed them beside the first `limit` (cheaper than looking up every term a typo away, which
        // for a word of three or four letters is most of the index).
        const extra = new TopHeap(CONTENDERS);
        for (let k = 0; k < count; k++) if (ranks[mine[k]!]! & CONTENDER) extra.offer(best[mine[k]!]!, mine[k]!);
        for (let k = 0; k < count; k++) ranks[mine[k]!] = 0;
        const first = this.top(mine, best, count, limit, preferredGroup);
        return { records: Int32Array.from(new Set([...first.records, ...extra.records()])).sort(), truncated: first.truncated };
      }
      if (contenders === 0) break;
      // Past CONTENDERS of them (many records tied, as for a short prefix), the next tier is read on top of what was
      // (a tier holds the one before it first): handing fuse.js only the best and earliest of them left out records
      // its near misses rank first (at 100k, 9 of 30 prefix queries' top 5 differed; 1 after).
      for (let k = 0; k < count; k++) ranks[mine[k]!]! &= ~CONTENDER;
      furthest++;
      matches = this.terms.upTo(token, furthest);
    }
    for (let k = 0; k < count; k++) ranks[mine[k]!] = 0;
    return this.top(mine, best, count, limit, preferredGroup);
  }

  /**
   * Credits the records of the matches from `matches[from]` on (closest first) with their term's worth to one word in
   * the fields `ranks` has not yet credited (a field's first credit is its best), records new to `mine` added after
   * its first `count`; returns how many it holds now.
   */
  private creditTerms(token: string, matches: TermMatches, from: number, count: number): number {
    const { start, postings, masks, fieldWeight, ranks, mine, best } = this;
    for (let k = from; k < matches.length; k++) {
      const value = termValue(termErrors(matches[k]!), token);
      const id = termId(matches[k]!);
      for (let i = start[id]!, end = start[id + 1]!; i < end; i++) {
        const r = postings[i]!;
        const was = ranks[r]!;
        const fresh = masks[i]! & 0x7f & ~was;
        if (!fresh) continue;
        if (was === 0) {
          mine[count++] = r;
          best[r] = 0;
        }
        ranks[r] = was | fresh;
        best[r]! += value * fieldWeight[fresh]!;
      }
    }
    return count;
  }

  /**
   * The records outside the `limit` best of the first `count` of `mine` (by `best`; `ranks` holding the fields each
   * was credited in) that could reach them if each of their other fields gained `next` (weighted), flagged CONTENDER
   * in `ranks` and counted; Infinity when a record not touched at all could (gaining it in every field).
   */
  private contenders(count: number, limit: number, next: number): number {
    const { mine, best, ranks, fieldWeight } = this;
    if (count < limit) return Infinity;
    const heap = new TopHeap(limit);
    for (let k = 0; k < count; k++) heap.offer(best[mine[k]!]!, mine[k]!);
    let kth = Infinity;
    for (const r of heap.records()) {
      if (best[r]! < kth) kth = best[r]!;
      ranks[r]! |= TOP;
    }
    let found = 0;
    for (let k = 0; k < count; k++) {
      const r = mine[k]!;
      if (!(ranks[r]! & TOP) && best[r]! + next * fieldWeight[~ranks[r]! & 0x7f]! >= kth) {
        ranks[r]! |= CONTENDER;
        found++;
      }
    }
    for (const r of heap.records()) ranks[r]! &= ~TOP;
    return next >= kth ? Infinity : found;
  }

  /** The terms a token may mean, closer ones first, until their postings number `wanted`. */
  private expand(token: string, wanted: number): Expanded {
    // Typos matter only where the exact matches cannot fill the list: fuse.js ranks an exact match far above them.
    const matches = this.terms.match(token, (found) => this.volume(found) >= wanted);
    return { token, matches, volume: this.volume(matches) };
  }

  private volume(matches: TermMatches): number {
    let n = 0;
    for (const m of matches) n += this.start[termId(m) + 1]! - this.start[termId(m)]!;
    return n;
  }

  /** The best `limit` of the first `count` of `records` by `score` (cleared on the way), preferred ones first on ties, then by index. */
  private top(records: Int32Array, score: Float64Array, count: number, limit: number, preferredGroup: number): Candidates {
    const { groups } = this;
    // The best `limit` so far in a heap whose root is the worst of them (the lower key, on equal keys the later record):
    // most records only meet the root, and nothing is allocated per record.
    const heap = new TopHeap(limit);
    let n = 0;
    for (let k = 0; k < count; k++) {
      const r = records[k]!;
      const s = score[r]!;
      score[r] = 0;
      n++;
      heap.offer(Math.round(s * 1000) * 2 + (groups[r] === preferredGroup ? 1 : 0), r);
    }
    return { records: heap.records().sort(), truncated: n > limit };
  }

  /** For tokens too common to score: the first records (preferred ones first) with the rarest of them. */
  private firstContaining(expanded: readonly Expanded[], limit: number, preferredGroup: number, allowed?: Uint8Array): Candidates {
    const rarest = expanded.reduce((a, b) => (b.volume < a.volume ? b : a));
    const seen = this.ranks;
    for (const m of rarest.matches) for (let i = this.start[termId(m)]!, end = this.start[termId(m) + 1]!; i < end; i++) seen[this.postings[i]!] = 1;
    const first: number[] = [];
    const rest: number[] = [];
    for (let r = 0; r < seen.length && first.length < limit; r++) {
      if (!seen[r] || (allowed && !allowed[r])) continue;
      if (this.groups[r] === preferredGroup) first.push(r);
      else if (rest.length < limit) rest.push(r);
    }
    seen.fill(0);
    const records = Int32Array.from([...first, ...rest].slice(0, limit)).sort();
    return { records, truncated: true };
  }
}

/** A query token and the terms it may mean, with their postings counted. */
interface Expanded {
  readonly token: string;
  readonly matches: TermMatches;
  readonly volume: number;
}

/**
 * A term's worth to a query of one word, as fuse.js scores it: −ln of its score (0.001 for the token found exactly,
 * else errors / length), as fuse.js multiplies the fields' scores (a phrase's words: see closeness, prefilterPhrase.ts).
 */
function termValue(errors: number, token: string): number {
  return errors === 0 ? EXACT : -Math.log(errors / token.length);
}
