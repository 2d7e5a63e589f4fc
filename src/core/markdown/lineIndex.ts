import { lastAtMost } from '../text/sortedSearch';

/** Converts between offsets and 0-based line/character positions, for documents not open in an editor. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  positionAt(offset: number): { line: number; character: number } {
    const line = lastAtMost(this.starts, offset);
    return { line, character: offset - this.starts[line]! };
  }
}
