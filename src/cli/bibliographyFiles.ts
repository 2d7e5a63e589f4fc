import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readBibtex } from '../core/bibliography/bibtex';
import { readCslJson, type ReadBibliography } from '../core/bibliography/cslJson';
import { frontMatterBibliography } from '../core/markdown/frontMatter';
import { InputError, readText } from './files';

/** The kind of bibliography a file name says: `.bib` is BibTeX, `.json` CSL JSON; others are not read. */
export function bibliographyFormat(file: string): 'bibtex' | 'csl-json' | undefined {
  return /\.bib$/i.test(file) ? 'bibtex' : /\.json$/i.test(file) ? 'csl-json' : undefined;
}

/** Reads the bibliography files a document names in its front matter; a file that is missing or unreadable is skipped with a message. */
export function readDocumentBibliography(documentFile: string, text: string, warn: (message: string) => void, missingOk = false): ReadBibliography['entries'] {
  const entries: ReadBibliography['entries'] = [];
  for (const name of frontMatterBibliography(text)) {
    const file = resolve(dirname(documentFile), name);
    const format = bibliographyFormat(file);
    if (!format) {
      warn(`${name}: only CSL JSON (.json) and BibTeX (.bib) bibliographies are read.`);
      continue;
    }
    let read: ReadBibliography;
    // Exporting into the file a document names is how that file is made: missing, it is not a problem there.
    if (missingOk && !existsSync(file)) continue;
    try {
      const content = readText(file, name);
      read = format === 'bibtex' ? readBibtex(content) : readCslJson(content);
    } catch (e) {
      if (e instanceof InputError) warn(e.message);
      else throw e;
      continue;
    }
    if (read.error) warn(`${name}: ${read.error}`);
    entries.push(...read.entries);
  }
  return entries;
}

/**
 * The validation options for a document that cites Pandoc-style (its front matter names a bibliography): the entries
 * of that bibliography, so `[@key]` citations are checked. None for a footnote document.
 */
export function pandocValidationOptions(documentFile: string, text: string, warn: (message: string) => void): { bibliography?: ReadBibliography['entries'] } {
  if (!frontMatterBibliography(text).length) return {};
  return { bibliography: readDocumentBibliography(documentFile, text, warn) };
}
