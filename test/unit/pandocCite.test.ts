import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/citations/applyEdits';
import { planPandocCitation, type BibliographyFile } from '../../src/core/citations/pandocCite';
import { readBibtex } from '../../src/core/bibliography/bibtex';
import { readCslJson } from '../../src/core/bibliography/cslJson';
import { record, statciteOf } from './helpers';

const statcite = statciteOf([record({ id: 'zendesk-84' })]);
const stat = statcite.index.get('zendesk-84')!;

function cite(text: string, bibliography: BibliographyFile | undefined) {
  const at = text.indexOf('@@');
  const end = text.indexOf('\n', at);
  const plan = planPandocCitation(text, { start: at, end }, stat, { figure: '84 %', index: statcite.index, bibliography });
  const fileText = plan.bibliography?.create ?? (plan.bibliography?.edit ? applyEdits(bibliography!.text!, [plan.bibliography.edit]) : bibliography?.text);
  return { plan, text: applyEdits(text, plan.documentEdits), fileText };
}

describe('citing Pandoc-style', () => {
  it('inserts the figure with [@key] and creates the bibliography the front matter names', () => {
    const { plan, text, fileText } = cite('---\nbibliography: refs.json\n---\n\nAsiakkaista @@zendesk\n', { name: 'refs.json', format: 'csl-json', text: undefined });
    expect(text).toBe('---\nbibliography: refs.json\n---\n\nAsiakkaista 84 % [@zendesk-2019]\n');
    expect(plan.reused).toBe(false);
    expect(readCslJson(fileText!).entries).toEqual([{ key: 'zendesk-2019', author: 'Zendesk', year: 2019 }]);
  });

  it('adds to an existing CSL JSON file, keeping its items as written', () => {
    const own = '[\n  {"id": "doe99", "title": "Frogs"}\n]\n';
    const { fileText } = cite('---\nbibliography: refs.json\n---\n\n@@z\n', { name: 'refs.json', format: 'csl-json', text: own });
    expect(fileText!.startsWith('[\n  {"id": "doe99", "title": "Frogs"},\n  {')).toBe(true);
    expect(readCslJson(fileText!).entries.map((e) => e.key)).toEqual(['doe99', 'zendesk-2019']);
  });

  it('appends to a BibTeX file, CRLF kept', () => {
    const own = '@book{doe99,\r\n  title = {Frogs}\r\n}\r\n';
    const { fileText } = cite('---\nbibliography: refs.bib\n---\n\n@@z\n', { name: 'refs.bib', format: 'bibtex', text: own });
    expect(fileText).toMatch(/^@book\{doe99,\r\n  title = \{Frogs\}\r\n\}\r\n\r\n@misc\{zendesk-2019,\r\n/);
    expect(fileText!.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(readBibtex(fileText!).entries.map((e) => e.key)).toEqual(['doe99', 'zendesk-2019']);
  });

  it('reuses an entry that already cites the source, under its own key, and leaves the file alone', () => {
    const { plan, text } = cite('---\nbibliography: refs.bib\n---\n\n@@z\n', { name: 'refs.bib', format: 'bibtex', text: '@misc{zd19, author = {{Zendesk}}, year = 2019}\n' });
    expect(plan).toMatchObject({ key: 'zd19', reused: true });
    expect(plan.bibliography).toBeUndefined();
    expect(text).toContain('84 % [@zd19]');
  });

  it('a key taken by another work gets a number', () => {
    const { plan } = cite('---\nbibliography: refs.json\n---\n\n@@z\n', { name: 'refs.json', format: 'csl-json', text: '[{"id": "zendesk-2019", "author": [{"literal": "Someone Else"}]}]' });
    expect(plan).toMatchObject({ key: 'zendesk-2019-2', reused: false });
  });

  it('a document naming no bibliography gets one in its front matter (created when it has none)', () => {
    expect(cite('@@z\n', undefined).text).toBe('---\nbibliography: references.json\n---\n\n84 % [@zendesk-2019]\n');
    expect(cite('---\ntitle: T\n---\n\nText @@z\n', undefined).text).toBe('---\nbibliography: references.json\ntitle: T\n---\n\nText 84 % [@zendesk-2019]\n');
  });

  it('never rewrites a bibliography that does not parse', () => {
    const { plan, fileText } = cite('---\nbibliography: refs.json\n---\n\n@@z\n', { name: 'refs.json', format: 'csl-json', text: '[{"id": ' });
    expect(plan.bibliography).toBeUndefined();
    expect(plan.problem).toMatch(/refs\.json: not valid JSON/);
    expect(fileText).toBe('[{"id": ');
  });
});

describe('what a Pandoc citation inserts, by statcite.insert', () => {
  const plan = (mode: 'gloss' | 'quote') => planPandocCitation('@@z', { start: 0, end: 3 }, stat, { figure: '84 %', index: statcite.index, bibliography: { name: 'r.json', format: 'csl-json', text: '[]' }, mode });
  it('the gloss as a sentence, or the quote, each followed by the citation', () => {
    expect(plan('gloss').documentEdits.at(-1)!.newText).toMatch(/when deciding whether to buy \[@zendesk-2019\]\.$/);
    expect(plan('quote').documentEdits.at(-1)!.newText).toMatch(/^“84 prosenttia kuluttajista .*” \[@zendesk-2019\]$/);
  });
});
