import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfmFootnote, gfmFootnoteHtml } from 'micromark-extension-gfm-footnote';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { planInsertion, type InsertMode } from '../../src/core/citations/cite';
import { applyEdits } from '../../src/core/citations/applyEdits';
import { sourceKeyOf } from '../../src/core/index/sourceKey';
import { statcite, statistics } from './support/data';
import { counter, LONG, params } from './support/run';

/** GFM as the writer's preview reads it (footnotes, tables), with raw HTML passed through so any that appears shows. */
const render = (markdown: string) =>
  micromark(markdown, { allowDangerousHtml: true, extensions: [gfmFootnote(), gfmTable()], htmlExtensions: [gfmFootnoteHtml(), gfmTableHtml()] });
const encode = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What a hostile data file puts in a quote or gloss: links, command URIs, HTML, calls, code, table pipes, block starts. */
const PAYLOADS = [
  '[click](command:workbench.action.terminal.new)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<https://evil.example>',
  '![pixel](https://evil.example/x.png)',
  '[^evil]',
  'see [^evil] here',
  '[evil]: https://evil.example',
  '`code',
  'a ` b',
  '``x``',
  'a | b | c',
  '# Heading',
  '> quote',
  '- item',
  '+ item',
  '* item',
  '1. item',
  '2) item',
  '===',
  '---',
  '***',
  '&lt;img&gt; &#60; &amp; &copy;',
  'wow!',
  'ends in a backslash \\',
  '**bold** _em_ ~~gone~~',
  '\\[x](command:y)',
  '<!-- comment -->',
  '<div>block</div>',
  '[x]: <command:y>',
];
const CHARS = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', 'a', 'Z', '8', '4', ' ', '\t', '\n', '\r\n', 'ä', '客', '“', '”'];
const payload = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.constantFrom(...CHARS)), { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
);

/** Where an insertion lands: `@@` marks the trigger and query it replaces. */
const CONTEXTS = [
  'Intro text @@ and more.',
  '@@ and more.',
  '@@',
  '| a | b |\n| --- | --- |\n| x | @@ |',
  '| a | b |\n| --- | --- |\n| @@ | y |',
  '## Title @@',
  '# @@',
  '- @@',
  '1. @@ tail',
  '* item @@',
  '> @@',
  '> - @@',
  '@@\nnext line',
  '@@\n---',
  'Before `code` and @@ after.',
];

describe('text inserted from data files is inert', () => {
  it('a hostile quote or gloss in a paragraph, table cell, heading, list item or quote adds no link, HTML, call, code span or block', ({ task }) => {
    const count = counter(task);
    fc.assert(
      fc.property(fc.constantFrom(...CONTEXTS), fc.constantFrom<InsertMode>('quote', 'gloss'), payload, fc.nat(statistics.length - 1), (context, mode, data, pick) => {
        count('insertions');
        const base = statistics[pick]!;
        const stat = { ...base, quote: `x ${data}`, en: `x ${data}` };
        const key = sourceKeyOf(base);
        const doc = `${context}\n\n[^${key}]: Existing definition.\n`;
        const at = doc.indexOf('@@');
        const plan = planInsertion(doc, { start: at, end: at + 2 }, stat, { figure: '84 %', mode, resolver: statcite.resolver });
        const after = applyEdits(doc, [plan.main, ...plan.additional]);
        // The same document with a plain word where the data went: the insertion must render exactly as it does, the
        // word replaced by the data's text as written.
        const oneLine = (s: string) => s.trim().replace(/\s*[\r\n\u0085\u2028\u2029]\s*/gu, ' ');
        const shown = mode === 'quote' ? oneLine(stat.quote) : oneLine(stat.en).replace(/[.!?]$/u, '');
        const placeholder = mode === 'quote' ? `“PLACEHOLDER”[^${plan.label}]` : `PLACEHOLDER[^${plan.label}].`;
        const reference = render(doc.replace('@@', () => placeholder));
        expect(reference.split('PLACEHOLDER').length, reference).toBe(2);
        expect(render(after), `${JSON.stringify(context)} ${mode} ${JSON.stringify(data)}\n${after}`).toBe(reference.replace('PLACEHOLDER', () => encode(shown)));
      }),
      params(41, 3000),
    );
  }, LONG);
});
