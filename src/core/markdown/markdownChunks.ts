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

type Open = { readonly kind: 'fence'; readonly fence: string } | { readonly kind: 'marker'; readonly end: (line: string) => boolean } | { readonly kind: 'html' };

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

function scanChunks(text: string): { chunks: Array<{ start: number; end: number }>; openAtEnd: boolean } {
  const chunks: Array<{ start: number; end: number }> = [];
  let chunkStart = 0;
  let open: Open | undefined;
  let blankSince = -1;
  // Whether the line before was paragraph text (or may have been): a kind 7 HTML block cannot start after it.
  let afterText = false;
  let pos = 0;
  // Where the next carriage return is: most documents have none, and one search then serves every line.
  let cr = text.indexOf('\r');
  while (pos < text.length) {
    if (cr >= 0 && cr < pos) cr = text.indexOf('\r', pos);
    const { line, next } = lineAt(text, pos, cr);
    const blank = BLANK.test(line);
    if (open?.kind === 'fence') {
      if (closesFence(line, open.fence)) open = undefined;
    } else if (open?.kind === 'marker') {
      if (open.end(line)) open = undefined;
    } else if (open?.kind === 'html' && !blank) {
      // Inside a block that ends at a blank line, nothing opens (a fence-like line is HTML).
    } else if (blank) {
      open = undefined;
      afterText = false;
      if (blankSince < 0) blankSince = pos;
    } else {
      if (blankSince >= 0 && !INDENTED.test(line) && blankSince > chunkStart) {
        chunks.push({ start: chunkStart, end: pos });
        chunkStart = pos;
      }
      blankSince = -1;
      open = opening(line, afterText);
      afterText = !open;
    }
    pos = next;
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ start: chunkStart, end: text.length });
  return { chunks, openAtEnd: open !== undefined && open.kind !== 'html' };
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

/** The block a line opens that a blank line does not end (or, for kind 6/7 HTML, that only a blank line ends). */
function opening(line: string, afterText: boolean): Open | undefined {
  const fence = OPENING_FENCE.exec(line);
  // A backtick fence's info string holds no backtick (or it is no fence).
  if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) return { kind: 'fence', fence: fence[1]! };
  if (!line.trimStart().startsWith('<')) return undefined;
  for (const block of MARKER_BLOCKS) {
    const m = block.start.exec(line);
    if (m) return block.end(line.slice(m[0].length)) ? undefined : { kind: 'marker', end: block.end };
  }
  if (BLOCK_TAG.test(line) || (!afterText && ANY_TAG.test(line))) return { kind: 'html' };
  return undefined;
}

function closesFence(line: string, fence: string): boolean {
  const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return !!m && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}
