import * as vscode from 'vscode';
import { documentLanguage as languageOf } from '../core/citations/documentLanguage';
import { parseMarkdown, type MarkdownCache, type ParsedMarkdown } from '../core/markdown/markdown';
import { readConfig } from './config';

/** Markdown, and Quarto documents (`.qmd`: language `quarto` with the Quarto extension, else Markdown by extension). */
export const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'quarto' }];

/** Whether statcite reads this document: Markdown or Quarto. */
export function isMarkdownDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' || doc.languageId === 'quarto';
}

const parsed = new WeakMap<vscode.TextDocument, { version: number; md: ParsedMarkdown }>();

/** The parsed Markdown of a document, parsed once per version and shared by hover, completion and validation. */
export function parsedMarkdown(doc: vscode.TextDocument, cache?: MarkdownCache): ParsedMarkdown {
  const hit = parsed.get(doc);
  if (hit && hit.version === doc.version) return hit.md;
  const md = parseMarkdown(doc.getText(), cache);
  parsed.set(doc, { version: doc.version, md });
  return md;
}

/** The document's language: the `statcite.documentLanguage` setting, else its front matter or its letters. */
export function documentLanguage(doc: vscode.TextDocument): string {
  return languageOf(doc.getText(), readConfig(doc.uri).documentLanguage);
}
