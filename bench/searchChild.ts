// One search measurement in a fresh process: one engine, one data set. Prints one JSON line.
// Run by bench/run.ts (bundled): node --expose-gc searchChild.cjs ENGINE DATASET.json QUERIES.json WARMUP.json BUDGET_MS
import { readFileSync } from 'node:fs';
import type { LoadedStatistic } from '../src/core/index/indexFile';
import { createEngine, type EngineName } from './engines';
import { asLoaded } from './generate';
import { KINDS, type Query } from './queries';
import { memoryMB, summarize } from './stats';

const [engineName, datasetFile, queriesFile, warmupFile, budgetArg] = process.argv.slice(2);
const budget = Number(budgetArg ?? 20000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run node with --expose-gc');

const dataset = JSON.parse(readFileSync(datasetFile!, 'utf8')) as { loaded?: boolean; records: LoadedStatistic[] };
const stats = dataset.loaded ? dataset.records : asLoaded(dataset.records);
const queries = JSON.parse(readFileSync(queriesFile!, 'utf8')) as Query[];
const warmup = JSON.parse(readFileSync(warmupFile!, 'utf8')) as Query[];
const LIMIT = 50;
const engine = createEngine(engineName as EngineName);

gc();
gc();
const before = memoryMB();
const cpu = process.cpuUsage();
let t = performance.now();
engine.build(stats);
const buildMs = performance.now() - t;
const buildCpu = process.cpuUsage(cpu);
gc();
gc();
const indexMB = memoryMB() - before;

// The first query timed on its own (cold), then warm-up queries of another set (not timed, a tenth of the budget
// at most), then the rest of the query set until the time budget is spent.
const results: Array<{ q: Query; ids: number[]; ms?: number }> = [];
const latencies: number[] = [];
// CPU time per query too: on a shared machine another process's load stretches wall time, not CPU time (which
// includes V8's helper threads, so it is no lower bound either).
const cpuTimes: number[] = [];
t = performance.now();
results.push({ q: queries[0]!, ids: engine.search(queries[0]!.text, queries[0]!.lang, LIMIT) });
const firstQueryMs = performance.now() - t;
const warmStarted = performance.now();
for (const q of warmup) if (firstQueryMs < budget / 20 && performance.now() - warmStarted < budget / 10) engine.search(q.text, q.lang, LIMIT);
const started = performance.now();
for (const q of queries.slice(1)) {
  if (performance.now() - started > budget) break;
  const c = process.cpuUsage();
  t = performance.now();
  const ids = engine.search(q.text, q.lang, LIMIT);
  const ms = performance.now() - t;
  const used = process.cpuUsage(c);
  latencies.push(ms);
  cpuTimes.push((used.user + used.system) / 1000);
  results.push({ q, ids, ms });
}

// For the agreement with fuse.js over everything (which knows no document language), each query again without
// the document's language (untimed): the language reorders near ties on purpose. Not for figure queries: statcite
// takes only the statistics that state the figure, the reference reads the figure as a word.
const plainTops = results.map((r) => (r.q.kind === 'figure' ? null : engine.search(r.q.text, '', 10)));

// Keystrokes: every prefix of each query, as completion asks on each character typed.
const keystrokes: number[] = [];
const ksStarted = performance.now();
// The reference (fuse.js over everything, seconds a query at 100k) spends its budget on the query set alone.
outer: for (const q of engineName === 'fuse-tokens' ? [] : queries) {
  for (let k = 1; k <= q.text.length; k++) {
    if (performance.now() - ksStarted > budget / 4) break outer;
    t = performance.now();
    engine.search(q.text.slice(0, k), q.lang, LIMIT);
    keystrokes.push(performance.now() - t);
  }
}

const quality = (rs: typeof results) => {
  let recall = 0;
  let precision = 0;
  let answered = 0;
  let target = 0;
  let recall5 = 0;
  let reciprocal = 0;
  for (const { q, ids } of rs) {
    const rel = new Set(q.relevant);
    const top = ids.slice(0, 20);
    const hits = top.filter((i) => rel.has(i)).length;
    recall += hits / Math.min(20, rel.size);
    recall5 += ids.slice(0, 5).filter((i) => rel.has(i)).length / Math.min(5, rel.size);
    const first = ids.findIndex((i) => rel.has(i));
    if (first >= 0) reciprocal += 1 / (first + 1);
    if (top.length) (precision += hits / top.length), answered++;
    if (top.includes(q.target)) target++;
  }
  if (!rs.length) return { n: 0, recall20: null, precision20: null, target20: null, recall5: null, mrr: null };
  return { n: rs.length, recall20: recall / rs.length, precision20: answered ? precision / answered : null, target20: target / rs.length, recall5: recall5 / rs.length, mrr: reciprocal / rs.length };
};

console.log(
  JSON.stringify({
    engine: engineName,
    records: stats.length,
    buildMs,
    buildCpuMs: (buildCpu.user + buildCpu.system) / 1000,
    indexMB,
    firstQueryMs,
    queries: summarize(latencies),
    queryCpu: summarize(cpuTimes),
    p95ByKind: Object.fromEntries(KINDS.map((k) => [k, summarize(results.filter((r) => r.q.kind === k && r.ms !== undefined).map((r) => r.ms!)).p95])),
    maxByKind: Object.fromEntries(KINDS.map((k) => [k, summarize(results.filter((r) => r.q.kind === k && r.ms !== undefined).map((r) => r.ms!)).max])),
    keystrokes: summarize(keystrokes),
    quality: quality(results),
    byKind: Object.fromEntries(KINDS.map((k) => [k, quality(results.filter((r) => r.q.kind === k))])),
    complete: results.length === queries.length,
    tops: results.map((r) => r.ids.slice(0, 10)),
    plainTops,
  }),
);
