import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChunk, parseMarkdown, MarkdownCache, type ParsedMarkdown } from '../../src/core/markdown/markdown';
import { splitChunks } from '../../src/core/markdown/markdownChunks';
import { sentencesOf } from '../../src/core/figures/sentences';

const blocks = fc.constantFrom(
  'Plain text with 84 % and a note.[^a]',
  'Second line[^b] of\na paragraph.',
  '# Heading 12%',
  '- item 5 %\n- item two[^a]\n\n  continued item 7 %',
  '1. one\n2. two',
  '> quoted 9 in 10[^c]',
  '```\n[^a] in code\n\n still code\n```',
  '~~~md\n[^b]: not a def\n~~~',
  '<!-- comment [^a]\n\nstill comment -->',
  '<pre>\n[^x]\n\n</pre>',
  '    indented code [^a]',
  '[^a]: Definition A.',
  '[^b]: Definition B\n    continued.',
  '[^c]: C.\n\n    Second paragraph of C, 3 %.',
  '[link]: http://example.com',
  'Inline `[^a]` code and <!-- [^b] --> html.',
  '| a | b |\n|---|---|\n| 84 % [^a] | x |',
  'Escaped \\[^a] and &amp; entity 7,6 miljardia.',
  'Emoji 🎉 and 中文 十分之九[^b]。',
  '',
);
const documents = fc.tuple(fc.array(blocks, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('\n\n', '\n\n\n', '\n \n')).map(([bs, eol, sep]) => bs.join(sep).replace(/\n/g, eol));

function summary(md: ParsedMarkdown) {
  return {
    references: md.references.map((r) => [r.label, r.start, r.end]),
    definitions: md.definitions.map((d) => [d.label, d.start, d.labelEnd]),
    figures: md.prose.flatMap((b) => sentencesOf(b).flatMap((s) => s.figures.map((f) => [f.value, f.start, f.end, s.references.map((r) => r.label).join()]))),
  };
}

describe('chunked parsing', () => {
  it('finds the same footnotes, prose and figures as parsing the whole document', () => {
    fc.assert(
      fc.property(documents, (text) => {
        expect(summary(parseMarkdown(text))).toEqual(summary(parseChunk(text)));
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('with a cache, a re-parse after an edit gives the same result as a fresh parse', () => {
    fc.assert(
      fc.property(documents, fc.nat(), fc.constantFrom('x', '\n', '7', '[^a]'), (text, at, insert) => {
        const cache = new MarkdownCache();
        parseMarkdown(text, cache);
        const i = at % (text.length + 1);
        const edited = text.slice(0, i) + insert + text.slice(i);
        expect(summary(parseMarkdown(edited, cache))).toEqual(summary(parseMarkdown(edited)));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('never splits inside a fence, a comment or before an indented continuation', () => {
    const text = '- item\n\n  continued\n\n```\na\n\nb\n```\n\n<!--\n\n-->\n\nend';
    const pieces = splitChunks(text).map((c) => text.slice(c.start, c.end));
    expect(pieces).toEqual(['- item\n\n  continued\n\n', '```\na\n\nb\n```\n\n', '<!--\n\n-->\n\n', 'end']);
  });

  it('reads a tag alone on its line as a kind 7 HTML block unless it continues a paragraph at the top level', () => {
    const pieces = (text: string) => splitChunks(text).map((c) => text.slice(c.start, c.end));
    // After indented code the tag opens an HTML block, "```" is HTML, and the fence opens after the blank line.
    expect(pieces('    code\n<x-tag>\n```\n\n[^a]: in code\n```\n\nend')).toEqual(['    code\n<x-tag>\n```\n\n', '[^a]: in code\n```\n\nend']);
    // In a paragraph the tag is text and "```" opens the fence.
    expect(pieces('text\n<x-tag>\n```\n\n[^a]: in code\n```\n\nend')).toEqual(['text\n<x-tag>\n```\n\n[^a]: in code\n```\n\n', 'end']);
    // After a list item either may be (a lazy line is HTML to micromark): no split until both readings agree.
    expect(pieces('- a\n<x-tag>\n```\n\n[^a]: in code\n```\n\nend')).toEqual(['- a\n<x-tag>\n```\n\n[^a]: in code\n```\n\nend']);
  });
});

describe('MarkdownCache', () => {
  const parsed = (label: string): ParsedMarkdown => ({ references: [], definitions: [], prose: [{ start: 0, end: 0, pieces: [{ kind: 'text', text: label, offset: 0 }] }] });
  const long = (middle: string) => 'a'.repeat(40) + middle + 'z'.repeat(40);

  it('tells apart chunks of the same length with the same beginning and end', () => {
    const cache = new MarkdownCache();
    cache.set(long('one'), parsed('one'));
    cache.set(long('two'), parsed('two'));
    expect(cache.get(long('one'))).toEqual(parsed('one'));
    expect(cache.get(long('two'))).toEqual(parsed('two'));
    expect(cache.get(long('six'))).toBeUndefined();
    expect(cache.get('short')).toBeUndefined();
  });

  it('forgets the oldest chunks past its size', () => {
    const cache = new MarkdownCache(3);
    for (const n of [1, 2, 3, 4]) cache.set(`chunk ${n}`, parsed(String(n)));
    expect(cache.get('chunk 1')).toBeUndefined();
    expect(cache.get('chunk 4')).toEqual(parsed('4'));
    expect(cache.get('chunk 2')).toEqual(parsed('2'));
  });
});
