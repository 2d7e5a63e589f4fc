import * as vscode from 'vscode';
import { citationHoverMarkdown } from '../core/citations/hover';
import { citationAt } from '../core/citations/locate';
import { readConfig } from './config';
import { inertMarkdown, toRange } from './convert';
import { MARKDOWN, parsedMarkdown } from './documents';
import type { IndexStore } from './indexStore';
import { pandocCitationAt } from '../core/citations/pandocLocate';
import { entriesOfFile } from '../core/citations/pandocCite';
import type { ParsedMarkdown } from '../core/markdown/markdown';
import type { Statcite } from '../core/statcite';
import { citesPandocStyle, readDocumentBibliography } from './bibliography';

/** A Pandoc citation `[@key]` (or the figure it cites) under the cursor, in a document that cites Pandoc-style. */
async function pandocCitationUnder(doc: vscode.TextDocument, position: vscode.Position, statcite: Statcite, md: ParsedMarkdown) {
  if (!citesPandocStyle(doc)) return undefined;
  const entries = entriesOfFile((await readDocumentBibliography(doc))?.file);
  return pandocCitationAt(doc.getText(), doc.offsetAt(position), statcite, entries, md);
}

/** Hover on a footnote reference, its definition, a Pandoc `[@key]`, or the cited figure: the source, the quote and its translation. */
export function registerHoverSupport(store: IndexStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(MARKDOWN, {
    async provideHover(doc, position) {
      const statcite = store.current;
      const md = parsedMarkdown(doc, statcite.validation.markdown);
      const at = citationAt(doc.getText(), doc.offsetAt(position), statcite, md) ?? (await pandocCitationUnder(doc, position, statcite, md));
      if (!at) return undefined;
      const markdown = citationHoverMarkdown(at, statcite.index, { staleAfterYears: readConfig(doc.uri).staleAfterYears, now: new Date(), localize: vscode.l10n.t });
      return markdown ? new vscode.Hover(inertMarkdown(markdown), toRange(doc, at.start, at.end)) : undefined;
    },
  });
}
