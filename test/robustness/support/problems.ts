import fc from 'fast-check';
import { footnoteText } from '../../../src/core/citations/cite';
import { formatFigure } from '../../../src/core/index/format';
import { sourceKeyOf } from '../../../src/core/index/sourceKey';
import { statistics } from './data';
import { block, wildText, type LineEndings } from './markdown';

/**
 * Drafts with the mistakes validation reports and fixes: a figure stated without its citation, a figure its source
 * never reports, a reference to a source key with no definition, a definition nobody references, a label defined
 * twice. Each sits in a paragraph, a list item, a quote, a table cell or a heading, next to ordinary blocks.
 */

const stat = fc.constantFrom(...statistics.filter((s) => s.quote.length < 400));
const lang = fc.constantFrom('en', 'fi', 'zh', 'ru', 'lv', 'et');

const mistake = fc.oneof(
  // A figure stated in the statistic's own words, or its gloss, with no citation.
  stat.map((s) => s.quote.replace(/\s+/g, ' ')),
  stat.map((s) => s.en),
  // A cited figure the source never reports (the value moved), with the source's definition.
  fc.tuple(stat, fc.integer({ min: 1, max: 9 }), lang).map(([s, d, l]) => {
    const key = sourceKeyOf(s);
    const wrong = formatFigure({ ...s, value: s.value + d, valueMax: s.valueMax === undefined ? undefined : s.valueMax + d }, l);
    return `${wrong} — ${s.en.replace(/\s+/g, ' ').slice(0, 60)}.[^${key}]\n\n[^${key}]: ${footnoteText(s)}`;
  }),
  // A reference to a source key that has no definition yet (the fix adds it from the index).
  fc.tuple(stat, fc.constantFrom('', 'upper')).map(([s, c]) => {
    const key = sourceKeyOf(s);
    return `${formatFigure(s, 'en')} of them.[^${c ? key.toUpperCase() : key}]`;
  }),
  // Definitions nobody references, one of them maybe under a label defined twice.
  fc.tuple(fc.nat(99), wildText).map(([n, t]) => `[^unused-${n}]: ${t}`),
  fc.tuple(stat, wildText).map(([s, t]) => `Cited.[^twice]\n\n[^twice]: ${footnoteText(s)}\n[^twice]: ${t}`),
);

const context = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => `> ${s.replace(/\n/g, '\n> ')}`,
  (s) => `- ${s.replace(/\n/g, '\n  ')}`,
  (s) => (s.includes('\n') ? s : `| A | B |\n| --- | --- |\n| ${s.replace(/\|/g, '/')} | x |`),
  (s) => (s.includes('\n') ? s : `## ${s}`),
);

export interface ProblemDraft {
  readonly text: string;
  readonly endings: LineEndings;
}

/** A draft of a few ordinary blocks and one to three mistakes, in LF, CRLF or mixed line endings. */
export const problemDraft: fc.Arbitrary<ProblemDraft> = fc
  .record({
    blocks: fc.array(block, { maxLength: 1 }),
    mistakes: fc.array(fc.tuple(context, mistake).map(([c, m]) => c(m)), { minLength: 1, maxLength: 3 }),
    order: fc.array(fc.nat(), { maxLength: 5 }),
    endings: fc.constantFrom<LineEndings>('lf', 'crlf', 'mixed'),
    crlfPattern: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ blocks, mistakes, order, endings, crlfPattern, bom, finalNewline }) => {
    const all = [...blocks];
    mistakes.forEach((m, i) => all.splice((order[i] ?? 0) % (all.length + 1), 0, m));
    let n = 0;
    const text = (all.join('\n\n') + (finalNewline ? '\n' : '')).replace(/\n/g, () => {
      const crlf = endings === 'crlf' || (endings === 'mixed' && crlfPattern[n++ % crlfPattern.length]);
      return crlf ? '\r\n' : '\n';
    });
    return { text: (bom ? '\uFEFF' : '') + text, endings };
  });
