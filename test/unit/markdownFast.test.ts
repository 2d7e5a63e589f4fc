import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChunk, parseMarkdown } from '../../src/core/markdown/markdown';
import { parseChunkFast } from '../../src/core/markdown/markdownFast';

// Mostly plain prose, with each thing that may make a line something else than plain text.
const WORDS = ['Asiakkaat', 'odottavat', '84 %', '7,6', 'клиентов', '客户服务', 'nine in ten', 'x', '1.', '2)', '(a)', ':', '.', ',', '!', '?', '#', '\u00a0', 'ẞ', '🎉'];
const SYNTAX = ['*', '**', '***', '_', '__', '`', '``', '[', ']', '(', ')', '<', '>', '&amp;', '\\', '![', '~', '|', '=', '-', '+', '\t', '\r', '\0', '\uFEFF', '^', '"'];
const INLINE = ['*84 %*', '**Zendesk**', '_em_', '__strong__', '`code`', '`a*b`', '[link](https://example.com/a_b)', '[a b](x)', '[x]()', 'snake_case', 'a*b', '5 * 3', '*a [b](c) d*', '**84 %[^a]**', '*a `b` c*', '`[^a]`', '[`x`](y)', '[*x*](y)', '[x](y "t")', '[^a](x)', '*a*b', '_a_b', '*a_', '(*a*)', '*.*', '**a*', '*a**'];
const REFERENCES = ['[^a]', '[^Zendesk-2019]', '[^a b]', '[^a](x)', '[^a][b]', '[^a]:', '[^]', '[^a*b]', '![^a]', '[^ä]', '[^1]'];
const PREFIXES = ['', '', '', '  ', '   ', '# ', '## ', '###### ', '####### ', '#', '- ', '* ', '+ ', '1. ', '2) ', '1234567890. ', '> ', ' ', '   ', '    ', '\t', '---', '===', '```', '~~~', '<div>', '[^a]: ', '[x]: /u', '| '];

const inline = fc
  .array(
    fc.oneof({ weight: 16, arbitrary: fc.constantFrom(...WORDS) }, { weight: 3, arbitrary: fc.constantFrom(...REFERENCES) }, { weight: 3, arbitrary: fc.constantFrom(...INLINE) }, { weight: 2, arbitrary: fc.constantFrom(...SYNTAX) }),
    { maxLength: 8 },
  )
  .chain((parts) => fc.array(fc.constantFrom(' ', ' ', ' ', '', '\n'), { minLength: parts.length, maxLength: parts.length }).map((gaps) => parts.map((p, i) => (i ? gaps[i]! : '') + p).join('')));
const line = fc.oneof({ weight: 4, arbitrary: inline }, { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), inline).map(([p, t]) => p + t) }, { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t') });
const chunk = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\n', '\n\n', ' \n', '\r\n'), fc.constantFrom('\n', '\n', '\r\n'))
  .map(([lines, end, eol]) => lines.join(eol) + end);

// Chunks of footnote definitions and fenced code, with what would make them something else.
const LABELS = ['a', 'Zendesk-2019', 'ä', 'a b', 'a*b', '', 'x]y', '1'];
const DEFINITION_TEXT = ['Zendesk (2019), *CX Trends*.', 'Quoted in “E\\-komercija”, dropshippingxl.', ' ', '', '- item', '# h', '    code', '[^b] ref', '[link](x)', '`a`', 'a\\', '> q', '1. x', 'x  ', 'x\t'];
const definitionLine = fc.tuple(fc.constantFrom(...LABELS), fc.constantFrom(':', ': ', ':  ', ']:', ':\t'), fc.constantFrom(...DEFINITION_TEXT)).map(([l, sep, t]) => `[^${l}]${sep}${t}`);
const fenceLine = fc.constantFrom('```', '```js', '~~~', '````', '```a`b', '   ```', '    ```', '``', 'code [^a] *x*', '', '```  ', '~~~~', '- item', '[^a]: x');
const blockChunk = fc
  .tuple(fc.array(fc.oneof(definitionLine, fenceLine, line), { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\n', '\n\n'), fc.constantFrom('\n', '\r\n'))
  .map(([lines, end, eol]) => lines.join(eol) + end);

describe('parseChunkFast reads the chunks it takes exactly as micromark does', () => {
  it('on generated chunks of footnote definitions and fenced code', () => {
    let read = 0;
    fc.assert(
      fc.property(blockChunk, (text) => {
        const fast = parseChunkFast(text);
        if (!fast) return;
        read++;
        expect(fast).toEqual(parseChunk(text));
      }),
      { numRuns: 6000 },
    );
    expect(read).toBeGreaterThan(300);
  });

  it('takes a chunk of one-line definitions and a fenced code block', () => {
    const definitions = '[^zendesk-2019]: Zendesk (2019), *CX Trends*. Quoted in “E\\-komercija”.\n[^a]: Toinen.\n\n';
    expect(parseChunkFast(definitions)?.definitions.map((d) => d.label)).toEqual(['zendesk-2019', 'a']);
    expect(parseChunkFast(definitions)).toEqual(parseChunk(definitions));
    const code = '```js\nconst share = 84; // [^not-a-footnote]\n```\n\n';
    expect(parseChunkFast(code)).toEqual({ references: [], definitions: [], prose: [] });
    expect(parseChunkFast(code)).toEqual(parseChunk(code));
  });

  it('on generated chunks of prose, headings, list items and every kind of syntax', () => {
    let read = 0;
    fc.assert(
      fc.property(chunk, (text) => {
        const fast = parseChunkFast(text);
        if (!fast) return;
        read++;
        expect(fast).toEqual(parseChunk(text));
      }),
      { numRuns: 6000 },
    );
    // The fast path must really be taken on a good share of them, or this proves nothing.
    expect(read).toBeGreaterThan(400);
  });

  it('takes prose, headings and one-line list items with footnote references', () => {
    const text = '## Asiakaspalvelu\nAsiakkaista 84 % odottaa[^zendesk-2019] vastausta.\nToinen rivi.\n# Listat\n- 56 prosenttia[^a]\n1. Kolmas\n\n';
    const fast = parseChunkFast(text);
    expect(fast?.prose.map((b) => text.slice(b.start, b.end))).toEqual(['## Asiakaspalvelu', 'Asiakkaista 84 % odottaa[^zendesk-2019] vastausta.\nToinen rivi.', '# Listat', '56 prosenttia[^a]', 'Kolmas']);
    expect(fast?.references.map((r) => r.label)).toEqual(['zendesk-2019', 'a']);
    expect(fast).toEqual(parseChunk(text));
  });

  it('reads emphasis, links and code spans as micromark does: their text is prose, code and destinations are not', () => {
    const text = 'Asiakkaista **84 %**[^a] odottaa [vastausta](https://example.com/a_b) heti, `koodi 12 %` ei.';
    const fast = parseChunkFast(text);
    expect(fast?.prose[0]?.pieces.map((p) => (p.kind === 'text' ? p.text : `[^${p.reference.label}]`))).toEqual(['Asiakkaista ', '84 %', '[^a]', ' odottaa ', 'vastausta', ' heti, ', ' ei.']);
    expect(fast).toEqual(parseChunk(text));
  });

  it('reads list items continued on indented lines and Windows line endings as micromark does', () => {
    for (const text of ['- Asiakkaista 84 %[^a]\n  odottaa *vastausta\n  heti*.\n- Toinen\n', 'Rivi 84 %\r\nToinen[^a]\r\n', '1. Yksi\r\n   kaksi\r\n1) kolme\r\n- neljä']) {
      const fast = parseChunkFast(text);
      expect(fast).toBeDefined();
      expect(fast).toEqual(parseChunk(text));
    }
  });

  it.each([
    ['an ordered item that does not start at 1 (it continues the item before)', '- a\n2. b'],
    ['a line that continues a list item lazily', '- a\nb'],
    ['nested emphasis', 'Asiakkaista ***84 %*** odottaa.'],
    ['emphasis inside a link', 'Katso [*tämä*](x).'],
    ['a link with a title', 'Katso [tämä](x "otsikko").'],
    ['an unclosed code span', 'Katso `tämä.'],
    ['a definition holding a reference', '[^a]: Zendesk (2019), see [^b].'],
    ['a definition continued on the next line', '[^a]: Zendesk\n    (2019).'],
    ['prose and a definition in one chunk', 'Asiakkaista 84 %[^a].\n[^a]: Zendesk (2019).'],
    ['indented code', '    84 %'],
    ['a block quote', '> 84 %'],
    ['a setext heading', 'Otsikko\n---'],
    ['a lone carriage return', 'Rivi\rToinen'],
  ])('leaves %s to micromark', (_, text) => {
    expect(parseChunkFast(text)).toBeUndefined();
    expect(parseMarkdown(text)).toEqual(parseChunk(text));
  });

  it('reads a call followed by "(", "[" or ":" as micromark does with the label defined (GFM: a call, then text)', () => {
    for (const text of ['Katso [^a](x).', 'Katso [^a]: c.', '[^a][^b][^c]']) {
      const fast = parseChunkFast(text);
      expect(fast, text).toBeDefined();
      expect(fast).toEqual(parseChunk(text));
    }
  });
});
