import { truncateCodePoints } from '../text/cut';
import { planInsertion, type InsertionPlan, type InsertMode, type TextEdit } from './cite';
import type { CitationContext } from './context';
import { statisticMarkdown } from './hover';
import { describeFigure, describeSource, formatFigure } from '../index/format';
import type { LoadedStatistic } from '../index/indexFile';
import type { StatisticsIndex } from '../index/statisticsIndex';
import type { MarkdownCache, ParsedMarkdown } from '../markdown/markdown';
import type { StatisticSearch } from '../search/search';
import type { Localize } from '../text/localize';

/** What completion needs of the core (the composition root's `Statcite` is one). */
export interface CompletionContext extends CitationContext {
  readonly index: StatisticsIndex;
  readonly search: StatisticSearch;
  readonly validation: { readonly markdown: MarkdownCache };
}

/** One statistic offered after the trigger, with the edits that cite it. Offsets are into the document's text. */
export interface CompletionCandidate {
  readonly statisticId: string;
  /** The figure and the gloss: `84% of consumers…`. */
  readonly label: string;
  /** The source, shown beside the label. */
  readonly description: string;
  readonly detail: string;
  /** Markdown with all data-file text escaped: render it untrusted, HTML off. */
  readonly documentation: string;
  /** The trigger and the query as typed, so an editor's own filter keeps every candidate. */
  readonly filterText: string;
  /** Keeps the search's ranking. */
  readonly sortText: string;
  /** Replaces the trigger and the query with the cited figure. */
  readonly edit: TextEdit;
  /** Adds the footnote definition; never overlaps `edit`. */
  readonly additionalEdits: readonly TextEdit[];
}

export interface CompletionAnswer {
  readonly candidates: readonly CompletionCandidate[];
  /** Always true: the list is asked again on each keystroke, so the search ranks it, not the editor's filter. */
  readonly isIncomplete: boolean;
}

export interface CompletionOptions {
  readonly trigger: string;
  readonly maxResults: number;
  readonly insert: InsertMode;
  /** The document's language (see `documentLanguage`). */
  readonly lang: string;
  readonly staleAfterYears: number;
  readonly now: Date;
  readonly localize?: Localize;
  /** The document's parsed Markdown, when the caller keeps it per version. */
  readonly parsed?: ParsedMarkdown;
}

/** The longest query after the trigger that is still completed: beyond it the trigger was surely not meant. */
const MAX_QUERY = 80;

/**
 * The trigger's characters, a space and the digits: completion opens with quick suggestions off, follows
 * multi-word queries, and reopens when a figure is typed after a list that had closed empty ("zendesk 8" → "84").
 * Elsewhere these characters cost one line scan that finds no trigger.
 */
export function completionTriggerCharacters(trigger: string): string[] {
  return [...new Set([...trigger, ' ', ...'0123456789'])];
}

/** The trigger and query before `offset` on its line: where the trigger starts and what follows it. */
export function triggerQueryAt(text: string, offset: number, trigger: string): { start: number; query: string } | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const line = text.slice(lineStart, offset);
  const at = line.lastIndexOf(trigger);
  if (at < 0) return undefined;
  const query = line.slice(at + trigger.length);
  if (query.length > MAX_QUERY || query.includes(trigger)) return undefined;
  return { start: lineStart + at, query };
}

/**
 * Completion at `offset`: when the trigger (`@@` by default) and a query stand before it on its line, the
 * statistics the search ranks best, each with the edits that insert its figure and cite its source.
 */
export function completeStatistics(text: string, offset: number, ctx: CompletionContext, options: CompletionOptions): CompletionAnswer | undefined {
  const typed = triggerQueryAt(text, offset, options.trigger);
  if (!typed) return undefined;
  const result = ctx.search.search(typed.query, { lang: options.lang, limit: options.maxResults });
  const range = { start: typed.start, end: offset };
  const parsed = options.parsed;
  const shown = shownFor(ctx, options);
  const candidates = result.hits.map(({ statistic: stat }, rank): CompletionCandidate => {
    const { figure, ...texts } = shown.get(stat, () => showStatistic(stat, ctx.index, options));
    const plan = planInsertion(text, range, stat, { figure, mode: options.insert, lang: options.lang, resolver: ctx.resolver, ...(parsed ? { parsed } : {}) });
    return {
      statisticId: stat.id,
      ...texts,
      filterText: options.trigger + typed.query,
      sortText: String(rank).padStart(5, '0'),
      edit: plan.main,
      additionalEdits: plan.additional,
    };
  });
  return { candidates, isIncomplete: true };
}

/** What a candidate shows of its statistic: the same for every document in the same language. */
interface Shown {
  readonly figure: string;
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  readonly documentation: string;
}

function showStatistic(stat: LoadedStatistic, index: StatisticsIndex, options: CompletionOptions): Shown {
  const figure = formatFigure(stat, options.lang);
  return {
    figure,
    label: `${figure} ${truncateCodePoints(glossAfterFigure(stat), 70)}`,
    description: describeSource(stat),
    detail: `${describeSource(stat)} · ${describeFigure(stat)} · ${stat.lang}`,
    documentation: statisticMarkdown(stat, index, { staleAfterYears: options.staleAfterYears, now: options.now, ...(options.localize ? { localize: options.localize } : {}) }),
  };
}

/**
 * The statistics shown lately, per index: typing a query finds many of the same ones on each keystroke, and building
 * their documentation was most of completion's own time and garbage (100k statistics: ~40% of its allocation).
 */
class ShownCache {
  private readonly entries = new Map<LoadedStatistic, Shown>();

  constructor(readonly key: string) {}

  get(stat: LoadedStatistic, make: () => Shown): Shown {
    let hit = this.entries.get(stat);
    if (hit) this.entries.delete(stat);
    else hit = make();
    this.entries.set(stat, hit); // last used last: the first is the one to drop
    if (this.entries.size > 1000) this.entries.delete(this.entries.keys().next().value!);
    return hit;
  }
}

const shownByContext = new WeakMap<CompletionContext, { localize: Localize | undefined; cache: ShownCache }>();

/** The cache for what `options` show (documentation depends only on the year of `now`). */
function shownFor(ctx: CompletionContext, options: CompletionOptions): ShownCache {
  const key = `${options.lang}\0${options.staleAfterYears}\0${options.now.getFullYear()}`;
  const kept = shownByContext.get(ctx);
  if (kept && kept.cache.key === key && kept.localize === options.localize) return kept.cache;
  const cache = new ShownCache(key);
  shownByContext.set(ctx, { localize: options.localize, cache });
  return cache;
}

/** Plans citing `stat` over `[start, end)` (a selection, or the cursor): the figure in the document's language. */
export function planStatisticInsertion(
  text: string,
  range: { start: number; end: number },
  stat: LoadedStatistic,
  ctx: CitationContext,
  options: { lang: string; insert: InsertMode; parsed?: ParsedMarkdown },
): InsertionPlan {
  return planInsertion(text, range, stat, { figure: formatFigure(stat, options.lang), mode: options.insert, lang: options.lang, resolver: ctx.resolver, ...(options.parsed ? { parsed: options.parsed } : {}) });
}

/** How a statistic reads in a pick list: the figure and gloss, the source, the quote. */
export function statisticPickItem(stat: LoadedStatistic, lang: string): { label: string; description: string; detail: string } {
  return { label: `${formatFigure(stat, lang)} ${stat.en}`, description: describeSource(stat), detail: stat.quote };
}

/** The gloss without a leading copy of the figure, so "84% 84% of consumers…" reads "84% of consumers…". */
function glossAfterFigure(stat: LoadedStatistic): string {
  const figure = describeFigure(stat).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return stat.en.replace(new RegExp(`^${figure}(?![\\d.,])\\s*`), '');
}

