import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCitations } from '../../src/core/citations/validate';
import { LineIndex } from '../../src/core/markdown/lineIndex';
import { gfmJudgments, type Judgment } from './support/gfmFootnotes';
import { statciteOf } from './helpers';

// statcite's undefined, unused and duplicate footnote rules against GFM's reference parser (micromark with its GFM
// footnote extension, see support/gfmFootnotes.ts), on generated documents and on peers' own test inputs.

const ctx = statciteOf([]).validation;
const RULES = new Set(['undefined-footnote', 'unused-footnote', 'duplicate-footnote']);

function statciteJudgments(text: string): Judgment[] {
  const lines = new LineIndex(text);
  return validateCitations(text, ctx)
    .filter((i) => RULES.has(i.code))
    .map((i) => ({ rule: i.code as Judgment['rule'], offset: i.start, line: lines.positionAt(i.start).line + 1 }))
    .sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));
}

const LABELS = ['a', 'A', 'b', '1', '10', 'ß', 'SS', 'ǅ', 'x\u00a0', '\u3000x', 'y\u2003', 'Émile', '*em*', '`c`', '__proto__', 'constructor', 'hasOwnProperty', 'a\\]b', 'a\\\\', 'a b', '', '^', 'x&amp;', '中文'];
const label = fc.constantFrom(...LABELS);
const word = fc.constantFrom('text', 'Zürich', '84 %', '*', '_', '`', '[', ']', '!', '\\', '&', '<', '>', '|', '^', '(', ')', ':', '十');

const inline = fc.oneof(
  { weight: 4, arbitrary: label.map((l) => `[^${l}]`) },
  { weight: 3, arbitrary: word },
  label.map((l) => `\\[^${l}]`),
  label.map((l) => `\\\\[^${l}]`),
  label.map((l) => `<https://example.com/n/[^${l}]>`),
  label.map((l) => `\`[^${l}]\``),
  label.map((l) => `<span title="[^${l}]">`),
  label.map((l) => `*[^${l}]*`),
  label.map((l) => `**a[^${l}]**`),
  label.map((l) => `[link [^${l}]](https://x.org)`),
  label.map((l) => `[^${l}](https://x.org)`),
  label.map((l) => `![^${l}]`),
  label.map((l) => `[^${l}][]`),
  label.map((l) => `[^${l}]: mid`),
);
const prose = fc.array(inline, { minLength: 1, maxLength: 6 }).map((xs) => xs.join(fc.sample(fc.constantFrom(' ', ''), 1)[0]));
const line = fc.array(inline, { minLength: 1, maxLength: 6 }).chain((xs) => fc.array(fc.constantFrom(' ', '', '\n'), { minLength: xs.length, maxLength: xs.length }).map((seps) => xs.map((x, i) => x + seps[i]).join('')));

const block = fc.oneof(
  { weight: 4, arbitrary: line },
  { weight: 4, arbitrary: fc.tuple(label, prose).map(([l, p]) => `[^${l}]: ${p}`) },
  fc.tuple(label, prose, prose).map(([l, p, q]) => `[^${l}]: ${p}\n\n    ${q}`),
  fc.tuple(label, prose).map(([l, p]) => `[^${l}]:\n    ${p}`),
  fc.tuple(prose, label).map(([p, l]) => `> ${p}\n> [^${l}]: q`),
  fc.tuple(label, prose).map(([l, p]) => `> [^${l}]: ${p}\nlazy`),
  fc.tuple(label, prose).map(([l, p]) => `- [^${l}]: ${p}\n- ${p}`),
  fc.tuple(prose, prose).map(([p, q]) => `1. ${p}\n\n   ${q}`),
  fc.tuple(prose, prose).map(([p, q]) => `| h | ${p} |\n| - | - |\n| ${q} | c |`),
  fc.tuple(label, fc.constantFrom('```', '~~~', '````', '``` js`x', '~~~ a`b')).map(([l, f]) => `${f}\n[^${l}]\n\n[^${l}]: in code\n${f.slice(0, f.startsWith('`') ? (f.match(/^`+/)![0].length) : (f.match(/^~+/)![0].length))}`),
  fc.tuple(label, prose).map(([l, p]) => `<div>\n\`\`\`\n\n[^${l}]: ${p}`),
  fc.tuple(label, fc.constantFrom('<?php', '<!DOCTYPE', '<![CDATA[', '<!--', '<pre>', '<script>', '<style>', '<textarea>')).map(([l, open]) => {
    const close = { '<?php': '?>', '<!DOCTYPE': '>', '<![CDATA[': ']]>', '<!--': '-->', '<pre>': '</pre>', '<script>': '</script>', '<style>': '</style>', '<textarea>': '</textarea>' }[open]!;
    return `${open} [^${l}]\n\n[^${l}]: inside\n\n${close}`;
  }),
  fc.tuple(label, prose).map(([l, p]) => `<custom-tag>\n[^${l}]: ${p}`),
  fc.tuple(label, prose).map(([l, p]) => `    [^${l}]: ${p}`),
  prose.map((p) => `# ${p}`),
  prose.map((p) => `${p}\n===`),
);
// What a document may end inside: a block that never closes.
const unclosed = fc.constantFrom('', '```\n', '~~~\n', '<!--\n', '<pre>\n', '<?x\n', '> ```\n', '- ```\n');
const separator = fc.constantFrom('\n\n', '\n', '\n\n\n', '\n  \n');
const eol = fc.constantFrom('\n', '\r\n', '\r', 'mixed');

const document = fc.tuple(fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 8 }), unclosed, fc.array(label, { maxLength: 2 }), eol).map(([blocks, tail, tailLabels, ending]) => {
  let text = blocks.map(([b, s]) => b + s).join('') + tail + tailLabels.map((l) => `[^${l}]: after\n`).join('');
  if (ending === 'mixed') text = text.replace(/\n/g, (_, i: number) => ['\n', '\r\n', '\r'][i % 3]!);
  else if (ending !== '\n') text = text.replace(/\n/g, ending);
  return text;
});

describe('footnote rules against GFM (micromark with the GFM footnote extension)', () => {
  it('agree on every undefined, unused and duplicate footnote and its line, on generated documents', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(statciteJudgments(text), JSON.stringify(text)).toEqual(gfmJudgments(text));
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('agree when the document is long enough to be read in chunks', () => {
    fc.assert(
      fc.property(fc.array(document, { minLength: 2, maxLength: 5 }), (parts) => {
        const text = parts.join('\n\n');
        expect(statciteJudgments(text), JSON.stringify(text)).toEqual(gfmJudgments(text));
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  // Counterexamples the generated documents found, and minimal variants of them.
  const REGRESSIONS = [
    // A tag alone on its line after indented code, a setext heading or a one-line HTML block starts a kind 7 HTML
    // block, in which "```" is HTML: the fence opens after the blank line, and the rest of the document is code.
    '    [^a]: \\[^a]\n<custom-tag>\n[^a]: [^a][]\n```\n[^a]\n\n[^a]: in code\n```\n\n\\[^a]\n===\n\n[^a]: after\n',
    '    code\n<custom-tag>\n```\n\n[^a]: in code\n```\n\n[^a]: after\n',
    'text\n===\n<custom-tag>\n```\n\n[^a]: in code\n```\n\n[^a]: after\n',
    '# heading\n<custom-tag>\n```\n\n[^a]: in code\n```\n\n[^a]: after\n',
    '***\n<custom-tag>\n```\n\n[^a]: in code\n```\n\n[^a]: after\n',
    '<!-- x -->\n<custom-tag>\n```\n\n[^a]: in code\n```\n\n[^a]: after\n',
    // micromark starts one on a lazy line too (after a block quote's, list item's or footnote's paragraph).
    '> a\n<custom-tag>\n```\n\n[^a]: in code\n```\n\n[^a]: after\n',
    '- a\n<custom-tag>\n```\n\n[^a]: in code\n```\n\n[^a]: after\n',
    '[^b]: a\n<custom-tag>\n```\n\n[^a]: in code\n```\n\n[^a]: after\n',
    // In a paragraph at the top level the tag is text, and "```" opens a fence.
    'text\n<custom-tag>\n```\n\n[^a]: in code\n```\n\n[^a]: after\n',
    'text\n    more\n<custom-tag>\n```\n\n[^a]: in code\n```\n\n[^a]: after\n',
    '[x]: /url\n<custom-tag>\n```\n\n[^a]: in code\n```\n\n[^a]: after\n',
    // A block inside a list item, block quote or footnote ends with it: an unindented "```" after an HTML block
    // in a list item opens a fence, and a list item's closing fence opens none.
    '1. [^a]\n\n   <span title="[^a]">\n```\n[^a]\n\n[^a]: in code\n```\n\n*[^a]* \n\n',
    '1. [^a](https://x.org)\n\n   <span title="[^a]">\n<pre>\n\n\n| h | [^a]: mid |\n| - | - |\n| [^a](https://x.org) | c |\n\n\n\n![^a] \n\n',
    '1. \\[^a]\n\n   <span title="[^a]">\n<?php [^a]\n\n[^a]: inside\n\n?>\n\n\n\n- [^a]: <https://example.com/n/[^a]>\n- <https://example.com/n/[^a]>\n\n\n\n1. \\[^a]\n\n   *[^a]*\n\n',
    '- a\n\n  <custom-tag>\n```\n\n[^a]: x\n```\n\n[^a]: y\n',
    '- a\n\n  <div>\n```\n\n[^a]: x\n```\n\n[^a]: y\n',
    '- a\n\n  ```\nfoo\n\n[^a]: x\n\n```\n\n[^a]: y\n',
    '- ```\n  x\n  ```\n\nfoo\n\n```\nbar\n\n[^a]: x\n```\n\n[^a]: y\n',
    '> ```\n> x\n> ```\n\n```\nbar\n\n[^a]: x\n```\n\n[^a]: y\n',
    '[^b]: ```\n    x\n    ```\n\n```\nbar\n\n[^a]: x\n```\n\n[^a]: y\n',
    '- <div>\n  ```\n\n```\n\n[^a]: in code\n```\n\n[^a]: y\n',
  ];
  it('agree on the counterexamples found before', () => {
    for (const text of REGRESSIONS) {
      for (const variant of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r')]) expect(statciteJudgments(variant), JSON.stringify(variant)).toEqual(gfmJudgments(variant));
    }
  });

  const dir = join(__dirname, '../fixtures/footnotes');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const { inputs } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { inputs: Record<string, string> };
    it(`agree on the test inputs of ${file.replace(/\.json$/, '')}`, () => {
      for (const [name, text] of Object.entries(inputs)) {
        for (const variant of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r')]) expect(statciteJudgments(variant), `${name}: ${JSON.stringify(variant)}`).toEqual(gfmJudgments(variant));
      }
    });
  }

  it('reads the cases users reported as GFM does', () => {
    const rules = (text: string) => statciteJudgments(text).map((j) => j.rule);
    expect(rules('See <https://example.com/notes/[^x]>.')).toEqual([]);
    expect(rules('A \\\\[^42] call.')).toEqual(['undefined-footnote']);
    expect(rules('[^*emphasis*] [^`code`] [^__proto__]\n\n[^*emphasis*]: a\n\n[^`code`]: b\n\n[^__proto__]: c\n')).toEqual([]);
    expect(rules('Call[^x\u00a0].\n\nMore.\n\n[^x\u00a0]: used\n')).toEqual([]);
    expect(rules('Call[^x\u00a0].\n\n[^x]: not the same label\n')).toEqual(['undefined-footnote', 'unused-footnote']);
  });
});
