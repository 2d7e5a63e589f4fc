import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Extension } from 'micromark-util-types';
import type { Nodes, Parents } from 'mdast';
import { costlyRanges, restoreCuts, withoutCuts } from './boundedInput';
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

  /** The chunk's parse from the cache, or `parse`'s, kept: one digest for both. */
  getOrParse(text: string, parse: (text: string) => ParsedMarkdown): ParsedMarkdown {
    const key = digest(text);
    const known = this.chunks.get(key)?.find((entry) => entry.text === text)?.parsed;
    if (known) return known;
    const parsed = parse(text);
    this.add(key, text, parsed);
    return parsed;
  }

  set(text: string, parsed: ParsedMarkdown): void {
    this.add(digest(text), text, parsed);
  }

  private add(key: string, text: string, parsed: ParsedMarkdown): void {
    if (this.size >= this.maxChunks) {
      const [oldest, entries] = this.chunks.entries().next().value!;
      this.chunks.delete(oldest);
      this.size -= entries.length;
    }
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
  const read: Array<{ start: number; text: string; parsed: ParsedMarkdown }> = [];
  for (const chunk of chunks) {
    if (isCancelled?.()) break;
    // Inside a document a byte-order mark is a character, not one to drop: a chunk starting with one (files joined
    // together) is parsed from the line break before it.
    const start = chunk.start > 0 && text.charCodeAt(chunk.start) === 0xfeff ? chunk.start - 1 : chunk.start;
    const chunkText = text.slice(start, chunk.end);
    const parsed = cache ? cache.getOrParse(chunkText, parseAnyChunk) : parseAnyChunk(chunkText);
    read.push({ start, text: chunkText, parsed });
  }
  // A link definition in one chunk makes `![^a]` in another an image (no call): those few chunks are read again
  // knowing every link label of the document.
  const linkLabels = [...new Set(read.flatMap((r) => r.parsed.linkLabels ?? []))];
  for (const { start, text: chunkText, parsed: first } of read) {
    const parsed = linkLabels.length && chunkText.includes('![^') ? parseChunk(chunkText, linkLabels) : first;
    // Pieces point at the same reference objects as `references`, shifted once.
    const shifted = parsed.references.length ? new Map(parsed.references.map((r) => [r, shiftReference(r, start)] as const)) : undefined;
    if (shifted) references.push(...shifted.values());
    for (const d of parsed.definitions) definitions.push({ ...d, start: d.start + start, end: d.end + start, labelEnd: d.labelEnd + start });
    for (const b of parsed.prose) prose.push(new MovedBlock(b, start, shifted));
  }
  return { references, definitions, prose };
}

function parseAnyChunk(text: string): ParsedMarkdown {
  return parseChunkFast(text) ?? parseChunk(text);
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
    ...(parsed.linkLabels ? { linkLabels: parsed.linkLabels } : {}),
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
export function parseChunk(text: string, linkLabels?: readonly string[]): ParsedMarkdown {
  // micromark drops a byte-order mark that starts its input and counts offsets without it: parse what follows the
  // mark, then move every offset past it.
  if (text.charCodeAt(0) === 0xfeff) return shiftParsed(parseChunk(text.slice(1), linkLabels), 1);
  const cuts = costlyRanges(text);
  if (cuts.length) return restoreCuts(text, parseChunk(withoutCuts(text, cuts), linkLabels), cuts);
  const extensions = linkLabels?.length ? [EVERY_CALL_DEFINED(), linksDefined(linkLabels)] : [EVERY_CALL_DEFINED()];
  const tree = fromMarkdown(text, { extensions, mdastExtensions: [gfmFootnoteFromMarkdown()] });
  const links: string[] = [];
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
        // The label as written (its escapes kept), which is what micromark normalises to match calls.
        const labelStart = text.indexOf('[^', start) + 2;
        const labelEnd = closingBracket(text, labelStart) + 2;
        const label = text.slice(labelStart, labelEnd - 2);
        definitions.push({ label, id: normalizeLabel(label), start, end, labelEnd, text: text.slice(labelEnd, end).trim(), topLevel: tree.children.includes(node) });
        pushChildren(node, true);
        break;
      }
      case 'definition':
        links.push(normalizeLabel(node.label ?? node.identifier));
        break;
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
  return links.length ? { references, definitions, prose, linkLabels: links } : { references, definitions, prose };
}

/** Link labels defined elsewhere in the document, known before an image's `]` is read (a hook at `!` that never matches). */
function linksDefined(labels: readonly string[]): Extension {
  const hook = {
    tokenize(this: { parser: { defined: string[]; statciteLinks?: boolean } }, _effects: unknown, _ok: unknown, nok: (code: number | null) => unknown) {
      if (!this.parser.statciteLinks) this.parser.defined.push(...labels), (this.parser.statciteLinks = true);
      return (code: number | null) => nok(code);
    },
  };
  return { text: { 33: hook } } as unknown as Extension;
}

/**
 * GFM's footnote syntax with every label defined: micromark reads a call only where its label is defined, so a call
 * whose definition is in another chunk, or nowhere, would stay text. Deciding calls as GFM would if they were defined
 * is what the rules need (an undefined call is then one whose label no definition has).
 */
let everyCallDefinedExtension: Extension | undefined;
// Built on first use: micromark is in a chunk loaded lazily (scripts/lazyChunks.mjs), not at activation.
const EVERY_CALL_DEFINED = () => (everyCallDefinedExtension ??= everyCallDefined(gfmFootnote()));

function everyCallDefined(extension: Extension): Extension {
  const defineAll = { includes: definable, push: () => 0 };
  const wrap = (constructs: Extension['text']) => {
    const out: Record<number, unknown> = {};
    for (const [code, construct] of Object.entries(constructs ?? {})) {
      const c = construct as { tokenize: (this: { parser: { gfmFootnotes?: unknown } }, ...args: unknown[]) => unknown };
      out[Number(code)] = {
        ...c,
        tokenize(this: { parser: { gfmFootnotes?: unknown } }, ...args: unknown[]) {
          this.parser.gfmFootnotes = defineAll;
          return c.tokenize.apply(this, args);
        },
      };
    }
    return out as Extension['text'];
  };
  return { ...extension, document: wrap(extension.document), text: wrap(extension.text) } as Extension;
}

/**
 * Whether a normalised label could be defined: a definition's label is not empty and holds no white space and no
 * bracket that is not escaped (micromark also asks about labels that cannot be, such as `![^]`'s empty one).
 */
function definable(id: string): boolean {
  if (id.length === 0 || id.length > 999) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id[i];
    if (c === '\\') i++;
    else if (c === '[' || c === ']' || c === ' ' || c === '\t' || c === '\n' || c === '\r') return false;
  }
  return true;
}

/** The end of an image's description starting at `from`: the `]` that balances its `[` (escapes skipped). */
function descriptionEnd(text: string, from: number, end: number): number {
  let depth = 0;
  for (let i = from; i < end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '[') depth++;
    else if (text[i] === ']' && depth-- === 0) return i;
  }
  return end;
}

/** The offset of the `]` that closes a label starting at `from` (a backslash escapes the next character). */
function closingBracket(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ']') return i;
  }
  return text.length;
}

function collectText(source: string, value: string, offset: number, end: number, pieces: ProsePiece[]): void {
  const raw = source.slice(offset, end);
  if (raw !== value) {
    // Escapes, character references and white space dropped at line breaks make the text differ from what is
    // written: split it into runs that are written as they read, so offsets after them stay right.
    for (const run of writtenRuns(source, value, offset, end)) {
      if (source.startsWith(run.text, run.offset)) collectText(source, run.text, run.offset, run.offset + run.text.length, pieces);
      else pieces.push({ kind: 'text', text: run.text, offset: run.offset });
    }
    return;
  }
  pieces.push({ kind: 'text', text: value, offset });
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
    if ((source[i - 1] === '\n' || source[i - 1] === '\r') && source[i - 1] === value[j - 1]) {
      const from = i;
      while (i < end && /[ \t>]/.test(source[i]!)) i++;
      // A ">" the value keeps is text, not a marker (indented past a block quote's reach: "\t > a" continues a paragraph).
      if (value[j] === '>' && !(source[i] === '\\' && source[i + 1] === '>')) {
        const back = source.lastIndexOf('>', i - 1);
        if (back >= from) i = back;
      }
    }
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

function collectInline(source: string, node: Parents, pieces: ProsePiece[], references: FootnoteReference[]): void {
  for (const child of node.children as Nodes[]) {
    if (child.type === 'text') {
      const start = child.position?.start.offset ?? 0;
      collectText(source, child.value, start, child.position?.end.offset ?? start, pieces);
    } else if (child.type === 'footnoteReference') {
      const start = child.position?.start.offset ?? 0;
      const end = child.position?.end.offset ?? 0;
      const label = source.slice(start + 2, end - 1);
      const reference: FootnoteReference = { label, id: normalizeLabel(label), start, end };
      references.push(reference);
      pieces.push({ kind: 'reference', reference });
    } else if (child.type === 'image' || child.type === 'imageReference') {
      // An image keeps only the plain text of its description, but a call in it is a call: read the description
      // (after "![", up to its balanced "]") again on its own.
      const start = (child.position?.start.offset ?? 0) + 2;
      const end = child.position?.end.offset ?? start;
      for (const r of parseChunk(source.slice(start, descriptionEnd(source, start, end))).references) {
        const reference = shiftReference(r, start);
        references.push(reference);
        pieces.push({ kind: 'reference', reference });
      }
    } else if (child.type === 'break') {
      pieces.push({ kind: 'text', text: ' ', offset: child.position?.start.offset ?? 0 });
    } else if (child.type !== 'inlineCode' && child.type !== 'html' && 'children' in child) {
      collectInline(source, child as Parents, pieces, references);
    }
  }
}
