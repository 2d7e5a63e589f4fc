import { applyEdits } from './applyEdits';
import type { TextEdit } from './cite';
import { normalizeLabel } from '../markdown/footnoteLabel';
import type { FootnoteDefinition, ParsedMarkdown } from '../markdown/types';
import { english, type Localize } from '../text/localize';

// Editor-neutral footnote navigation and refactoring (offsets into the document's text): Go to Definition, Find All
// References, Rename, Renumber and document symbols. The VS Code adapters and the language server translate these.

/** A span of the document: where a footnote's label is written, inside `[^…]`. */
export interface LabelSpan {
  readonly start: number;
  readonly end: number;
}

/** The footnote under an offset: its normalised id and the label span it was found on. */
export interface FootnoteAt {
  readonly id: string;
  readonly label: LabelSpan;
  readonly kind: 'reference' | 'definition';
}

/** The footnote call or definition label at `offset` (anywhere on `[^label]`, or `[^label]:` of a definition). */
export function footnoteAt(parsed: ParsedMarkdown, offset: number): FootnoteAt | undefined {
  for (const r of parsed.references) if (r.start <= offset && offset <= r.end) return { id: r.id, label: { start: r.start + 2, end: r.end - 1 }, kind: 'reference' };
  for (const d of parsed.definitions) if (d.start <= offset && offset <= d.labelEnd) return { id: d.id, label: definitionLabel(d), kind: 'definition' };
  return undefined;
}

/** Where a definition's label is written: after `[^`, before `]:`. */
export function definitionLabel(d: FootnoteDefinition): LabelSpan {
  return { start: d.start + 2, end: d.labelEnd - 2 };
}

/** The definition a footnote at `offset` uses (the first of its label, as GFM does), or undefined. */
export function footnoteDefinition(parsed: ParsedMarkdown, offset: number): FootnoteDefinition | undefined {
  const at = footnoteAt(parsed, offset);
  return at && parsed.definitions.find((d) => d.id === at.id);
}

/** Every call of the footnote at `offset`, and its definitions' labels when asked, in document order. */
export function footnoteReferences(parsed: ParsedMarkdown, offset: number, includeDefinitions = true): LabelSpan[] {
  const at = footnoteAt(parsed, offset);
  if (!at) return [];
  const spans: LabelSpan[] = parsed.references.filter((r) => r.id === at.id).map((r) => ({ start: r.start, end: r.end }));
  if (includeDefinitions) for (const d of parsed.definitions) if (d.id === at.id) spans.push({ start: d.start, end: d.labelEnd });
  return spans.sort((a, b) => a.start - b.start);
}

/** Why a label cannot be used as a footnote label, or undefined when it can (GFM allows no white space or bracket). */
export function invalidLabel(label: string, t: Localize = english): string | undefined {
  if (label.length === 0) return t('A footnote label cannot be empty.');
  if (label.length > 999) return t('A footnote label is at most 999 characters long.');
  // GFM ends a label at a space, tab or line break; other white space (a no-break space) would be a label that
  // looks like another: refused too.
  if (/[\s\u0085\u2028\u2029]/u.test(label)) return t('A footnote label cannot hold white space.');
  if (/(?<!\\)(?:\\\\)*[[\]]/.test(label) || /(?<!\\)(?:\\\\)*\\$/.test(label)) return t('A footnote label cannot hold a bracket that is not escaped, or end with a backslash.');
  return undefined;
}

export type RenameResult = { readonly edits: readonly TextEdit[] } | { readonly error: string };

/** Edits renaming the footnote at `offset`, its calls and definitions, to `newLabel`; an error where it may not. */
export function renameFootnote(parsed: ParsedMarkdown, offset: number, newLabel: string, t: Localize = english): RenameResult | undefined {
  const at = footnoteAt(parsed, offset);
  if (!at) return undefined;
  const invalid = invalidLabel(newLabel, t);
  if (invalid) return { error: invalid };
  const id = normalizeLabel(newLabel);
  if (id !== at.id && (parsed.definitions.some((d) => d.id === id) || parsed.references.some((r) => r.id === id))) {
    return { error: t('The label [^{0}] is already used in this document.', newLabel) };
  }
  return { edits: labelEdits(parsed, new Map([[at.id, newLabel]])) };
}

/** Edits writing each label whose id is in `renames` anew, in its calls and definitions. */
function labelEdits(parsed: ParsedMarkdown, renames: ReadonlyMap<string, string>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const r of parsed.references) {
    const to = renames.get(r.id);
    if (to !== undefined) edits.push({ start: r.start + 2, end: r.end - 1, newText: to });
  }
  for (const d of parsed.definitions) {
    const to = renames.get(d.id);
    if (to !== undefined) edits.push({ ...definitionLabel(d), newText: to });
  }
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * Renumbering: numeric labels (`[^7]`) numbered 1, 2, 3… in reading order — as first called in the text, then as
 * called inside the notes so numbered (a note citing another), then definitions nobody calls, in document order —
 * and their top-level definitions put in that order in the places they held. Other labels are left alone. Returns
 * non-overlapping edits that the editor applies as one undoable change; renumbering again changes nothing.
 */
export function renumberFootnotes(text: string, parsed: ParsedMarkdown): TextEdit[] {
  const numeric = (id: string) => /^\d+$/.test(id);
  const order: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (numeric(id) && !seen.has(id)) seen.add(id), order.push(id);
  };
  const calls = [...parsed.references].sort((a, b) => a.start - b.start);
  const inDefinition = (start: number) => parsed.definitions.some((d) => d.start <= start && start < d.end);
  let expanded = 0;
  // Each note numbered brings the calls inside it (every numeric label is renamed, so none can take another's).
  const expand = () => {
    for (; expanded < order.length; expanded++) {
      const d = parsed.definitions.find((x) => x.id === order[expanded]);
      if (d) for (const r of calls) if (d.start <= r.start && r.start < d.end) add(r.id);
    }
  };
  for (const r of calls) if (!inDefinition(r.start)) add(r.id);
  expand();
  for (const d of parsed.definitions) add(d.id), expand();
  for (const r of calls) add(r.id);
  const renames = new Map(order.map((id, i) => [id, String(i + 1)] as const));
  const renamed = labelEdits(parsed, renames);
  // The definitions that move: top-level ones, each one whole block, none inside another.
  let moving = parsed.definitions.filter((d) => d.topLevel && renames.has(d.id) && !parsed.definitions.some((o) => o !== d && o.start < d.start && d.start < o.end));
  // A line right after a definition that is not another one may be its lazy continuation: moved, the definition
  // would take or leave that line. Then the labels are renamed but the definitions stay where they are.
  const starts = new Set(moving.map((d) => d.start));
  const followed = (d: FootnoteDefinition) => {
    const next = /^(?:\r\n|\r|\n)([^\r\n]*)/.exec(text.slice(d.end, d.end + 2000));
    return !!next && next[1]!.trim() !== '' && !starts.has(d.end + next[0].length - next[1]!.length);
  };
  if (moving.some(followed)) moving = [];
  const sorted = [...moving].sort((a, b) => Number(renames.get(a.id)) - Number(renames.get(b.id)) || a.start - b.start);
  const inside = (e: TextEdit, d: FootnoteDefinition) => d.start <= e.start && e.end <= d.end;
  const edits: TextEdit[] = renamed.filter((e) => !moving.some((d) => inside(e, d)));
  moving.forEach((slot, i) => {
    const d = sorted[i]!;
    const own = renamed.filter((e) => inside(e, d)).map((e) => ({ ...e, start: e.start - d.start, end: e.end - d.start }));
    const newText = applyEdits(text.slice(d.start, d.end), own);
    if (newText !== text.slice(slot.start, slot.end)) edits.push({ start: slot.start, end: slot.end, newText });
  });
  return edits.filter((e) => text.slice(e.start, e.end) !== e.newText).sort((a, b) => a.start - b.start);
}

/** An outline entry for a footnote definition: its label, the first line of its text, and where it is. */
export interface FootnoteSymbol {
  readonly name: string;
  readonly detail: string;
  readonly start: number;
  readonly end: number;
  readonly selectionStart: number;
  readonly selectionEnd: number;
}

/** Outline entries for every footnote definition, in document order. */
export function footnoteSymbols(parsed: ParsedMarkdown): FootnoteSymbol[] {
  return parsed.definitions.map((d) => {
    const first = d.text.split(/\r\n|\r|\n/, 1)[0]!.trim();
    return { name: `[^${d.label}]`, detail: first.length > 80 ? first.slice(0, 79) + '…' : first, start: d.start, end: d.end, selectionStart: d.start, selectionEnd: d.labelEnd };
  });
}
