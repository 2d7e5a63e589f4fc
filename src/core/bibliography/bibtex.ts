import type { BibliographyEntry } from './entry';
import type { ExistingEntry } from './existing';
import type { ReadBibliography } from './cslJson';

/** Characters LaTeX treats as commands, written so BibTeX and Pandoc's BibTeX reader give them back as text. */
const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

function escape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => LATEX_SPECIALS[c]!);
}

/**
 * One BibTeX entry. `@misc` because the index knows no kind of work; the publisher is a corporate author, so it is
 * braced twice and never split into given and family names.
 */
export function toBibtexEntry(e: BibliographyEntry): string {
  const fields: Array<[string, string]> = [];
  if (e.author) fields.push(['author', `{${escape(e.author)}}`]);
  if (e.title) fields.push(['title', `{${escape(e.title)}}`]);
  if (e.date) fields.push(['date', e.date]);
  else if (e.year !== undefined) fields.push(['year', String(e.year)]);
  // biblatex's langid; Pandoc reads a BCP-47 tag there as the entry's language.
  if (e.language) fields.push(['langid', escape(e.language)]);
  if (e.note) fields.push(['note', escape(e.note)]);
  return `@misc{${e.key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

/** A BibTeX bibliography. */
export function toBibtex(entries: readonly BibliographyEntry[]): string {
  return entries.map(toBibtexEntry).join('\n');
}

/**
 * Reads the entries of a BibTeX file: key, author, year (or date) and title, enough to tell which source an entry
 * cites. @string, @preamble and @comment blocks and text between entries are skipped; an unclosed entry is an error.
 */
export function readBibtex(text: string): ReadBibliography {
  const entries: ExistingEntry[] = [];
  let at = 0;
  for (;;) {
    const start = text.indexOf('@', at);
    if (start < 0) return { entries };
    const head = /^@\s*([A-Za-z]+)\s*([{(])/.exec(text.slice(start, start + 100));
    if (!head) {
      at = start + 1;
      continue;
    }
    const open = start + head[0].length - 1;
    const end = closing(text, open);
    if (end < 0) return { entries, error: `the @${head[1]} entry at character ${start + 1} is not closed` };
    at = end + 1;
    const type = head[1]!.toLowerCase();
    if (type === 'string' || type === 'preamble' || type === 'comment') continue;
    const body = text.slice(open + 1, end);
    const comma = body.indexOf(',');
    const key = (comma < 0 ? body : body.slice(0, comma)).trim();
    if (!key) continue;
    const fields = comma < 0 ? new Map<string, string>() : readFields(body.slice(comma + 1));
    const year = Number(/\d{4}/.exec(fields.get('year') ?? fields.get('date') ?? '')?.[0] ?? Number.NaN);
    const author = fields.get('author');
    const title = fields.get('title');
    entries.push({ key, ...(author ? { author } : {}), ...(Number.isInteger(year) ? { year } : {}), ...(title ? { title } : {}) });
  }
}

/** Offset of the brace or parenthesis that closes the one at `open`, or -1. */
function closing(text: string, open: number): number {
  const paren = text[open] === '(';
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return paren ? -1 : i;
      depth--;
    } else if (paren && c === ')' && depth === 0) return i;
  }
  return -1;
}

function readFields(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  const name = /\s*,?\s*([A-Za-z][\w:-]*)\s*=\s*/y;
  let i = 0;
  while (i < body.length) {
    name.lastIndex = i;
    const m = name.exec(body);
    if (!m) break;
    i = name.lastIndex;
    const parts: string[] = [];
    for (;;) {
      const c = body[i];
      if (c === '{') {
        const end = closing(body, i);
        if (end < 0) return fields;
        parts.push(body.slice(i + 1, end));
        i = end + 1;
      } else if (c === '"') {
        let j = i + 1;
        let depth = 0;
        while (j < body.length && !(body[j] === '"' && depth === 0)) {
          if (body[j] === '{') depth++;
          else if (body[j] === '}') depth--;
          else if (body[j] === '\\') j++;
          j++;
        }
        parts.push(body.slice(i + 1, j));
        i = j + 1;
      } else {
        const word = /[^\s,#]+/y;
        word.lastIndex = i;
        const w = word.exec(body);
        if (!w) break;
        parts.push(w[0]);
        i = word.lastIndex;
      }
      const hash = /\s*#\s*/y;
      hash.lastIndex = i;
      if (!hash.exec(body)) break;
      i = hash.lastIndex;
    }
    fields.set(m[1]!.toLowerCase(), plain(parts.join('')));
  }
  return fields;
}

/** LaTeX text as plain text, for matching: escaped specials unescaped and grouping braces dropped, in one pass. */
function plain(latex: string): string {
  const named: Record<string, string> = { backslash: '\\', asciitilde: '~', asciicircum: '^' };
  return latex
    .replace(/\\text(backslash|asciitilde|asciicircum)\{\}|\\([{}&%$#_])|[{}]/g, (_, name: string | undefined, char: string | undefined) => (name ? named[name]! : char ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
}
