import type { LoadedStatistic } from './indexFile';

const STATISTICS_PER_STEP = 4096;

/**
 * What the search keeps per statistic besides the prefilter: its language, as text and as a small number, and the
 * statistics by value. Made a few thousand statistics at a time (see FuseStatisticSearch.build): at 100k statistics
 * reading every one takes tens of milliseconds, most of it waiting on memory.
 */
export class StatisticTables {
  readonly langs: string[] = [];
  /** Each statistic's language as a small number, for the prefilter; past 255 languages the rest share one number. */
  readonly groups: Uint8Array;
  readonly groupIds = new Map<string, number>();
  readonly byValue = new Map<number, number[]>();
  private next = 0;

  constructor(private readonly statistics: readonly LoadedStatistic[]) {
    this.groups = new Uint8Array(statistics.length);
  }

  /** Reads statistics until all are read or `more()`, asked every few thousand, says stop; returns whether all are. */
  run(more: () => boolean = () => true): boolean {
    const { statistics } = this;
    while (this.next < statistics.length) {
      const to = Math.min(statistics.length, this.next + STATISTICS_PER_STEP);
      for (let i = this.next; i < to; i++) this.add(statistics[i]!, i);
      this.next = to;
      if (!more()) break;
    }
    return this.next >= statistics.length;
  }

  private add(s: LoadedStatistic, i: number): void {
    const lang = baseLang(s.lang);
    this.langs.push(lang);
    let id = this.groupIds.get(lang);
    if (id === undefined) this.groupIds.set(lang, (id = Math.min(this.groupIds.size, 255)));
    this.groups[i] = id;
    this.addValue(s.value, i);
    if (s.valueMax !== undefined && s.valueMax !== s.value) this.addValue(s.valueMax, i);
  }

  private addValue(value: number, index: number): void {
    const list = this.byValue.get(value);
    if (list) list.push(index);
    else this.byValue.set(value, [index]);
  }
}

export function baseLang(lang: string): string {
  const dash = lang.indexOf('-');
  return dash < 0 ? lang : lang.slice(0, dash);
}
