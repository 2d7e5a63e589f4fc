import * as vscode from 'vscode';
import { planFixAll } from '../core/citations/fixAll';
import { readConfig } from './config';
import { toTextEdit } from './convert';
import type { CitationDiagnostics } from './diagnostics';
import { MARKDOWN } from './documents';
import type { IndexStore } from './indexStore';
import { addBibliographyChange, bibliographyAddition } from './bibliography';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('statcite');

/** Quick fixes on statcite diagnostics, and `source.fixAll.statcite` for the fixes that are safe together. */
export function registerQuickFixSupport(store: IndexStore, diagnostics: CitationDiagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    MARKDOWN,
    {
      async provideCodeActions(doc, _range, context) {
        if (context.only && FIX_ALL_KIND.contains(context.only)) return fixAll(doc, store);
        if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
        const issues = diagnostics.issues.get(doc);
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of context.diagnostics) {
          if (diagnostic.source !== 'statcite') continue;
          const issue = issues.find((i) => i.code === diagnostic.code && doc.offsetAt(diagnostic.range.start) === i.start && doc.offsetAt(diagnostic.range.end) === i.end);
          if (!issue?.fix) continue;
          const action = new vscode.CodeAction(issue.fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.isPreferred = issue.fix.safeForFixAll;
          action.edit = new vscode.WorkspaceEdit();
          action.edit.set(doc.uri, issue.fix.edits.map((e) => toTextEdit(doc, e)));
          // A Pandoc fix brings its bibliography entry: written into the bibliography file in the same edit.
          if (issue.fix.bibliographyEntry) {
            const change = await bibliographyAddition(doc, issue.fix.bibliographyEntry);
            if (change.problem) continue;
            await addBibliographyChange(action.edit, change.uri, change);
          }
          actions.push(action);
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] },
  );
}

function fixAll(doc: vscode.TextDocument, store: IndexStore): vscode.CodeAction[] {
  const config = readConfig(doc.uri);
  const edit = planFixAll(doc.getText(), store.current.validation, { severities: config.severities, staleAfterYears: config.staleAfterYears, localize: vscode.l10n.t });
  if (!edit) return [];
  const action = new vscode.CodeAction(vscode.l10n.t('statcite: Add missing footnote definitions'), FIX_ALL_KIND);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(doc.uri, [toTextEdit(doc, edit)]);
  return [action];
}
