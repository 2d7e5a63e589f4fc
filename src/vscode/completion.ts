import * as vscode from 'vscode';
import { completeStatistics, completionTriggerCharacters, triggerQueryAt, type CompletionCandidate } from '../core/citations/completion';
import { formatFigure } from '../core/index/format';
import type { StatisticsIndex } from '../core/index/statisticsIndex';
import { readConfig } from './config';
import { inertMarkdown, toRange, toTextEdit } from './convert';
import { MARKDOWN, documentLanguage, parsedMarkdown } from './documents';
import { citePandocStyle } from './pandocCompletion';
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
      if (!answer) return undefined;
      const items = answer.candidates.map((c) => toItem(doc, c));
      if (config.citationStyle === 'pandoc') citeAllPandocStyle(items, answer.candidates, doc, position, statcite.index, config.trigger);
      return new vscode.CompletionList(items, answer.isIncomplete);
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

/** In `pandoc` style each item cites `[@key]` and adds the bibliography entry when accepted (see pandocCompletion). */
function citeAllPandocStyle(items: vscode.CompletionItem[], candidates: readonly CompletionCandidate[], doc: vscode.TextDocument, position: vscode.Position, index: StatisticsIndex, trigger: string): void {
  const offset = doc.offsetAt(position);
  const typed = triggerQueryAt(doc.getText(), offset, trigger);
  if (!typed) return;
  const replace = new vscode.Range(doc.positionAt(typed.start), position);
  const lang = documentLanguage(doc);
  items.forEach((item, i) => {
    const stat = index.get(candidates[i]!.statisticId);
    if (stat) citePandocStyle(item, doc, stat, replace, formatFigure(stat, lang), position);
  });
}
