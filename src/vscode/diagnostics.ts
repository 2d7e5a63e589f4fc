import * as vscode from 'vscode';
import { issueDiagnostic } from '../core/citations/diagnostic';
import { validateCitations, type CitationIssue } from '../core/citations/validate';
import { readConfig } from './config';
import { toDiagnostic, toRange } from './convert';
import type { IndexStore } from './indexStore';
import { BibliographyEntries, citesPandocStyle } from './bibliography';
import { isMarkdownDocument } from './documents';

/** The issues behind the diagnostics of each document version, for quick fixes. */
export class IssueStore {
  private readonly byUri = new Map<string, { version: number | undefined; issues: readonly CitationIssue[] }>();

  set(uri: vscode.Uri, version: number | undefined, issues: readonly CitationIssue[]): void {
    this.byUri.set(uri.toString(), { version, issues });
  }

  get(doc: vscode.TextDocument): readonly CitationIssue[] {
    const hit = this.byUri.get(doc.uri.toString());
    return hit && (hit.version === undefined || hit.version === doc.version) ? hit.issues : [];
  }

  delete(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
  }
}

/** Validates citations live (as you type or on save, per `statcite.validate.run`) and on command. */
export class CitationDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('statcite');
  readonly issues = new IssueStore();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The entries of Pandoc documents' bibliographies, so `[@key]` citations are checked too. */
  private readonly bibliographies = new BibliographyEntries();

  constructor(private readonly store: IndexStore) {
    this.subscriptions.push(
      this.bibliographies,
      this.bibliographies.onDidChange(() => this.revalidateOpen()),
      vscode.workspace.onDidOpenTextDocument((d) => this.validateIfLive(d, 'open')),
      vscode.workspace.onDidChangeTextDocument((e) => this.validateIfLive(e.document, 'type')),
      vscode.workspace.onDidSaveTextDocument((d) => this.validateIfLive(d, 'save')),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      store.onDidChange(() => this.revalidateOpen()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('statcite') && this.revalidateOpen()),
    );
  }

  /** Validates one document now and shows its problems. */
  validate(doc: vscode.TextDocument): readonly CitationIssue[] {
    if (!isMarkdownDocument(doc)) return [];
    const config = readConfig(doc.uri);
    // Until a Pandoc document's bibliography has been read, its citations wait; reading it validates again.
    const bibliography = citesPandocStyle(doc) ? this.bibliographies.entriesFor(doc) : undefined;
    const issues = validateCitations(doc.getText(), this.store.current.validation, { severities: config.severities, staleAfterYears: config.staleAfterYears, localize: vscode.l10n.t, ...(bibliography ? { bibliography } : {}) });
    this.show(doc.uri, doc.version, issues, (s, e) => toRange(doc, s, e));
    return issues;
  }

  /** Shows issues for a file that may not be open, from positions computed on its text. */
  show(uri: vscode.Uri, version: number | undefined, issues: readonly CitationIssue[], range: (start: number, end: number) => vscode.Range): void {
    this.issues.set(uri, version, issues);
    this.collection.set(uri, issues.map((i) => toDiagnostic(issueDiagnostic(i), range(i.start, i.end))));
  }

  revalidateOpen(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (isMarkdownDocument(doc) && readConfig(doc.uri).validateRun !== 'off') this.validate(doc);
      else if (isMarkdownDocument(doc)) this.forget(doc.uri);
    }
  }

  private validateIfLive(doc: vscode.TextDocument, why: 'open' | 'type' | 'save'): void {
    if (!isMarkdownDocument(doc)) return;
    const config = readConfig(doc.uri);
    if (config.validateRun === 'off') return;
    if (why === 'type' && config.validateRun !== 'onType') return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = why === 'type' ? config.validateDelay : 0;
    // Validation always reads the latest text, so edits made while it waited are never lost.
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed) this.validate(doc);
    }, delay));
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.collection.delete(uri);
    this.issues.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
