/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, markdownEditor, setSetting, statcite, waitFor } from './helpers';

/** Asks for completion right after `after` (default: at the end of the document). */
async function complete(doc: vscode.TextDocument, trigger = '@', after?: string): Promise<vscode.CompletionList> {
  const text = doc.getText();
  const at = after === undefined ? text.length : text.indexOf(after) + after.length;
  return vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(at), trigger);
}

/** statcite's own items (the editor may add word-based ones). */
function statciteItems(list: vscode.CompletionList): vscode.CompletionItem[] {
  return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Value && /^\d{5}$/.test(i.sortText ?? '') && i.documentation instanceof vscode.MarkdownString);
}

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('completion: cite a statistic as you type', () => {
  suiteSetup(statcite);
  teardown(closeAll);

  test('the trigger and a query list ranked statistics, capped and marked incomplete', async () => {
    const editor = await markdownEditor('Customers care: @@zendesk 84');
    const list = await complete(editor.document);
    const ours = statciteItems(list);
    assert.ok(ours.length > 0, 'statcite offers items');
    assert.ok(ours.length <= 50, 'the list is capped');
    assert.equal(list.isIncomplete, true);
    const first = ours.find((i) => i.sortText === '00000');
    assert.ok(first, 'a first-ranked item');
    assert.match(label(first), /^84\s?%/);
    assert.match(String((first.label as vscode.CompletionItemLabel).description), /Zendesk/);
    const docs = first.documentation as vscode.MarkdownString;
    assert.equal(docs.isTrusted, false);
    assert.match(docs.value, /English \(our translation\)/);
  });

  test('no trigger, no statistics', async () => {
    const editor = await markdownEditor('Plain text without the trigger ');
    const list = await complete(editor.document, ' ');
    assert.deepEqual(statciteItems(list).map(label), []);
  });

  test('accepting inserts the figure, the reference and the definition; one undo restores the text', async () => {
    const original = '# Draft\n\nService matters: @@zendesk 84';
    const editor = await markdownEditor(original);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await waitFor(async () => {
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      return editor.document.getText() !== original;
    }, 'the suggestion to be accepted');
    const text = editor.document.getText();
    assert.match(text, /Service matters: 84%\[\^zendesk-2019\]/);
    assert.match(text, /\n\n\[\^zendesk-2019\]: Zendesk \(2019\)\. Quoted in “Asiakaspalvelutilastot”\.\n$/);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  test('a Finnish document gets "84 %" and a second citation reuses the definition', async () => {
    const editor = await markdownEditor('---\nlang: fi\n---\nAsiakkaat: 84 %[^zendesk-2019]. Lisäksi @@zendesk 56\n\n[^zendesk-2019]: Zendesk 2019.\n');
    const list = await complete(editor.document, '@', '@@zendesk 56');
    const first = statciteItems(list).find((i) => i.sortText === '00000');
    assert.ok(first, 'a first-ranked item');
    assert.equal(first.insertText, '56 %[^zendesk-2019]');
    assert.equal(first.additionalTextEdits?.length ?? 0, 0, 'no new definition');
  });

  test('settings take effect: another trigger, another insertion mode', async () => {
    await setSetting('trigger', ';;');
    await setSetting('insert', 'gloss');
    try {
      const editor = await markdownEditor('Note ;;zendesk 84');
      const list = await waitFor(async () => {
        const l = await complete(editor.document, ';');
        return l.items.some((i) => i.sortText === '00000') ? l : undefined;
      }, 'completion on the new trigger');
      const first = list.items.find((i) => i.sortText === '00000');
      assert.match(String(first?.insertText), /^84% of consumers .* buy\[\^zendesk-2019\]\./);
    } finally {
      await setSetting('trigger', undefined);
      await setSetting('insert', undefined);
    }
  });
});
