import { describe, expect, it } from 'vitest';
import { lineEndingOf, escapeMarkdown } from '../../src/core/markdown/markdownText';
import { normalizeLabel, parseMarkdown, type ParsedMarkdown } from '../../src/core/markdown/markdown';
import { offsetOf } from './helpers';

/** The prose of a parsed document as plain text, references shown as [^label]. */
function proseText(md: ParsedMarkdown): string[] {
  return md.prose.map((b) => b.pieces.map((p) => (p.kind === 'text' ? p.text : `[^${p.reference.label}]`)).join(''));
}

describe('parseMarkdown: references and definitions', () => {
  it('finds references and definitions with their offsets', () => {
    const text = 'Kuluttajista 84 % pitää asiakaspalvelua tärkeänä.[^zendesk-2019] Toinen[^2].\n\n[^zendesk-2019]: Zendesk, CX Trends 2019.\n[^2]: Toinen lähde.\n';
    const md = parseMarkdown(text);
    expect(md.references.map((r) => [r.label, text.slice(r.start, r.end)])).toEqual([
      ['zendesk-2019', '[^zendesk-2019]'],
      ['2', '[^2]'],
    ]);
    expect(md.definitions).toHaveLength(2);
    const [zendesk, second] = md.definitions;
    expect(zendesk).toMatchObject({ label: 'zendesk-2019', id: 'ZENDESK-2019', text: 'Zendesk, CX Trends 2019.' });
    expect(text.slice(zendesk!.start, zendesk!.labelEnd)).toBe('[^zendesk-2019]:');
    expect(text.slice(zendesk!.start, zendesk!.end)).toBe('[^zendesk-2019]: Zendesk, CX Trends 2019.');
    expect(second).toMatchObject({ label: '2', text: 'Toinen lähde.', start: offsetOf(text, '[^2]:') });
  });

  it('finds a reference whose definition is missing, so it can be reported', () => {
    const text = 'A figure[^missing] and a defined one[^a].\n\n[^a]: Zendesk 2019.\n';
    const md = parseMarkdown(text);
    expect(md.references.map((r) => [r.label, r.start, r.end])).toEqual([
      ['missing', offsetOf(text, '[^missing]'), offsetOf(text, '[^missing]') + '[^missing]'.length],
      ['a', offsetOf(text, '[^a]'), offsetOf(text, '[^a]') + 4],
    ]);
  });

  it('matches labels case-insensitively (ids are normalised)', () => {
    const md = parseMarkdown('See[^Zendesk-2019].\n\n[^zendesk-2019]: Zendesk 2019.\n');
    expect(md.references[0]!.id).toBe(md.definitions[0]!.id);
    expect(normalizeLabel('  Foo \n bar ')).toBe('FOO BAR');
    expect(normalizeLabel('ß')).toBe(normalizeLabel('ẞ'));
  });

  it('reads a multi-line definition (continuation and indented paragraphs) as one', () => {
    const text = 'A[^a].\n\n[^a]: Line one\n    continued here.\n\n    Second paragraph.\n\nAfter the note.\n';
    const md = parseMarkdown(text);
    expect(md.definitions).toHaveLength(1);
    const def = md.definitions[0]!;
    expect(text.slice(def.start, def.end)).toBe('[^a]: Line one\n    continued here.\n\n    Second paragraph.');
    expect(def.text).toContain('continued here.');
    expect(def.text).toContain('Second paragraph.');
    // The definition's text is not prose; the paragraph after it is.
    expect(proseText(md)).toEqual(['A[^a].', 'After the note.']);
  });

  it('keeps offsets in CRLF documents', () => {
    const text = 'Rivi 84 %.[^a]\r\nToinen rivi.\r\n\r\n[^a]: Zendesk 2019.\r\n';
    const md = parseMarkdown(text);
    expect(text.slice(md.references[0]!.start, md.references[0]!.end)).toBe('[^a]');
    const def = md.definitions[0]!;
    expect(text.slice(def.start, def.end)).toBe('[^a]: Zendesk 2019.');
    expect(def.text).toBe('Zendesk 2019.');
  });
});

describe('parseMarkdown: what is not a footnote', () => {
  it('ignores footnote syntax in fenced and indented code blocks', () => {
    const text = 'Text[^real].\n\n```md\nA[^code] here.\n[^code]: not a definition\n```\n\n    [^indented]: not either\n\n[^real]: Zendesk 2019.\n';
    const md = parseMarkdown(text);
    expect(md.references.map((r) => r.label)).toEqual(['real']);
    expect(md.definitions.map((d) => d.label)).toEqual(['real']);
  });

  it('ignores footnote syntax in inline code and HTML comments, and leaves them out of prose', () => {
    const text = 'Use `[^x]` like this <!-- [^y] and 12 % --> and 84 %.\n\n<!--\n[^z]: hidden\n-->\n';
    const md = parseMarkdown(text);
    expect(md.references).toEqual([]);
    expect(md.definitions).toEqual([]);
    expect(proseText(md).join('')).not.toContain('[^');
    expect(proseText(md).join('')).not.toContain('12 %');
  });

  it('does not take a link reference definition or a link for a footnote', () => {
    const text = 'See [the report][zd] and [a link](https://example.com/[^x]).\n\n[zd]: https://example.com/report\n';
    const md = parseMarkdown(text);
    expect(md.references).toEqual([]);
    expect(md.definitions).toEqual([]);
    expect(proseText(md).join('\n')).not.toContain('https://example.com/report');
  });

  it('does not take an escaped "\\[^x]" for a reference', () => {
    const md = parseMarkdown('Write \\[^x] to show a footnote label.\n');
    expect(md.references).toEqual([]);
  });
});

describe('parseMarkdown: prose', () => {
  it('collects paragraphs, headings and emphasis, with references in place', () => {
    const md = parseMarkdown('# Tilastot 2019\n\nKuluttajista **84 %** pitää *asiakaspalvelua* tärkeänä.[^a]\n\n- listan kohta 5 %\n\n> lainaus 7 %\n\n[^a]: Zendesk 2019.\n');
    expect(proseText(md)).toEqual(['Tilastot 2019', 'Kuluttajista 84 % pitää asiakaspalvelua tärkeänä.[^a]', 'listan kohta 5 %', 'lainaus 7 %']);
  });

  it('maps every text piece back to where it is written, also after escapes and character references', () => {
    const text = 'A \\*tähti\\* &amp; 84&nbsp;% kuluttajista\n   jatkuu 5 %.\n';
    const md = parseMarkdown(text);
    for (const block of md.prose) {
      for (const piece of block.pieces) {
        if (piece.kind !== 'text') continue;
        // A piece is either written as it reads, or a decoded character reference standing at its "&".
        if (!text.startsWith(piece.text, piece.offset)) expect(text[piece.offset]).toBe('&');
      }
    }
  });

  it('handles an empty document and a document of blank lines', () => {
    expect(parseMarkdown('')).toEqual({ references: [], definitions: [], prose: [] });
    expect(parseMarkdown('\n\n  \n')).toEqual({ references: [], definitions: [], prose: [] });
  });
});

describe('markdownText', () => {
  it('tells the line ending of a document from its first line break', () => {
    expect(lineEndingOf('a\r\nb\n')).toBe('\r\n');
    expect(lineEndingOf('a\nb\r\n')).toBe('\n');
    expect(lineEndingOf('no break')).toBe('\n');
  });

  it('escapes data for Markdown so links, HTML and emphasis stay inert', () => {
    const escaped = escapeMarkdown('[click](command:evil) <b>*bold*</b>\nnext');
    expect(escaped).toBe('\\[click\\]\\(command\\:evil\\) \\<b\\>\\*bold\\*\\<\\/b\\> next');
    const md = parseMarkdown(`Text[^a].\n\n[^a]: ${escaped}\n`);
    expect(md.definitions).toHaveLength(1);
  });
});
