import { expect } from 'vitest';
import type { TextEdit } from '../../../src/core/citations/cite';

/** The document's line ending as a writer sees it: that of its first line break, LF when it has none. */
export function documentEol(text: string): '\n' | '\r\n' | '\r' {
  const m = /\r\n?|\n/.exec(text);
  return (m?.[0] ?? '\n') as '\n' | '\r\n' | '\r';
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `at` falls between the two halves of a CRLF or of a surrogate pair. */
export function splitsAPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  return (text[at - 1] === '\r' && text[at] === '\n') || (isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at)));
}

/**
 * Applies edits the way an editor does, checking what an editor requires and what keeps text whole: every edit
 * within the text, none overlapping another, none cutting a CRLF or a surrogate pair in two, inserted line breaks
 * in the document's own line ending. Edits at the same offset apply in order.
 */
export function applyChecked(text: string, edits: readonly TextEdit[], eol: '\n' | '\r\n' | '\r' = documentEol(text)): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  for (const { e } of sorted) {
    expect(Number.isInteger(e.start) && Number.isInteger(e.end), 'integer offsets').toBe(true);
    expect(0 <= e.start && e.start <= e.end && e.end <= text.length, `edit [${e.start}, ${e.end}) within 0..${text.length}`).toBe(true);
    expect(splitsAPair(text, e.start) || splitsAPair(text, e.end), `edit [${e.start}, ${e.end}) cuts a CRLF or surrogate pair`).toBe(false);
    // What an edit writes back of the text it replaces (a merged edit re-writes what stood before its trigger) is not new.
    const replaced = text.slice(e.start, e.end);
    let kept = 0;
    while (kept < replaced.length && kept < e.newText.length && replaced[kept] === e.newText[kept]) kept++;
    const breaks = e.newText.slice(kept).match(/\r\n|\r|\n/g) ?? [];
    expect(breaks.every((b) => b === eol), `inserted line breaks ${JSON.stringify(breaks)} are the document's ${JSON.stringify(eol)}`).toBe(true);
  }
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!.e;
    const next = sorted[k]!.e;
    expect(next.start >= prev.end, `edits [${prev.start}, ${prev.end}) and [${next.start}, ${next.end}) overlap`).toBe(true);
  }
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * Maps an offset of the text before the edits to the text after them: a range's start moves past text inserted at
 * it, its end does not; undefined inside a replaced range.
 */
export function mapOffset(edits: readonly TextEdit[], offset: number, side: 'start' | 'end' = 'start'): number | undefined {
  let delta = 0;
  for (const e of edits) {
    if (e.start === e.end) {
      if (e.start < offset || (e.start === offset && side === 'start')) delta += e.newText.length;
    } else if (e.end <= offset) delta += e.newText.length - (e.end - e.start);
    else if (e.start < offset) return undefined;
  }
  return offset + delta;
}

/**
 * Checks that `after` is `before` with `[start, end)` replaced by `inserted` and, at most, one block inserted
 * somewhere outside that replacement: line breaks in `eol` around a single line `line`. Returns where that block
 * went (an offset of `after`) and the offset the replacement went to, or throws with what else changed.
 */
export function onlyReplacementAndBlock(
  before: string,
  after: string,
  range: { start: number; end: number },
  inserted: string,
  line: string,
  eol: '\n' | '\r\n' | '\r',
): { blockAt: number | undefined; insertedAt: number } {
  const base = before.slice(0, range.start) + inserted + before.slice(range.end);
  if (after === base) return { blockAt: undefined, insertedAt: range.start };
  const extra = after.length - base.length;
  expect(extra, 'something besides the replacement was removed').toBeGreaterThan(0);
  let common = 0;
  while (common < base.length && base.charCodeAt(common) === after.charCodeAt(common)) common++;
  for (let p = common; p >= Math.max(0, common - 2 * eol.length - 2); p--) {
    if (after.slice(p + extra) !== base.slice(p)) continue;
    if (p > range.start && p < range.start + inserted.length) continue;
    const block = after.slice(p, p + extra);
    const lead = /^(?:\r\n?|\n)*/.exec(block)![0];
    const trail = /(?:\r\n?|\n)*$/.exec(block)![0];
    if (block.slice(lead.length, block.length - trail.length) !== line) continue;
    const breaks = (lead + trail).match(/\r\n?|\n/g) ?? [];
    expect(breaks.every((b) => b === eol), `the definition's line breaks ${JSON.stringify(lead)} … ${JSON.stringify(trail)} are the document's ${JSON.stringify(eol)}`).toBe(true);
    const lineAt = p + lead.length;
    expect(lineAt === 0 || after[lineAt - 1] === '\n' || after[lineAt - 1] === '\r', 'the definition starts a line').toBe(true);
    const lineEnd = lineAt + line.length;
    expect(lineEnd === after.length || after[lineEnd] === '\n' || after[lineEnd] === '\r', 'the definition ends its line').toBe(true);
    return { blockAt: lineAt, insertedAt: p <= range.start ? range.start + extra : range.start };
  }
  throw new Error(`after the insertion, more changed than the trigger and the definition block:\n before: ${JSON.stringify(before)}\n after:  ${JSON.stringify(after)}`);
}
