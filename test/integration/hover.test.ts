/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, fixtureUri, hoverText, rangeOf, statcite } from './helpers';

suite('hover: the source behind a citation', () => {
  suiteSetup(statcite);
  teardown(closeAll);

  async function hoverAt(doc: vscode.TextDocument, needle: string, nth = 0): Promise<vscode.Hover[]> {
    const range = rangeOf(doc, needle, nth);
    return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, range.start.translate(0, 1));
  }

  test('on a reference, a definition and a cited figure', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('citations.md'));
    const onReference = hoverText(await hoverAt(doc, '[^zendesk-2019]'));
    assert.match(onReference, /Zendesk 2019/);
    assert.match(onReference, /84 prosenttia kuluttajista/);
    assert.match(onReference, /English \(our translation\)/);
    assert.match(onReference, /Asiakaspalvelutilastot/);

    const onDefinition = hoverText(await hoverAt(doc, '[^zendesk-2019]:'));
    assert.match(onDefinition, /Zendesk 2019/);

    const onFigure = hoverText(await hoverAt(doc, '84%'));
    assert.match(onFigure, /84 prosenttia kuluttajista/);
    assert.match(onFigure, /Same finding/);
  });

  test('hovers are untrusted Markdown without HTML', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('citations.md'));
    const hovers = await hoverAt(doc, '84%');
    for (const content of hovers.flatMap((h) => h.contents)) {
      assert.ok(content instanceof vscode.MarkdownString);
      assert.equal(content.isTrusted, false);
      assert.notEqual(content.supportHtml, true);
    }
  });
});
