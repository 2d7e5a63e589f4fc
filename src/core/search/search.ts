import type { LoadedStatistic } from '../index/indexFile';
import { Prefilter } from './prefilter';
import { PrefilterBuild } from './prefilterBuild';
import { StatisticTables, baseLang } from '../index/statisticTables';
import { MAX_TOKEN } from './prefilterVocabulary';
import { FIELD_WEIGHTS, rankWithFuse, recordText, toIndexedEntry, type IndexedEntry, type RankedEntry } from './searchEntries';
import { foldFast, searchTokens } from '../text/searchText';
import { corpusOfFields, type CorpusStats } from './corpusStats';
import { capQuery } from './queryLimit';
import { WordsOfRecords, nearMissesNext } from './nearWords';

/** One search hit: the statistic and its score (0 is a perfect match, 1 no match). */
export interface SearchHit {
  readonly statistic: LoadedStatistic;
  readonly score: number;
}

export interface SearchOptions {
  /** The document's language: its statistics rank first when the match is as good. */
  readonly lang?: string;
  readonly limit?: number;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** True when more statistics matched than `limit`. */
  readonly incomplete: boolean;
}

/** Searches the index fuzzily; the one search used by completion, the QuickPick and the CLI. */
export interface StatisticSearch {
  search(query: string, options?: SearchOptions): SearchResult;
}

export interface FuseSearchOptions {
  /** `false` ranks every statistic with fuse.js on each query: the reference the prefilter is measured against. */
  readonly prefilter?: boolean;
  /** The tables and the prefilter's build over these statistics, run beforehand (see FuseStatisticSearch.build). */
  readonly built?: { readonly tables: StatisticTables; readonly prefilter: PrefilterBuild };
}

/**
 * How many statistics fuse.js ranks for a query: its token search costs about 5 µs per statistic and query word
 * (a bitap pass per word over the fields a word may match), so the prefilter hands it fewer candidates the more words
 * a query has, keeping a keystroke within a few milliseconds. A list cut short is marked incomplete.
 */
export const PASS_BUDGET = 200;
/** What the prefilter reads of each statistic: its searchable fields, joined. */
function scanSource(statistics: readonly LoadedStatistic[]): { count: number; text: (r: number) => string } {
  return { count: statistics.length, text: (r) => recordText(statistics[r]!) };
}

function candidatesFor(limit: number, words: number): number {
  return Math.max(24, Math.min(limit, Math.floor(PASS_BUDGET / Math.max(1, words))));
}

/** An index this small (the bundled one has about a hundred statistics) is ranked whole, exactly as before. */
export const RANK_WHOLE_UP_TO = 200;

const NUMBER_IN_QUERY = /(?<![\p{L}\d])(\d+(?:[.,]\d+)?)\s?(%|％|x|×)?(?![\p{L}\d])/u;

/**
 * fuse.js over folded fields (diacritics and case do not matter), with figures in the query matched exactly. Above
 * RANK_WHOLE_UP_TO statistics, an inverted index over the folded words (the prefilter) picks the ones fuse.js ranks.
 */
export class FuseStatisticSearch implements StatisticSearch {
  private readonly statistics: readonly LoadedStatistic[];
  private readonly langs: readonly string[];
  private readonly groupIds: ReadonlyMap<string, number>;
  private readonly byValue: ReadonlyMap<number, readonly number[]>;
  /** Without a prefilter: every entry, made once. */
  private readonly entries?: IndexedEntry[];
  private readonly prefilter?: Prefilter;
  /** Without a prefilter: the words of every entry, made on the first misspelt word (see nearWords.ts). */
  private words?: WordsOfRecords;
  /** fuse.js's word weights over every statistic (see corpusStats.ts). */
  private readonly corpus: CorpusStats;

  constructor(statistics: readonly LoadedStatistic[], options: FuseSearchOptions = {}) {
    this.statistics = statistics;
    const tables = options.built?.tables ?? new StatisticTables(statistics);
    tables.run();
    ({ langs: this.langs, groupIds: this.groupIds, byValue: this.byValue } = tables);
    if (options.prefilter === false || statistics.length <= RANK_WHOLE_UP_TO) {
      this.entries = statistics.map(toIndexedEntry);
      this.corpus = corpusOfFields(this.entries.map((e) => e.texts));
    } else {
      this.prefilter = new Prefilter({ ...scanSource(statistics), groups: tables.groups }, FIELD_WEIGHTS, options.built?.prefilter);
      this.corpus = this.prefilter.corpus;
    }
  }

  /**
   * Builds the search in slices of about `sliceMs` of work, awaiting `pause()` between them, so that a large index
   * (a second's work at 100k statistics) never holds up the editor's other work for long.
   */
  static async build(statistics: readonly LoadedStatistic[], pause: () => Promise<void>, sliceMs = 10): Promise<FuseStatisticSearch> {
    if (statistics.length <= RANK_WHOLE_UP_TO) return new FuseStatisticSearch(statistics);
    const built = { tables: new StatisticTables(statistics), prefilter: new PrefilterBuild(scanSource(statistics)) };
    for (;;) {
      const until = Date.now() + sliceMs;
      const more = () => Date.now() < until;
      if (built.tables.run(more) && built.prefilter.run(more)) break;
      await pause();
    }
    return new FuseStatisticSearch(statistics, { built });
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 50;
    const folded = foldFast(capQuery(query)).trim();
    const number = NUMBER_IN_QUERY.exec(folded);
    const value = number ? Number(number[1]!.replace(',', '.')) : undefined;
    const words = number ? (folded.slice(0, number.index) + ' ' + folded.slice(number.index + number[0].length)).trim() : folded;
    const lang = options.lang ? baseLang(options.lang) : undefined;

    if (!folded) return this.everything(limit, lang);
    let ranked: Ranked;
    if (value !== undefined) {
      const exact = this.byValue.get(value) ?? [];
      // A figure still being typed ("zendesk 8" on the way to "84") matches the values it begins.
      const begun = () => (number![2] ? [] : this.valuesStartingWith(number![1]!));
      // A year no statistic has as its value names a source's year ("zendesk 2019"): search the words and the year.
      const year = !exact.length && !number![2] && /^(?:19|20)\d\d$/.test(number![1]!);
      if (year) ranked = this.rank(folded, lang, limit);
      else if (!words) ranked = { hits: (exact.length ? exact : begun()).map((i) => ({ statistic: this.statistics[i]!, score: 0 })), truncated: false };
      else {
        ranked = this.rank(words, lang, limit, exact);
        if (!ranked.hits.length) ranked = this.rank(words, lang, limit, begun());
        // No statistic states that figure: the words alone still find something, so the list never closes empty.
        if (!ranked.hits.length) ranked = this.rank(words, lang, limit);
      }
    } else {
      ranked = this.rank(folded, lang, limit);
    }
    let hits = ranked.hits;
    // Scores within 0.05 of each other count as equally good; then the document's language goes first.
    hits.sort((a, b) => Math.round(a.score * 20) - Math.round(b.score * 20) || langRank(a, lang) - langRank(b, lang) || a.score - b.score);
    const near = ranked.oneEditAway;
    if (near) hits = nearMissesNext(hits, (h) => near.has(h.statistic));
    return { hits: hits.slice(0, limit), incomplete: hits.length > limit || ranked.truncated };
  }

  /** fuse.js over the statistics the prefilter picks, or over `within` (those stating the query's figure). */
  private rank(pattern: string, lang: string | undefined, limit: number, within?: readonly number[]): Ranked {
    // A large index's entries are made for each query and not kept: kept for the next keystrokes (a cache of 4,096
    // was tried), they outlived young collections and filled the old generation, whose full collections pause a
    // keystroke for about 20 ms at 100k statistics, while folding a few hundred fields costs little.
    const fuseOver = (records: ArrayLike<number>) => rankWithFuse(Array.from(records, (i) => this.entries?.[i] ?? toIndexedEntry(this.statistics[i]!)), pattern, this.corpus).map(toHit);
    const tokens = [...new Set(searchTokens(pattern).map((t) => t.slice(0, MAX_TOKEN)))];
    if (!this.prefilter) {
      if (within) return { hits: fuseOver(within), truncated: false };
      const hits = rankWithFuse(this.entries!, pattern, this.corpus).map(toHit);
      const near = tokens.length === 1 ? (this.words ??= new WordsOfRecords(this.entries!.map((e) => e.texts))).oneEditAway(tokens[0]!) : undefined;
      return { hits, truncated: false, oneEditAway: near && new Set([...near].map((i) => this.statistics[i]!)) };
    }
    const budget = candidatesFor(limit, tokens.length);
    if (within && within.length <= budget) return { hits: fuseOver(within), truncated: false };
    const picked = this.prefilter.candidates(tokens, budget, lang === undefined ? -1 : (this.groupIds.get(lang) ?? -1), within);
    const near = picked.oneEditAway && new Set(Array.from(picked.oneEditAway, (i) => this.statistics[i]!));
    return { hits: fuseOver(picked.records), truncated: picked.truncated, oneEditAway: near };
  }

  private valuesStartingWith(digits: string): number[] {
    const found: number[] = [];
    for (const [value, records] of this.byValue) if (String(value).startsWith(digits)) found.push(...records);
    return [...new Set(found)];
  }

  /** An empty query lists statistics in index order, the document's language first. */
  private everything(limit: number, lang: string | undefined): SearchResult {
    const first: SearchHit[] = [];
    const rest: SearchHit[] = [];
    for (let i = 0; i < this.statistics.length && first.length < limit; i++) {
      const hit = { statistic: this.statistics[i]!, score: 0.5 };
      if (lang === undefined || this.langs[i] === lang) first.push(hit);
      else if (rest.length < limit) rest.push(hit);
    }
    return { hits: [...first, ...rest].slice(0, limit), incomplete: this.statistics.length > limit };
  }
}

interface Ranked {
  readonly hits: SearchHit[];
  /** The prefilter left out statistics that might have matched too. */
  readonly truncated: boolean;
  /** A one-word query found nowhere as typed: the statistics holding it one edit away (see nearWords.ts). */
  readonly oneEditAway?: ReadonlySet<LoadedStatistic>;
}

function toHit(r: RankedEntry): SearchHit {
  return { statistic: r.item.stat, score: r.score };
}

function langRank(hit: SearchHit, lang: string | undefined): number {
  return lang && baseLang(hit.statistic.lang) === lang ? 0 : 1;
}
