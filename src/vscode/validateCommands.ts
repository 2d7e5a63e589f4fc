import * as vscode from 'vscode';
import { LineIndex } from '../core/markdown/lineIndex';
import { validateCitations, type CitationIssue } from '../core/citations/validate';
import { readConfig } from './config';
import type { CitationDiagnostics } from './diagnostics';
import type { IndexStore } from './indexStore';
import { isMarkdownDocument } from './documents';
import { bibliographyEntriesOf } from './bibliography';

/** What a validation found, counted as the Problems panel lists it: hints show only in the editor, not there. */
export interface ValidationSummary {
  readonly problems: number;
  readonly errors: number;
  readonly hints: number;
  readonly message: string;
}

/**
 * Says what a validation found, in a notification with a "Show Problems" button and in the status bar, counting what
 * the Problems panel lists (errors, warnings, information) and the hints apart, so the two never disagree.
 */
function report(issues: readonly CitationIssue[], files?: number): ValidationSummary {
  const hints = issues.filter((i) => i.severity === 'hint').length;
  const problems = issues.length - hints;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const found = files === undefined ? vscode.l10n.t('statcite: {0} citation problem(s), {1} of them error(s).', problems, errors) : vscode.l10n.t('statcite: {0} citation problem(s) in {1} file(s), {2} of them error(s).', problems, files, errors);
  const message = hints ? `${found} ${vscode.l10n.t('{0} hint(s) are shown in the editor only.', hints)}` : found;
  vscode.window.setStatusBarMessage(message, 6000);
  const show = vscode.l10n.t('Show Problems');
  const notify = errors ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void Promise.resolve(problems ? notify(message, show) : notify(message)).then((chosen) => chosen === show && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return { problems, errors, hints, message };
}

/** statcite: Validate Citations (this document) and … in Workspace (every Markdown file, cancellable). */
export function registerValidateCommands(store: IndexStore, diagnostics: CitationDiagnostics): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('statcite.validate', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || !isMarkdownDocument(doc)) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown document to validate its citations.'));
      await store.ready;
      return report(diagnostics.validate(doc));
    }),
    vscode.commands.registerCommand('statcite.validateWorkspace', () => validateWorkspace(store, diagnostics)),
  );
}

async function validateWorkspace(store: IndexStore, diagnostics: CitationDiagnostics): Promise<ValidationSummary> {
  await store.ready;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('statcite: Validating citations'), cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles('**/*.{md,markdown,qmd}', '**/node_modules/**', undefined, token);
      const all: CitationIssue[] = [];
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri, false), increment: 100 / files.length });
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) {
          all.push(...diagnostics.validate(open));
          continue;
        }
        const text = await vscode.workspace.fs.readFile(uri).then((b) => new TextDecoder().decode(b), () => undefined);
        if (text === undefined) continue;
        const config = readConfig(uri);
        const bibliography = await bibliographyEntriesOf(uri, text);
        const issues = validateCitations(text, store.current.validation, { severities: config.severities, staleAfterYears: config.staleAfterYears, localize: vscode.l10n.t, isCancelled: () => token.isCancellationRequested, ...(bibliography ? { bibliography } : {}) });
        const lines = new LineIndex(text);
        const pos = (o: number) => {
          const p = lines.positionAt(o);
          return new vscode.Position(p.line, p.character);
        };
        diagnostics.show(uri, undefined, issues, (s, e) => new vscode.Range(pos(s), pos(e)));
        all.push(...issues);
        if (i % 20 === 19) await new Promise((r) => setTimeout(r, 0));
      }
      return report(all, files.length);
    },
  );
}
