import { fold } from '../text/fold';
import type { FootnoteDefinition } from '../markdown/markdown';
import { slugify, type SourceKey } from '../index/sourceKey';
import type { StatisticsIndex } from '../index/statisticsIndex';
import type { LoadedStatistic } from '../index/indexFile';

/** A footnote definition tied to the index: the source it names and that source's statistics. */
export interface ResolvedSource {
  readonly key: SourceKey;
  readonly statistics: readonly LoadedStatistic[];
  /** How it was found: by the footnote's label, or by its text naming a publisher (and year). */
  readonly by: 'label' | 'text';
}

interface SourceName {
  readonly key: SourceKey;
  readonly names: readonly string[];
  readonly year: number | undefined;
  /** A primary publisher, not the article a publisher-less statistic was found in. */
  readonly primary: boolean;
}

/** Resolves footnote definitions to index sources; built once per index, used for every document. */
export class SourceResolver {
  private readonly names: SourceName[] = [];

  constructor(private readonly index: StatisticsIndex) {
    for (const key of index.sourceKeys()) {
      const first = index.bySourceKey(key)[0];
      if (!first) continue;
      const names = first.source
        ? [first.source.publisher, first.source.title].filter((n): n is string => !!n)
        : [first.via.title, first.via.publisher].filter((n): n is string => !!n);
      this.names.push({ key, names: names.map(fold).filter((n) => n.length >= 2), year: first.source?.year, primary: !!first.source });
    }
    // Longer names first, so "Zendesk CX Trends" wins over "Zendesk" when both are known.
    this.names.sort((a, b) => Math.max(...b.names.map((n) => n.length)) - Math.max(...a.names.map((n) => n.length)));
  }

  /**
   * The source a definition cites: its label is a source key (`[^zendesk-2019]`), or its text names a known
   * publisher and, where the source has a year, that year (`[^3]: Zendesk, CX Trends 2019.`).
   */
  resolve(definition: Pick<FootnoteDefinition, 'label' | 'text'>): ResolvedSource | undefined {
    // Completion plans up to 50 items against the same parsed definitions: resolve each definition once.
    if (this.resolved.has(definition)) return this.resolved.get(definition);
    const source = this.resolveUncached(definition);
    this.resolved.set(definition, source);
    return source;
  }

  private readonly resolved = new WeakMap<object, ResolvedSource | undefined>();

  private resolveUncached(definition: Pick<FootnoteDefinition, 'label' | 'text'>): ResolvedSource | undefined {
    // A key can be longer than a slug (a 40-character publisher slug plus "-2019"): try the label as it is first.
    const key = [definition.label.toLowerCase(), slugify(definition.label)].find((k) => this.index.bySourceKey(k).length);
    if (key) return { key, statistics: this.index.bySourceKey(key), by: 'label' };
    // The definition is Markdown: "Scott Galloway\, New York Times" names Scott Galloway, New York Times.
    const text = fold(definition.text.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
    if (!text) return undefined;
    const years = new Set((text.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? []).map(Number));
    let best: SourceName | undefined;
    let bestRank = -1;
    for (const candidate of this.names) {
      if (!candidate.names.some((n) => containsWord(text, n))) continue;
      if (candidate.year !== undefined && !years.has(candidate.year)) continue;
      // A source with the matching year beats one with no year, and a publisher beats the article it was quoted in
      // ("HubSpot. Quoted in “Asiakaspalvelutilastot”, 2020-10-07." cites HubSpot); then the longer name wins.
      const rank = (candidate.year !== undefined ? 2 : 0) + (candidate.primary ? 1 : 0);
      if (rank > bestRank) {
        best = candidate;
        bestRank = rank;
      }
    }
    return best ? { key: best.key, statistics: this.index.bySourceKey(best.key), by: 'text' } : undefined;
  }
}

function containsWord(haystack: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (!isWordChar(before) && !isWordChar(after)) return true;
    from = at + 1;
  }
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch) && !/\p{Script=Han}/u.test(ch);
}
