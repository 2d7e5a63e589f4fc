import type { PrefilterParts } from './prefilterBuild';
import { MAX_TOKEN } from './prefilterVocabulary';
import { searchTokens } from '../text/searchText';

/**
 * What fuse.js's token search reads of the whole collection to weigh a query word: in how many fields each term
 * occurs (`df`) and how many fields hold any term (`fieldCount`), as its own inverted index counts them. fuse.js
 * ranks only the prefilter's candidates, but with these figures taken over every statistic, so that a word's rarity
 * (and with it the ranking) is the one fuse.js over the whole index would give.
 */
export interface CorpusStats {
  readonly df: { get(term: string): number | undefined };
  readonly fieldCount: number;
}

/**
 * The tokens fuse.js's token search reads in folded text, at index and query time alike: the prefilter's tokens
 * (runs of letters and digits, each Han character and each pair of adjacent ones), cut to MAX_TOKEN characters.
 */
export function fuseTokens(folded: string): string[] {
  const tokens = searchTokens(folded);
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.length > MAX_TOKEN) tokens[i] = tokens[i]!.slice(0, MAX_TOKEN);
  return tokens;
}

/** The corpus figures of folded fields (a small index ranked whole, or a test's), counted as fuse.js counts them. */
export function corpusOfFields(records: readonly (readonly string[])[]): CorpusStats {
  const df = new Map<string, number>();
  let fieldCount = 0;
  for (const fields of records) {
    for (const text of fields) {
      const tokens = fuseTokens(text);
      if (!tokens.length) continue;
      fieldCount++;
      for (const term of new Set(tokens)) df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  return { df, fieldCount };
}

/**
 * The corpus figures of a prefilter's postings: a posting's mask has a bit per field its term is in, so a term's
 * field count is the sum of its postings' bits, and a record's non-empty fields are the union of its masks.
 */
export function corpusOfPostings(parts: PrefilterParts, recordCount: number, fieldBits: number): CorpusStats {
  const { start, postings, masks, terms } = parts;
  const termCount = start.length - 1;
  const counts = new Int32Array(termCount);
  const fieldsOf = new Uint8Array(recordCount);
  for (let t = 0; t < termCount; t++) {
    let n = 0;
    for (let i = start[t]!, end = start[t + 1]!; i < end; i++) {
      const mask = masks[i]! & fieldBits;
      n += BITS[mask]!;
      fieldsOf[postings[i]!]! |= mask;
    }
    counts[t] = n;
  }
  let fieldCount = 0;
  for (let r = 0; r < recordCount; r++) fieldCount += BITS[fieldsOf[r]!]!;
  return {
    df: { get: (term) => { const id = terms.termNumber(term); return id === undefined ? undefined : counts[id]; } },
    fieldCount,
  };
}

/** fuse.js's token search weight of a term (BM25's idf), from the corpus figures. */
export function idfOf(corpus: CorpusStats, term: string): number {
  const docFreq = corpus.df.get(term) ?? 0;
  return Math.log(1 + (corpus.fieldCount - docFreq + 0.5) / (docFreq + 0.5));
}

const BITS = Uint8Array.from({ length: 256 }, (_, m) => { let n = 0; for (let b = m; b; b &= b - 1) n++; return n; });
