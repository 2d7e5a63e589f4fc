import fc from 'fast-check';
import { footnoteText } from '../../../src/core/citations/cite';
import { sourceKeys, statistics } from './data';

/**
 * Generated Markdown drafts. Blocks are built with "\n" and get the document's line ending at the end; the places
 * where a statistic is to be inserted are marked with private-use characters until the document is assembled, so
 * their offsets are known exactly whatever comes before them.
 */

const TRIGGER_MARK = '\uE000';
const MARKS = /[\uE000-\uE00F@]/g;

// Text a writer could type: the six languages statcite reads, right-to-left scripts and controls, emoji (surrogate
// pairs, ZWJ sequences, flags), combining marks, no-break and zero-width spaces, Unicode line separators, fullwidth
// forms, figures the reader knows.
const WORDS = [
  'Customers', 'asiakaspalvelua', 'pitää', 'клиентов', '客户服务', '消费者', 'klientu', 'kliendid', 'õun',
  'שלום', 'مرحبا', '\u202bעברית\u202c', '\u202eevil\u202c', '\u200f', '🎉', '👩‍💻', '🇫🇮', '👍🏽',
  'e\u0301', 'a\u0308\u0301', 'Å', '\u00a0', '\u202f', '\u200b', '\u200d', '\u2060', 'ß', 'ẞ', 'İ', 'ﬁ', 'Ⅻ',
  '\u2028', '\u2029', '\u0085', '\t', '\u3000', '８４％', '𝔘𝔫𝔦', '\u0000', '\u001b[31m', '\uFFFD', '\uFEFF',
];
const FIGURES = [
  '84 %', '84%', '56 prosenttia', '7,6 miljardia dollaria', 'nine in ten', 'yhdeksän kymmenestä', '十分之九',
  '百分之八十四', 'в 10 раз', '2019', '1 000 000', '9/10', 'two thirds', '6–7 times', '$5', '3.5x', '16,9 %',
];
// Inline Markdown, some of it holding what looks like a footnote where it is none.
const INLINE = [
  '*em*', '**strong**', '_u_', '`code [^a]`', '``co`de``', '<!-- note [^a] -->', '<span title="[^a]">x</span>',
  '[link](https://example.com)', '![img](x.png "t")', '\\[^a]', '&amp;', '&#91;^a&#93;', '~~del~~',
  '<https://example.com>', 'https://example.com', 'foo\\_bar', '[^a]', '[^zendesk-2019]', '[^Zendesk-2019]',
  '[^missing]', '[^a](see)', '[^zendesk-2019](x)', '[ref]', '\\', ':', '|', '*', '_', '`', '[', ']', '<', '>', '!', '&', '#', '~', '^', '"', "'",
];

const unicode = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...FIGURES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff', '\udbff\udc00x') },
);

/** Any text on one line: the marks the generator uses and line breaks are taken out. */
const clean = (s: string) => s.replace(MARKS, '·').replace(/[\r\n]/g, ' ');

/** Wild inline text: any Unicode and any inline Markdown, balanced or not. */
export const wildText = fc
  .array(fc.oneof({ weight: 3, arbitrary: unicode }, { weight: 2, arbitrary: fc.constantFrom(...INLINE) }), { minLength: 1, maxLength: 5 })
  .map((parts) => clean(parts.join(' ')));

/**
 * Text around an insertion point: any Unicode and closed inline Markdown, but nothing that would put the point
 * into code, HTML, a link or a table cell boundary (those are covered by the blocks around it).
 */
const safeInline = fc.oneof(
  { weight: 4, arbitrary: unicode.map((s) => clean(s).replace(/[`<>[\]\\|*_&!#~-]/g, ' ')) },
  { weight: 1, arbitrary: fc.constantFrom('**strong**', '*em*', '`code`', '<!-- c -->', '[link](https://example.com)', '[^a]', '“', '(', ')', '.', ',', ':', '—', '。', '，', '«', '»') },
);
const safeText = fc.array(safeInline, { maxLength: 4 }).map((parts) => parts.join(' '));

/** A footnote label as writers write them: source keys in any case, numbers, CJK, emoji, case-folding traps. */
export const label = fc.oneof(
  fc.constantFrom(
    'a', '1', '01', 'note', 'zendesk-2019', 'Zendesk-2019', 'ZENDESK-2019', 'zendesk-2019-2', 'hubspot', 'HubSpot-2019',
    '中文', '注1', 'émoji🎉', 'e\u0301', 'é', 'ß', 'SS', 'ẞ', 'a_b.c', 'x'.repeat(60), 'İ', 'ﬁ', 'a*b', 'a`b', '^',
  ),
  fc.constantFrom(...sourceKeys),
  fc.stringMatching(/^[a-z0-9-]{1,12}$/),
);

/** What a definition says: statcite's own footnote for a bundled statistic, a hand-written source, or anything. */
const definitionText = fc.oneof(
  fc.constantFrom(...statistics).map((s) => footnoteText(s)),
  fc.constantFrom('Zendesk (2019).', 'Zendesk, CX Trends 2019.', 'HubSpot.', 'Grand View Research 2020.', 'Microsoft 2018', 'Own survey, 2024.', ''),
  wildText,
);

const definition = fc
  .tuple(label, definitionText, fc.constantFrom('', '', '\n    continued line', '\n\n    Second paragraph 3 %.', '\nlazy continuation'))
  .map(([l, t, more]) => `[^${l}]: ${t}${more}`);

const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'md', 'json'), fc.array(fc.oneof(wildText, definition, fc.constant('[^zendesk-2019]')), { maxLength: 3 }))
  .map(([f, info, lines]) => `${f}${info}\n${lines.join('\n')}\n${f}`);

/** One block of a draft, footnotes in the places where they are footnotes and where they are not. */
export const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(wildText, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), wildText).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
  { weight: 1, arbitrary: wildText.map((t) => `${t}\n===`) },
  { weight: 3, arbitrary: definition },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.oneof(wildText, definition), { minLength: 1, maxLength: 3 })).map(([depth, ls]) => ls.join('\n').replace(/^/gm, '> '.repeat(depth))) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '- [ ] '), fc.array(fc.oneof(wildText, definition), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([m, items, nested]) => items.map((t, i) => (nested && i > 0 ? '   ' + m : m) + t.replace(/\n/g, '\n    ')).join('\n')) },
  { weight: 1, arbitrary: fc.array(wildText, { minLength: 1, maxLength: 2 }).map((cells) => `| a | b |\n|---|:--:|\n${cells.map((c) => `| ${c.replace(/\|/g, '\\|')} | [^a] 84 % |`).join('\n')}`) },
  { weight: 2, arbitrary: fence },
  { weight: 1, arbitrary: fc.array(fc.oneof(wildText, definition), { minLength: 1, maxLength: 2 }).map((ls) => ls.map((l) => '    ' + l.replace(/\n/g, '\n    ')).join('\n')) },
  { weight: 1, arbitrary: fc.tuple(definition, wildText).map(([d, t]) => `<!--\n${d}\n\n${t.replace(/-->/g, '')}\n-->`) },
  // An HTML block runs to the next blank line (a fence line right after it is HTML, which splitChunks does not know):
  // a blank line always follows this one.
  { weight: 1, arbitrary: wildText.map((t) => `<div>\n[^a] ${t}\n</div>\n`) },
  { weight: 1, arbitrary: fc.constantFrom('***', '---', '[ref]: https://example.com "title"', '', '   ', '<!-- [^a]: one-line comment -->') },
);

/** Where an insertion point sits: a paragraph, heading, quote, list item, table cell, footnote definition, … */
const context = fc.constantFrom<(line: string) => string>(
  (l) => l,
  (l) => `Words before it\n${l}`,
  (l) => `## ${l}`,
  (l) => `> ${l}`,
  (l) => `> > ${l}`,
  (l) => `> Words before it\n> ${l}`,
  (l) => `> > Words\n> > ${l}`,
  (l) => `- Words\n  ${l}`,
  (l) => `- ${l}`,
  (l) => `1. first\n2. ${l}`,
  (l) => `- item\n  - ${l}`,
  (l) => `| A | B |\n| --- | --- |\n| ${l.replace(/\|/g, ' ')} | x |`,
  (l) => `[^note-${l.length}]: ${l}`,
  (l) => `**${l}**`,
);

const query = fc.stringMatching(/^[a-z0-9äö中 ]{0,10}$/);

/** A paragraph (or other block) holding an insertion point: text, `@@query`, text. */
const triggerBlock = fc.tuple(context, safeText, query, safeText).map(([ctx, before, q, after]) => ctx(`${before.replace(/^[ \t]+/, '')}${TRIGGER_MARK}${q}${TRIGGER_MARK}${after}`));

export type LineEndings = 'lf' | 'crlf' | 'mixed';

export interface Draft {
  readonly text: string;
  /** The insertion points (`@@query`), in document order. */
  readonly triggers: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  readonly endings: LineEndings;
}

/**
 * A draft with `triggers` insertion points among up to `maxBlocks` blocks: maybe a BOM, maybe front matter, LF,
 * CRLF or mixed line endings, maybe no final newline (an insertion point may then end the document).
 */
export function draft(triggers: number, maxBlocks = 6): fc.Arbitrary<Draft> {
  return fc
    .record({
      blocks: fc.array(block, { maxLength: maxBlocks }),
      separators: fc.array(fc.constantFrom('\n\n', '\n\n', '\n\n', '\n\n\n', '\n  \n', '\n'), { minLength: maxBlocks + triggers + 1, maxLength: maxBlocks + triggers + 1 }),
      triggerBlocks: fc.array(triggerBlock, { minLength: triggers, maxLength: triggers }),
      positions: fc.array(fc.nat(), { minLength: triggers, maxLength: triggers }),
      bom: fc.boolean(),
      frontMatter: fc.constantFrom('', '', '', '---\nlang: fi\ntitle: Asiakaspalvelu\n---\n\n'),
      ending: fc.constantFrom('', '\n', '\n', '\n\n', '\n  '),
      endings: fc.constantFrom<LineEndings>('lf', 'crlf', 'mixed'),
      crlfPattern: fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
    })
    .map(({ blocks, separators, triggerBlocks, positions, bom, frontMatter, ending, endings, crlfPattern }) => {
      const all = [...blocks];
      const isTrigger = new Set<string>();
      triggerBlocks.forEach((t, i) => {
        const at = positions[i]! % (all.length + 1);
        all.splice(at, 0, t);
        isTrigger.add(t);
      });
      let joined = '';
      all.forEach((b, i) => {
        if (i > 0) joined += isTrigger.has(b) || isTrigger.has(all[i - 1]!) ? '\n\n' : separators[i]!;
        joined += b;
      });
      joined = frontMatter + joined + ending;
      let n = 0;
      const withEndings = joined.replace(/\n/g, () => {
        const crlf = endings === 'crlf' || (endings === 'mixed' && crlfPattern[n++ % crlfPattern.length]);
        return crlf ? '\r\n' : '\n';
      });
      let text = (bom ? '\uFEFF' : '') + withEndings;
      const found: Array<{ start: number; end: number }> = [];
      for (;;) {
        const start = text.indexOf(TRIGGER_MARK);
        if (start < 0) break;
        const end = text.indexOf(TRIGGER_MARK, start + 1);
        const q = text.slice(start + 1, end);
        text = `${text.slice(0, start)}@@${q}${text.slice(end + 1)}`;
        found.push({ start, end: start + 2 + q.length });
      }
      return { text, triggers: found, endings };
    });
}
