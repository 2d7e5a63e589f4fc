import Fuse, { type IFuseOptions } from 'fuse.js';
import { fold } from './fold';
import type { LoadedStatistic } from './indexFile';
import { describeFigure } from './format';

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

interface Entry {
  readonly stat: LoadedStatistic;
  readonly quote: string;
  readonly en: string;
  readonly publisher: string;
  readonly tags: string;
  readonly figure: string;
}

const FUSE_OPTIONS: IFuseOptions<Entry> = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.4,
  minMatchCharLength: 1,
  keys: [
    { name: 'en', weight: 3 },
    { name: 'quote', weight: 3 },
    { name: 'publisher', weight: 2 },
    { name: 'tags', weight: 2 },
    { name: 'figure', weight: 1 },
  ],
};

const NUMBER_IN_QUERY = /(?<![\p{L}\d])(\d+(?:[.,]\d+)?)\s?(%|％|x|×)?(?![\p{L}\d])/u;

/** fuse.js over folded fields (diacritics and case do not matter), with figures in the query matched exactly. */
export class FuseStatisticSearch implements StatisticSearch {
  private readonly entries: Entry[];
  private readonly fuse: Fuse<Entry>;

  constructor(statistics: readonly LoadedStatistic[]) {
    this.entries = statistics.map((stat) => ({
      stat,
      quote: fold(stat.quote),
      en: fold(stat.en),
      publisher: fold([stat.source?.publisher, stat.source?.year, stat.source?.title, stat.via.publisher].filter(Boolean).join(' ')),
      tags: fold(stat.tags.join(' ')),
      figure: fold(`${stat.figure ?? ''} ${describeFigure(stat)}`),
    }));
    this.fuse = new Fuse(this.entries, FUSE_OPTIONS, Fuse.createIndex(FUSE_OPTIONS.keys!, this.entries));
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 50;
    const folded = fold(query).trim();
    const number = NUMBER_IN_QUERY.exec(folded);
    const value = number ? Number(number[1]!.replace(',', '.')) : undefined;
    const words = number ? (folded.slice(0, number.index) + ' ' + folded.slice(number.index + number[0].length)).trim() : folded;

    let hits: SearchHit[];
    if (!folded) {
      hits = this.entries.map((e) => ({ statistic: e.stat, score: 0.5 }));
    } else if (value !== undefined) {
      const byValue = this.entries.filter((e) => e.stat.value === value || e.stat.valueMax === value);
      // A year no statistic has as its value names a source's year ("zendesk 2019"): search the words and the year.
      const year = !byValue.length && !number![2] && /^(?:19|20)\d\d$/.test(number![1]!);
      if (year) hits = this.fuse.search(folded).map(toHit);
      else hits = words ? new Fuse(byValue, FUSE_OPTIONS).search(words).map(toHit) : byValue.map((e) => ({ statistic: e.stat, score: 0 }));
    } else {
      hits = this.fuse.search(folded).map(toHit);
    }
    const lang = options.lang?.split('-')[0];
    // Scores within 0.05 of each other count as equally good; then the document's language goes first.
    hits.sort((a, b) => Math.round(a.score * 20) - Math.round(b.score * 20) || langRank(a, lang) - langRank(b, lang) || a.score - b.score);
    return { hits: hits.slice(0, limit), incomplete: hits.length > limit };
  }
}

function toHit(r: { item: Entry; score?: number }): SearchHit {
  return { statistic: r.item.stat, score: r.score ?? 1 };
}

function langRank(hit: SearchHit, lang: string | undefined): number {
  return lang && hit.statistic.lang.split('-')[0] === lang ? 0 : 1;
}
