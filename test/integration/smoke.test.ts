/// <reference types="mocha" />
// Checks the harness itself: a real VS Code API, the fixture workspace, a Markdown document.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('smoke: real VS Code extension host', () => {
  test('vscode.version is a real version string', () => {
    assert.equal(typeof vscode.version, 'string');
    assert.match(vscode.version, /^1\.\d+\.\d+/);
  });

  test('the fixture workspace is open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'exactly one workspace folder');
    assert.equal(folders[0]?.name, 'workspace');
  });

  test('draft.md opens as a Markdown document with its text', async () => {
    const [uri] = await vscode.workspace.findFiles('**/draft.md');
    assert.ok(uri, 'draft.md found in the workspace');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'markdown');
    assert.match(doc.getText(), /^# Draft: water use/);
    const editor = await vscode.window.showTextDocument(doc);
    assert.equal(editor.document.uri.toString(), uri.toString());
  });
});
