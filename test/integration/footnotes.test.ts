/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, markdownEditor, rangeOf, statcite } from './helpers';

const DOC = 'One[^2] two[^note] three[^2].\n\n> Quoted[^7].\n\n[^7]: Seven.\n\n[^2]: Two.\n\n[^NOTE]: A named note.\n';

suite('footnote tools: definition, references, rename, outline, renumber', () => {
  suiteSetup(statcite);
  teardown(closeAll);

  const inside = (doc: vscode.TextDocument, needle: string, nth = 0) => rangeOf(doc, needle, nth).start.translate(0, 2);

  test('Go to Definition from a call reaches its definition, whatever the case of the label', async () => {
    const { document: doc } = await markdownEditor(DOC);
    const targets = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, inside(doc, '[^note]'));
    const ours = targets.map((t) => ('targetRange' in t ? t.targetSelectionRange ?? t.targetRange : t.range)).map((r) => doc.getText(r));
    assert.ok(ours.includes('NOTE'), `definitions found: ${JSON.stringify(ours)}`);
  });

  test('Find All References lists every call of a label and its definition', async () => {
    const { document: doc } = await markdownEditor(DOC);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, inside(doc, '[^2]:'));
    const texts = locations.filter((l) => l.uri.toString() === doc.uri.toString()).map((l) => doc.getText(l.range));
    assert.deepEqual(texts.filter((t) => t.startsWith('[^2]')).sort(), ['[^2]', '[^2]', '[^2]:']);
  });

  test('Rename (F2) renames the calls and the definition; a label with a space is refused', async () => {
    const { document: doc } = await markdownEditor(DOC);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, inside(doc, '[^note]'), 'zendesk-2019');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.getText(), DOC.replace('[^note]', '[^zendesk-2019]').replace('[^NOTE]', '[^zendesk-2019]'));
    // Refused with no change at all (not passed on to the built-in Markdown rename, which would write it).
    const refused = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, inside(doc, '[^7]'), 'two words');
    const written = refused.entries().flatMap(([, edits]) => edits.map((e) => e.newText));
    assert.deepEqual(written, [], 'a label with a space is refused');
  });

  test('the outline lists footnote definitions', async () => {
    const { document: doc } = await markdownEditor(DOC);
    const symbols = await vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation>>('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = symbols.map((s) => s.name);
    for (const name of ['[^7]', '[^2]', '[^NOTE]']) assert.ok(names.includes(name), `outline: ${JSON.stringify(names)}`);
  });

  test('statcite: Renumber Footnotes numbers in reading order as one undoable edit', async () => {
    const editor = await markdownEditor(DOC);
    const doc = editor.document;
    assert.equal(await vscode.commands.executeCommand('statcite.renumberFootnotes'), true);
    assert.equal(doc.getText(), 'One[^1] two[^note] three[^1].\n\n> Quoted[^2].\n\n[^1]: Two.\n\n[^2]: Seven.\n\n[^NOTE]: A named note.\n');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), DOC);
  });
});
