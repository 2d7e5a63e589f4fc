import { normalizeLabel } from './footnoteLabel';
import type { FootnoteDefinition, ParsedMarkdown } from './types';

const FENCE_START = /^ {0,3}(?:`{3}|~{3})/;
const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
// `[^label]: text` on one line, the text starting with no block syntax and holding no brackets (so no references).
const DEFINITION = /^\[\^([^\]\s\\[`*_<&!]+)\]:[ \t]*(?![ \t#>+\-*=_`~<[|]|\d+[.)])[^[\]]*[^[\]\s]$/;
const BLANK = /^[ \t]*$/;
const NOTHING: ParsedMarkdown = { references: [], definitions: [], prose: [] };

/** The chunk's lines without their line endings ("\n" or "\r\n"), each with its offset. */
function linesOf(text: string): Array<{ line: string; at: number }> {
  const lines: Array<{ line: string; at: number }> = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ line: text.slice(pos, end), at: pos });
    pos = nl < 0 ? text.length : nl + 1;
  }
  return lines;
}

/** The lines before the trailing blank ones, or undefined if a blank line comes before another line. */
function contentLines(text: string): Array<{ line: string; at: number }> | undefined {
  const lines = linesOf(text);
  let last = lines.length;
  while (last > 0 && BLANK.test(lines[last - 1]!.line)) last--;
  const content = lines.slice(0, last);
  return content.some((l) => BLANK.test(l.line)) ? undefined : content;
}

/** A chunk that is one fenced code block, closed, and blank lines: nothing in it is prose or a footnote. */
export function readFencedCodeChunk(text: string): ParsedMarkdown | undefined {
  if (!FENCE_START.test(text) || /[\0\uFEFF]|\r(?!\n)/.test(text)) return undefined;
  const lines = linesOf(text);
  const opening = OPENING_FENCE.exec(lines[0]?.line ?? '');
  if (!opening) return undefined;
  const fence = opening[1]!;
  // A backtick fence's info string holds no backtick (or it is no fence).
  if (fence[0] === '`' && opening[2]!.includes('`')) return undefined;
  for (let i = 1; i < lines.length; i++) {
    const closing = CLOSING_FENCE.exec(lines[i]!.line);
    if (!closing || closing[1]![0] !== fence[0] || closing[1]!.length < fence.length) continue;
    return lines.slice(i + 1).every((l) => BLANK.test(l.line)) ? NOTHING : undefined;
  }
  return undefined;
}

/** A chunk of one-line footnote definitions at the top level, each without references, and blank lines. */
export function readDefinitionsChunk(text: string): ParsedMarkdown | undefined {
  if (!text.startsWith('[^') || /[\0\uFEFF]|\r(?!\n)/.test(text)) return undefined;
  const lines = contentLines(text);
  if (!lines?.length) return undefined;
  const definitions: FootnoteDefinition[] = [];
  for (const { line, at } of lines) {
    const m = DEFINITION.exec(line);
    if (!m) return undefined;
    const label = m[1]!;
    const labelEnd = at + label.length + 4;
    const end = at + line.length;
    definitions.push({ label, id: normalizeLabel(label), start: at, end, labelEnd, text: text.slice(labelEnd, end).trim(), topLevel: true });
  }
  return { references: [], definitions, prose: [] };
}
