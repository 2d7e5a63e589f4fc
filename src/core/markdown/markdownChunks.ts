/**
 * Splits Markdown into independent chunks at blank lines, so a long document is parsed piece by piece (micromark's
 * cost grows faster than linearly with length) and an edit re-parses only its own chunk. A split never falls inside
 * a fenced code block, an HTML comment or raw HTML block, or before an indented line (a list item's or a
 * footnote's continuation), so each chunk parses the way it does inside the whole document.
 */
export function splitChunks(text: string): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  let chunkStart = 0;
  let fence: string | undefined;
  let inComment = false;
  let rawHtml: string | undefined;
  let blankSince = -1;
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    // micromark drops a byte-order mark that starts the document; only spaces and tabs make a line blank (a line of
    // no-break spaces is text).
    let line = text.slice(pos, lineEnd).replace(/\r?\n$/, '');
    if (pos === 0) line = line.replace(/^\uFEFF/, '');
    const blank = /^[ \t]*$/.test(line);
    if (fence) {
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(line)) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (rawHtml) {
      if (line.toLowerCase().includes(`</${rawHtml}>`)) rawHtml = undefined;
    } else if (blank) {
      if (blankSince < 0) blankSince = pos;
    } else {
      // An indented line continues a list item or footnote: two spaces, or a tab after at most one space (" \t").
      if (blankSince >= 0 && !/^(?: {2,}| ?\t)/.test(line) && blankSince > chunkStart) {
        chunks.push({ start: chunkStart, end: pos });
        chunkStart = pos;
      }
      blankSince = -1;
      const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (opening) fence = opening[1];
      else if (/^ {0,3}<!--/.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) inComment = true;
      else {
        const html = /^ {0,3}<(pre|script|style|textarea)(?:\s|>|$)/i.exec(line);
        if (html && !line.toLowerCase().includes(`</${html[1]!.toLowerCase()}>`)) rawHtml = html[1]!.toLowerCase();
      }
    }
    pos = lineEnd;
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}
