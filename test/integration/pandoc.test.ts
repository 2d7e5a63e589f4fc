/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, fixtureUri, hoverText, markdownEditor, rangeOf, setSetting, statcite, waitFor } from './helpers';

const ZENDESK_JSON = JSON.stringify([{ id: 'zendesk-2019', type: 'document', author: [{ literal: 'Zendesk' }], issued: { 'date-parts': [[2019]] } }], null, 2);

async function writeScratch(name: string, text: string): Promise<vscode.Uri> {
  const uri = fixtureUri(`.scratch/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function readScratch(name: string): Promise<string | undefined> {
  return vscode.workspace.fs.readFile(fixtureUri(`.scratch/${name}`)).then((b) => new TextDecoder().decode(b), () => undefined);
}

/** The text of a file as the editor has it (a workspace edit may leave it open and unsaved). */
async function bibliographyText(name: string): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === fixtureUri(`.scratch/${name}`).toString());
  return open ? open.getText() : readScratch(name);
}

function statciteDiagnostics(doc: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'statcite');
}

suite('Pandoc and Quarto citations', () => {
  suiteSetup(statcite);
  teardown(async () => {
    await setSetting('citationStyle', undefined);
    await closeAll();
  });

  test('in pandoc style, completion inserts the figure with [@key] and creates the bibliography the front matter names', async () => {
    await setSetting('citationStyle', 'pandoc');
    const bib = `refs-${Date.now()}.json`;
    const original = `---\nbibliography: ${bib}\n---\n\nService matters: @@zendesk 84`;
    const editor = await markdownEditor(original);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await waitFor(async () => {
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      return editor.document.getText() !== original;
    }, 'the suggestion to be accepted');
    assert.match(editor.document.getText(), /Service matters: 84% \[@zendesk-2019\]$/);
    const created = await waitFor(() => bibliographyText(bib), 'the bibliography to be created');
    const items = JSON.parse(created) as Array<Record<string, unknown>>;
    assert.deepEqual(items.map((i) => i.id), ['zendesk-2019']);
    assert.deepEqual(items[0]!.author, [{ literal: 'Zendesk' }]);
    // One edit: one undo brings back what was typed.
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  test('a second citation of the same source reuses the entry, under the writer\'s own key', async () => {
    await setSetting('citationStyle', 'pandoc');
    const bib = `own-${Date.now()}.bib`;
    await writeScratch(bib, '@misc{zd19,\n  author = {{Zendesk}},\n  year = {2019}\n}\n');
    const original = `---\nbibliography: ${bib}\n---\n\nAgain: @@zendesk 84`;
    const editor = await markdownEditor(original);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await waitFor(async () => {
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      return editor.document.getText() !== original;
    }, 'the suggestion to be accepted');
    assert.match(editor.document.getText(), /Again: 84% \[@zd19\]$/);
    assert.equal(await bibliographyText(bib), '@misc{zd19,\n  author = {{Zendesk}},\n  year = {2019}\n}\n');
  });

  test('hover on [@key] and on the figure it cites shows the source', async () => {
    const bib = `hover-${Date.now()}.json`;
    await writeScratch(bib, ZENDESK_JSON);
    const editor = await markdownEditor(`---\nbibliography: ${bib}\n---\n\nAsiakkaista 84 % [see @zendesk-2019, p. 3].\n`);
    const doc = editor.document;
    const at = (needle: string) => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, rangeOf(doc, needle).start.translate(0, 1));
    const onKey = hoverText(await at('@zendesk-2019'));
    assert.match(onKey, /Zendesk 2019/);
    assert.match(onKey, /84 prosenttia kuluttajista/);
    assert.match(hoverText(await at('84 %')), /84 prosenttia kuluttajista/);
  });

  test('the rules on [@key]: undefined key, value-mismatch; the quick fix adds the missing entry to the bibliography', async () => {
    const bib = `rules-${Date.now()}.json`;
    await writeScratch(bib, ZENDESK_JSON);
    const editor = await markdownEditor(`---\nbibliography: ${bib}\n---\n\nAsiakkaista 85 % [@zendesk-2019]. Maksaisi enemmän 68 % [@hubspot-2019].\n`);
    const doc = editor.document;
    const diagnostics = await waitFor(() => {
      const found = statciteDiagnostics(doc);
      return found.some((d) => d.code === 'undefined-citation') && found.some((d) => d.code === 'value-mismatch') ? found : undefined;
    }, 'the Pandoc diagnostics');
    const undefinedKey = diagnostics.find((d) => d.code === 'undefined-citation')!;
    assert.equal(doc.getText(undefinedKey.range), '@hubspot-2019');
    assert.equal(doc.getText(diagnostics.find((d) => d.code === 'value-mismatch')!.range), '85 %');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, undefinedKey.range, vscode.CodeActionKind.QuickFix.value);
    const add = actions.find((a) => /Add @hubspot-2019 to the bibliography/.test(a.title));
    assert.ok(add?.edit, 'a fix adding the entry');
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    const after = JSON.parse((await bibliographyText(bib))!) as Array<Record<string, unknown>>;
    assert.deepEqual(after.map((i) => i.id), ['zendesk-2019', 'hubspot-2019']);
    await waitFor(() => !statciteDiagnostics(doc).some((d) => d.code === 'undefined-citation'), 'the undefined citation to go');
  });

  test('a Quarto .qmd file counts as Markdown', async () => {
    const uri = await writeScratch(`doc-${Date.now()}.qmd`, 'Asiakkaista 84 %[^zendesk-2019].\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'markdown');
    await waitFor(() => statciteDiagnostics(doc).some((d) => d.code === 'undefined-footnote'), 'a diagnostic in the .qmd file');
  });
});
