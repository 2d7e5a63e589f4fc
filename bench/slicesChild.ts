// statcite's search built in slices, as the editor builds it after loading (FuseStatisticSearch.build with a timer
// between slices), in a fresh process: how many slices, the time in all, and the longest the host was held up.
// Run by bench/run.ts: node slicesChild.cjs DATASET.json. Prints one JSON line.
import { readFileSync } from 'node:fs';
import type { LoadedStatistic } from '../src/core/index/indexFile';
import { FuseStatisticSearch } from '../src/core/search/search';
import { asLoaded } from './generate';

const dataset = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { loaded?: boolean; records: LoadedStatistic[] };
const stats = dataset.loaded ? dataset.records : asLoaded(dataset.records);
const slices: number[] = [];
const started = performance.now();
let sliceStart = started;
const pause = () =>
  new Promise<void>((resolve) => {
    slices.push(performance.now() - sliceStart);
    setTimeout(() => {
      sliceStart = performance.now();
      resolve();
    }, 0);
  });
void FuseStatisticSearch.build(stats, pause).then(() => {
  slices.push(performance.now() - sliceStart);
  console.log(JSON.stringify({ records: stats.length, slices: slices.length, totalMs: performance.now() - started, longestMs: Math.max(...slices) }));
});
