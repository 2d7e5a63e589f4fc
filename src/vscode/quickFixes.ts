import * as vscode from 'vscode';
import { FIX_ALL_KIND as CORE_FIX_ALL_KIND, fixAllAction, quickFixesFor } from '../core/citations/codeActions';
import { DIAGNOSTIC_SOURCE } from '../core/citations/diagnostic';
import { readConfig } from './config';
import { toTextEdit } from './convert';
import type { CitationDiagnostics } from './diagnostics';
import { MARKDOWN } from './documents';
import type { IndexStore } from './indexStore';
import { addBibliographyChange, bibliographyAddition } from './bibliography';

export const FIX_ALL_KIND = vscode.CodeActionKind.Empty.append(CORE_FIX_ALL_KIND);

/** Quick fixes on statcite diagnostics, and `source.fixAll.statcite` for the fixes that are safe together. */
export function registerQuickFixSupport(store: IndexStore, diagnostics: CitationDiagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    MARKDOWN,
    {
      async provideCodeActions(doc, _range, context) {
        if (context.only && FIX_ALL_KIND.contains(context.only)) return fixAll(doc, store);
        if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
        const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
        const refs = ours.map((d) => ({ code: typeof d.code === 'object' ? d.code.value : d.code, start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end) }));
        const actions: vscode.CodeAction[] = [];
        for (const fix of quickFixesFor(diagnostics.issues.get(doc), refs)) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [ours[fix.diagnostic]!];
          action.isPreferred = fix.isPreferred;
          action.edit = new vscode.WorkspaceEdit();
          action.edit.set(doc.uri, fix.edits.map((e) => toTextEdit(doc, e)));
          // A Pandoc fix brings its bibliography entry: written into the bibliography file in the same edit.
          if (fix.bibliographyEntry) {
            const change = await bibliographyAddition(doc, fix.bibliographyEntry);
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
  const plan = fixAllAction(doc.getText(), store.current.validation, { severities: config.severities, staleAfterYears: config.staleAfterYears, localize: vscode.l10n.t });
  if (!plan) return [];
  const action = new vscode.CodeAction(plan.title, FIX_ALL_KIND);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(doc.uri, plan.edits.map((e) => toTextEdit(doc, e)));
  return [action];
}
