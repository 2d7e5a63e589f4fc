import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { asLoaded, generateRecords } from '../../bench/generate';
import { FuseStatisticSearch, RANK_WHOLE_UP_TO } from '../../src/core/search/search';
import { FUSE_OPTIONS, toEntry } from '../../src/core/search/searchEntries';
import { nearMissesNext } from '../../src/core/search/nearWords';
import { foldFast, searchTokens } from '../../src/core/text/searchText';

/** One typo a writer makes, never on the first letter: a letter dropped, doubled, swapped with the next, or wrong. */
function typo(word: string, kind: number): string {
  const at = 1 + (kind % (word.length - 2));
  switch (kind % 4) {
    case 0: return word.slice(0, at) + word.slice(at + 1);
    case 1: return word.slice(0, at) + word[at] + word.slice(at);
    case 2: return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    default: return word.slice(0, at) + (word[at] === 'k' ? 'q' : 'k') + word.slice(at + 1);
  }
}

/**
 * Misspelt words of the index (each meant word in 1–15 statistics, the typo found in no word as typed), what
 * statcite lists first for each, and fuse.js's own token search over every statistic: the reference for the order.
 */
function misspellings(size: number, seed: number, wanted: number) {
  const stats = asLoaded(generateRecords(size, seed));
  const texts = stats.map((s) => toEntry(s));
  const words = texts.map((e) => new Set(searchTokens([e.en, e.quote, e.publisher, e.tags, e.figure].join(' '))));
  const holding = new Map<string, number[]>();
  words.forEach((set, r) => set.forEach((w) => holding.set(w, [...(holding.get(w) ?? []), r])));
  const vocabulary = [...holding.keys()];
  const search = new FuseStatisticSearch(stats);
  const fuse = new Fuse(texts, FUSE_OPTIONS);
  const cases = [];
  for (const [word, records] of holding) {
    if (cases.length === wanted) break;
    if (word.length < 6 || /\d/.test(word) || records.length > 15) continue;
    const query = typo(word, cases.length);
    if (vocabulary.some((w) => w.includes(query))) continue;
    // Every statistic holding a word that contains the meant one: what the writer meant.
    const meant = new Set(stats.flatMap((_, r) => ([...words[r]!].some((w) => w.includes(word)) ? [r] : [])));
    const ids = (list: readonly { id: string }[]) => list.map((s) => stats.findIndex((x) => x.id === s.id));
    const listed = ids(search.search(query, { limit: 50 }).hits.map((h) => h.statistic));
    const reference = fuse.search(foldFast(query).trim());
    cases.push({ query, meant, listed, reference: ids(reference.map((r) => r.item.stat)), referenceScores: reference.map((r) => r.score!) });
  }
  return cases;
}

const recallAt20 = (listed: readonly number[], meant: ReadonlySet<number>) => listed.slice(0, 20).filter((r) => meant.has(r)).length / meant.size;

describe('a misspelt word', () => {
  for (const [size, label] of [[3000, 'a large index (prefiltered)'], [RANK_WHOLE_UP_TO - 20, 'a small index (ranked whole)']] as const) {
    it(`lists the statistics with the word meant within the first 20, after fuse.js's first five, in ${label}`, { timeout: 60_000 }, () => {
      const cases = misspellings(size, 11, 40);
      expect(cases.length).toBeGreaterThanOrEqual(size > RANK_WHOLE_UP_TO ? 40 : 15);
      const ours = cases.reduce((a, c) => a + recallAt20(c.listed, c.meant), 0) / cases.length;
      const fuses = cases.reduce((a, c) => a + recallAt20(c.reference, c.meant), 0) / cases.length;
      // The first five are fuse.js's: the same statistics, up to ties in its scores.
      const firstFive = cases.filter((c) => {
        const fifth = c.referenceScores[Math.min(4, c.referenceScores.length - 1)];
        return c.listed.slice(0, 5).every((r) => { const at = c.reference.indexOf(r); return at >= 0 && c.referenceScores[at]! <= fifth! + 1e-12; });
      }).length;
      console.log(`${label}: ${cases.length} misspellings, recall@20 of the meant word's statistics ${ours.toFixed(3)} (fuse.js over everything ${fuses.toFixed(3)}); first five as fuse.js's on ${firstFive}`);
      expect(ours).toBeGreaterThanOrEqual(0.95);
      expect(ours).toBeGreaterThan(fuses);
      // Where they differ, the prefilter did not hand fuse.js a record it ties or nearly ties at fifth place (36 of 40
      // as before near misses were listed: the listing never moves the first five).
      expect(firstFive / cases.length).toBeGreaterThanOrEqual(size > RANK_WHOLE_UP_TO ? 0.85 : 1);
    });
  }

  it('leaves a word found as typed in fuse.js\'s order', () => {
    const stats = asLoaded(generateRecords(RANK_WHOLE_UP_TO - 20, 11));
    const fuse = new Fuse(stats.map(toEntry), FUSE_OPTIONS);
    const search = new FuseStatisticSearch(stats);
    for (const word of searchTokens(foldFast(stats[3]!.quote)).filter((w) => w.length >= 4 && !/\d/.test(w)).slice(0, 5)) {
      const reference = fuse.search(word).map((r) => r.score!);
      expect(search.search(word, { limit: 200 }).hits.map((h) => h.score)).toEqual(reference.slice(0, 200));
    }
  });

  it('keeps the first five, then the near misses in their order, then the rest', () => {
    const near = new Set([1, 6, 8, 9]);
    expect(nearMissesNext([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], (h) => near.has(h))).toEqual([0, 1, 2, 3, 4, 6, 8, 9, 5, 7]);
    expect(nearMissesNext([2, 1], (h) => near.has(h))).toEqual([2, 1]);
  });
});
