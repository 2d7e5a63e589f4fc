import { bibliographyEntry } from '../bibliography/entry';
import { findExistingEntry, type ExistingEntry } from '../bibliography/existing';
import type { Figure } from '../figures/figures';
import type { Sentence } from '../figures/sentences';
import { describeSource } from '../index/format';
import type { LoadedStatistic } from '../index/indexFile';
import { sourceKeyOf } from '../index/sourceKey';
import type { ParsedMarkdown } from '../markdown/markdown';
import { pandocCitations, type PandocCitation } from '../markdown/pandocCitations';
import type { Localize } from '../text/localize';
import type { TextEdit } from './cite';
import { resolveCitationKey } from './citedSources';
import type { ResolvedSource } from './resolveSource';
import type { RuleCode } from './rules';
import type { SourceResolver } from './resolveSource';
import type { StatisticsIndex } from '../index/statisticsIndex';
import type { BibliographyEntry } from '../bibliography/entry';

// validate.ts calls into this module, so its types are restated here rather than imported (no import cycle).
/** A fix as validation reports it, with the bibliography entry it adds. */
export interface PandocFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly safeForFixAll: boolean;
  readonly bibliographyEntry?: BibliographyEntry;
}
type Add = (code: RuleCode, start: number, end: number, message: string, fix?: PandocFix) => void;
type Context = { readonly index: StatisticsIndex; readonly resolver: SourceResolver };
type Options = { readonly staleAfterYears?: number; readonly now?: Date };

/** Quarto's cross-reference prefixes: `@fig-plot` is a figure, not a citation. */
const CROSS_REFERENCE = /^(?:fig|tbl|lst|tip|nte|wrn|imp|cau|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|eq|sec)-/;

/** What the sentence loop needs from a document's Pandoc citations. */
export interface PandocCitationsInDocument {
  /** The sources cited in `[start, end)` and whether anything is cited there; figures inside a citation are dropped. */
  readonly inSentence: (sentence: Sentence) => { readonly sentence: Sentence; readonly cited: boolean; readonly sources: readonly ResolvedSource[] };
  /** The fix that cites `stat` after `figure` Pandoc-style, adding its entry to the bibliography when it has none. */
  readonly citeFix: (stat: LoadedStatistic, figure: Figure, title: string) => PandocFix | undefined;
}

/**
 * Checks a document's Pandoc citations against its bibliography (`options.bibliography`): a bracketed key with no
 * entry is `undefined-citation` (with a fix adding the entry when the key is an index source); a cited source with no
 * primary publisher is `secondary-source`, an old one `stale-statistic`, once per key. Quarto cross-references and
 * in-text `@word`s that name nothing known (a handle, an e-mail) are left alone.
 */
export function checkPandocCitations(text: string, md: ParsedMarkdown, ctx: Context, entries: readonly ExistingEntry[], options: Options, add: Add, t: Localize): PandocCitationsInDocument {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const citations: Array<PandocCitation & { source?: ResolvedSource }> = [];
  const checked = new Set<string>();
  const keyOf = new Map<string, string | undefined>();
  for (const c of pandocCitations(md, text)) {
    if (CROSS_REFERENCE.test(c.key)) continue;
    const entry = byKey.get(c.key);
    // A long document cites the same few keys many times: resolve each once.
    if (!keyOf.has(c.key)) keyOf.set(c.key, resolveCitationKey(c.key, ctx.resolver, entry));
    const key = keyOf.get(c.key);
    const source = key ? { key, statistics: ctx.index.bySourceKey(key), by: 'label' as const } : undefined;
    if (!entry) {
      if (!c.bracket && !source) continue;
      const newEntry = source && bibliographyEntry(source.statistics);
      add('undefined-citation', c.start, c.end, t('Citation @{0} is not in the bibliography.', c.key), newEntry && {
        title: t('Add @{0} to the bibliography from the index', c.key),
        edits: [],
        bibliographyEntry: { ...newEntry, key: c.key },
        safeForFixAll: false,
      });
    }
    citations.push(source ? { ...c, source } : c);
    if (source && !checked.has(c.key)) {
      checked.add(c.key);
      checkSource(c, source, ctx, options, add, t);
    }
  }
  // Citations are in document order: a sentence's are found by binary search, not by scanning them all.
  const starts = citations.map((c) => c.start);
  return {
    inSentence(sentence) {
      const inside: typeof citations = [];
      if (!citations.length || starts[starts.length - 1]! < sentence.start) return { sentence, cited: false, sources: [] };
      for (let i = firstAtLeast(starts, sentence.start); i < citations.length && starts[i]! < sentence.end; i++) inside.push(citations[i]!);
      if (!inside.length) return { sentence, cited: false, sources: [] };
      const covers = (f: Figure) => inside.some((c) => f.start < (c.bracket?.end ?? c.end) && f.end > (c.bracket?.start ?? c.start));
      const figures = sentence.figures.some(covers) ? sentence.figures.filter((f) => !covers(f)) : sentence.figures;
      return { sentence: figures === sentence.figures ? sentence : { ...sentence, figures }, cited: true, sources: inside.flatMap((c) => (c.source ? [c.source] : [])) };
    },
    citeFix(stat, figure, title) {
      const entry = bibliographyEntry(ctx.index.bySourceKey(sourceKeyOf(stat)))!;
      const existing = findExistingEntry(entry, entries);
      const key = existing?.key ?? entry.key;
      const edit: TextEdit = { start: figure.end, end: figure.end, newText: ` [@${key}]` };
      return { title, edits: [edit], safeForFixAll: false, ...(existing ? {} : { bibliographyEntry: entry }) };
    },
  };
}

function checkSource(c: PandocCitation, source: ResolvedSource, ctx: Context, options: Options, add: Add, t: Localize): void {
  const first = source.statistics[0];
  if (!first) return;
  if (!first.source) {
    const primary = source.statistics.flatMap((s) => ctx.index.sameAsOf(s.id)).find((s) => s.source);
    const hint = primary ? ' ' + t('The same finding is attributed to {0} in “{1}”.', describeSource(primary), primary.via.title) : '';
    add('secondary-source', c.start, c.end, t('Citation @{0} cites {1}, which names no primary publisher for its figures.', c.key, describeSource(first)) + hint);
    return;
  }
  const year = first.source.year;
  const limit = options.staleAfterYears ?? 5;
  const now = (options.now ?? new Date()).getFullYear();
  if (year !== undefined && now - year > limit) add('stale-statistic', c.start, c.end, t('{0} is {1} years old (statcite.staleAfterYears is {2}).', describeSource(first), now - year, limit));
}

/** The index of the first of the ascending `sorted` that is at least `value` (its length when none is). */
function firstAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
