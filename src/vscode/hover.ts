import * as vscode from 'vscode';
import { citationHoverMarkdown } from '../core/citations/hover';
import { citationAt } from '../core/citations/locate';
import { readConfig } from './config';
import { inertMarkdown, toRange } from './convert';
import { MARKDOWN, parsedMarkdown } from './documents';
import type { IndexStore } from './indexStore';

/** Hover on a footnote reference, its definition, or the cited figure: the source, the quote and its translation. */
export function registerHoverSupport(store: IndexStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(MARKDOWN, {
    provideHover(doc, position) {
      const statcite = store.current;
      const at = citationAt(doc.getText(), doc.offsetAt(position), statcite, parsedMarkdown(doc, statcite.validation.markdown));
      if (!at) return undefined;
      const markdown = citationHoverMarkdown(at, statcite.index, { staleAfterYears: readConfig(doc.uri).staleAfterYears, now: new Date(), localize: vscode.l10n.t });
      return markdown ? new vscode.Hover(inertMarkdown(markdown), toRange(doc, at.start, at.end)) : undefined;
    },
  });
}
