import { lastAtMost } from '../text/sortedSearch';

/** Converts between offsets and 0-based line/character positions, for documents not open in an editor. */
export class LineIndex {
  private readonly starts: number[] = [0];

  // A line ends at LF, CRLF or a lone CR, as in micromark and in the editor.
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  positionAt(offset: number): { line: number; character: number } {
    const line = lastAtMost(this.starts, offset);
    return { line, character: offset - this.starts[line]! };
  }
}
