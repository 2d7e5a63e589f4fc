import * as vscode from 'vscode';
import { planInsertion, type InsertMode } from '../core/citations/cite';
import { describeFigure, describeSource, formatFigure } from '../core/index/format';
import { statisticMarkdown } from '../core/citations/hover';
import type { LoadedStatistic } from '../core/index/indexFile';
import type { Statcite } from '../core/statcite';
import { readConfig } from './config';
import { inertMarkdown, toTextEdit } from './convert';
import { MARKDOWN, documentLanguage, parsedMarkdown } from './documents';
import { citePandocStyle } from './pandocCompletion';
import type { IndexStore } from './indexStore';

/** Completion after the trigger (`@@` by default): search the index, insert the figure with its citation. */
export function registerCompletionSupport(store: IndexStore): vscode.Disposable {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(doc, position) {
      const config = readConfig(doc.uri);
      const line = doc.lineAt(position.line).text.slice(0, position.character);
      const at = line.lastIndexOf(config.trigger);
      if (at < 0) return undefined;
      const query = line.slice(at + config.trigger.length);
      if (query.length > 80 || query.includes(config.trigger)) return undefined;
      const statcite = store.current;
      const lang = documentLanguage(doc);
      const result = statcite.search.search(query, { lang, limit: config.maxResults });
      const range = new vscode.Range(position.line, at, position.line, position.character);
      const items = result.hits.map((hit, i) => toItem(doc, hit.statistic, range, config.trigger + query, i, { statcite, lang, mode: config.insert, staleAfterYears: config.staleAfterYears }));
      if (config.citationStyle === 'pandoc') items.forEach((item, i) => citePandocStyle(item, doc, result.hits[i]!.statistic, range, formatFigure(result.hits[i]!.statistic, lang), position));
      // Always incomplete: the list is re-asked on each keystroke, so fuse.js ranks it, not the editor's filter.
      return new vscode.CompletionList(items, true);
    },
  };
  let registration = vscode.languages.registerCompletionItemProvider(MARKDOWN, provider, ...triggerCharacters(readConfig().trigger));
  const onConfig = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('statcite.trigger')) return;
    registration.dispose();
    registration = vscode.languages.registerCompletionItemProvider(MARKDOWN, provider, ...triggerCharacters(readConfig().trigger));
  });
  return { dispose: () => (registration.dispose(), onConfig.dispose()) };
}

/**
 * The trigger's characters, a space and the digits: completion opens with quick suggestions off, follows
 * multi-word queries, and reopens when a figure is typed after a list that had closed empty ("zendesk 8" → "84").
 * Elsewhere these characters cost one line scan that finds no trigger.
 */
function triggerCharacters(trigger: string): string[] {
  return [...new Set([...trigger, ' ', ...'0123456789'])];
}

interface ItemContext {
  readonly statcite: Statcite;
  readonly lang: string;
  readonly mode: InsertMode;
  readonly staleAfterYears: number;
}

function toItem(doc: vscode.TextDocument, stat: LoadedStatistic, range: vscode.Range, typed: string, rank: number, ctx: ItemContext): vscode.CompletionItem {
  const figure = formatFigure(stat, ctx.lang);
  const item = new vscode.CompletionItem({ label: `${figure} ${truncate(glossAfterFigure(stat), 70)}`, description: describeSource(stat) }, vscode.CompletionItemKind.Value);
  item.detail = `${describeSource(stat)} · ${describeFigure(stat)} · ${stat.lang}`;
  item.documentation = inertMarkdown(statisticMarkdown(stat, ctx.statcite.index, { staleAfterYears: ctx.staleAfterYears, now: new Date(), localize: vscode.l10n.t }));
  item.filterText = typed;
  item.sortText = String(rank).padStart(5, '0');
  const text = doc.getText();
  const plan = planInsertion(text, { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) }, stat, {
    figure,
    mode: ctx.mode,
    resolver: ctx.statcite.resolver,
    parsed: parsedMarkdown(doc, ctx.statcite.validation.markdown),
  });
  item.range = toRange(doc, plan.main.start, plan.main.end);
  item.insertText = plan.main.newText;
  item.additionalTextEdits = plan.additional.map((e) => toTextEdit(doc, e));
  return item;
}

function toRange(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}

/** The gloss without a leading copy of the figure, so "84% 84% of consumers…" reads "84% of consumers…". */
function glossAfterFigure(stat: LoadedStatistic): string {
  const figure = describeFigure(stat).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return stat.en.replace(new RegExp(`^${figure}(?![\\d.,])\\s*`), '');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
