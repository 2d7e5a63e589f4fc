import { describe, expect, it } from 'vitest';
import { bibliographyEntry } from '../../src/core/bibliography/entry';
import { readCslJson, toCslJson } from '../../src/core/bibliography/cslJson';
import { readBibtex, toBibtex } from '../../src/core/bibliography/bibtex';
import { citationKeyFor, findExistingEntry } from '../../src/core/bibliography/existing';
import { FI_ARTICLE, ZH_ARTICLE, record } from './helpers';
import type { Statistic } from '../../src/core/index/statistic';

const zendesk = record({ id: 'a' }) as Statistic;
const zendeskInZh = record({ id: 'b', via: ZH_ARTICLE }) as Statistic;
const articleOnly = record({ id: 'c', source: null, via: ZH_ARTICLE }) as Statistic;

describe('a bibliography entry carries only what the index knows', () => {
  it('a primary source: the publisher as author, its year, no title it lacks, every article it was found in as a note', () => {
    expect(bibliographyEntry([zendesk, zendeskInZh])).toEqual({
      key: 'zendesk-2019',
      author: 'Zendesk',
      year: 2019,
      note: `Quoted in “${FI_ARTICLE.title}”; “${ZH_ARTICLE.title}”, 独立站, 2020-10-07.`,
    });
  });

  it('a title only when the index has one', () => {
    const titled = record({ id: 'd', source: { publisher: 'Zendesk', year: 2020, title: 'CX Trends 2020' } }) as Statistic;
    expect(bibliographyEntry([titled])).toMatchObject({ key: 'zendesk-2020', title: 'CX Trends 2020' });
  });

  it('a figure with no primary publisher cites the article itself: its title, publisher and date, no note', () => {
    expect(bibliographyEntry([articleOnly])).toEqual({ key: '独立站', author: '独立站', year: 2020, date: '2020-10-07', title: ZH_ARTICLE.title, language: 'zh' });
  });
});

describe('CSL JSON', () => {
  it('writes items Pandoc reads: literal author, date-parts, document type', () => {
    const items = JSON.parse(toCslJson([bibliographyEntry([zendesk])!]));
    expect(items).toEqual([{ id: 'zendesk-2019', type: 'document', author: [{ literal: 'Zendesk' }], issued: { 'date-parts': [[2019]] }, note: `Quoted in “${FI_ARTICLE.title}”.` }]);
  });

  it('reads back what it wrote, and a writer\'s own items with personal names and raw dates', () => {
    expect(readCslJson(toCslJson([bibliographyEntry([zendesk])!])).entries).toEqual([{ key: 'zendesk-2019', author: 'Zendesk', year: 2019 }]);
    const own = JSON.stringify([{ id: 'doe99', author: [{ family: 'Doe', given: 'Jane' }], issued: { raw: 'May 1999' }, title: 'Frogs' }, { title: 'no id' }]);
    expect(readCslJson(own).entries).toEqual([{ key: 'doe99', author: 'Jane Doe', year: 1999, title: 'Frogs' }]);
  });

  it('says why a file cannot be read', () => {
    expect(readCslJson('{"id": 1}').error).toMatch(/array/);
    expect(readCslJson('[{').error).toMatch(/not valid JSON/);
  });
});

describe('BibTeX', () => {
  it('writes @misc with a braced corporate author and LaTeX specials escaped', () => {
    const amp = record({ id: 'e', source: { publisher: 'Dynamics & Co_50%', year: 2018 } }) as Statistic;
    const bib = toBibtex([bibliographyEntry([amp])!]);
    expect(bib).toContain('@misc{dynamics-co-50-2018,');
    expect(bib).toContain('author = {{Dynamics \\& Co\\_50\\%}}');
    expect(bib).toContain('year = {2018}');
  });

  it('reads back keys, authors and years, also of entries written by hand', () => {
    const hand = `% my refs
@string{ms = "Microsoft"}
@Book{doe99,
  author = "Doe, Jane",
  title = {Frogs {and} Toads},
  year = 1999
}
@comment{ignored}
@misc( zen ,author={{Zendesk}}, date = {2019-05-01})
`;
    expect(readBibtex(hand).entries).toEqual([
      { key: 'doe99', author: 'Doe, Jane', year: 1999, title: 'Frogs and Toads' },
      { key: 'zen', author: 'Zendesk', year: 2019 },
    ]);
    const amp = record({ id: 'e', source: { publisher: 'Dynamics & Co', year: 2018 } }) as Statistic;
    expect(readBibtex(toBibtex([bibliographyEntry([amp])!])).entries).toEqual([{ key: 'dynamics-co-2018', author: 'Dynamics & Co', year: 2018 }]);
  });

  it('names an unclosed entry and keeps those before it', () => {
    const read = readBibtex('@misc{a, year = 2000}\n@misc{b, title = {open');
    expect(read.entries.map((e) => e.key)).toEqual(['a']);
    expect(read.error).toMatch(/not closed/);
  });
});

describe('reusing an entry that already cites the source', () => {
  const entry = bibliographyEntry([zendesk])!;
  it('finds it by key, or by publisher and year under another key', () => {
    expect(findExistingEntry(entry, [{ key: 'zendesk-2019' }])?.key).toBe('zendesk-2019');
    expect(citationKeyFor(entry, [{ key: 'zd19', author: 'ZENDESK', year: 2019 }])).toBe('zd19');
  });
  it('not for another year or another publisher', () => {
    expect(citationKeyFor(entry, [{ key: 'zd18', author: 'Zendesk', year: 2018 }, { key: 'hs', author: 'HubSpot', year: 2019 }])).toBe('zendesk-2019');
  });
  it('an article cited as itself is found by its title', () => {
    const art = bibliographyEntry([articleOnly])!;
    expect(citationKeyFor(art, [{ key: 'dulizhan', author: '独立站', year: 2020, title: ZH_ARTICLE.title }])).toBe('dulizhan');
  });
});
