import Fuse, { type IFuseOptions, type RecordEntryObject } from 'fuse.js';
import { describeFigure } from '../index/format';
import type { LoadedStatistic } from '../index/indexFile';
import { TokenDistance } from './prefilterDistance';
import { corpusOfFields, fuseTokens, type CorpusStats } from './corpusStats';
import { FIELD_SEPARATOR } from './prefilterVocabulary';
import { fieldFilter, scriptsOf } from './searchScripts';
import { foldFast } from '../text/searchText';

/** What fuse.js ranks: a statistic's searchable fields, folded (case, diacritics and compatibility forms removed). */
export interface Entry {
  readonly stat: LoadedStatistic;
  readonly en: string;
  readonly quote: string;
  readonly publisher: string;
  readonly tags: string;
  readonly figure: string;
}

/** The fields in the order of the keys below; the prefilter indexes them in this order with these weights. */
export const FIELD_WEIGHTS = [3, 3, 2, 2, 1] as const;

/** fuse.js's options, for entries with named fields (`Entry`) or with an index assembled from `IndexedEntry` texts. */
export const FUSE_OPTIONS = {
  includeScore: true,
  // The fields and the query are folded, so lower case already: this spares fuse.js a toLowerCase per field per query.
  isCaseSensitive: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.4,
  minMatchCharLength: 1,
  // Each query word is matched on its own (bitap, fuzzily) in any field and order, and weighed by its rarity (idf):
  // a record ranks by how many of the words it has, how rare they are, then how well they match.
  useTokenSearch: true,
  tokenize: fuseTokens,
  keys: [
    { name: 'en', weight: FIELD_WEIGHTS[0] },
    { name: 'quote', weight: FIELD_WEIGHTS[1] },
    { name: 'publisher', weight: FIELD_WEIGHTS[2] },
    { name: 'tags', weight: FIELD_WEIGHTS[3] },
    { name: 'figure', weight: FIELD_WEIGHTS[4] },
  ],
} satisfies IFuseOptions<Entry>;

/** A statistic's searchable fields as written, in the order of FIELD_WEIGHTS, joined by FIELD_SEPARATOR. */
export function recordText(stat: LoadedStatistic): string {
  return rawFields(stat).join(FIELD_SEPARATOR);
}

function rawFields(stat: LoadedStatistic): [string, string, string, string, string] {
  // Spelled out rather than [...].filter(Boolean).join(' '): this runs for every statistic when the index is built.
  const source = stat.source;
  let publisher = source ? source.publisher : '';
  if (source?.year) publisher += ' ' + source.year;
  if (source?.title) publisher += ' ' + source.title;
  if (stat.via.publisher) publisher = publisher ? publisher + ' ' + stat.via.publisher : stat.via.publisher;
  return [stat.en, stat.quote, publisher, stat.tags.join(' '), (stat.figure ?? '') + ' ' + describeFigure(stat)];
}

const ASCII = /^[\x00-\x7f]*$/;

/** `fold`, spared the Unicode normalisation where the text is ASCII (the English gloss, tags, most publishers). */
function foldField(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : foldFast(text);
}

/** A statistic's searchable fields with named keys, folded, as fuse.js reads them (the tests give these to fuse.js). */
export function toEntry(stat: LoadedStatistic): Entry {
  const [en, quote, publisher, tags, figure] = toIndexedEntry(stat).texts as [string, string, string, string, string];
  return { stat, en, quote, publisher, tags, figure };
}

/** What the ranking reads of a statistic, made once and reused by the next keystrokes. */
export interface IndexedEntry {
  readonly stat: LoadedStatistic;
  /** The fields of FUSE_OPTIONS's keys in their order, folded. */
  readonly texts: readonly string[];
  /** Per field, four bits: the scripts it has letters of (see searchScripts.ts). */
  readonly scripts: number;
}

export function toIndexedEntry(stat: LoadedStatistic): IndexedEntry {
  const texts: string[] = rawFields(stat);
  let scripts = 0;
  for (let k = 0; k < texts.length; k++) {
    texts[k] = foldField(texts[k]!);
    scripts |= scriptsOf(texts[k]!) << (4 * k);
  }
  return { stat, texts, scripts };
}

function scriptsOfField(entry: IndexedEntry, k: number): number {
  return (entry.scripts >> (4 * k)) & 15;
}

const FUSE_KEYS = Fuse.createIndex<Entry>(FUSE_OPTIONS.keys, []).keys;

/** What ranking returns, as fuse.js's results: the entry, its place in the list ranked, its score (0 best). */
export interface RankedEntry {
  readonly item: IndexedEntry;
  readonly refIndex: number;
  readonly score: number;
}

/** What fuse.js's bitap answers for a word that does not occur in a field. */
const NO_MATCH = { isMatch: false, score: 1 } as const;

/** fuse.js with the corpus figures of the whole index in place of those of the entries it is given. */
class FuseOverCorpus extends Fuse<IndexedEntry> {
  constructor(
    list: readonly IndexedEntry[],
    index: ReturnType<typeof Fuse.parseIndex<IndexedEntry>>,
    corpus: CorpusStats,
    /** Per field text, a bit per query word (in `words`' order) that might occur in it. */
    private readonly wordsIn: ReadonlyMap<string, number>,
    private readonly words: readonly string[],
  ) {
    // Built without token search, so that fuse.js does not count the candidates' words (a tokenizing of every
    // field, per query), then given the whole index's figures: its token searcher reads only `df` and `fieldCount`
    // (test/unit/tokenSearch.test.ts holds the ranking to fuse.js's own over every statistic).
    super(list, { ...FUSE_OPTIONS, useTokenSearch: false } as IFuseOptions<IndexedEntry>, index);
    this.options.useTokenSearch = true;
    this._invertedIndex = { df: corpus.df as Map<string, number>, fieldCount: corpus.fieldCount, docFieldCount: new Map(), docTermFieldHits: new Map() };
  }

  // fuse.js's token search runs each word's bitap over each field, up to 40 % of the word's length passes (one per
  // error allowed) where the word does not occur: most pairs of a phrase. A word our one-pass check rules out of a
  // field gets bitap's own "no match" without the passes; every other pair is fuse.js's bitap as before.
  override _getSearcher(query: string): ReturnType<Fuse<IndexedEntry>['_getSearcher']> {
    const searcher = super._getSearcher(query) as { termSearchers?: { searchIn(text: string): unknown }[] };
    const terms = searcher.termSearchers;
    if (terms && !(terms as { guarded?: boolean }).guarded) {
      (terms as { guarded?: boolean }).guarded = true;
      terms.forEach((inner, i) => {
        const bit = 1 << this.words.indexOf(tokenAt(query, i));
        terms[i] = { searchIn: (text) => ((this.wordsIn.get(text) ?? -1) & bit ? inner.searchIn(text) : NO_MATCH) };
      });
    }
    return searcher as ReturnType<Fuse<IndexedEntry>['_getSearcher']>;
  }
}

/** The i-th of the tokens fuse.js's token search makes of a query (its term searchers are in that order). */
function tokenAt(query: string, i: number): string {
  return fuseTokens(query)[i]!;
}

/**
 * fuse.js's token search ranking entries (the prefilter's candidates, or a small index whole), with an index
 * assembled from their ready-made records: `new Fuse(entries)` would re-read every field and count its words (the
 * norm). Words are weighed by `corpus` (by default the entries' own figures, as plain fuse.js over them). Fields
 * that no query word can match (for want of its scripts, length or letters) are left out; scores unchanged.
 */
export function rankWithFuse(list: readonly IndexedEntry[], pattern: string, corpus?: CorpusStats): RankedEntry[] {
  const words = [...new Set(fuseTokens(pattern))];
  if (!words.length) return [];
  // fuse.js tries every number of errors up to its threshold before it gives up on a word in a field, one pass over
  // the field each: one pass of ours per word and field rules out most pairs it would not match.
  const checks = words.map((word) => ({ canMatch: fieldFilter(word, FUSE_OPTIONS.threshold), near: new TokenDistance(word), allowed: Math.floor(FUSE_OPTIONS.threshold * word.length + 1e-9) }));
  const wordsIn = new Map<string, number>();
  // The field-length norm (`n`) is not used: FUSE_OPTIONS ignore it.
  const records = list.map((e, i) => {
    const $: Record<number, RecordEntryObject> = {};
    e.texts.forEach((v, k) => {
      const scripts = scriptsOfField(e, k);
      let mask = wordsIn.get(v);
      if (mask === undefined) {
        mask = 0;
        // Words past 31 are never ruled out (the mask has 31 bits; a query has at most 12 words).
        checks.forEach((c, w) => { if (w >= 31 || (c.canMatch(scripts, v.length) && c.near.occursWithin(v, c.allowed))) mask! |= w >= 31 ? -1 : 1 << w; });
        wordsIn.set(v, mask);
      }
      if (mask) $[k] = { v, n: 1 };
    });
    return { i, $ };
  });
  const index = Fuse.parseIndex<IndexedEntry>({ keys: FUSE_KEYS, records });
  return new FuseOverCorpus(list, index, corpus ?? corpusOfFields(list.map((e) => e.texts)), wordsIn, words)
    .search(pattern)
    .map((r) => ({ item: r.item, refIndex: r.refIndex, score: r.score ?? 1 }));
}
