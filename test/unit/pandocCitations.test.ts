import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/core/markdown/markdown';
import { pandocCitations, readCiteKey } from '../../src/core/markdown/pandocCitations';
import { frontMatterBibliography } from '../../src/core/markdown/frontMatter';

const keys = (text: string) => pandocCitations(parseMarkdown(text), text).map((c) => c.key);

describe('Pandoc citation keys, as the Pandoc manual defines them', () => {
  // The manual's own examples (Citation syntax): @Foo_bar.baz. is Foo_bar.baz; @{Foo_bar.baz.} keeps the period;
  // @Foo_bar--baz stops at the doubled punctuation.
  it.each([
    ['@Foo_bar.baz.', 'Foo_bar.baz'],
    ['@{Foo_bar.baz.}', 'Foo_bar.baz.'],
    ['@Foo_bar--baz', 'Foo_bar'],
    ['@{https://example.com/bib?name=foobar&date=2000}', 'https://example.com/bib?name=foobar&date=2000'],
    ['@zendesk-2019,', 'zendesk-2019'],
    ['@99firmad-2020]', '99firmad-2020'],
    ['@独立站.', '独立站'],
  ])('%s → %s', (text, key) => {
    expect(readCiteKey(text, 0)?.key).toBe(key);
  });

  it('is not a key without a letter, digit or _ after @', () => {
    expect(readCiteKey('@ x', 0)).toBeUndefined();
    expect(readCiteKey('@-x', 0)).toBeUndefined();
  });
});

describe('citations in a document', () => {
  it('bracketed, with prefix, locator and several items; and in text', () => {
    const text = 'Blah [see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1]. @smith04 says [-@doe99].\n';
    const found = pandocCitations(parseMarkdown(text));
    expect(found.map((c) => c.key)).toEqual(['doe99', 'smith04', 'smith04', 'doe99']);
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('@smith04');
    expect(found[2]!.bracket).toBeUndefined();
    expect(text.slice(found[3]!.bracket!.start, found[3]!.bracket!.end)).toBe('[-@doe99]');
    expect(text.slice(found[3]!.start, found[3]!.end)).toBe('-@doe99');
  });

  it('an e-mail address, code and a footnote label are not citations', () => {
    expect(keys('Write to ann@example.com.\n\n`[@code]`\n\n```\n[@fenced]\n```\n\nText.[^n]\n\n[^n]: A note [@inside].\n')).toEqual(['inside']);
  });

  it('a link is not a bracketed citation', () => {
    const [c] = pandocCitations(parseMarkdown('See [@doe99](https://example.com).\n'));
    expect(c?.bracket).toBeUndefined();
  });
});

describe('front matter bibliography', () => {
  it.each([
    ['---\ntitle: x\nbibliography: refs.json\n---\n', ['refs.json']],
    ['---\nbibliography: "my refs.bib" # comment\n---\n', ['my refs.bib']],
    ['---\nbibliography: [a.json, "b.bib"]\n---\n', ['a.json', 'b.bib']],
    ['---\nbibliography:\n  - a.json\n  - b.bib\nlang: fi\n---\n', ['a.json', 'b.bib']],
    ['---\r\nbibliography: refs.json\r\n...\r\n', ['refs.json']],
    ['No front matter.\nbibliography: refs.json\n', []],
  ])('%j', (text, files) => {
    expect(frontMatterBibliography(text)).toEqual(files);
  });
});
