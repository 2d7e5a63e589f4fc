import { fold } from '../text/fold';
import type { SourceKey } from '../index/sourceKey';
import type { BibliographyEntry } from './entry';

/** An entry found in a writer's own bibliography file: what is needed to tell which source it cites. */
export interface ExistingEntry {
  readonly key: string;
  readonly author?: string;
  readonly year?: number;
  readonly title?: string;
}

/**
 * The entry of `existing` that already cites the source of `entry`: the same key, or the same author (publisher)
 * and year, and for an article cited as itself the same title; a key held by another author's work is not reused. Matching is case- and accent-insensitive.
 */
export function findExistingEntry(entry: BibliographyEntry, existing: readonly ExistingEntry[]): ExistingEntry | undefined {
  const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && fold(a) === fold(b);
  // The same key is the same source unless the entry names another author: then it is another work that took the key.
  const byKey = existing.find((e) => e.key === entry.key);
  if (byKey && (byKey.author === undefined || entry.author === undefined || same(byKey.author, entry.author))) return byKey;
  return existing.find((e) => {
    if (e.year !== entry.year) return false;
    if (entry.note === undefined) return same(e.title, entry.title) && (entry.author === undefined || same(e.author, entry.author));
    return same(e.author, entry.author) && (entry.title === undefined || e.title === undefined || same(e.title, entry.title));
  });
}

/** The key under which a source is cited: the existing entry's, or the index's own source key when there is none. */
export function citationKeyFor(entry: BibliographyEntry, existing: readonly ExistingEntry[]): SourceKey {
  return findExistingEntry(entry, existing)?.key ?? entry.key;
}
