import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBibtex, toBibtex } from '../../src/core/bibliography/bibtex';
import { readCslJson, toCslItem } from '../../src/core/bibliography/cslJson';
import type { BibliographyEntry } from '../../src/core/bibliography/entry';
import { applyEdits } from '../../src/core/citations/applyEdits';
import { addToBibliography } from '../../src/core/citations/pandocCite';
import { parseMarkdown } from '../../src/core/markdown/markdown';
import { pandocCitations, readCiteKey } from '../../src/core/markdown/pandocCitations';

const text = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 60 }).map((a) => a.join(''));
const name = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.trim().length > 0 && !/\s{2}|[\u0000-\u001f]/.test(s));
const entry: fc.Arbitrary<BibliographyEntry> = fc.record(
  { key: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), author: name, year: fc.integer({ min: 1900, max: 2100 }), title: name, note: name },
  { requiredKeys: ['key'] },
);

describe('properties', () => {
  it('every Pandoc citation found is a key Pandoc would read at that place, inside its bracket', () => {
    const chars = ['@', '[', ']', ';', '-', '{', '}', ' ', 'a', 'b', '1', '.', ',', ':', '_', '`', '\n', '\n\n', '*', '(', ')', 'ä', '字', 'x@y', '[^n]', '[^n]: '];
    fc.assert(
      fc.property(text(chars), (doc) => {
        for (const c of pandocCitations(parseMarkdown(doc), doc)) {
          const at = doc[c.start] === '-' ? c.start + 1 : c.start;
          expect(doc.slice(at, c.end)).toMatch(/^@/);
          expect(readCiteKey(doc, at)).toEqual({ key: c.key, end: c.end });
          if (c.bracket) {
            expect(doc[c.bracket.start]).toBe('[');
            expect(doc[c.bracket.end - 1]).toBe(']');
            expect(c.bracket.start < c.start && c.end < c.bracket.end).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('adding an entry to a CSL JSON file keeps every item and adds one, whatever its layout', () => {
    const item = fc.record({ id: fc.string({ maxLength: 10 }), title: fc.string({ maxLength: 20 }), n: fc.integer() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), fc.constantFrom(0, 2, 4, '\t'), fc.boolean(), fc.boolean(), entry, (items, indent, crlf, trailing, added) => {
        let file = JSON.stringify(items, null, indent);
        if (crlf) file = file.replace(/\n/g, '\r\n');
        if (trailing) file += crlf ? '\r\n' : '\n';
        const change = addToBibliography({ name: 'r.json', format: 'csl-json', text: file }, added);
        const after = 'edit' in change ? applyEdits(file, [change.edit]) : 'create' in change ? change.create : file;
        expect(JSON.parse(after)).toEqual([...items, toCslItem(added)]);
        // The file's own line endings are kept (a file on one line has none to follow).
        if (crlf && file.includes('\n')) expect(after.replace(/\r\n/g, '')).not.toMatch(/\n/);
        expect(readCslJson(after).error).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('BibTeX statcite writes reads back with the same keys, authors, years and titles', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.key, maxLength: 4 }), (entries) => {
        const read = readBibtex(toBibtex(entries));
        expect(read.error).toBeUndefined();
        expect(read.entries).toEqual(entries.map((e) => ({ key: e.key, ...(e.author ? { author: e.author } : {}), ...(e.year !== undefined ? { year: e.year } : {}), ...(e.title ? { title: e.title } : {}) })));
      }),
      { numRuns: 300 },
    );
  });
});
