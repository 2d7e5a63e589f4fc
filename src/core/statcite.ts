import { parseIndexFile, type ParsedIndexFile } from './indexFile';
import { english, type Localize } from './localize';
import { SourceResolver } from './resolveSource';
import { FuseStatisticSearch, type StatisticSearch } from './search';
import { StatisticsIndex } from './statisticsIndex';
import { createValidationContext, type ValidationContext } from './validate';

/** Everything the editor, the CLI and the browser build need, built from one set of index files. */
export interface Statcite {
  readonly index: StatisticsIndex;
  readonly resolver: SourceResolver;
  readonly validation: ValidationContext;
  /** Built on first use: activation and the CLI's `check` never pay for the search index. */
  readonly search: StatisticSearch;
}

/** The composition root of the core. `localize` translates the index's own problem messages (duplicate ids, …). */
export function createStatcite(files: readonly ParsedIndexFile[], localize: Localize = english): Statcite {
  const index = StatisticsIndex.fromFiles(files, localize);
  const resolver = new SourceResolver(index);
  let search: StatisticSearch | undefined;
  return {
    index,
    resolver,
    validation: createValidationContext(index, resolver),
    get search() {
      return (search ??= new FuseStatisticSearch(index.statistics));
    },
  };
}

/** Parses index files given as text (file name → JSON text). */
export function loadStatcite(files: ReadonlyArray<{ file: string; text: string }>, localize: Localize = english): Statcite {
  return createStatcite(files.map((f) => parseIndexFile(f.file, f.text, localize)), localize);
}
