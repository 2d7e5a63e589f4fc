/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, markdownEditor, statcite, waitFor } from './helpers';

suite('ecosystem: preview, statistics browser, commands', () => {
  suiteSetup(statcite);
  teardown(closeAll);

  test("the Markdown preview renders footnotes and a cited figure's source as a tooltip", async () => {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', 'Buyers care: 84% of them.[^zendesk-2019]\n\n[^zendesk-2019]: Zendesk (2019).\n');
    assert.match(html, /class="footnote-ref"/);
    assert.match(html, /<span class="statcite-figure" title="84% — Zendesk 2019: [^"]+"[^>]*>84%<\/span>/);
  });

  test('the statistics browser groups by publisher, year and language, and filters', async () => {
    const { statisticsTree: tree } = await statcite();
    await vscode.commands.executeCommand('statcite.browse');
    await vscode.commands.executeCommand('statcite.groupBy.publisher');
    const publishers = tree.getChildren().map((n) => (n.kind === 'group' ? n.label : ''));
    assert.ok(publishers.includes('Zendesk'), 'Zendesk is a group');
    await vscode.commands.executeCommand('statcite.groupBy.language');
    assert.deepEqual(tree.getChildren().map((n) => (n.kind === 'group' ? n.label : '')).filter((l) => ['Chinese', 'Estonian', 'Finnish', 'Latvian', 'Russian'].includes(l)), ['Chinese', 'Estonian', 'Finnish', 'Latvian', 'Russian']);
    await vscode.commands.executeCommand('statcite.groupBy.year');
    assert.equal(tree.getChildren()[0]?.kind === 'group' && tree.getChildren()[0]?.kind, 'group');
    const all = tree.getChildren().flatMap((g) => tree.getChildren(g)).length;
    tree.filter = 'zendsk';
    const filtered = tree.getChildren().flatMap((g) => tree.getChildren(g));
    assert.ok(filtered.length < all, 'the filter narrows the list');
    assert.ok(filtered.filter((n) => n.kind === 'statistic' && n.statistic.source?.publisher === 'Zendesk').length >= 4, 'a typo still finds the Zendesk statistics');
    tree.filter = '';
    await vscode.commands.executeCommand('statcite.groupBy.publisher');
  });

  test('selecting a statistic shows its details; the inline action inserts it at the cursor', async () => {
    const { statisticsTree: tree } = await statcite();
    await vscode.commands.executeCommand('statcite.showStatistic', 'zendesk-2019-purchase-decision-fi');
    const details = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'statcite-statistic'), 'the details document');
    assert.match(details.getText(), /84 prosenttia kuluttajista/);
    const editor = await markdownEditor('Intro: ');
    await vscode.window.showTextDocument(editor.document);
    const node = tree.getChildren().flatMap((g) => tree.getChildren(g)).find((n) => n.kind === 'statistic' && n.statistic.id === 'zendesk-2019-purchase-decision-fi');
    assert.ok(node);
    await vscode.commands.executeCommand('statcite.insertFromView', node);
    await waitFor(() => editor.document.getText().includes('[^zendesk-2019]'), 'the insertion');
    assert.match(editor.document.getText(), /^Intro: 84%\[\^zendesk-2019\]\n\n\[\^zendesk-2019\]: Zendesk \(2019\)/);
  });

  test('Validate Citations in Workspace fills problems for files that are not open', async () => {
    const citations = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'citations.md');
    const summary = await vscode.commands.executeCommand<{ problems: number; hints: number; message: string }>('statcite.validateWorkspace');
    assert.ok(summary.problems > 0, 'problems were found');
    assert.match(summary.message, /citation problem\(s\) in \d+ file\(s\)/);
    const codes = vscode.languages.getDiagnostics(citations).filter((d) => d.source === 'statcite').map((d) => d.code);
    assert.ok(codes.includes('value-mismatch') && codes.includes('undefined-footnote'), `codes: ${codes.join(', ')}`);
  });

  test('Insert Statistic… inserts a chosen statistic at the cursor in one undoable edit', async () => {
    const editor = await markdownEditor('Buyers: ');
    await vscode.commands.executeCommand('statcite.insertStatistic', 'hubspot-2019-pay-more-fi');
    await waitFor(() => editor.document.getText().includes('[^hubspot-2019]'), 'the insertion');
    assert.match(editor.document.getText(), /^Buyers: 68%\[\^hubspot-2019\]\n\n\[\^hubspot-2019\]: HubSpot \(2019\)/);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), 'Buyers: ');
  });

  test('Add Statistic from Selection writes a record to a workspace .stats.json, and the index picks it up', async () => {
    const api = await statcite();
    const editor = await markdownEditor('In our reader survey, 37% of readers want shorter articles.\n');
    editor.selection = new vscode.Selection(0, 0, 0, editor.document.lineAt(0).text.length);
    const id = await vscode.commands.executeCommand<string>('statcite.addStatisticFromSelection', { value: '37', unit: '%', en: '37% of readers want shorter articles.', publisher: 'Reader Survey', year: '2026', target: '.scratch/added.stats.json' });
    assert.match(String(id), /^reader-survey-2026-37-of-readers/);
    const added = await waitFor(() => api.store.current.index.get(id), 'the new record in the index');
    assert.equal(added.value, 37);
    assert.equal(added.figure, '37%');
    assert.equal(added.quote, 'In our reader survey, 37% of readers want shorter articles.');
    assert.deepEqual(added.source, { publisher: 'Reader Survey', year: 2026 });
  });

  test('statcite commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['statcite.insertStatistic', 'statcite.validate', 'statcite.validateWorkspace', 'statcite.addStatisticFromSelection', 'statcite.browse', 'statcite.reloadIndex']) {
      assert.ok(commands.includes(id), id);
    }
  });
});
