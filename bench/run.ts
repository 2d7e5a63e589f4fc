// `npm run bench [-- --quick] [-- --only=search|activation|validation|linear|vsix] [-- --engines=a,b] [-- --sizes=1000,10000] [-- --repeat=3]`
// Prepares the data sets once, then runs every measurement in a fresh child process, one after the other (two cores:
// running them side by side would measure contention), and writes bench/results/latest.{json,md}.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { runChild } from './child';
import { ENGINES, type EngineName } from './engines';
import { prepareDatasets } from './datasets';
import { renderMarkdown } from './report';
import { packageVsix } from './vsix';
import { ROOT } from './root';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const only = arg('only')?.split(',');
const engines = (arg('engines')?.split(',') ?? ENGINES) as EngineName[];
const sizes = arg('sizes')?.split(',').map(Number) ?? [1000, 10000, 100000];
const perKind = quick ? 8 : 30;
const repeat = Number(arg('repeat') ?? (quick ? 1 : 3));
// Per child: how long the query loop may run; a slow engine is measured on the first queries only (n is reported).
const budgetMs = quick ? 4000 : 15000;
// The relevance reference (fuse.js token search over everything) takes seconds a query at 100k: a longer budget, so
// that the agreement of statcite's top 5 with its top 5 rests on more than a handful of queries.
const referenceBudgetMs = Number(arg('reference-budget') ?? (quick ? 30000 : 120000));
const root = ROOT;
const wants = (part: string) => !only || only.includes(part);

// `--report-only`: render latest.md again from latest.json (after a change to the report's layout).
if (args.includes('--report-only')) {
  const latest = JSON.parse(readFileSync(join(root, 'bench/results/latest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(root, 'bench/results/latest.md'), renderMarkdown(latest));
  process.exit(0);
}

const scratch = mkdtempSync(join(tmpdir(), 'statcite-bench-'));
const startedAt = Date.now();
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  command: `npm run bench${args.length ? ' -- ' + args.join(' ') : ''}`,
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGB: Math.round(totalmem() / 1073741824), node: process.version, platform: `${process.platform} ${process.arch}`, loadBefore: loadavg().map((l) => l.toFixed(2)).join(' ') } as Record<string, unknown>,
  settings: { perKind, budgetMs, limit: 50 },
};

if (wants('search')) {
  let t = Date.now();
  const datasets = prepareDatasets(scratch, sizes, perKind);
  console.log(`data sets ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const search: Record<string, Record<string, unknown>> = {};
  for (const ds of datasets) {
    search[ds.name] = { records: ds.records, queries: ds.queries };
    for (const engine of engines) {
      t = Date.now();
      // statcite's own figures are what the targets are judged by: measured in `repeat` fresh processes, the run with
      // the median p95 kept, and every run's p95 reported, so the machine's noise shows.
      const runs = Array.from({ length: engine === 'statcite' ? repeat : 1 }, () => runChild('searchChild.ts', [engine, ds.datasetFile, ds.queriesFile, ds.warmupFile, String(engine === 'fuse-tokens' ? referenceBudgetMs : budgetMs)], scratch, engine === 'fuse-tokens' ? referenceBudgetMs * 3 + 120000 : undefined));
      const p95 = (x: Record<string, unknown>) => (x.queries as { p95: number } | undefined)?.p95 ?? Infinity;
      const r = [...runs].sort((a, b) => p95(a) - p95(b))[Math.floor(runs.length / 2)]!;
      if (runs.length > 1) r.repeats = runs.map((x) => ({ p95: p95(x), max: (x.queries as { max: number } | undefined)?.max, buildMs: x.buildMs }));
      search[ds.name]![engine] = r;
      const q = r.queries as { p95: number; n: number } | undefined;
      console.log(`${ds.name.padEnd(5)} ${engine.padEnd(15)} ${r.error ? 'ERROR ' + String(r.error) : `build ${(r.buildMs as number).toFixed(0)} ms, p95 ${q?.p95.toFixed(2)} ms (n=${q?.n}), recall@20 ${(r.quality as { recall20: number }).recall20.toFixed(2)}`} [${((Date.now() - t) / 1000).toFixed(1)} s]`);
    }
    addAgreement(search[ds.name]!);
  }
  // The largest generated index built in slices, as the editor builds it after loading.
  const largest = datasets[datasets.length - 1];
  if (engines.includes('statcite') && largest && largest.records >= 10000) {
    results.slicedBuild = runChild('slicesChild.ts', [largest.datasetFile], scratch);
    console.log('sliced build', JSON.stringify(results.slicedBuild));
  }
  results.search = search;
}

if (wants('vsix')) {
  results.vsix = packageVsix(root);
  console.log('vsix', JSON.stringify(results.vsix));
}
if (wants('activation')) {
  if (!existsSync(join(root, 'dist/extension.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  const runs = Array.from({ length: quick ? 5 : 9 }, () => runChild('activationChild.ts', [], scratch));
  const ok = runs.filter((r) => !r.error);
  const median = (key: string) => ok.map((r) => r[key] as number).sort((a, b) => a - b)[Math.floor(ok.length / 2)];
  results.activation = ok.length
    ? { runs: ok.length, requireMs: median('requireMs'), activateMs: median('activateMs'), readyMs: median('readyMs'), firstSearchMs: median('firstSearchMs'), statistics: ok[0]!.statistics }
    : runs[0];
  console.log('activation', JSON.stringify(results.activation));
}
if (wants('linear')) {
  results.linear = runChild('linearChild.ts', [], scratch, 400000);
  console.log('linear', JSON.stringify(results.linear).slice(0, 300));
}
if (wants('validation')) {
  results.validation = runChild('validationChild.ts', [quick ? 'quick' : 'full'], scratch, 400000);
  console.log('validation', JSON.stringify(results.validation).slice(0, 300));
}

/** How often statcite's top hit, and its top ten, are fuse.js's over the whole index (where both ran the queries). */
function addAgreement(runs: Record<string, unknown>): void {
  const reference = runs['statcite-plain'] as { tops?: number[][] } | undefined;
  for (const engine of ENGINES) {
    const run = runs[engine] as { tops?: number[][]; agreement?: unknown } | undefined;
    if (!run?.tops || !reference?.tops || engine === 'statcite-plain') continue;
    const n = Math.min(run.tops.length, reference.tops.length);
    let top1 = 0;
    let top10 = 0;
    for (let i = 0; i < n; i++) {
      const mine = run.tops[i]!;
      const theirs = reference.tops[i]!;
      if (mine[0] === theirs[0]) top1++;
      top10 += theirs.length ? theirs.filter((id) => mine.includes(id)).length / theirs.length : mine.length ? 0 : 1;
    }
    if (n) run.agreement = { top1: top1 / n, top10: top10 / n, n };
  }
  // Against fuse.js's token search over everything (the relevance reference): the same five records at the top.
  // statcite's searches without the document's language (plainTops): the reference knows none.
  const tokens = runs['fuse-tokens'] as { tops?: number[][] } | undefined;
  for (const engine of ENGINES) {
    const run = runs[engine] as { plainTops?: Array<number[] | null>; agreementTokens?: unknown } | undefined;
    if (!run?.plainTops || !tokens?.tops || engine === 'fuse-tokens') continue;
    let n = 0;
    let top5 = 0;
    let top1 = 0;
    for (let i = 0; i < Math.min(run.plainTops.length, tokens.tops.length); i++) {
      if (!run.plainTops[i]) continue;
      n++;
      const mine = run.plainTops[i]!.slice(0, 5);
      const theirs = tokens.tops[i]!.slice(0, 5);
      if (mine.length === theirs.length && theirs.every((id) => mine.includes(id))) top5++;
      if (mine[0] === theirs[0]) top1++;
    }
    if (n) run.agreementTokens = { top1: top1 / n, top5: top5 / n, n };
  }
  for (const engine of ENGINES) {
    delete (runs[engine] as { tops?: unknown } | undefined)?.tops;
    delete (runs[engine] as { plainTops?: unknown } | undefined)?.plainTops;
  }
}

results.totalSeconds = (Date.now() - startedAt) / 1000;
(results.machine as Record<string, unknown>).loadAfter = loadavg().map((l) => l.toFixed(2)).join(' ');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(root, 'bench/results/latest.md'), renderMarkdown(results));
console.log(`wrote bench/results/latest.json and latest.md in ${results.totalSeconds} s`);
