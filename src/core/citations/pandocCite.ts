import { bibliographyEntry, type BibliographyEntry } from '../bibliography/entry';
import { toBibtex, toBibtexEntry, readBibtex } from '../bibliography/bibtex';
import { readCslJson, toCslItem, toCslJson } from '../bibliography/cslJson';
import { findExistingEntry, type ExistingEntry } from '../bibliography/existing';
import type { LoadedStatistic } from '../index/indexFile';
import type { StatisticsIndex } from '../index/statisticsIndex';
import { sourceKeyOf } from '../index/sourceKey';
import { frontMatterBibliography, frontMatterOf } from '../markdown/frontMatter';
import { lineEndingOf } from '../markdown/markdownText';
import type { InsertMode, TextEdit } from './cite';

/** The bibliography file a document cites into, as the front end found it: its name, format and text (none if missing). */
export interface BibliographyFile {
  /** The path as the document names it (or the default the plan adds to the front matter). */
  readonly name: string;
  readonly format: 'csl-json' | 'bibtex';
  /** The file's text; undefined when the file does not exist yet (the plan creates it). */
  readonly text: string | undefined;
}

/** What one Pandoc-style citation changes: the document, and the bibliography file unless an entry is reused. */
export interface PandocPlan {
  readonly key: string;
  /** True when the bibliography already has an entry citing this source. */
  readonly reused: boolean;
  readonly documentEdits: readonly TextEdit[];
  /** The change to the bibliography file: `create` with its whole text, or an edit of its text. */
  readonly bibliography?: { readonly name: string; readonly create?: string; readonly edit?: TextEdit };
  /** Why the bibliography could not be changed (a file that does not parse is never rewritten). */
  readonly problem?: string;
}

/** The bibliography a document without one gets: named in its front matter, created beside it. */
export const DEFAULT_BIBLIOGRAPHY = 'references.json';

/** The bibliography file a document names first, or undefined. Formats by extension: `.bib` BibTeX, else CSL JSON. */
export function documentBibliography(text: string): { name: string; format: BibliographyFile['format'] } | undefined {
  const name = frontMatterBibliography(text).find((n) => /\.(bib|json)$/i.test(n));
  return name ? { name, format: /\.bib$/i.test(name) ? 'bibtex' : 'csl-json' } : undefined;
}

/** The entries of a bibliography file's text (none for a missing file or one that does not parse). */
export function entriesOfFile(file: BibliographyFile | undefined): ExistingEntry[] {
  if (!file?.text) return [];
  return (file.format === 'bibtex' ? readBibtex(file.text) : readCslJson(file.text)).entries;
}

/**
 * Plans citing `stat` Pandoc-style over `[start, end)` (the trigger and query): the figure followed by `[@key]`, and
 * the source's entry added to the bibliography (created when missing) unless an entry there already cites it, whose
 * key is then used. A document naming no bibliography gets `bibliography: references.json` in its front matter.
 */
export function planPandocCitation(
  text: string,
  range: { start: number; end: number },
  stat: LoadedStatistic,
  options: { figure: string; index: StatisticsIndex; bibliography: BibliographyFile | undefined; mode?: InsertMode },
): PandocPlan {
  const entry = bibliographyEntry(options.index.bySourceKey(sourceKeyOf(stat)).length ? options.index.bySourceKey(sourceKeyOf(stat)) : [stat])!;
  const file = options.bibliography ?? { name: DEFAULT_BIBLIOGRAPHY, format: 'csl-json' as const, text: undefined };
  const existing = entriesOfFile(file);
  const found = findExistingEntry(entry, existing);
  const key = found?.key ?? uniqueKey(entry.key, existing);
  const cite = `[@${key}]`;
  // As with footnotes: the figure (default), the English gloss as a sentence, or the quote, each on one line.
  const oneLine = (t: string) => t.trim().replace(/\s*[\r\n\u0085\u2028\u2029]\s*/gu, ' ');
  const newText = options.mode === 'gloss' ? `${oneLine(stat.en).replace(/[.!?]$/u, '')} ${cite}.` : options.mode === 'quote' ? `“${oneLine(stat.quote)}” ${cite}` : `${options.figure} ${cite}`;
  const main: TextEdit = { start: range.start, end: range.end, newText };
  const documentEdits = options.bibliography || documentBibliography(text) ? [main] : withFrontMatter(text, main, file.name);
  if (found) return { key, reused: true, documentEdits };
  const added = { ...entry, key };
  const change = addToBibliography(file, added);
  return 'problem' in change ? { key, reused: false, documentEdits, problem: change.problem } : { key, reused: false, documentEdits, bibliography: { name: file.name, ...change } };
}

function uniqueKey(key: string, existing: readonly ExistingEntry[]): string {
  const taken = new Set(existing.map((e) => e.key));
  let k = key;
  for (let n = 2; taken.has(k); n++) k = `${key}-${n}`;
  return k;
}

/** The new entry as a change to the file: the whole file when it is missing or blank, else an edit at its end. */
export function addToBibliography(file: BibliographyFile, entry: BibliographyEntry): { create: string } | { edit: TextEdit } | { problem: string } {
  if (!file.text?.trim()) return { create: file.format === 'bibtex' ? toBibtex([entry]) : toCslJson([entry]) };
  const eol = lineEndingOf(file.text);
  if (file.format === 'bibtex') {
    const read = readBibtex(file.text);
    if (read.error) return { problem: `${file.name}: ${read.error}; the entry was not added.` };
    const gap = /\n\s*\n\s*$/.test(file.text) ? '' : /\n\s*$/.test(file.text) ? eol : eol + eol;
    return { edit: { start: file.text.length, end: file.text.length, newText: gap + toBibtexEntry(entry).replace(/\n/g, eol) } };
  }
  const read = readCslJson(file.text);
  if (read.error) return { problem: `${file.name}: ${read.error}; the entry was not added.` };
  // Inserted before the array's closing bracket, after its last item: the rest of the file stays as the writer left it.
  const close = file.text.lastIndexOf(']');
  const before = file.text.slice(0, close).trimEnd();
  const item = JSON.stringify(toCslItem(entry), null, 2).replace(/\n/g, eol + '  ');
  const separator = before.endsWith('[') ? '' : ',';
  return { edit: { start: before.length, end: close, newText: `${separator}${eol}  ${item}${eol}` } };
}

/** Adds `bibliography: NAME` to the front matter (creating it), merged with `main` when both touch offset 0. */
function withFrontMatter(text: string, main: TextEdit, name: string): TextEdit[] {
  const eol = lineEndingOf(text);
  const front = frontMatterOf(text);
  const field = `bibliography: ${name}${eol}`;
  const edit: TextEdit = front ? { start: front.start, end: front.start, newText: field } : { start: text.charCodeAt(0) === 0xfeff ? 1 : 0, end: text.charCodeAt(0) === 0xfeff ? 1 : 0, newText: `---${eol}${field}---${eol}${eol}` };
  if (edit.end < main.start) return [edit, main];
  return [{ start: Math.min(edit.start, main.start), end: main.end, newText: edit.newText + text.slice(edit.end, main.start) + main.newText }];
}
