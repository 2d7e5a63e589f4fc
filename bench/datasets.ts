// Writes each data set and its query set (with the relevant records worked out once) to a scratch folder, so every
// child process reads identical input.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StatisticInput } from '../src/core/index/statistic';
import { loadStatcite } from '../src/core/statcite';
import { generateRecords } from './generate';
import { makeQueries, searchableText, type Query } from './queries';
import { ROOT } from './root';

export interface Dataset {
  readonly name: string;
  readonly records: number;
  readonly datasetFile: string;
  readonly queriesFile: string;
  /** Other queries (another seed), run between the first query and the timed ones so the JIT has warmed up. */
  readonly warmupFile: string;
  readonly queries: number;
}

/** The statistics bundled in `data/`, loaded the way the extension loads them. */
export function bundledStatistics(): ReturnType<typeof loadStatcite> {
  const dir = join(ROOT, 'data');
  const files = readdirSync(dir).filter((f) => f.endsWith('.stats.json')).sort();
  return loadStatcite(files.map((f) => ({ file: `data/${f}`, text: readFileSync(join(dir, f), 'utf8') })));
}

export function prepareDatasets(dir: string, sizes: readonly number[], perKind: number): Dataset[] {
  const out: Dataset[] = [];
  const write = (name: string, records: readonly StatisticInput[], loaded: boolean) => {
    const texts = records.map(searchableText);
    const queries: Query[] = makeQueries(records, texts, perKind);
    const datasetFile = join(dir, `${name}.records.json`);
    const queriesFile = join(dir, `${name}.queries.json`);
    const warmupFile = join(dir, `${name}.warmup.json`);
    writeFileSync(datasetFile, JSON.stringify({ loaded, records }));
    writeFileSync(queriesFile, JSON.stringify(queries));
    writeFileSync(warmupFile, JSON.stringify(makeQueries(records, texts, 4, 8).map((q) => ({ ...q, relevant: [] }))));
    out.push({ name, records: records.length, datasetFile, queriesFile, warmupFile, queries: queries.length });
  };
  write('real', bundledStatistics().index.statistics, true);
  for (const size of sizes) write(size >= 1000 ? `${size / 1000}k` : String(size), generateRecords(size), false);
  return out;
}
