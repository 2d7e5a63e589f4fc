import type { Statistic, Via } from '../index/statistic';
import { sourceKeyOf, type SourceKey } from '../index/sourceKey';

/**
 * A bibliography entry for one index source, holding only what the index states: the publisher as author, the year
 * and a title where the article gives them, and the article(s) the figures were found in as a note. Nothing invented.
 */
export interface BibliographyEntry {
  readonly key: SourceKey;
  /** The primary publisher, or the publisher of the article when the article names no primary one. */
  readonly author?: string;
  readonly year?: number;
  /** A full date (YYYY-MM-DD) where the index has one: the article's, for a source that is the article itself. */
  readonly date?: string;
  readonly title?: string;
  /** The language of the work (BCP-47), where the index knows it: for an article cited as itself. Keeps citeproc from
   * title-casing a title that is not English. */
  readonly language?: string;
  /** "Quoted in “Article”, Site, 2020-10-07." for a primary source; absent for an article cited as itself. */
  readonly note?: string;
}

type SourceOf = Pick<Statistic, 'source' | 'via'>;

/**
 * The entry for the source of `statistics` (all of one source key, as the index groups them). A primary source names
 * every distinct article its figures were found in; a source that is the article itself is the article.
 */
export function bibliographyEntry(statistics: readonly SourceOf[]): BibliographyEntry | undefined {
  const first = statistics[0];
  if (!first) return undefined;
  const key = sourceKeyOf(first);
  if (!first.source) {
    const v = first.via;
    return { key, ...(v.publisher ? { author: v.publisher } : {}), ...(v.date ? { date: v.date, year: Number(v.date.slice(0, 4)) } : {}), title: v.title, language: v.lang };
  }
  const articles = new Map<string, Via>();
  for (const s of statistics) articles.set(`${s.via.title}\u0000${s.via.publisher ?? ''}`, s.via);
  const note = `Quoted in ${[...articles.values()].map(describeArticle).join('; ')}.`;
  const { publisher, year, title } = first.source;
  return { key, author: publisher, ...(year !== undefined ? { year } : {}), ...(title ? { title } : {}), note };
}

function describeArticle(v: Via): string {
  return [`“${v.title}”`, v.publisher, v.date].filter((p): p is string => !!p).join(', ');
}

/** Entries for every source key given, in the order given; keys with no statistics are left out. */
export function bibliographyEntries(keys: Iterable<SourceKey>, statisticsOf: (key: SourceKey) => readonly SourceOf[]): BibliographyEntry[] {
  const out: BibliographyEntry[] = [];
  for (const key of keys) {
    const entry = bibliographyEntry(statisticsOf(key));
    if (entry) out.push(entry);
  }
  return out;
}
