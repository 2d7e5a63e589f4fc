import { parseIndexFile, type ParsedIndexFile } from './index/indexFile';
import { english, type Localize } from './text/localize';
import { SourceResolver } from './citations/resolveSource';
import { FuseStatisticSearch, type StatisticSearch } from './search/search';
import { StatisticsIndex } from './index/statisticsIndex';
import { createValidationContext, type ValidationContext } from './citations/validate';

/**
 * Everything the editor, the CLI and the browser build need, built from one set of index files. Only the index is
 * built at once; the rest is built on first use, so loading (and the editor's activation) pays for none of it.
 */
export interface Statcite {
  readonly index: StatisticsIndex;
  readonly resolver: SourceResolver;
  readonly validation: ValidationContext;
  readonly search: StatisticSearch;
  /**
   * Builds the search ahead of its first use, in slices between which it awaits `pause()` (a rejected pause stops
   * it); the first use before it is done builds it at once, as without it.
   */
  prepareSearch(pause: () => Promise<void>): Promise<void>;
}

/** The composition root of the core. `localize` translates the index's own problem messages (duplicate ids, …). */
export function createStatcite(files: readonly ParsedIndexFile[], localize: Localize = english): Statcite {
  const index = StatisticsIndex.fromFiles(files, localize);
  let resolver: SourceResolver | undefined;
  let validation: ValidationContext | undefined;
  let search: StatisticSearch | undefined;
  const statcite: Statcite = {
    index,
    get resolver() {
      return (resolver ??= new SourceResolver(index));
    },
    get validation() {
      return (validation ??= createValidationContext(index, statcite.resolver));
    },
    get search() {
      return (search ??= new FuseStatisticSearch(index.statistics));
    },
    async prepareSearch(pause) {
      if (search) return;
      // A request that needed the search meanwhile built it at once: the slices left would only compete with requests.
      const built = await FuseStatisticSearch.build(index.statistics, async () => {
        await pause();
        if (search) throw new Error('built on first use');
      });
      search ??= built;
    },
  };
  return statcite;
}

/** Parses index files given as text (file name → JSON text). */
export function loadStatcite(files: ReadonlyArray<{ file: string; text: string }>, localize: Localize = english): Statcite {
  return createStatcite(files.map((f) => parseIndexFile(f.file, f.text, localize)), localize);
}
