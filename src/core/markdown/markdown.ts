import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Nodes, Parents } from 'mdast';
import { normalizeLabel } from './footnoteLabel';
import { splitChunks } from './markdownChunks';
import { parseChunkFast } from './markdownFast';
import type { FootnoteDefinition, FootnoteReference, ParsedMarkdown, ProseBlock, ProsePiece } from './types';

export { normalizeLabel };
export type { FootnoteDefinition, FootnoteReference, ParsedMarkdown, ProseBlock, ProsePiece };

/** Parsed chunks by their text, so an edit re-parses only the chunk it touched. */
export class MarkdownCache {
  // Found by a short digest, then compared whole: as Map keys the chunks of a 1 MB document would all be hashed (about
  // 2 ms, on every validation), while comparing the one candidate is a fast memory compare, and a first parse has none.
  private readonly chunks = new Map<string, Array<{ readonly text: string; readonly parsed: ParsedMarkdown }>>();
  private size = 0;

  constructor(private readonly maxChunks = 20000) {}

  get(text: string): ParsedMarkdown | undefined {
    const bucket = this.chunks.get(digest(text));
    return bucket?.find((entry) => entry.text === text)?.parsed;
  }

  set(text: string, parsed: ParsedMarkdown): void {
    if (this.size >= this.maxChunks) {
      const [oldest, entries] = this.chunks.entries().next().value!;
      this.chunks.delete(oldest);
      this.size -= entries.length;
    }
    const key = digest(text);
    const bucket = this.chunks.get(key);
    if (bucket) bucket.push({ text, parsed });
    else this.chunks.set(key, [{ text, parsed }]);
    this.size++;
  }
}

/** A chunk's length and ends: different chunks rarely share all three, and a shared digest only costs a compare. */
function digest(text: string): string {
  return text.length <= 64 ? text : `${text.length}:${text.slice(0, 32)}${text.slice(-32)}`;
}

/**
 * Reads footnotes and prose out of Markdown with micromark's GFM footnote extension, so code blocks, inline code,
 * HTML comments and link reference definitions never count as footnotes. Long documents are parsed chunk by chunk
 * (see splitChunks); with a cache, unchanged chunks are not parsed again. A cancelled parse stops between chunks.
 */
export function parseMarkdown(text: string, cache?: MarkdownCache, isCancelled?: () => boolean): ParsedMarkdown {
  const chunks = splitChunks(text);
  if (chunks.length === 1 && !cache) return parseChunkFast(text) ?? parseChunk(text);
  const references: FootnoteReference[] = [];
  const definitions: FootnoteDefinition[] = [];
  const prose: ProseBlock[] = [];
  for (const chunk of chunks) {
    if (isCancelled?.()) break;
    // Inside a document a byte-order mark is a character, not one to drop: a chunk starting with one (files joined
    // together) is parsed from the line break before it.
    const start = chunk.start > 0 && text.charCodeAt(chunk.start) === 0xfeff ? chunk.start - 1 : chunk.start;
    const end = chunk.end;
    const chunkText = text.slice(start, end);
    let parsed = cache?.get(chunkText);
    if (!parsed) {
      parsed = parseChunkFast(chunkText) ?? parseChunk(chunkText);
      cache?.set(chunkText, parsed);
    }
    // Pieces point at the same reference objects as `references`, shifted once.
    const shifted = parsed.references.length ? new Map(parsed.references.map((r) => [r, shiftReference(r, start)] as const)) : undefined;
    if (shifted) references.push(...shifted.values());
    for (const d of parsed.definitions) definitions.push({ ...d, start: d.start + start, end: d.end + start, labelEnd: d.labelEnd + start });
    for (const b of parsed.prose) prose.push(new MovedBlock(b, start, shifted));
  }
  return { references, definitions, prose };
}

/** A cached chunk's block at its place in the document; its pieces are moved only if someone reads them. */
class MovedBlock implements ProseBlock {
  readonly start: number;
  readonly end: number;
  readonly origin: { readonly block: ProseBlock; readonly shift: number };
  private moved: readonly ProsePiece[] | undefined;

  constructor(
    block: ProseBlock,
    shift: number,
    private readonly references: ReadonlyMap<FootnoteReference, FootnoteReference> | undefined,
  ) {
    this.origin = { block, shift };
    this.start = block.start + shift;
    this.end = block.end + shift;
  }

  get pieces(): readonly ProsePiece[] {
    const { block, shift } = this.origin;
    return (this.moved ??= block.pieces.map((p) => (p.kind === 'text' ? { ...p, offset: p.offset + shift } : { kind: 'reference', reference: this.references?.get(p.reference) ?? shiftReference(p.reference, shift) })));
  }
}

/** A reference moved by `by`; built field by field, as a spread copy is slower where every reference of a chunk moves. */
export function shiftReference(r: FootnoteReference, by: number): FootnoteReference {
  return { label: r.label, id: r.id, start: r.start + by, end: r.end + by };
}

function shiftParsed(parsed: ParsedMarkdown, by: number): ParsedMarkdown {
  const references = new Map(parsed.references.map((r) => [r, shiftReference(r, by)] as const));
  return {
    references: [...references.values()],
    definitions: parsed.definitions.map((d) => ({ ...d, start: d.start + by, end: d.end + by, labelEnd: d.labelEnd + by })),
    prose: parsed.prose.map((b) => ({
      start: b.start + by,
      end: b.end + by,
      pieces: b.pieces.map((p) => (p.kind === 'text' ? { ...p, offset: p.offset + by } : { kind: 'reference', reference: references.get(p.reference) ?? shiftReference(p.reference, by) })),
    })),
  };
}

/** Parses a text as one piece (what parseMarkdown does per chunk); exported to test that chunking changes nothing. */
export function parseChunk(text: string): ParsedMarkdown {
  // micromark drops a byte-order mark that starts its input and counts offsets without it: parse what follows the
  // mark, then move every offset past it.
  if (text.charCodeAt(0) === 0xfeff) return shiftParsed(parseChunk(text.slice(1)), 1);
  const tree = fromMarkdown(text, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] });
  const references: FootnoteReference[] = [];
  const definitions: FootnoteDefinition[] = [];
  const prose: ProseBlock[] = [];

  const collect = (node: Parents, pieces: ProsePiece[]) => collectInline(text, node, pieces, references);
  // Depth first, in document order, with a stack of its own: containers nest as deep as the text says (10,000 block
  // quotes on one line), deeper than the call stack goes.
  const stack: Array<{ node: Nodes; inDefinition: boolean }> = [{ node: tree, inDefinition: false }];
  const pushChildren = (node: Parents, inDefinition: boolean) => {
    for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k] as Nodes, inDefinition });
  };
  while (stack.length) {
    const { node, inDefinition } = stack.pop()!;
    switch (node.type) {
      case 'footnoteDefinition': {
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? start;
        const raw = text.slice(start, end);
        const colon = raw.indexOf(']:');
        const labelEnd = start + (colon >= 0 ? colon + 2 : raw.length);
        definitions.push({ label: node.label ?? node.identifier, id: normalizeLabel(node.label ?? node.identifier), start, end, labelEnd, text: text.slice(labelEnd, end).trim(), topLevel: tree.children.includes(node) });
        pushChildren(node, true);
        break;
      }
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const pieces: ProsePiece[] = [];
        collect(node, pieces);
        if (!inDefinition) prose.push({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0, pieces });
        break;
      }
      default:
        if ('children' in node) pushChildren(node as Parents, inDefinition);
    }
  }
  return { references, definitions, prose };
}

// micromark only knows references whose definition exists; a `[^label]` without one stays text, found here.
const UNDEFINED_REFERENCE = /(?<!\\)\[\^([^\]\s\\]+)\]/g;

function collectText(source: string, value: string, offset: number, end: number, pieces: ProsePiece[], references: FootnoteReference[]): void {
  const raw = source.slice(offset, end);
  if (raw !== value) {
    // Escapes, character references and white space dropped at line breaks make the text differ from what is
    // written: split it into runs that are written as they read, so offsets after them stay right.
    for (const run of writtenRuns(source, value, offset, end)) {
      if (source.startsWith(run.text, run.offset)) collectText(source, run.text, run.offset, run.offset + run.text.length, pieces, references);
      else pieces.push({ kind: 'text', text: run.text, offset: run.offset });
    }
    return;
  }
  if (!raw.includes('[^')) {
    pieces.push({ kind: 'text', text: value, offset });
    return;
  }
  let last = 0;
  for (const m of raw.matchAll(UNDEFINED_REFERENCE)) {
    if (source[offset + m.index - 1] === '\\') continue;
    if (m.index > last) pieces.push({ kind: 'text', text: raw.slice(last, m.index), offset: offset + last });
    const reference: FootnoteReference = { label: m[1]!, id: normalizeLabel(m[1]!), start: offset + m.index, end: offset + m.index + m[0].length };
    references.push(reference);
    pieces.push({ kind: 'reference', reference });
    last = m.index + m[0].length;
  }
  if (last < raw.length) pieces.push({ kind: 'text', text: raw.slice(last), offset: offset + last });
}

const CHARACTER_REFERENCE = /^&(?:#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/;

/**
 * A text node's value as runs, each at the offset where it is written (a decoded reference at its `&`). White space
 * and block quote markers that start a continuation line ("> > ") are written but not in the value.
 */
function writtenRuns(source: string, value: string, start: number, end: number): Array<{ text: string; offset: number }> {
  const runs: Array<{ text: string; offset: number }> = [];
  const add = (text: string, at: number, written: boolean) => {
    const last = runs[runs.length - 1];
    if (written && last && last.offset + last.text.length === at && source.startsWith(last.text, last.offset)) last.text += text;
    else runs.push({ text, offset: at });
  };
  let i = start;
  let j = 0;
  while (j < value.length) {
    const ch = value[j]!;
    // A continuation line starts with its containers' markers and indentation ("> > "), which the value leaves out
    // (it cannot start with a literal ">" or white space).
    // A CR-only document ends its lines in '\r', kept as written in the value.
    if ((source[i - 1] === '\n' || source[i - 1] === '\r') && source[i - 1] === value[j - 1]) while (i < end && /[ \t>]/.test(source[i]!)) i++;
    if (i >= end) {
      add(value.slice(j), end, false);
      break;
    }
    if (source[i] === '\\' && source[i + 1] === ch && /[!-/:-@[-`{-~]/.test(ch)) {
      i++;
      continue;
    }
    const ref = source[i] === '&' ? CHARACTER_REFERENCE.exec(source.slice(i, Math.min(end, i + 40))) : null;
    if (ref && !value.startsWith(ref[0], j)) {
      // The reference decoded into the characters up to the next one written after it that the value keeps: white
      // space ending a line is dropped, an escaped character loses its backslash.
      let next = i + ref[0].length;
      next += /^[ \t]*(?=[\r\n])/.exec(source.slice(next, next + 100))?.[0].length ?? 0;
      if (source[next] === '\\' && /[!-/:-@[-`{-~]/.test(source[next + 1] ?? '')) next++;
      const after = source[next];
      let n = 1;
      while (n < 4 && j + n < value.length && value[j + n] !== after) n++;
      add(value.slice(j, j + n), i, false);
      i += ref[0].length;
      j += n;
    } else if (source[i] === ch || !/[ \t]/.test(source[i]!)) {
      add(ch, i, source[i] === ch);
      i++;
      j++;
    } else i++;
  }
  return runs;
}

const LINK_LIKE_REFERENCE = /^\[\^([^\]\s\\]+)\]\(/;

function collectInline(source: string, node: Parents, pieces: ProsePiece[], references: FootnoteReference[]): void {
  for (const child of node.children as Nodes[]) {
    if (child.type === 'text') {
      const start = child.position?.start.offset ?? 0;
      collectText(source, child.value, start, child.position?.end.offset ?? start, pieces, references);
    } else if (child.type === 'footnoteReference') {
      const reference: FootnoteReference = {
        label: child.label ?? child.identifier,
        id: normalizeLabel(child.label ?? child.identifier),
        start: child.position?.start.offset ?? 0,
        end: child.position?.end.offset ?? 0,
      };
      references.push(reference);
      pieces.push({ kind: 'reference', reference });
    } else if (child.type === 'break') {
      pieces.push({ kind: 'text', text: ' ', offset: child.position?.start.offset ?? 0 });
    } else if (child.type === 'link' && LINK_LIKE_REFERENCE.test(source.slice(child.position?.start.offset ?? 0, child.position?.end.offset ?? 0))) {
      // "[^label](…)" is a reference followed by text where the label is defined, but micromark reads it as a link
      // where it is not, which it also is when the definition is in another chunk: read it as the reference.
      const start = child.position?.start.offset ?? 0;
      const end = child.position?.end.offset ?? start;
      const label = LINK_LIKE_REFERENCE.exec(source.slice(start, end))![1]!;
      const reference: FootnoteReference = { label, id: normalizeLabel(label), start, end: start + label.length + 3 };
      references.push(reference);
      pieces.push({ kind: 'reference', reference }, { kind: 'text', text: source.slice(reference.end, end), offset: reference.end });
    } else if (child.type !== 'inlineCode' && child.type !== 'html' && 'children' in child) {
      collectInline(source, child as Parents, pieces, references);
    }
  }
}
