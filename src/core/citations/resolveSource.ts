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
   * The source a definition cites. A text naming a publisher and its year decides, whatever the label
   * (`[^hubspot]: HubSpot 2019.`, `[^3]: Zendesk, CX Trends 2019.`); then a label that is a source key
   * (`[^zendesk-2019]`); then a publisher named without a year: its source with no year, or, when the publisher has
   * one set of statistics, that one (`[^g]: Genesys.`, `[^genesys]`).
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
    // The definition is Markdown: "Scott Galloway\, New York Times" names Scott Galloway, New York Times.
    const text = fold(definition.text.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
    // A text naming a publisher and its year decides, whatever the label: "[^hubspot]: HubSpot 2019." cites HubSpot 2019.
    const named = text ? this.named(text) : [];
    // A label may be a source key (`[^zendesk-2019]`); a key can be longer than a slug (a 40-character publisher slug
    // plus "-2019"): the label as it is first.
    const key = [definition.label.toLowerCase(), slugify(definition.label)].find((k) => this.index.bySourceKey(k).length);
    const dated = named.filter((c) => c.year !== undefined);
    // A label naming a source the text also names keeps it, unless the text gives that publisher's year
    // ("[^hubspot]: HubSpot 2019." is HubSpot 2019; "[^article]: “Article”, quoting Grand View Research 2020." is the article).
    const byLabel = key !== undefined ? named.find((c) => c.key === key) : undefined;
    if (byLabel && !dated.some((d) => d.names[0] === byLabel.names[0])) return this.source(byLabel.key, 'label');
    // A text naming several (a definition quoting another one) cites the one its label names, else the first named.
    if (dated.length) return this.source(dated.find((c) => c.key === key)?.key ?? firstNamed(text, dated).key, 'text');
    if (key) return this.source(key, 'label');
    // A publisher named without a year: its source without a year, or its one set of statistics ("[^g]: Genesys.").
    const undated = named.find((c) => c.year === undefined);
    if (undated) return this.source(undated.key, 'text');
    // A text that gives a year no source of the publisher has names none of them ("Zendesk, CX Trends 2020.").
    if (YEAR.test(text)) return undefined;
    const only = this.onlySourceOf(text ? this.publishersIn(text) : new Set(), slugify(definition.label));
    return only ? this.source(only, text && this.publishersIn(text).size ? 'text' : 'label') : undefined;
  }

  private source(key: SourceKey, by: ResolvedSource['by']): ResolvedSource {
    return { key, statistics: this.index.bySourceKey(key), by };
  }

  /**
   * The sources a definition's text names, best first: those whose year the text also gives (or that have none),
   * a publisher before the article it was quoted in ("HubSpot. Quoted in “Asiakaspalvelutilastot”" cites HubSpot),
   * then the longer name.
   */
  private named(text: string): SourceName[] {
    const years = new Set((text.match(YEARS) ?? []).map(Number));
    const found: Array<{ candidate: SourceName; rank: number }> = [];
    for (const candidate of this.names) {
      if (!candidate.names.some((n) => containsWord(text, n))) continue;
      if (candidate.year !== undefined && !years.has(candidate.year)) continue;
      found.push({ candidate, rank: (candidate.year !== undefined ? 2 : 0) + (candidate.primary ? 1 : 0) });
    }
    // A stable sort keeps the longer names first among equals (this.names is sorted so).
    return found.sort((a, b) => b.rank - a.rank).map((f) => f.candidate);
  }

  /** The primary publishers a text names, whatever the year. */
  private publishersIn(text: string): Set<string> {
    const out = new Set<string>();
    for (const c of this.names) if (c.primary && c.names[0] && containsWord(text, c.names[0])) out.add(c.names[0]);
    return out;
  }

  /**
   * The one source of a publisher with a single set of statistics, named by the text ("Genesys.") or by the label
   * alone (`[^genesys]`); none when the publisher has several (HubSpot 2019 and HubSpot with no year).
   */
  private onlySourceOf(publishers: ReadonlySet<string>, label: string): SourceKey | undefined {
    const wanted = publishers.size ? publishers : new Set(label ? [label] : []);
    if (!wanted.size) return undefined;
    const keys = this.names.filter((c) => c.primary && c.names[0] !== undefined && (publishers.size ? wanted.has(c.names[0]) : slugify(c.names[0]) === label));
    const publishersFound = new Set(keys.map((c) => c.names[0]));
    return keys.length === 1 && publishersFound.size === 1 ? keys[0]!.key : undefined;
  }
}

/** The candidate whose name comes first in the text (the longer name on a tie, as `candidates` are ordered). */
function firstNamed(text: string, candidates: readonly SourceName[]): SourceName {
  let best = candidates[0]!;
  let bestAt = Infinity;
  for (const c of candidates) {
    const at = Math.min(...c.names.map((n) => (containsWord(text, n) ? text.indexOf(n) : Infinity)));
    if (at < bestAt) {
      best = c;
      bestAt = at;
    }
  }
  return best;
}

const YEARS = /(?<!\d)(?:19|20)\d\d(?!\d)/g;
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;

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
