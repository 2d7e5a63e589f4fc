import type { LoadedStatistic } from '../index/indexFile';
import { parseMarkdown, normalizeLabel, type ParsedMarkdown } from '../markdown/markdown';
import { atBlockStart, escapeInserted, escapeMarkdown, lineEndingOf } from '../markdown/markdownText';
import { endsInsideBlock, splitChunks } from '../markdown/markdownChunks';
import { detectLanguage } from '../text/language';
import type { SourceResolver } from './resolveSource';
import { sourceKeyOf } from '../index/sourceKey';
import type { Statistic } from '../index/statistic';

/** A replacement of `[start, end)` in a document's text. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Where a citation's footnote comes from: an existing definition to reuse, or a new one to add. */
export interface FootnotePlan {
  readonly label: string;
  readonly reused: boolean;
  /** The edit that adds the definition; absent when an existing definition is reused. */
  readonly definitionEdit?: TextEdit;
}

/**
 * Plans the footnote for citing `stat` in `text`: reuses a definition that already cites the same source (by its
 * key or because its text names the same publisher and year), otherwise adds one after the last definition, or at
 * the end after a blank line. The label is the source's readable key (`zendesk-2019`), made unique if taken.
 */
export function planFootnote(text: string, stat: LoadedStatistic, resolver: SourceResolver, parsed: ParsedMarkdown = parseMarkdown(text), lang?: string): FootnotePlan {
  const key = sourceKeyOf(stat);
  const doc = footnotesOf(text, parsed, resolver);
  const reused = doc.labelBySource.get(key);
  if (reused !== undefined) return { label: reused, reused: true };
  let label = key;
  if (!doc.waiting.has(normalizeLabel(key))) for (let n = 2; doc.taken.has(normalizeLabel(label)); n++) label = `${key}-${n}`;
  const definition = `[^${label}]: ${footnoteTextOf(stat, lang ?? detectLanguage(text))}`;
  const { start, end, before, after } = doc.site;
  return { label, reused: false, definitionEdit: { start, end, newText: before + definition + after } };
}

/** What planning any footnote in a document needs of it, whichever statistic is cited. */
interface DocumentFootnotes {
  /** The label of the first definition citing each source (only the first definition of a label counts). */
  readonly labelBySource: ReadonlyMap<string, string>;
  readonly taken: ReadonlySet<string>;
  /** References waiting for a definition: one for the source's key gets it. */
  readonly waiting: ReadonlySet<string>;
  /** Where a new definition goes: `before + definition + after` replaces `[start, end)`. */
  readonly site: { readonly start: number; readonly end: number; readonly before: string; readonly after: string };
}

/** Per parsed document and resolver: completion plans up to 500 footnotes against the same document per keystroke. */
const footnotesByDocument = new WeakMap<ParsedMarkdown, { resolver: SourceResolver; footnotes: DocumentFootnotes }>();

function footnotesOf(text: string, parsed: ParsedMarkdown, resolver: SourceResolver): DocumentFootnotes {
  const kept = footnotesByDocument.get(parsed);
  if (kept?.resolver === resolver) return kept.footnotes;
  const labelBySource = new Map<string, string>();
  const seen = new Set<string>();
  for (const def of parsed.definitions) {
    if (seen.has(def.id)) continue;
    seen.add(def.id);
    const key = resolver.resolve(def)?.key;
    if (key !== undefined && !labelBySource.has(key)) labelBySource.set(key, def.label);
  }
  const defined = new Set(parsed.definitions.map((d) => d.id));
  const waiting = new Set(parsed.references.filter((r) => !defined.has(r.id)).map((r) => r.id));
  const footnotes = { labelBySource, taken: new Set([...defined, ...parsed.references.map((r) => r.id)]), waiting, site: definitionSite(text, parsed) };
  footnotesByDocument.set(parsed, { resolver, footnotes });
  return footnotes;
}

function definitionSite(text: string, parsed: ParsedMarkdown): DocumentFootnotes['site'] {
  const eol = lineEndingOf(text);
  // A new definition follows the last top-level one; after one inside a list or quote it would join that block.
  const last = parsed.definitions.filter((d) => d.topLevel).reduce<(typeof parsed.definitions)[number] | undefined>((a, d) => (!a || d.end > a.end ? d : a), undefined);
  if (last) {
    // A line right after the last definition that is not part of it (after an empty definition, or one ending in a
    // code block) would become the new definition's lazy continuation: keep a blank line between them.
    const next = /^(?:\r\n?|\n)([^\r\n]*)/.exec(text.slice(last.end, last.end + 2000))?.[1];
    const apart = next !== undefined && next.trim() !== '' ? eol : '';
    return { start: last.end, end: last.end, before: eol, after: apart };
  }
  return appendAtEnd(text, eol);
}

function appendAtEnd(text: string, eol: string): DocumentFootnotes['site'] {
  const end = text.length;
  if (text.trim() === '') return { start: 0, end, before: '', after: eol };
  if (endsInsideBlock(text)) {
    // Appended, it would be inside the block left open at the end (a fence, a comment, `<pre>`): it goes before the
    // last chunk instead, which starts a top-level block after a blank line, so the definition stands on its own.
    const last = splitChunks(text).at(-1)!;
    const at = last.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : last.start;
    return { start: at, end: at, before: '', after: eol + eol };
  }
  const trailing = /(?:\r\n?|\n)*$/.exec(text)?.[0] ?? '';
  const breaks = trailing.match(/\r\n?|\n/g)?.length ?? 0;
  const prefix = breaks >= 2 ? '' : breaks === 1 ? eol : eol + eol;
  return { start: end, end, before: prefix, after: eol };
}

/** The last footnote text made for each statistic: completion makes the same ones again on the next keystroke. */
const footnoteTexts = new WeakMap<LoadedStatistic, { lang: string; text: string }>();

function footnoteTextOf(stat: LoadedStatistic, lang: string): string {
  const kept = footnoteTexts.get(stat);
  if (kept?.lang === lang) return kept.text;
  const text = footnoteText(stat, lang);
  footnoteTexts.set(stat, { lang, text });
  return text;
}

/** "Quoted in" as each document language writes it, with the sentence's full stop (Chinese ends sentences in 。). */
const QUOTED_IN: Readonly<Record<string, { readonly quoted: string; readonly stop: string }>> = {
  en: { quoted: 'Quoted in ', stop: '.' },
  fi: { quoted: 'Lainattu artikkelissa ', stop: '.' },
  et: { quoted: 'Tsiteeritud artiklis ', stop: '.' },
  lv: { quoted: 'Citēts rakstā ', stop: '.' },
  ru: { quoted: 'Цитируется по статье ', stop: '.' },
  zh: { quoted: '转引自', stop: '。' },
};

/**
 * The text of a footnote definition, in the document's language `lang` (English for a language statcite does not
 * write): publisher, year and report title where known, and the article the figure was found in; a statistic
 * without a named publisher cites its article. Data is escaped for Markdown.
 */
export function footnoteText(stat: Pick<Statistic, 'source' | 'via'>, lang = 'en'): string {
  const words = QUOTED_IN[lang.toLowerCase().split('-')[0]!] ?? QUOTED_IN.en!;
  const via = stat.via;
  const article = [`“${escapeMarkdown(via.title)}”`, via.publisher && escapeMarkdown(via.publisher), via.date].filter(Boolean).join(', ');
  if (!stat.source) return `${article}${words.stop}`;
  const { publisher, year, title } = stat.source;
  const head = `${escapeMarkdown(publisher)}${year !== undefined ? ` (${year})` : ''}${title ? `, *${escapeMarkdown(title)}*` : ''}`;
  return `${head}${words.stop}${words.stop === '.' ? ' ' : ''}${words.quoted}${article}${words.stop}`;
}

/** What a completion inserts: the figure (default), or the English gloss, or the original quote. */
export type InsertMode = 'figure' | 'gloss' | 'quote';

export interface InsertionPlan {
  readonly label: string;
  readonly reused: boolean;
  /** Replaces the trigger and query. */
  readonly main: TextEdit;
  /** Adds the definition; never overlaps `main` (merged into it when both would touch). */
  readonly additional: readonly TextEdit[];
}

/** Plans inserting a cited statistic over `[start, end)` (the trigger and query), as one edit plus its definition. */
export function planInsertion(
  text: string,
  range: { start: number; end: number },
  stat: LoadedStatistic,
  options: { figure: string; mode: InsertMode; resolver: SourceResolver; parsed?: ParsedMarkdown; lang?: string },
): InsertionPlan {
  const parsed = options.parsed ?? parseMarkdown(text);
  const plan = planFootnote(text, stat, options.resolver, parsed, options.lang);
  const ref = `[^${plan.label}]`;
  // A quote or gloss goes in on one line: a line break from the data would split a table row, a heading or a list
  // item, and would be a bare LF in a CRLF document. It is escaped for where it lands, so it adds no link, HTML,
  // call or code span, and does not turn its line into a heading, quote or list.
  const oneLine = (s: string) => s.trim().replace(/\s*[\r\n\u0085\u2028\u2029]\s*/gu, ' ');
  const newText =
    options.mode === 'gloss'
      ? `${escapeInserted(oneLine(stat.en).replace(/[.!?]$/u, ''), atBlockStart(text, range.start))}${ref}.`
      : options.mode === 'quote'
        ? `“${escapeInserted(oneLine(stat.quote), false)}”${ref}`
        : options.figure + ref;
  const main: TextEdit = { start: range.start, end: range.end, newText };
  const def = plan.definitionEdit;
  if (!def) return { label: plan.label, reused: true, main, additional: [] };
  if (def.start <= range.end && def.end >= range.start) {
    // The definition would touch the inserted text (inserting at the end of the document, or into a blank one): one
    // edit, with the definition on a line of its own below the last definition, or after a blank line.
    const start = Math.min(range.start, def.start);
    const separator = parsed.definitions.length ? lineEndingOf(text) : lineEndingOf(text).repeat(2);
    const newText = text.slice(start, range.start) + main.newText + separator + def.newText.replace(/^(?:\r\n?|\n)+/, '');
    return { label: plan.label, reused: false, main: { start, end: Math.max(range.end, def.end), newText }, additional: [] };
  }
  return { label: plan.label, reused: false, main, additional: [def] };
}
