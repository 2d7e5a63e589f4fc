import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedStatistic } from '../../../src/core/index/indexFile';
import { sourceKeyOf } from '../../../src/core/index/sourceKey';
import { loadStatcite } from '../../../src/core/statcite';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DATA_DIR = join(ROOT, 'data');

/** The bundled index files, read with node:fs as the CLI reads them. */
export const bundledFiles: ReadonlyArray<{ file: string; text: string }> = readdirSync(DATA_DIR)
  .filter((f) => f.endsWith('.stats.json'))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(DATA_DIR, file), 'utf8') }));

/** statcite over the real bundled statistics. */
export const statcite = loadStatcite(bundledFiles);

/** Every bundled statistic, and the statistics of each one's source (for "inserting twice from one source"). */
export const statistics: readonly LoadedStatistic[] = statcite.index.statistics;
export const sameSource = (stat: LoadedStatistic): readonly LoadedStatistic[] => statcite.index.bySourceKey(sourceKeyOf(stat));
export const sourceKeys: readonly string[] = [...statcite.index.sourceKeys()];
