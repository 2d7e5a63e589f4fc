// How often statcite's top 5 is fuse.js token search's over every statistic, on the benchmark's generated index and
// queries (figure queries left out, as in bench/run.ts), and why it differs where it does.
//   node --import tsx bench/agreement.ts [SIZE=10000] [PER_KIND=20]
// The reference is fuse.js over every record (FuseStatisticSearch without a prefilter: test/unit/tokenSearch.test.ts
// holds its scores to plain fuse.js's), fast enough to run every query at 100k.
// A disagreement is put down to fuse.js matching across words when every statistic missing from statcite's top 5
// scores better in fuse.js than any of its words' terms can make it (bitap reads a field as one string, so a typo'd
// word may match "vice exp" in "service experience"): the prefilter hands fuse.js candidates by whole words.
import { generateRecords, asLoaded } from './generate';
import { makeQueries, searchableText } from './queries';
import { FuseStatisticSearch } from '../src/core/search/search';
import { FIELD_WEIGHTS } from '../src/core/search/searchEntries';
import { termErrors, termId } from '../src/core/search/prefilterTerms';
import { fuseTokens, idfOf } from '../src/core/search/corpusStats';
import { foldFast } from '../src/core/text/searchText';
import type { Prefilter } from '../src/core/search/prefilter';

const size = Number(process.argv[2] ?? 10000);
const perKind = Number(process.argv[3] ?? 20);
const records = generateRecords(size);
const stats = asLoaded(records);
const index = new Map(stats.map((s, i) => [s, i]));
const queries = makeQueries(records, records.map(searchableText), perKind).filter((q) => q.kind !== 'figure');
const statcite = new FuseStatisticSearch(stats);
const reference = new FuseStatisticSearch(stats, { prefilter: false });
// The prefilter's tables, read to tell what whole words can show (bench-only access to private fields).
const prefilter = (statcite as unknown as { prefilter: Prefilter }).prefilter as unknown as {
  corpus: Prefilter['corpus'];
  start: Int32Array;
  postings: Int32Array;
  masks: Uint8Array;
  expand(token: string, wanted: number): { matches: Int32Array };
};
const weights = FIELD_WEIGHTS.map((w) => w / FIELD_WEIGHTS.reduce((a, b) => a + b, 0));

/** The best fuse.js score record `r` can get from its words' terms (errors per field as the prefilter knows them). */
function byWords(r: number, folded: string): number {
  const tokens = [...new Set(fuseTokens(folded))];
  const total = tokens.reduce((a, t) => a + idfOf(prefilter.corpus, t), 0);
  const sums = weights.map(() => 0);
  let oneWord = 0;
  for (const token of tokens) {
    const errors = weights.map(() => Infinity);
    for (const m of prefilter.expand(token, Infinity).matches) {
      const id = termId(m);
      for (let i = prefilter.start[id]!; i < prefilter.start[id + 1]!; i++) {
        if (prefilter.postings[i] !== r) continue;
        weights.forEach((_, f) => { if (prefilter.masks[i]! & (1 << f)) errors[f] = Math.min(errors[f]!, termErrors(m)); });
      }
    }
    errors.forEach((e, f) => {
      if (e === Infinity) return;
      if (tokens.length === 1) oneWord += weights[f]! * -Math.log(e === 0 ? 0.001 : e / token.length);
      else sums[f]! += idfOf(prefilter.corpus, token) * (e === 0 ? 0.999 : 1 - e / token.length);
    });
  }
  if (tokens.length === 1) return Math.exp(-oneWord);
  return Math.exp(-sums.reduce((l, x, f) => l + (x > 0 ? weights[f]! * -Math.log(Math.max(0.001, 1 - x / total)) : 0), 0));
}

let same = 0;
let acrossWords = 0;
const byKind = new Map<string, [number, number]>();
for (const q of queries) {
  const folded = foldFast(q.text).trim();
  const theirs = reference.search(q.text, { limit: 10 }).hits;
  const mine = statcite.search(q.text, { limit: 10 }).hits.map((h) => index.get(h.statistic)!);
  const top = theirs.slice(0, 5).map((h) => index.get(h.statistic)!);
  const kind = byKind.get(q.kind) ?? [0, 0];
  byKind.set(q.kind, kind);
  kind[1]++;
  const missing = top.filter((id) => !mine.slice(0, 5).includes(id));
  if (missing.length === 0 && top.length === Math.min(5, mine.length)) {
    same++;
    kind[0]++;
    continue;
  }
  const score = new Map(theirs.map((h) => [index.get(h.statistic)!, h.score]));
  if (missing.length && missing.every((id) => score.get(id)! < byWords(id, folded) - 1e-4)) acrossWords++;
  else console.log(`differs, not across words: [${q.kind}] ${JSON.stringify(q.text)}`);
}
const n = queries.length;
console.log(`${size} statistics, ${n} queries: statcite's top 5 is fuse.js's over everything on ${same} (${(same / n).toFixed(3)}); of the ${n - same} others, ${acrossWords} differ only by fuse.js matching a word across two words of a field`);
console.log([...byKind].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', '));
