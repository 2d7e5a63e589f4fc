import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';

/** A raw HTML block that ends at a marker (CommonMark kinds 1–5), found on the line that opens it. */
const MARKER_BLOCKS: ReadonlyArray<{ readonly start: RegExp; readonly end: (line: string) => boolean }> = [
  { start: new RegExp(`^ {0,3}<(?:${htmlRawNames.join('|')})(?:[ \\t>]|$)`, 'i'), end: (l) => /<\/(?:pre|script|style|textarea)>/i.test(l) },
  { start: /^ {0,3}<!--/, end: (l) => l.includes('-->') },
  { start: /^ {0,3}<\?/, end: (l) => l.includes('?>') },
  { start: /^ {0,3}<![A-Za-z]/, end: (l) => l.includes('>') },
  { start: /^ {0,3}<!\[CDATA\[/, end: (l) => l.includes(']]>') },
];
// Kind 6: a block-level tag; it ends at a blank line and may interrupt a paragraph.
const BLOCK_TAG = new RegExp(`^ {0,3}</?(?:${htmlBlockNames.join('|')})(?:[ \\t>]|/>|$)`, 'i');
// Kind 7: any complete tag alone on its line; it ends at a blank line but cannot interrupt a paragraph.
const ANY_TAG = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;
const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const BLANK = /^[ \t]*$/;
// An indented line may continue a list item or footnote: two spaces, or a tab after at most one space (" \t").
const INDENTED = /^(?: {2,}| ?\t)/;

type Block = { readonly kind: 'fence'; readonly fence: string } | { readonly kind: 'marker'; readonly end: (line: string) => boolean } | { readonly kind: 'html' };
/**
 * A block at the top level, or one inside a list item, block quote or footnote (`contained`), which also ends with
 * its container: at a line indented less than `column` (where its content starts), or for a block quote (`quoted`)
 * at a line or blank line without `>`. A split never falls inside a contained block, as a line that may start a
 * chunk (after a blank line, indented at most one column) ends every container.
 */
type Open = Block | { readonly kind: 'contained'; readonly block: Block; readonly column: number; readonly quoted: boolean };

/**
 * One reading of the document so far. `para` is the paragraph a line at most three spaces in would continue: one at
 * the top level ('top': the line is paragraph text, so a kind 7 HTML block cannot start), none ('none': a kind 7 tag
 * starts an HTML block), or one the scan cannot tell ('unsure': inside or after a block quote, list item or footnote,
 * whose paragraph a line continues only if it continues the container; micromark reads a lazy line as HTML).
 * `contained` says a container may still be open.
 */
interface Reading {
  readonly open: Open | undefined;
  readonly para: 'top' | 'none' | 'unsure';
  readonly contained: boolean;
}

const START: Reading = { open: undefined, para: 'none', contained: false };
const TOP: Reading = { open: undefined, para: 'top', contained: false };

/** Whether a line's first character starts no block and no container (nor a setext underline or a thematic break). */
function plain(code: number): boolean {
  // # * + - 0-9 < = > [ _ ` ~
  return !(code === 35 || code === 42 || code === 43 || code === 45 || (code >= 48 && code <= 57) || code === 60 || code === 61 || code === 62 || code === 91 || code === 95 || code === 96 || code === 126);
}
// Container syntax a line may start with: a block quote, a list item, a footnote definition (or a call).
const CONTAINER = /^ {0,3}(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|\[\^)/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/**
 * Splits Markdown into independent chunks at blank lines, so a long document is parsed piece by piece (micromark's
 * cost grows faster than linearly with length) and an edit re-parses only its own chunk. A split never falls inside
 * a fenced code block or a raw HTML block of any kind, or before an indented line (a list item's or a footnote's
 * continuation), so each chunk parses the way it does inside the whole document. Lines end at LF, CRLF or a lone
 * CR, as in micromark. Where it cannot be sure a block closed (a line that may open a fence), it does not split.
 */
export function splitChunks(text: string): Array<{ start: number; end: number }> {
  return scanChunks(text).chunks;
}

/**
 * Whether the document ends inside a block that only a marker closes (a fence, a comment, `<pre>`, `<?…?>`…):
 * text appended at the end would land inside it. Where unsure (a line that may open a fence), it says yes.
 */
export function endsInsideBlock(text: string): boolean {
  return scanChunks(text).openAtEnd;
}

/**
 * Where the scan cannot tell whether a tag alone on its line starts a kind 7 HTML block or continues a paragraph, it
 * follows both readings (inside the block a fence-like line is HTML; in a paragraph it opens a fence), and splits
 * only where every reading is between blocks.
 */
function scanChunks(text: string): { chunks: Array<{ start: number; end: number }>; openAtEnd: boolean } {
  const chunks: Array<{ start: number; end: number }> = [];
  let chunkStart = 0;
  let readings: Reading[] = [START];
  let blankSince = -1;
  let pos = 0;
  // Where the next carriage return is: most documents have none, and one search then serves every line.
  let cr = text.indexOf('\r');
  while (pos < text.length) {
    if (cr >= 0 && cr < pos) cr = text.indexOf('\r', pos);
    const { line, next } = lineAt(text, pos, cr);
    if (BLANK.test(line)) {
      // A blank line inside a fence or marker-ended block in any reading is no place to split after.
      if (readings.some((r) => r.open !== undefined && r.open.kind !== 'html' && r.open.kind !== 'contained')) blankSince = -1;
      else if (blankSince < 0) blankSince = pos;
    } else {
      if (blankSince >= 0 && !INDENTED.test(line) && blankSince > chunkStart && readings.every((r) => r.open === undefined || r.open.kind === 'contained')) {
        chunks.push({ start: chunkStart, end: pos });
        chunkStart = pos;
      }
      blankSince = -1;
    }
    if (readings.length === 1) readings = step(readings[0]!, line);
    else {
      const distinct: Reading[] = [];
      for (const r of readings) for (const n of step(r, line)) if (!distinct.some((m) => same(m, n))) distinct.push(n);
      readings = distinct;
    }
    pos = next;
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ start: chunkStart, end: text.length });
  return { chunks, openAtEnd: readings.some((r) => r.open !== undefined && r.open.kind !== 'html' && r.open.kind !== 'contained') };
}

function same(a: Reading, b: Reading): boolean {
  return a.para === b.para && a.contained === b.contained && sameOpen(a.open, b.open);
}

function sameOpen(a: Open | undefined, b: Open | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'fence') return a.fence === (b as { fence: string }).fence;
  if (a.kind === 'marker') return a.end === (b as { end: unknown }).end;
  if (a.kind === 'contained') {
    const c = b as typeof a;
    return a.column === c.column && a.quoted === c.quoted && sameOpen(a.block, c.block);
  }
  return true;
}

// The markers a line's containers start with: block quotes, list items, a footnote definition's label.
const CONTAINER_PREFIX = /^ {0,3}(?:>[ \t]?|[-+*](?:[ \t]+|$)|\d{1,9}[.)](?:[ \t]+|$)|\[\^(?:\\.|[^\]\\\s])+\]:[ \t]*)/;

/** A line's container markers, the column its content starts at, whether a block quote is among them, and the rest. */
function containerPrefix(line: string): { column: number; quoted: boolean; rest: string } | undefined {
  let rest = line;
  let column = 0;
  let quoted = false;
  for (let m = CONTAINER_PREFIX.exec(rest); m; m = CONTAINER_PREFIX.exec(rest)) {
    const marker = m[0].trimStart();
    quoted ||= marker.startsWith('>');
    // A footnote's content continues on lines indented four columns, a list item's at its text.
    column += marker.startsWith('[^') ? Math.max(4, m[0].length) : m[0].length;
    rest = rest.slice(m[0].length);
  }
  return column > 0 ? { column, quoted, rest } : undefined;
}

/** The block a container's content opens (a tag alone on its line opens one at the start of a container). */
function containedBlock(rest: string): Block | undefined {
  const block = opening(rest.trimStart());
  return block === 'tag' ? { kind: 'html' } : block?.open?.kind === 'contained' ? undefined : (block?.open as Block | undefined);
}

/** The readings after `line` inside a contained block: it goes on, closes, or ends with its container. */
function stepContained(r: Reading, open: Extract<Open, { kind: 'contained' }>, line: string): Reading[] {
  const ended = () => step({ open: undefined, para: 'none', contained: true }, line);
  const blank = BLANK.test(line);
  if (blank) return open.block.kind === 'html' || open.quoted ? [{ open: undefined, para: 'none', contained: r.contained }] : [r];
  const indent = indentation(line);
  const inner = indent >= open.column ? line.slice(line.length - line.trimStart().length) : (containerPrefix(line)?.rest ?? line.trimStart());
  const closes = open.block.kind === 'fence' ? closesFence(inner.trimStart(), open.block.fence) : open.block.kind === 'marker' && open.block.end(line);
  const goesOn: Reading = closes ? { open: undefined, para: 'none', contained: true } : r;
  if (open.quoted) return /^ {0,3}>/.test(line) ? [goesOn, ...ended()] : ended();
  if (indent <= 1) return ended();
  return indent < open.column ? [goesOn, ...ended()] : [goesOn];
}

/** The readings after `line`: one, or two where a tag alone on its line may or may not start an HTML block. */
function step(r: Reading, line: string): Reading[] {
  const { open, contained } = r;
  if (open?.kind === 'contained') return stepContained(r, open, line);
  if (open?.kind === 'fence') return [closesFence(line, open.fence) ? { open: undefined, para: 'none', contained } : r];
  if (open?.kind === 'marker') return [open.end(line) ? { open: undefined, para: 'none', contained } : r];
  if (BLANK.test(line)) return [{ open: undefined, para: 'none', contained }];
  // Inside a block that ends at a blank line, nothing opens (a fence-like line is HTML).
  if (open?.kind === 'html') return [r];
  const indent = indentation(line);
  // Most lines are prose: they start with a character that starts no block and no container.
  if (indent < 4 && plain(line.charCodeAt(line.length - line.trimStart().length))) {
    if (r.para === 'top') return [r];
    return [r.para === 'none' && !(contained && indent > 1) ? TOP : { open: undefined, para: 'unsure', contained }];
  }
  // A block opened inside a container: after its markers, or indented where a container may hold the line.
  const prefix = containerPrefix(line);
  const inside = prefix ? containedBlock(prefix.rest) : contained && indent >= 2 ? containedBlock(line) : undefined;
  const containedReading: Reading[] = inside ? [{ open: { kind: 'contained', block: inside, column: prefix?.column ?? indent, quoted: prefix?.quoted ?? false }, para: 'none', contained: true }] : [];
  // After container markers that may interrupt a paragraph the block is certainly inside the container; indented, or
  // after others, it may also be at the top level (or paragraph text).
  if (prefix && inside && (r.para === 'none' || /^ {0,3}(?:[->+*]|1[.)])/.test(line))) return containedReading;
  return [...topLevel(r, line, indent), ...containedReading];
}

/** The readings after a line read at the top level (or as a paragraph's text, wherever it is). */
function topLevel(r: Reading, line: string, indent: number): Reading[] {
  const { para, contained } = r;
  // A line at most one column in continues no container: unless it is a paragraph's lazy continuation, it closes them.
  const stillContained = contained && indent > 1;
  const block = opening(line);
  if (block === 'tag') {
    if (para === 'none') return [{ open: { kind: 'html' }, para: 'none', contained: stillContained }];
    if (para === 'top') return [r];
    return [{ open: { kind: 'html' }, para: 'none', contained: stillContained }, r];
  }
  if (block) return [{ open: block.open, para: 'none', contained: stillContained }];
  if (para === 'top' && SETEXT_UNDERLINE.test(line)) return [{ open: undefined, para: 'none', contained }];
  if (indent >= 4) {
    // Indented code where no paragraph is open and no container may hold the line; else a paragraph's continuation.
    if (para === 'none' && !contained) return [r];
    return [para === 'top' ? r : { open: undefined, para: 'unsure', contained }];
  }
  if (THEMATIC_BREAK.test(line) || ATX_HEADING.test(line)) return [{ open: undefined, para: 'none', contained: stillContained }];
  if (CONTAINER.test(line)) return [{ open: undefined, para: 'unsure', contained: true }];
  if (para === 'top') return [r];
  if (para === 'none' && !stillContained) return [TOP];
  return [{ open: undefined, para: 'unsure', contained }];
}

/** The columns of white space a line starts with (a tab goes to the next multiple of four). */
function indentation(line: string): number {
  let column = 0;
  for (const ch of line) {
    if (ch === ' ') column++;
    else if (ch === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
}

/**
 * The line at `pos` without its ending, and where the next line starts; `cr` is the first carriage return at or
 * after `pos` (-1 for none). Found with indexOf rather than character by character: lines of prose are long.
 */
function lineAt(text: string, pos: number, cr: number): { line: string; next: number } {
  const lf = text.indexOf('\n', pos);
  let end = lf < 0 ? text.length : lf;
  if (cr >= 0 && cr < end) end = cr;
  const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  // micromark drops a byte-order mark that starts the document.
  return { line: pos === 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1, end) : text.slice(pos, end), next };
}

/**
 * The block a line opens that a blank line does not end, or a kind 6 HTML block (that only a blank line ends), or
 * 'tag' for a complete tag alone on its line: a kind 7 HTML block, unless it continues a paragraph.
 */
function opening(line: string): { readonly open: Open | undefined } | 'tag' | undefined {
  const fence = OPENING_FENCE.exec(line);
  // A backtick fence's info string holds no backtick (or it is no fence).
  if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) return { open: { kind: 'fence', fence: fence[1]! } };
  if (!line.trimStart().startsWith('<')) return undefined;
  for (const block of MARKER_BLOCKS) {
    const m = block.start.exec(line);
    if (m) return { open: block.end(line.slice(m[0].length)) ? undefined : { kind: 'marker', end: block.end } };
  }
  if (BLOCK_TAG.test(line)) return { open: { kind: 'html' } };
  return ANY_TAG.test(line) ? 'tag' : undefined;
}

function closesFence(line: string, fence: string): boolean {
  const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return !!m && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}
