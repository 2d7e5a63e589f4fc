import * as vscode from 'vscode';
import { completeStatistics, completionTriggerCharacters, type CompletionCandidate } from '../core/citations/completion';
import { readConfig } from './config';
import { inertMarkdown, toRange, toTextEdit } from './convert';
import { MARKDOWN, documentLanguage, parsedMarkdown } from './documents';
import type { IndexStore } from './indexStore';

/** Completion after the trigger (`@@` by default): search the index, insert the figure with its citation. */
export function registerCompletionSupport(store: IndexStore): vscode.Disposable {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(doc, position) {
      const config = readConfig(doc.uri);
      const statcite = store.current;
      const answer = completeStatistics(doc.getText(), doc.offsetAt(position), statcite, {
        trigger: config.trigger,
        maxResults: config.maxResults,
        insert: config.insert,
        lang: documentLanguage(doc),
        staleAfterYears: config.staleAfterYears,
        now: new Date(),
        localize: vscode.l10n.t,
        parsed: parsedMarkdown(doc, statcite.validation.markdown),
      });
      return answer && new vscode.CompletionList(answer.candidates.map((c) => toItem(doc, c)), answer.isIncomplete);
    },
  };
  const register = () => vscode.languages.registerCompletionItemProvider(MARKDOWN, provider, ...completionTriggerCharacters(readConfig().trigger));
  let registration = register();
  const onConfig = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('statcite.trigger')) return;
    registration.dispose();
    registration = register();
  });
  return { dispose: () => (registration.dispose(), onConfig.dispose()) };
}

function toItem(doc: vscode.TextDocument, c: CompletionCandidate): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: c.label, description: c.description }, vscode.CompletionItemKind.Value);
  item.detail = c.detail;
  item.documentation = inertMarkdown(c.documentation);
  item.filterText = c.filterText;
  item.sortText = c.sortText;
  item.range = toRange(doc, c.edit.start, c.edit.end);
  item.insertText = c.edit.newText;
  item.additionalTextEdits = c.additionalEdits.map((e) => toTextEdit(doc, e));
  return item;
}
