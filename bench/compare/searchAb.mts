// Two trees' searches over one generated index in one process, interleaved: see compare-search.sh.
// node --import tsx bench/compare/searchAb.mts ROOT_A ROOT_B [SIZE]
const [ra, rb] = [process.argv[2]!, process.argv[3]!];
const size = Number(process.argv[4] ?? 100000);
const { generateRecords, asLoaded } = await import(`${ra}/bench/generate.ts`);
const { makeQueries, searchableText } = await import(`${ra}/bench/queries.ts`);
const A = (await import(`${ra}/src/core/search/search.ts`)).FuseStatisticSearch;
const B = (await import(`${rb}/src/core/search/search.ts`)).FuseStatisticSearch;
const records = generateRecords(size);
const stats = asLoaded(records);
const queries = makeQueries(records, records.map(searchableText), 30);
const sa = new A(stats), sb = new B(stats);
const t: Record<string, number[][]> = {};
const ks: number[][] = [[], []];
const run = (s: any, q: string, lang: string) => { const t0 = performance.now(); s.search(q, { lang, limit: 50 }); return performance.now() - t0; };
for (const q of queries.slice(0, 30)) { run(sa, q.text, q.lang); run(sb, q.text, q.lang); }
for (let rep = 0; rep < 2; rep++) for (const q of queries) {
  const pair = rep % 2 ? [1, 0] : [0, 1];
  for (const w of pair) (t[q.kind] ??= [[], []])[w]!.push(run(w ? sb : sa, q.text, q.lang));
  for (let k = 1; k <= q.text.length; k++) for (const w of pair) ks[w]!.push(run(w ? sb : sa, q.text.slice(0, k), q.lang));
}
const p95 = (a: number[]) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length * 0.95)]!.toFixed(2); };
const all = [0, 1].map((w) => Object.values(t).flatMap((v) => v[w]!));
console.log(`A ${ra.split('/').pop()} | B ${rb.split('/').pop()}  p95 A/B`);
console.log(`all ${p95(all[0]!)}/${p95(all[1]!)}  ks ${p95(ks[0]!)}/${p95(ks[1]!)}  ` + Object.entries(t).map(([k, v]) => `${k} ${p95(v[0]!)}/${p95(v[1]!)}`).join('  '));
