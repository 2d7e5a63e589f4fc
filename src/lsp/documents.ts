import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseMarkdown, type MarkdownCache, type ParsedMarkdown } from '../core/markdown/markdown';

/** The open documents, as the client last sent them, each parsed once per version. */
export class Documents extends TextDocuments<TextDocument> {
  private readonly parsed = new Map<string, { version: number; md: ParsedMarkdown }>();

  constructor() {
    super(TextDocument);
    this.onDidClose((e) => this.parsed.delete(e.document.uri));
  }

  /** The document's parsed Markdown, shared by completion, hover and validation of the same version. */
  parsedMarkdown(doc: TextDocument, cache?: MarkdownCache): ParsedMarkdown {
    const hit = this.parsed.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.md;
    const md = parseMarkdown(doc.getText(), cache);
    this.parsed.set(doc.uri, { version: doc.version, md });
    return md;
  }
}

/**
 * Whether the server treats a document as prose to cite in. The client chooses which files it sends (the
 * configuration names Markdown); index files are JSON and get their own diagnostics instead.
 */
export function isProse(doc: TextDocument): boolean {
  return !/^jsonc?$/i.test(doc.languageId) && !/\.json$/i.test(doc.uri);
}
