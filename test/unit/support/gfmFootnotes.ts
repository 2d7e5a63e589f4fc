// The reference for statcite's footnote rules: micromark with the GFM footnote extension on the whole document, its
// events read directly (not through statcite's parser), with every candidate label defined so that a call whose
// definition is missing is still read as GFM would read it if it were defined.
import { parse, postprocess, preprocess } from 'micromark';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

export interface Judgment {
  readonly rule: 'undefined-footnote' | 'unused-footnote' | 'duplicate-footnote';
  readonly offset: number;
  /** 1-based, as micromark counts lines (LF, CRLF and a lone CR each end one). */
  readonly line: number;
}

// Every `[^…]` in the text names a candidate label: its normalised form, where a definition could have it (no white
// space inside, as GFM allows in no definition's label; `![^x ]` names X, which `[^x]:` defines). Over-inclusive, as
// defining a label nobody calls changes nothing.
const CANDIDATE = /\[\^((?:\\[\s\S]|[^\\[\]])+)\]/g;
const candidates = (text: string) => [...new Set([...text.matchAll(CANDIDATE)].map((m) => normalizeIdentifier(m[1]!)))].filter((id) => id && !/[\t\n\r ]/.test(id));

/** The undefined, unused and duplicate judgments GFM makes on `text`, in document order. */
export function gfmJudgments(text: string): Judgment[] {
  const parser = parse({ extensions: [gfmFootnote()] }) as ReturnType<typeof parse> & { gfmFootnotes?: string[] };
  parser.gfmFootnotes = candidates(text);
  const events = postprocess(parser.document().write(preprocess()(text, undefined, true)));
  const calls: Array<{ id: string; offset: number; line: number }> = [];
  const definitions: Array<{ id: string; offset: number; line: number }> = [];
  let pending: { offset: number; line: number; into: typeof calls } | undefined;
  for (const [kind, token, context] of events) {
    if (kind !== 'enter') continue;
    if (token.type === 'gfmFootnoteCall') pending = { offset: token.start.offset, line: token.start.line, into: calls };
    else if (token.type === 'gfmFootnoteDefinition') pending = { offset: token.start.offset, line: token.start.line, into: definitions };
    else if ((token.type === 'gfmFootnoteCallString' || token.type === 'gfmFootnoteDefinitionLabelString') && pending) {
      pending.into.push({ id: normalizeIdentifier(context.sliceSerialize(token)), offset: pending.offset, line: pending.line });
      pending = undefined;
    }
  }
  const judgments: Judgment[] = [];
  const defined = new Set<string>();
  for (const d of definitions) {
    if (defined.has(d.id)) judgments.push({ rule: 'duplicate-footnote', offset: d.offset, line: d.line });
    defined.add(d.id);
  }
  const called = new Set(calls.map((c) => c.id));
  for (const c of calls) if (!defined.has(c.id)) judgments.push({ rule: 'undefined-footnote', offset: c.offset, line: c.line });
  const seen = new Set<string>();
  for (const d of definitions) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    if (!called.has(d.id)) judgments.push({ rule: 'unused-footnote', offset: d.offset, line: d.line });
  }
  return judgments.sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));
}
