/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, fixtureUri, markdownEditor, setSetting, statcite, waitFor } from './helpers';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'statcite');
}

function at(doc: vscode.TextDocument, code: string): string[] {
  return ours(doc.uri).filter((d) => d.code === code).map((d) => doc.getText(d.range));
}

async function validated(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('statcite.validate');
  await waitFor(() => ours(doc.uri).length > 0, 'diagnostics');
  return doc;
}

suite('validation: every rule, at the right place', () => {
  suiteSetup(statcite);
  teardown(closeAll);

  test('the validate command fills the Problems panel with each rule code', async () => {
    const doc = await validated('citations.md');
    assert.deepEqual(at(doc, 'undefined-footnote'), ['[^hubspot-2019]']);
    assert.deepEqual(at(doc, 'duplicate-footnote'), ['[^dup]:']);
    assert.deepEqual(at(doc, 'unused-footnote'), ['[^orphan]:']);
    assert.deepEqual(at(doc, 'value-mismatch'), ['57%']);
    assert.deepEqual(at(doc, 'uncited-statistic'), ['76%']);
    assert.deepEqual(at(doc, 'unknown-source').sort(), ['[^dup]:', '[^orphan]:'].sort());
    assert.deepEqual(at(doc, 'secondary-source'), ['[^tilastot]:']);
    assert.deepEqual(at(doc, 'stale-statistic'), ['[^zendesk-2019]:']);
    const mismatch = ours(doc.uri).find((d) => d.code === 'value-mismatch');
    assert.match(String(mismatch?.message), /never reports 57%.*56%/);
    assert.equal(mismatch?.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('the validate command says what it found, counting what the Problems panel lists and the hints apart', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('citations.md'));
    await vscode.window.showTextDocument(doc);
    const summary = await vscode.commands.executeCommand<{ problems: number; errors: number; hints: number; message: string }>('statcite.validate');
    const diagnostics = await waitFor(() => (ours(doc.uri).length ? ours(doc.uri) : undefined), 'diagnostics');
    // The Problems panel lists errors, warnings and information; hints show only as dots in the editor.
    const listed = diagnostics.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).length;
    const hints = diagnostics.length - listed;
    assert.ok(hints > 0, 'the fixture has a hint (stale-statistic)');
    assert.equal(summary.problems, listed);
    assert.equal(summary.hints, hints);
    assert.equal(summary.errors, diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length);
    assert.match(summary.message, new RegExp(`^statcite: ${listed} citation problem\\(s\\), ${summary.errors} of them error\\(s\\)\\. ${hints} hint\\(s\\) are shown in the editor only\\.$`));
  });

  test('a missing definition is an error with a quick fix that adds it', async () => {
    const { document: doc } = await markdownEditor('Nine in ten stop buying.[^hubspot-2019]\n');
    await vscode.commands.executeCommand('statcite.validate');
    const diagnostic = await waitFor(() => ours(doc.uri).find((d) => d.code === 'undefined-footnote'), 'undefined-footnote');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(diagnostic.range), '[^hubspot-2019]');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
    const fix = actions.find((a) => /Add the definition/.test(a.title));
    assert.ok(fix?.edit, 'a fix that adds the definition');
    await vscode.workspace.applyEdit(fix.edit);
    assert.match(doc.getText(), /\n\n\[\^hubspot-2019\]: HubSpot \(2019\)\./);
    await vscode.commands.executeCommand('statcite.validate');
    assert.equal(ours(doc.uri).filter((d) => d.code === 'undefined-footnote').length, 0);
  });

  test('each quick fix is offered and fixes its problem', async () => {
    const text = [
      'Phone systems annoy 57% of consumers.[^zendesk-2019]',
      '',
      'Over three quarters (76%) of consumers prefer to reach customer service by phone.',
      '',
      '[^zendesk-2019]: Zendesk (2019).',
      '[^orphan]: Nobody cites this.',
      '',
    ].join('\n');
    const { document: doc } = await markdownEditor(text);
    for (const [code, title] of [['value-mismatch', /Replace 57%/], ['uncited-statistic', /Cite CFI Group 2019/], ['unused-footnote', /Remove the unused definition/]] as const) {
      await vscode.commands.executeCommand('statcite.validate');
      const diagnostic = await waitFor(() => ours(doc.uri).find((d) => d.code === code), code);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
      const fix = actions.find((a) => title.test(a.title));
      assert.ok(fix?.edit, `a quick fix for ${code}`);
      await vscode.workspace.applyEdit(fix.edit);
      await vscode.commands.executeCommand('statcite.validate');
      assert.equal(ours(doc.uri).filter((d) => d.code === code).length, 0, `${code} is fixed`);
    }
    assert.match(doc.getText(), /annoy 56% of consumers/);
    assert.match(doc.getText(), /\(76%\[\^cfi-group-2019\]\)/);
    assert.doesNotMatch(doc.getText(), /orphan/);
  });

  test('source.fixAll.statcite adds every missing definition in one edit', async () => {
    const { document: doc } = await markdownEditor('A[^hubspot-2019] and B[^zendesk-2019].\n');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.statcite');
    assert.equal(actions.length, 1);
    await vscode.workspace.applyEdit(actions[0]!.edit!);
    assert.match(doc.getText(), /\[\^hubspot-2019\]: HubSpot/);
    assert.match(doc.getText(), /\[\^zendesk-2019\]: Zendesk/);
  });

  test('severity settings take effect', async () => {
    await setSetting('severity', { 'value-mismatch': 'error', 'stale-statistic': 'ignore' });
    try {
      const doc = await validated('citations.md');
      await waitFor(() => ours(doc.uri).find((d) => d.code === 'value-mismatch')?.severity === vscode.DiagnosticSeverity.Error, 'value-mismatch as an error');
      assert.equal(at(doc, 'stale-statistic').length, 0);
    } finally {
      await setSetting('severity', undefined);
    }
  });

  test('live validation follows edits made while it runs, ending on the final text', async () => {
    const editor = await markdownEditor('Start.\n');
    const doc = editor.document;
    for (let i = 0; i < 20; i++) {
      await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), `Line ${i} cites[^n${i}].\n`));
    }
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), 'Only this[^last].\n'));
    const final = await waitFor(() => {
      const d = ours(doc.uri);
      return d.length === 1 && d[0]!.code === 'undefined-footnote' && doc.getText(d[0]!.range) === '[^last]' ? d : undefined;
    }, 'diagnostics of the final text');
    assert.equal(final.length, 1);
  });
});
