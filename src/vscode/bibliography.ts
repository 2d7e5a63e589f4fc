import * as vscode from 'vscode';
import type { BibliographyEntry } from '../core/bibliography/entry';
import type { ExistingEntry } from '../core/bibliography/existing';
import { addToBibliography, documentBibliography, entriesOfFile, DEFAULT_BIBLIOGRAPHY, type BibliographyFile } from '../core/citations/pandocCite';
import { frontMatterBibliography } from '../core/markdown/frontMatter';
import { readConfig } from './config';

/** The bibliography a document cites into: the first `.json`/`.bib` its front matter names, beside the document. */
export async function readDocumentBibliography(doc: Pick<vscode.TextDocument, 'uri' | 'getText'>): Promise<{ uri: vscode.Uri; file: BibliographyFile } | undefined> {
  const named = documentBibliography(doc.getText());
  if (!named) return undefined;
  const uri = vscode.Uri.joinPath(doc.uri, '..', named.name);
  return { uri, file: { ...named, text: await readText(uri) } };
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** For a file that is not open: the entries of the bibliography its front matter names, or undefined when it names none. */
export async function bibliographyEntriesOf(uri: vscode.Uri, text: string): Promise<ExistingEntry[] | undefined> {
  if (!frontMatterBibliography(text).length && readConfig(uri).citationStyle !== 'pandoc') return undefined;
  return entriesOfFile((await readDocumentBibliography({ uri, getText: () => text }))?.file);
}

/** Whether a document cites Pandoc-style: the `pandoc` citation style, or front matter naming a bibliography. */
export function citesPandocStyle(doc: vscode.TextDocument): boolean {
  return readConfig(doc.uri).citationStyle === 'pandoc' || frontMatterBibliography(doc.getText()).length > 0;
}

/**
 * Adds a bibliography change to a workspace edit: the file created with its whole text, or edited at an offset of
 * its current text (positions taken from the text as read, so an open, unsaved bibliography is edited as shown).
 */
export async function addBibliographyChange(edit: vscode.WorkspaceEdit, uri: vscode.Uri, change: { create?: string; edit?: { start: number; end: number; newText: string } }): Promise<void> {
  if (change.create !== undefined) {
    edit.createFile(uri, { ignoreIfExists: false, overwrite: false, contents: new TextEncoder().encode(change.create) });
    return;
  }
  if (!change.edit) return;
  const doc = await vscode.workspace.openTextDocument(uri);
  edit.replace(uri, new vscode.Range(doc.positionAt(change.edit.start), doc.positionAt(change.edit.end)), change.edit.newText);
}

/** The change that adds `entry` to the document's bibliography (or to `references.json` beside it when it names none). */
export async function bibliographyAddition(doc: vscode.TextDocument, entry: BibliographyEntry): Promise<{ uri: vscode.Uri; create?: string; edit?: { start: number; end: number; newText: string }; problem?: string }> {
  const found = await readDocumentBibliography(doc);
  const uri = found?.uri ?? vscode.Uri.joinPath(doc.uri, '..', DEFAULT_BIBLIOGRAPHY);
  const file: BibliographyFile = found?.file ?? { name: DEFAULT_BIBLIOGRAPHY, format: 'csl-json', text: await readText(uri) };
  const change = addToBibliography(file, entry);
  return { uri, ...change };
}

/**
 * The entries of each open document's bibliography, read asynchronously and kept, so validation (synchronous) can
 * use them; when a read finishes or a bibliography file changes, `onDidChange` fires and documents are validated again.
 */
export class BibliographyEntries implements vscode.Disposable {
  private readonly byDocument = new Map<string, { names: string; entries: ExistingEntry[]; fresh: boolean }>();
  private readonly reading = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.{json,bib}');
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    // A changed file marks every entry stale: it is read again on next use, and the old entries serve meanwhile, so
    // problems do not flicker away while a bibliography is re-read.
    const stale = (uri: vscode.Uri) => {
      if (uri.path.endsWith('.stats.json')) return;
      for (const hit of this.byDocument.values()) hit.fresh = false;
      this.changed.fire();
    };
    this.subscriptions = [
      this.watcher.onDidChange(stale),
      this.watcher.onDidCreate(stale),
      this.watcher.onDidDelete(stale),
      vscode.workspace.onDidChangeTextDocument((e) => /\.(bib|json)$/i.test(e.document.uri.path) && stale(e.document.uri)),
    ];
  }

  /** The entries of the document's bibliography, or undefined until first read (it fires when read). */
  entriesFor(doc: vscode.TextDocument): ExistingEntry[] | undefined {
    const names = frontMatterBibliography(doc.getText()).join('\n');
    const key = doc.uri.toString();
    const hit = this.byDocument.get(key);
    const current = hit && hit.names === names ? hit : undefined;
    if (current?.fresh) return current.entries;
    if (!this.reading.has(key)) {
      this.reading.add(key);
      void readDocumentBibliography(doc).then((found) => {
        this.reading.delete(key);
        this.byDocument.set(key, { names, entries: entriesOfFile(found?.file), fresh: true });
        this.changed.fire();
      });
    }
    return current?.entries;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.watcher.dispose();
    this.changed.dispose();
  }
}
