import * as vscode from 'vscode';
import { LineIndex } from '../core/markdown/lineIndex';
import { validateCitations } from '../core/citations/validate';
import { readConfig } from './config';
import type { CitationDiagnostics } from './diagnostics';
import type { IndexStore } from './indexStore';
import { isMarkdownDocument } from './documents';
import { bibliographyEntriesOf } from './bibliography';

/** statcite: Validate Citations (this document) and … in Workspace (every Markdown file, cancellable). */
export function registerValidateCommands(store: IndexStore, diagnostics: CitationDiagnostics): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('statcite.validate', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || !isMarkdownDocument(doc)) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown document to validate its citations.'));
      await store.ready;
      const issues = diagnostics.validate(doc);
      vscode.window.setStatusBarMessage(vscode.l10n.t('statcite: {0} citation problem(s)', issues.length), 4000);
      return issues.length;
    }),
    vscode.commands.registerCommand('statcite.validateWorkspace', () => validateWorkspace(store, diagnostics)),
  );
}

async function validateWorkspace(store: IndexStore, diagnostics: CitationDiagnostics): Promise<number> {
  await store.ready;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('statcite: Validating citations'), cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles('**/*.{md,markdown,qmd}', '**/node_modules/**', undefined, token);
      let problems = 0;
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri, false), increment: 100 / files.length });
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) {
          problems += diagnostics.validate(open).length;
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
        problems += issues.length;
        if (i % 20 === 19) await new Promise((r) => setTimeout(r, 0));
      }
      vscode.window.setStatusBarMessage(vscode.l10n.t('statcite: {0} citation problem(s) in {1} file(s)', problems, files.length), 6000);
      return problems;
    },
  );
}
