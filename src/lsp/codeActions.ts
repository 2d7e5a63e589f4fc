import { CodeActionKind, type CodeAction, type Command, type Diagnostic } from 'vscode-languageserver';
import { FIX_ALL_KIND, fixAllAction, quickFixesFor } from '../core/citations/codeActions';
import { DIAGNOSTIC_SOURCE } from '../core/citations/diagnostic';
import type { ServerContext } from './context';
import type { Diagnostics } from './diagnostics';
import { isProse } from './documents';
import { diagnosticOffsets, toTextEdit } from './convert';

/** The kinds the server offers: quick fixes on its diagnostics, and fix-all. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/**
 * `textDocument/codeAction`: the quick fixes for the statcite diagnostics in the request, and
 * `source.fixAll.statcite` (asked for by kind, e.g. on save, or listed with the rest when no kind is asked for).
 */
export function registerCodeActions(ctx: ServerContext, diagnostics: Diagnostics): void {
  ctx.connection.onCodeAction(async (params): Promise<Array<CodeAction | Command>> => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc || !isProse(doc)) return [];
    const [config] = await Promise.all([ctx.settings.get(doc.uri), ctx.index.ready]);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const uri = doc.uri;
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      const refs = ours.map((d) => ({ code: d.code, ...diagnosticOffsets(doc, d) }));
      for (const fix of quickFixesFor(await diagnostics.issuesOf(doc), refs)) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [ours[fix.diagnostic] as Diagnostic],
          isPreferred: fix.isPreferred,
          edit: { changes: { [uri]: fix.edits.map((e) => toTextEdit(doc, e)) } },
        });
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const all = fixAllAction(doc.getText(), ctx.index.current.validation, { severities: config.severities, staleAfterYears: config.staleAfterYears, localize: ctx.localize() });
      if (all) actions.push({ title: all.title, kind: FIX_ALL_KIND, edit: { changes: { [uri]: all.edits.map((e) => toTextEdit(doc, e)) } } });
    }
    return actions;
  });
}
