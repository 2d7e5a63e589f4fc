import type { IndexProblem, LoadedStatistic, ParsedIndexFile } from './indexFile';
import { english, type Localize } from '../text/localize';
import type { Via } from './statistic';
import { sourceKeyOf, type SourceKey } from './sourceKey';

/** The merged index of every loaded file: lookups by id and by source, plus what could not be loaded. */
export class StatisticsIndex {
  readonly statistics: readonly LoadedStatistic[];
  readonly problems: readonly IndexProblem[];
  readonly articles: readonly Via[];
  private readonly byId = new Map<string, LoadedStatistic>();
  private bySourceBuilt: Map<SourceKey, LoadedStatistic[]> | undefined;
  private readonly sameAs = new Map<string, Set<string>>();

  private constructor(statistics: LoadedStatistic[], articles: Via[], problems: IndexProblem[], t: Localize) {
    this.problems = problems;
    this.articles = articles;
    const kept: LoadedStatistic[] = [];
    for (const s of statistics) {
      const first = this.byId.get(s.id);
      if (first) {
        problems.push({
          file: s.origin.file,
          code: 'duplicate-id',
          path: `${s.origin.path}.id`,
          message: t('Duplicate id "{0}" (first defined in {1}); this record is skipped.', s.id, first.origin.file),
          offset: s.origin.offset,
          length: s.origin.length,
          recordId: s.id,
        });
        continue;
      }
      this.byId.set(s.id, s);
      kept.push(s);
    }
    this.statistics = kept;
    for (const s of kept) {
      // Each id once, and never the record itself: a repeated or self link would be reported or shown twice.
      for (const other of new Set(s.sameAs)) {
        if (other === s.id) continue;
        if (!this.byId.has(other)) {
          problems.push({
            file: s.origin.file,
            code: 'dangling-same-as',
            path: `${s.origin.path}.sameAs[${s.sameAs.indexOf(other)}]`,
            message: t('"{0}" lists sameAs "{1}", which is not in the index.', s.id, other),
            offset: s.origin.offset,
            length: s.origin.length,
            recordId: s.id,
          });
          continue;
        }
        this.link(s.id, other);
        this.link(other, s.id);
      }
    }
  }

  /**
   * Merges parsed files in order; later duplicates of an id are reported and skipped. The problems found here go
   * through `localize` (the editor passes `vscode.l10n.t`).
   */
  static fromFiles(files: readonly ParsedIndexFile[], localize: Localize = english): StatisticsIndex {
    return new StatisticsIndex(
      files.flatMap((f) => f.statistics),
      files.flatMap((f) => f.articles),
      files.flatMap((f) => f.problems),
      localize,
    );
  }

  get size(): number {
    return this.statistics.length;
  }

  get(id: string): LoadedStatistic | undefined {
    return this.byId.get(id);
  }

  /** Every statistic that cites this source (publisher + year, or the article when there is no publisher). */
  bySourceKey(key: SourceKey): readonly LoadedStatistic[] {
    return this.bySource.get(key) ?? [];
  }

  sourceKeys(): IterableIterator<SourceKey> {
    return this.bySource.keys();
  }

  // Built on first use: the source keys' Unicode regular expressions cost milliseconds to compile, and loading the
  // index does not need them.
  private get bySource(): Map<SourceKey, LoadedStatistic[]> {
    if (this.bySourceBuilt) return this.bySourceBuilt;
    const bySource = new Map<SourceKey, LoadedStatistic[]>();
    for (const s of this.statistics) {
      const key = sourceKeyOf(s);
      const list = bySource.get(key);
      if (list) list.push(s);
      else bySource.set(key, [s]);
    }
    return (this.bySourceBuilt = bySource);
  }

  /** The same finding in other articles, both directions, whichever side declared the link. */
  sameAsOf(id: string): LoadedStatistic[] {
    return [...(this.sameAs.get(id) ?? [])].flatMap((other) => this.byId.get(other) ?? []);
  }

  private link(from: string, to: string): void {
    const set = this.sameAs.get(from);
    if (set) set.add(to);
    else this.sameAs.set(from, new Set([to]));
  }
}
