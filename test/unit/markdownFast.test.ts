import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChunk, parseMarkdown } from '../../src/core/markdown';
import { parsePlainChunk } from '../../src/core/markdownFast';

// Mostly plain prose, with each thing that may make a line something else than plain text.
const WORDS = ['Asiakkaat', 'odottavat', '84 %', '7,6', 'клиентов', '客户服务', 'nine in ten', 'x', '1.', '2)', '(a)', ':', '.', ',', '!', '?', '#', '\u00a0', 'ẞ', '🎉'];
const SYNTAX = ['*', '_', '`', '[', ']', '<', '>', '&amp;', '\\', '![', '~', '|', '=', '-', '+', '\t', '\r', '\0', '\uFEFF'];
const REFERENCES = ['[^a]', '[^Zendesk-2019]', '[^a b]', '[^a](x)', '[^a][b]', '[^a]:', '[^]', '[^a*b]', '![^a]', '[^ä]', '[^1]'];
const PREFIXES = ['', '', '', '# ', '## ', '###### ', '####### ', '#', '- ', '* ', '+ ', '1. ', '2) ', '1234567890. ', '> ', ' ', '   ', '    ', '\t', '---', '===', '```', '~~~', '<div>', '[^a]: ', '[x]: /u', '| '];

const inline = fc
  .array(fc.oneof({ weight: 16, arbitrary: fc.constantFrom(...WORDS) }, { weight: 3, arbitrary: fc.constantFrom(...REFERENCES) }, { weight: 1, arbitrary: fc.constantFrom(...SYNTAX) }), { maxLength: 8 })
  .map((parts) => parts.join(' '));
const line = fc.oneof({ weight: 4, arbitrary: inline }, { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), inline).map(([p, t]) => p + t) }, { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t') });
const chunk = fc.tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\n', '\n\n', ' \n')).map(([lines, end]) => lines.join('\n') + end);

describe('parsePlainChunk reads plain chunks exactly as micromark does', () => {
  it('on generated chunks of prose, headings, list items and every kind of syntax', () => {
    let read = 0;
    fc.assert(
      fc.property(chunk, (text) => {
        const fast = parsePlainChunk(text);
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
    const fast = parsePlainChunk(text);
    expect(fast?.prose.map((b) => text.slice(b.start, b.end))).toEqual(['## Asiakaspalvelu', 'Asiakkaista 84 % odottaa[^zendesk-2019] vastausta.\nToinen rivi.', '# Listat', '56 prosenttia[^a]', 'Kolmas']);
    expect(fast?.references.map((r) => r.label)).toEqual(['zendesk-2019', 'a']);
    expect(fast).toEqual(parseChunk(text));
  });

  it.each([
    ['emphasis', 'Asiakkaista *84 %* odottaa.'],
    ['a definition', '[^a]: Zendesk (2019).'],
    ['a reference read as a link', 'Katso [^a](x).'],
    ['indented code', '    84 %'],
    ['a block quote', '> 84 %'],
    ['a setext heading', 'Otsikko\n---'],
    ['a list item continued on the next line', '- 84 %\n  jatkuu'],
    ['Windows line endings', 'Rivi\r\nToinen'],
  ])('leaves %s to micromark', (_, text) => {
    expect(parsePlainChunk(text)).toBeUndefined();
    expect(parseMarkdown(text)).toEqual(parseChunk(text));
  });
});
