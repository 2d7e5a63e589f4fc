import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { issueDiagnostic } from '../core/citations/diagnostic';
import { validateCitations, type CitationIssue } from '../core/citations/validate';
import type { ServerContext } from './context';
import { isProse } from './documents';
import { toDiagnostic } from './convert';

/**
 * Validation of the open documents, per `statcite.validate.run`: pulled by the client (`textDocument/diagnostic`)
 * when it can, else pushed (`textDocument/publishDiagnostics`) on open, as you type (after `validate.delay`) or on
 * save. The issues of each validated version are kept for code actions.
 */
export class Diagnostics {
  private readonly issues = new Map<string, { version: number; issues: readonly CitationIssue[]; diagnostics: Diagnostic[] }>();
  /** Pulled diagnostics under `validate.run: onSave`: those of the last open or save. */
  private readonly saved = new Map<string, Diagnostic[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents with pushed diagnostics, to clear when they close or validation is turned off. */
  private readonly shown = new Set<string>();
  private pull = false;

  constructor(private readonly ctx: ServerContext) {}

  /** Wires the handlers; `pull` when the client asks for diagnostics itself. */
  listen(pull: boolean): void {
    this.pull = pull;
    const { documents, connection } = this.ctx;
    if (pull) {
      connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
        const doc = documents.get(params.textDocument.uri);
        if (!doc || !isProse(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        const config = await this.ctx.settings.get(doc.uri);
        if (config.validateRun === 'off') return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        // On save only: what the last open or save found, until the next save.
        if (config.validateRun === 'onSave') return { kind: DocumentDiagnosticReportKind.Full, items: this.saved.get(doc.uri) ?? (await this.validateSaved(doc)) };
        return { kind: DocumentDiagnosticReportKind.Full, items: (await this.validate(doc, () => token.isCancellationRequested)).diagnostics };
      });
    }
    documents.onDidOpen((e) => this.schedule(e.document, 'open'));
    documents.onDidChangeContent((e) => this.schedule(e.document, 'type'));
    documents.onDidSave((e) => this.schedule(e.document, 'save'));
    documents.onDidClose((e) => this.forget(e.document.uri));
  }

  /** The issues of the document's current text, validated now unless they are kept for this version. */
  async issuesOf(doc: TextDocument): Promise<readonly CitationIssue[]> {
    const kept = this.issues.get(doc.uri);
    return kept?.version === doc.version ? kept.issues : (await this.validate(doc)).issues;
  }

  /** Validates every open document again (the index or the settings changed). */
  refreshAll(): void {
    this.issues.clear();
    this.saved.clear();
    if (this.pull) {
      if (this.ctx.capabilities().workspace?.diagnostics?.refreshSupport) void this.ctx.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of this.ctx.documents.all()) this.schedule(doc, 'open');
  }

  private async validate(doc: TextDocument, isCancelled?: () => boolean): Promise<{ version: number; issues: readonly CitationIssue[]; diagnostics: Diagnostic[] }> {
    const [config] = await Promise.all([this.ctx.settings.get(doc.uri), this.ctx.index.ready]);
    const text = doc.getText();
    const version = doc.version;
    const issues = validateCitations(text, this.ctx.index.current.validation, { severities: config.severities, staleAfterYears: config.staleAfterYears, localize: this.ctx.localize(), ...(isCancelled ? { isCancelled } : {}) });
    const result = { version, issues, diagnostics: issues.map((i) => toDiagnostic(doc, issueDiagnostic(i))) };
    if (!isCancelled?.()) this.issues.set(doc.uri, result);
    return result;
  }

  private async validateSaved(doc: TextDocument): Promise<Diagnostic[]> {
    const { diagnostics } = await this.validate(doc);
    this.saved.set(doc.uri, diagnostics);
    return diagnostics;
  }

  private schedule(doc: TextDocument, why: 'open' | 'type' | 'save'): void {
    if (!isProse(doc)) return;
    void this.ctx.settings.get(doc.uri).then((config) => {
      if (config.validateRun === 'off') return this.forget(doc.uri);
      if (this.pull) {
        // The client pulls; keep what a save found for on-save validation.
        if (why !== 'type' && config.validateRun === 'onSave') void this.validateSaved(doc);
        return;
      }
      if (why === 'type' && config.validateRun !== 'onType') return;
      clearTimeout(this.timers.get(doc.uri));
      // Validation reads the latest text when it runs, so edits made while it waited are never lost.
      this.timers.set(doc.uri, setTimeout(() => {
        this.timers.delete(doc.uri);
        const current = this.ctx.documents.get(doc.uri);
        if (current) void this.validate(current).then((r) => this.publish(doc.uri, r));
      }, why === 'type' ? config.validateDelay : 0));
    });
  }

  /** Sends a version's diagnostics unless the document has changed or closed meanwhile (a newer run follows). */
  private publish(uri: string, r: { version: number; diagnostics: Diagnostic[] }): void {
    if (this.ctx.documents.get(uri)?.version !== r.version) return;
    this.shown.add(uri);
    void this.ctx.connection.sendDiagnostics({ uri, version: r.version, diagnostics: r.diagnostics });
  }

  private forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.issues.delete(uri);
    this.saved.delete(uri);
    // Cleared once, not on every keystroke while validation is off.
    if (!this.pull && this.shown.delete(uri)) void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
