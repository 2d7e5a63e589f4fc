// What parsing a Markdown document yields. Its own module so that the readers (fast and micromark) share it
// without importing each other.

/** A footnote reference `[^label]` in the text, with its offsets. */
export interface FootnoteReference {
  readonly label: string;
  /** The label normalised the way CommonMark matches labels (case-folded, white space collapsed). */
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** A footnote definition `[^label]: text`, with the offsets of the whole definition and of its label. */
export interface FootnoteDefinition {
  readonly label: string;
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** End of `[^label]:` — the part a squiggle or a hover covers. */
  readonly labelEnd: number;
  /** The definition's text as written (after the label). */
  readonly text: string;
  /** True when it stands at the top level (not inside a list or block quote): only there can another follow it. */
  readonly topLevel: boolean;
}

/** A run of prose: a paragraph, heading or table cell, as text pieces that map back to document offsets. */
export interface ProseBlock {
  readonly start: number;
  readonly end: number;
  readonly pieces: readonly ProsePiece[];
  /** For a block from a cached chunk: the chunk's own block and how far it was moved, so its analysis is reused. */
  readonly origin?: { readonly block: ProseBlock; readonly shift: number };
}

/** Plain text at an offset, or a footnote reference standing in the prose. */
export type ProsePiece =
  | { readonly kind: 'text'; readonly text: string; readonly offset: number }
  | { readonly kind: 'reference'; readonly reference: FootnoteReference };

export interface ParsedMarkdown {
  readonly references: readonly FootnoteReference[];
  readonly definitions: readonly FootnoteDefinition[];
  /** Prose outside footnote definitions, code, HTML and link definitions. */
  readonly prose: readonly ProseBlock[];
  /** Labels of link reference definitions (normalised): `![^a]` is an image, not a call, where `^a` is one. */
  readonly linkLabels?: readonly string[];
}
