import { CompletionItemKind, CompletionRequest, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Disposable } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeStatistics, completionTriggerCharacters, type CompletionCandidate } from '../core/citations/completion';
import { documentLanguage } from '../core/citations/documentLanguage';
import type { ServerContext } from './context';
import { isProse } from './documents';
import { toRange, toTextEdit } from './convert';

/** `textDocument/completion`: the core's candidates after the trigger, as an always-incomplete list. */
export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(async (params, token): Promise<CompletionList | null> => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc || !isProse(doc)) return null;
    const [config] = await Promise.all([ctx.settings.get(doc.uri), ctx.index.ready]);
    if (token.isCancellationRequested) return null;
    const statcite = ctx.index.current;
    const text = doc.getText();
    const answer = completeStatistics(text, doc.offsetAt(params.position), statcite, {
      trigger: config.trigger,
      maxResults: config.maxResults,
      insert: config.insert,
      lang: documentLanguage(text, config.documentLanguage),
      staleAfterYears: config.staleAfterYears,
      now: new Date(),
      localize: ctx.localize(),
      parsed: ctx.documents.parsedMarkdown(doc, statcite.validation.markdown),
    });
    return answer ? { isIncomplete: answer.isIncomplete, items: answer.candidates.map((c) => toItem(doc, c)) } : null;
  });
}

/**
 * For a client that registers capabilities dynamically: registers completion with the trigger's characters, and
 * again when `statcite.trigger` has changed. (Other clients get the characters of the trigger known at `initialize`.)
 */
export class TriggerRegistration {
  private trigger: string | undefined;
  private registration: Promise<Disposable> | undefined;

  constructor(private readonly ctx: ServerContext) {}

  async update(): Promise<void> {
    const { trigger } = await this.ctx.settings.get();
    if (trigger === this.trigger) return;
    this.trigger = trigger;
    const previous = this.registration;
    this.registration = this.ctx.connection.client.register(CompletionRequest.type, { documentSelector: null, triggerCharacters: completionTriggerCharacters(trigger) });
    (await previous)?.dispose();
  }
}

function toItem(doc: TextDocument, c: CompletionCandidate): CompletionItem {
  return {
    label: c.label,
    labelDetails: { description: c.description },
    kind: CompletionItemKind.Value,
    detail: c.detail,
    documentation: { kind: MarkupKind.Markdown, value: c.documentation },
    filterText: c.filterText,
    sortText: c.sortText,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: toRange(doc, c.edit.start, c.edit.end), newText: c.edit.newText },
    additionalTextEdits: c.additionalEdits.map((e) => toTextEdit(doc, e)),
    data: { statisticId: c.statisticId },
  };
}
