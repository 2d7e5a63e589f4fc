import { maxTypoErrors, termErrors, termId, type TermMatcher, type TermMatches } from './prefilterTerms';
import { TopHeap } from './prefilterTop';
import { PrefilterBuild } from './prefilterBuild';
import { WHOLE_FIELD } from './prefilterVocabulary';
import { isHanToken } from '../text/searchText';
import type { PrefilterSource } from './prefilterSource';
import { corpusOfPostings, idfOf, type CorpusStats } from './corpusStats';
import { FieldScores } from './prefilterFields';
import { PhraseRanker, lowerBound } from './prefilterPhrase';

export type { PrefilterSource };


/** The records worth ranking for one query, in index order, and whether more would have qualified. */
export interface Candidates {
  readonly records: Int32Array;
  readonly truncated: boolean;
}

// A posting's mask: one bit per field the term occurs in, and WHOLE_FIELD when a field is nothing but that term
// (fuse.js gives a field equal to the query its best score, so such records must reach the ranking).
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
/** Every field's weight 1: a phrase's words are scored without them (see weightsFor). */
const ONES = new Float64Array(256).fill(1);

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
  private readonly score: Float64Array;
  private readonly best: Float64Array;
  private readonly touched: Int32Array;
  private readonly mine: Int32Array;
  private readonly ranks: Uint8Array;
  private readonly fields: FieldScores;
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
    this.score = new Float64Array(source.count);
    this.best = new Float64Array(source.count);
    this.touched = new Int32Array(source.count);
    this.mine = new Int32Array(source.count);
    this.ranks = new Uint8Array(source.count);
    this.phrase = new PhraseRanker({ start: this.start, postings: this.postings, masks: this.masks }, source.count, weights.map((w) => w / total));
    this.fields = this.phrase.fields;
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
    if (within) return tokens.length === 1 ? this.oneAmongListed(tokens[0]!, within, limit, preferredGroup) : this.amongListed(selective, tokens, within, limit, preferredGroup);
    if (tokens.length === 1) return this.oneToken(tokens[0]!, selective[0]!.matches, this.bonusFor(tokens[0]!, 1), limit, preferredGroup);
    // Every word counts, even one too common to choose records by alone: fuse.js credits it wherever it is.
    const words = expanded.map(({ token, matches }) => ({ token, matches, idf: idfOf(this.corpus, token) }));
    const { phrase } = this;
    const count = phrase.rank(words, Math.min(limit, EXACT_TOP), limit);
    return { records: this.top(phrase.picked, phrase.score, count, limit, preferredGroup).records, truncated: phrase.touchedCount > limit };
  }

  /**
   * `candidates` among the listed records only, scored as `candidates` scores them: each token's postings are read
   * for those records alone (looked up, when that is cheaper), as a figure query's records are usually far fewer
   * than its words' postings.
   */
  private amongListed(selective: readonly Expanded[], tokens: readonly string[], listed: readonly number[], limit: number, preferredGroup: number): Candidates {
    const { best, score, touched, mine } = this;
    const count = listed.length;
    for (let k = 0; k < count; k++) touched[k] = listed[k]!;
    for (const { token, matches, volume } of selective) {
      const bonus = this.bonusFor(token, tokens.length);
      const lookUp = count * matches.length * 20 < volume;
      this.fields.nextWord();
      const mineCount = lookUp ? this.scoreTouched(token, matches, bonus, count) : this.scoreAll(token, matches, bonus, count);
      for (let k = 0; k < mineCount; k++) {
        const r = mine[k]!;
        score[r]! += best[r]!;
        best[r] = 0;
      }
    }
    let scored = 0;
    for (let k = 0; k < count; k++) if (score[touched[k]!]! > 0) touched[scored++] = touched[k]!;
    if (tokens.length > 1) this.asFuseScores(scored, tokens.reduce((sum, token) => sum + idfOf(this.corpus, token), 0));
    return this.top(touched, score, scored, limit, preferredGroup);
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
    const flags = new Uint8Array(this.score.length);
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
  private oneToken(token: string, matches: TermMatches, bonus: Bonus, limit: number, preferredGroup: number, covered = 0): Candidates {
    const { start, postings, masks, fieldWeight, ranks, mine, best } = this;
    let count = 0;
    // The edits the matches go up to (the terms that far were all looked up).
    let furthest = covered;
    for (const m of matches) {
      if (termErrors(m) > furthest) furthest = termErrors(m);
      const value = termValue(termErrors(m), token);
      const id = termId(m);
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
    // The terms further off were not looked up, as these filled the list; but fuse.js multiplies the fields' scores,
    // so a near miss adds to a record's exact matches in other fields, and in every field outranks an exact match in
    // one. They are, unless the `limit` best records stay above what any other could reach with them.
    const exact = Math.min(limit, EXACT_TOP);
    const contenders = token.length > 2 && !isHanToken(token) && furthest < maxTypoErrors(token.length) ? this.contenders(count, exact, termValue(furthest + 1, token)) : 0;
    if (contenders > 0 && contenders <= CONTENDERS) {
      // Records that could overtake the first ones with near misses in their other fields: fuse.js weighs those
      // itself, when handed them beside the first `limit` (cheaper than looking up every term a typo away, which for
      // a word of three or four letters is most of the index). Past CONTENDERS of them (many records tied, as for a
      // short prefix), the next tier is looked up instead: handing fuse.js only the best and earliest of them left
      // out records its near misses rank first (at 100k, 9 of 30 prefix queries' top 5 differed; 1 after).
      const extra = new TopHeap(CONTENDERS);
      for (let k = 0; k < count; k++) if (ranks[mine[k]!]! & CONTENDER) extra.offer(best[mine[k]!]!, mine[k]!);
      for (let k = 0; k < count; k++) ranks[mine[k]!] = 0;
      const first = this.top(mine, best, count, limit, preferredGroup);
      return { records: Int32Array.from(new Set([...first.records, ...extra.records()])).sort(), truncated: first.truncated };
    }
    for (let k = 0; k < count; k++) ranks[mine[k]!] = 0;
    if (contenders > 0) {
      for (let k = 0; k < count; k++) best[mine[k]!] = 0;
      return this.oneToken(token, this.terms.upTo(token, furthest + 1), bonus, limit, preferredGroup, furthest + 1);
    }
    return this.top(mine, best, count, limit, preferredGroup);
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

  /**
   * Each record's best score for one token into `best`, the records scored into `mine`; returns how many. With
   * `onlyFirst` ≥ 0, only the first `onlyFirst` touched records are scored (flagged in `ranks` meanwhile).
   */
  private scoreAll(token: string, matches: TermMatches, bonus: Bonus, onlyFirst = -1): number {
    const { start, postings, masks, best, mine, ranks, touched, fields } = this;
    const weights = this.weightsFor(bonus);
    const inPhrase = bonus.inPhrase;
    for (let k = 0; k < onlyFirst; k++) ranks[touched[k]!] = 1;
    const every = onlyFirst < 0;
    let mineCount = 0;
    for (const m of matches) {
      const errors = termErrors(m);
      const value = termValue(errors, token, bonus.inPhrase);
      const equal = errors === 0 ? bonus.equal : 0;
      const id = termId(m);
      for (let i = start[id]!, end = start[id + 1]!; i < end; i++) {
        const r = postings[i]!;
        if (!every && ranks[r] === 0) continue;
        const mask = masks[i]!;
        const v = (value * weights[mask & 0x7f]! + (mask & WHOLE_FIELD ? equal : 0)) * bonus.scale;
        if (inPhrase) fields.note(r, mask, value * bonus.scale);
        const b = best[r]!;
        if (b === 0) mine[mineCount++] = r;
        if (v > b) best[r] = v;
      }
    }
    for (let k = 0; k < onlyFirst; k++) ranks[touched[k]!] = 0;
    return mineCount;
  }

  /** As scoreAll, for the first `count` touched records only: each looked up in the terms' postings (in record order). */
  private scoreTouched(token: string, matches: TermMatches, bonus: Bonus, count: number): number {
    const { start, postings, masks, best, mine, touched, fields } = this;
    const weights = this.weightsFor(bonus);
    const inPhrase = bonus.inPhrase;
    let mineCount = 0;
    for (const m of matches) {
      const errors = termErrors(m);
      const value = termValue(errors, token, bonus.inPhrase);
      const equal = errors === 0 ? bonus.equal : 0;
      const first = start[termId(m)]!;
      const end = start[termId(m) + 1]!;
      for (let k = 0; k < count; k++) {
        const r = touched[k]!;
        const lo = lowerBound(postings, first, end, r);
        if (lo === end || postings[lo] !== r) continue;
        const mask = masks[lo]!;
        const v = (value * weights[mask & 0x7f]! + (mask & WHOLE_FIELD ? equal : 0)) * bonus.scale;
        if (inPhrase) fields.note(r, mask, value * bonus.scale);
        const b = best[r]!;
        if (b === 0) mine[mineCount++] = r;
        if (v > b) best[r] = v;
      }
    }
    return mineCount;
  }

  /**
   * A phrase's word scores per field weigh a word found in every field no more than a word found in one: a record's
   * sum (its words' rarity times closeness, wherever found) bounds each field's, so fuse.js's score of it is at most
   * the weight of the fields it was found in times −ln(1 − sum / total).
   */
  private weightsFor(bonus: Bonus): Float64Array {
    return bonus.inPhrase ? ONES : this.fieldWeight;
  }

  /**
   * A phrase's scores of the first `count` touched records turned into fuse.js's (see FieldScores). `total`: the
   * words' idf summed. A Chinese pair is a word like any other: fuse.js gives a record holding it no more (a bonus
   * that put such records first ranked Chinese records above English ones fuse.js ranks first in a mixed query).
   */
  private asFuseScores(count: number, total: number): void {
    const { score, touched, fields } = this;
    for (let k = 0; k < count; k++) {
      const r = touched[k]!;
      score[r] = fields.exact(r, total) + 1e-9;
      fields.clear(r);
    }
  }

  /** What a token adds beyond its terms' matches (see Bonus). */
  private bonusFor(token: string, tokenCount: number): Bonus {
    return {
      equal: 0,
      // fuse.js's token search weighs each word by its rarity over the whole index: so do the candidates.
      scale: tokenCount > 1 ? idfOf(this.corpus, token) : 1,
      inPhrase: tokenCount > 1,
    };
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

/**
 * What a token adds beyond its terms' matches: for a record with a field equal to it (0: fuse.js's token search
 * scores a word found inside a field as it scores a field that is the word), and its weight.
 */
interface Bonus {
  readonly equal: number;
  readonly scale: number;
  /** One of several query words: worth what fuse.js's token search credits it (see termValue). */
  readonly inPhrase: boolean;
}

/** A query token and the terms it may mean, with their postings counted. */
interface Expanded {
  readonly token: string;
  readonly matches: TermMatches;
  readonly volume: number;
}

/**
 * A term's worth as fuse.js scores it. A query of one word: −ln of its score (0.001 for the token found exactly, else
 * errors / length), as fuse.js multiplies the fields' scores. A word of a phrase: 1 − its score, as fuse.js's token
 * search adds up the words a field matches (a typo is worth most of an exact match there).
 */
function termValue(errors: number, token: string, inPhrase = false): number {
  if (inPhrase) return errors === 0 ? 0.999 : 1 - errors / token.length;
  return errors === 0 ? EXACT : -Math.log(errors / token.length);
}
