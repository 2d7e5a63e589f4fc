import { planFootnote, type FootnotePlan, type TextEdit } from './cite';
import { figureStates, kindOfUnit } from '../figures/figureMatch';
import type { Figure } from '../figures/figures';
import { describeFigure, describeSource, formatNumber } from '../index/format';
import type { LoadedStatistic } from '../index/indexFile';
import { MarkdownCache, parseMarkdown, type FootnoteDefinition, type ParsedMarkdown } from '../markdown/markdown';
import type { SourceResolver, ResolvedSource } from './resolveSource';
import { RULES, type RuleCode, type Severity, type SeveritySetting } from './rules';
import { sentencesWithFigures, type Sentence } from '../figures/sentences';
import type { StatisticsIndex } from '../index/statisticsIndex';
import { TopicMatcher } from '../figures/topics';
import { english, type Localize } from '../text/localize';
import type { BibliographyEntry } from '../bibliography/entry';
import type { ExistingEntry } from '../bibliography/existing';
import { checkPandocCitations, type PandocCitationsInDocument } from './pandocRules';

/** One problem found in a document, at document offsets, with what a quick fix needs. */
export interface CitationIssue {
  readonly code: RuleCode;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** Edits that fix the problem on their own, when there is a safe fix. */
  readonly fix?: {
    readonly title: string;
    readonly edits: readonly TextEdit[];
    readonly safeForFixAll: boolean;
    /** An entry the fix adds to the document's bibliography file (Pandoc style); the front end writes it there. */
    readonly bibliographyEntry?: BibliographyEntry;
  };
}

export interface ValidationOptions {
  readonly severities?: Partial<Record<RuleCode, SeveritySetting>>;
  readonly staleAfterYears?: number;
  readonly now?: Date;
  /** Checked between steps; a cancelled validation returns what it found so far. */
  readonly isCancelled?: () => boolean;
  /** Translates messages (the editor passes `vscode.l10n.t`); English by default. */
  readonly localize?: Localize;
  /**
   * The entries of the document's bibliography, when it cites Pandoc-style (front matter `bibliography:` or the
   * `pandoc` citation style; empty when the file is missing): `[@key]` citations are then checked like footnotes.
   */
  readonly bibliography?: readonly ExistingEntry[];
}

/** What validation needs from the index, built once per index and shared by every document. */
export interface ValidationContext {
  readonly index: StatisticsIndex;
  /** Parsed Markdown chunks, kept between validations so an edit re-parses only what it touched. */
  readonly markdown: MarkdownCache;
  readonly resolver: SourceResolver;
  readonly topics: TopicMatcher;
}

export function createValidationContext(index: StatisticsIndex, resolver: SourceResolver): ValidationContext {
  return { index, resolver, topics: new TopicMatcher(index), markdown: new MarkdownCache() };
}

/** Checks every citation in a Markdown document. Never throws: an input it cannot read yields no issues. */
export function validateCitations(text: string, ctx: ValidationContext, options: ValidationOptions = {}): CitationIssue[] {
  try {
    const md = parseMarkdown(text, ctx.markdown, options.isCancelled);
    // A cancelled parse is incomplete: its findings would be wrong, so there are none.
    return options.isCancelled?.() ? [] : runRules(text, md, ctx, options);
  } catch {
    return [];
  }
}

const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;
const LINE_BREAKS = /\s*[\r\n\u0085\u2028\u2029]+\s*/g;

function runRules(text: string, md: ParsedMarkdown, ctx: ValidationContext, options: ValidationOptions): CitationIssue[] {
  const issues: CitationIssue[] = [];
  const cancelled = options.isCancelled ?? (() => false);
  const t = options.localize ?? english;
  // Messages and fix titles are one line of plain text; data quoted in them may hold line breaks, which would split a
  // diagnostic in two (and let a data file write lines of its own into the CLI's report).
  const oneLine = (s: string) => (LINE_BREAK.test(s) ? s.replace(LINE_BREAKS, ' ') : s);
  const add = (code: RuleCode, start: number, end: number, message: string, fix?: CitationIssue['fix']) => {
    const setting = options.severities?.[code] ?? RULES[code].severity;
    if (setting !== 'ignore') issues.push({ code, severity: setting, message: oneLine(message), start, end, ...(fix ? { fix: { ...fix, title: oneLine(fix.title) } } : {}) });
  };

  const definitions = new Map<string, FootnoteDefinition>();
  for (const def of md.definitions) {
    if (definitions.has(def.id)) add('duplicate-footnote', def.start, def.labelEnd, t('Footnote [^{0}] is defined more than once; only the first definition is used.', def.label));
    else definitions.set(def.id, def);
  }
  const referenced = new Set(md.references.map((r) => r.id));
  for (const ref of md.references) {
    if (definitions.has(ref.id)) continue;
    const stat = ctx.index.bySourceKey(ref.label.toLowerCase())[0];
    const fix = stat ? addDefinitionFix(text, md, stat, ctx, t) : undefined;
    add('undefined-footnote', ref.start, ref.end, t('Footnote [^{0}] has no definition.', ref.label), fix);
  }
  for (const def of definitions.values()) {
    if (referenced.has(def.id)) continue;
    // A definition holding another one is not removed: it would take the other with it.
    const holdsAnother = md.definitions.some((d) => d !== def && d.start > def.start && d.start < def.end);
    const removal = holdsAnother ? undefined : removeBlock(text, def);
    add('unused-footnote', def.start, def.labelEnd, t('Footnote [^{0}] is defined but never referenced.', def.label), removal && {
      title: t('Remove the unused definition [^{0}]', def.label),
      edits: [removal],
      safeForFixAll: false,
    });
  }
  if (cancelled()) return issues;

  const resolved = new Map<string, ResolvedSource | undefined>();
  for (const def of definitions.values()) {
    const source = ctx.resolver.resolve(def);
    resolved.set(def.id, source);
    checkDefinition(def, source, ctx, options, add, t);
  }

  const pandoc = options.bibliography && checkPandocCitations(text, md, ctx, options.bibliography, options, add, t);
  for (const block of md.prose) {
    if (cancelled()) break;
    for (const found of sentencesWithFigures(block)) {
      const cited = pandoc?.inSentence(found);
      const sentence = cited?.sentence ?? found;
      const sources: ResolvedSource[] = cited ? [...cited.sources] : [];
      // Loops rather than flatMap here and below: this runs for every cited figure, and flatMap is several times slower.
      for (const r of sentence.references) {
        const source = resolved.get(r.id);
        if (source) sources.push(source);
      }
      if (sentence.references.length === 0 && !cited?.cited) checkUncited(text, md, sentence, ctx, add, t, pandoc);
      else if (sources.length) checkMismatch(text, sentence, sources, add, t);
    }
  }
  return issues.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}

type Add = (code: RuleCode, start: number, end: number, message: string, fix?: CitationIssue['fix']) => void;

function checkDefinition(def: FootnoteDefinition, source: ResolvedSource | undefined, ctx: ValidationContext, options: ValidationOptions, add: Add, t: Localize): void {
  if (!source) {
    add('unknown-source', def.start, def.labelEnd, t('Footnote [^{0}] names no source in the statistics index, so its figures cannot be checked.', def.label));
    return;
  }
  const first = source.statistics[0];
  if (!first) return;
  if (!first.source) {
    const primary = source.statistics.flatMap((s) => ctx.index.sameAsOf(s.id)).find((s) => s.source);
    const hint = primary ? ' ' + t('The same finding is attributed to {0} in “{1}”.', describeSource(primary), primary.via.title) : '';
    add('secondary-source', def.start, def.labelEnd, t('Footnote [^{0}] cites {1}, which names no primary publisher for its figures.', def.label, describeSource(first)) + hint);
    return;
  }
  const year = first.source.year;
  const limit = options.staleAfterYears ?? 5;
  const now = (options.now ?? new Date()).getFullYear();
  if (year !== undefined && now - year > limit) {
    add('stale-statistic', def.start, def.labelEnd, t('{0} is {1} years old (statcite.staleAfterYears is {2}).', describeSource(first), now - year, limit));
  }
}

function checkMismatch(text: string, sentence: Sentence, sources: readonly ResolvedSource[], add: Add, t: Localize): void {
  const stats = sources.length === 1 ? sources[0]!.statistics : sources.flatMap((s) => s.statistics);
  const figures = checkedFigures(sentence.figures);
  for (const figure of figures) {
    if (stats.some((s) => figureStates(figure, s))) continue;
    const nearest = nearestStatistics(figure, stats);
    const names = [...new Set(sources.map((s) => describeSource(s.statistics[0]!)))].join(', ');
    const reports = nearest.length ? ' ' + t('It reports {0}.', nearest.map((s) => `${describeFigure(s)} (${s.en})`).join('; ')) : '';
    const best = nearest[0];
    // Only where the number alone is wrong: "7,6 miljoonaa" for a source's 7.6 billion is not fixed by writing 7,6.
    // A fraction written with digits ("9/10", "8 из 10") has no one number to put the value in: no fix there.
    const fraction = figure.approximate && /\d/.test(figure.text);
    const fix = best && !fraction && kindOfUnit(best.unit) === figure.kind && figure.valueMax === undefined && best.valueMax === undefined && figureStates({ ...figure, value: best.value }, best)
      ? replaceFix(t("Replace {0} with the source's figure", figure.text), replaceValue(text, figure, best.value))
      : undefined;
    add('value-mismatch', figure.start, figure.end, t('{0} never reports {1}.', names, figure.text) + reports, fix);
  }
}

/** Percentages, multipliers, money, ranks and durations are always checked; bare numbers only when the sentence has nothing else. */
function checkedFigures(figures: readonly Figure[]): readonly Figure[] {
  // Most sentences state only typed figures, or only bare numbers: then all of them are checked, and nothing is copied.
  let typedCount = 0;
  for (const f of figures) if (f.kind !== 'number' || f.unit !== undefined) typedCount++;
  if (typedCount === 0 || typedCount === figures.length) return figures;
  return figures.filter((f) => f.kind !== 'number' || f.unit !== undefined);
}

function nearestStatistics(figure: Figure, stats: readonly LoadedStatistic[]): LoadedStatistic[] {
  const sameKind = stats.filter((s) => kindOfUnit(s.unit) === figure.kind);
  const sorted = (sameKind.length ? sameKind : [...stats]).sort((a, b) => Math.abs(a.value - figure.value) - Math.abs(b.value - figure.value));
  // The same figure found in two articles (HubSpot's 62 % in Finnish and in Chinese) is named once; the first three
  // are all that is named, so the rest are not described.
  const seen = new Set<string>();
  const nearest: LoadedStatistic[] = [];
  for (const s of sorted) {
    const described = describeFigure(s);
    if (seen.has(described)) continue;
    seen.add(described);
    if (nearest.push(s) === 3) break;
  }
  return nearest;
}

function replaceFix(title: string, edit: TextEdit | undefined): CitationIssue['fix'] {
  return edit && { title, edits: [edit], safeForFixAll: false };
}

function replaceValue(text: string, figure: Figure, value: number): TextEdit | undefined {
  // A number written on past the figure as read ("86.%", "86.5" read as 86) is not the figure's to replace: the
  // edit would leave "3.%" behind.
  if (/^[.,](?:\d|\s?%)/u.test(text.slice(figure.end, figure.end + 3))) return undefined;
  const written = text.slice(figure.start, figure.end);
  // A decimal separator with no digits after it ("86.%") goes with the number it ends.
  const number = /\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+|[.,](?=\s?%))?/u.exec(written);
  if (!number) return { start: figure.start, end: figure.end, newText: formatNumber(value, 'en') + (figure.kind === 'percent' ? '%' : '') };
  const formatted = number[0].includes(',') ? String(value).replace('.', ',') : String(value);
  const at = figure.start + number.index;
  return { start: at, end: at + number[0].length, newText: formatted };
}

function checkUncited(text: string, md: ParsedMarkdown, sentence: Sentence, ctx: ValidationContext, add: Add, t: Localize, pandoc?: PandocCitationsInDocument): void {
  for (const figure of sentence.figures) {
    if (figure.kind === 'number') continue;
    const stat = ctx.topics.bestMatch(figure, sentence.text);
    if (!stat) continue;
    const message = t('{0} matches a statistic from {1} (“{2}”) but is not cited.', figure.text, describeSource(stat), stat.en);
    if (pandoc) {
      add('uncited-statistic', figure.start, figure.end, message, pandoc.citeFix(stat, figure, t('Cite {0}', describeSource(stat))));
      continue;
    }
    const plan = footnotePlan(text, md, stat, ctx);
    const edits: TextEdit[] = [{ start: figure.end, end: figure.end, newText: `[^${plan.label}]` }];
    if (plan.definitionEdit) edits.push(plan.definitionEdit);
    add('uncited-statistic', figure.start, figure.end, message, {
      title: t('Cite {0}', describeSource(stat)),
      edits,
      safeForFixAll: false,
    });
  }
}

/**
 * planFootnote for one parsed document, once per statistic: it reads every definition, and a long document cites the
 * same few sources many times (a 5 MB draft: thousands of uncited figures times thousands of definitions).
 */
const plansByDocument = new WeakMap<ParsedMarkdown, Map<string, FootnotePlan>>();
function footnotePlan(text: string, md: ParsedMarkdown, stat: LoadedStatistic, ctx: ValidationContext): FootnotePlan {
  let plans = plansByDocument.get(md);
  if (!plans) plansByDocument.set(md, (plans = new Map()));
  let plan = plans.get(stat.id);
  if (!plan) plans.set(stat.id, (plan = planFootnote(text, stat, ctx.resolver, md)));
  return plan;
}

function addDefinitionFix(text: string, md: ParsedMarkdown, stat: LoadedStatistic, ctx: ValidationContext, t: Localize): CitationIssue['fix'] {
  const plan = footnotePlan(text, md, stat, ctx);
  if (!plan.definitionEdit) return undefined;
  return { title: t('Add the definition of [^{0}] from the index', plan.label), edits: [plan.definitionEdit], safeForFixAll: true };
}

function removeBlock(text: string, def: FootnoteDefinition): TextEdit | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', def.start - 1), text.lastIndexOf('\r', def.start - 1)) + 1;
  const prefix = text.slice(lineStart, def.start);
  // After a quote marker ("> ") the line stays, empty: joined to the next line, the marker would nest that line.
  if (/^[ \t>]*>[ \t]*$/.test(prefix)) return { start: def.start, end: def.end, newText: '' };
  // After a list marker ("- ") there is no safe removal: an item left empty ends at a blank line, so what followed
  // in it would become code or leave the list.
  if (!/^[ \t]*$/.test(prefix)) return undefined;
  // Indentation goes with the line: left in front of the next line, it would make that line code.
  let end = def.end;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (text[end] === '\n') end += 1;
  return { start: lineStart, end, newText: '' };
}
