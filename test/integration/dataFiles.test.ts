/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, statcite, waitFor } from './helpers';

const encoder = new TextEncoder();

suite("data files: the writer's own statistics", () => {
  const own = () => fixtureUri('own.stats.json');
  let original: Uint8Array;

  suiteSetup(async () => {
    await statcite();
    original = await vscode.workspace.fs.readFile(own());
  });
  suiteTeardown(async () => {
    await vscode.workspace.fs.writeFile(own(), original);
    await vscode.workspace.fs.delete(fixtureUri('broken.stats.json')).then(undefined, () => undefined);
  });

  test("the workspace's .stats.json merges with the bundled index", async () => {
    const api = await statcite();
    assert.ok(api.store.current.index.get('example-survey-2025-response-time-en'), 'own record loaded');
    assert.ok(api.store.current.index.get('zendesk-2019-purchase-decision-fi'), 'bundled record loaded');
  });

  test('editing the file on disk reloads the index', async () => {
    const api = await statcite();
    const json = JSON.parse(new TextDecoder().decode(original));
    json.statistics.push({ ...json.statistics[0], id: 'example-survey-2025-added-en', value: 17, figure: undefined, quote: '42% of readers expect an answer within an hour.' });
    await vscode.workspace.fs.writeFile(own(), encoder.encode(JSON.stringify(json, null, 2)));
    await waitFor(() => api.store.current.index.get('example-survey-2025-added-en'), 'the new record');
  });

  test('a bad record becomes a diagnostic at that record, and the good ones still load', async () => {
    const api = await statcite();
    const uri = fixtureUri('broken.stats.json');
    const bad = { statistics: [{ id: 'good-one-en', value: 1, unit: '%', quote: 'One.', lang: 'en', en: 'One.', source: null, via: { title: 'T', lang: 'en', document: 'd.md' } }, { id: 'bad-one-en', value: 'lots', unit: '%', quote: 'Q', lang: 'en', en: 'E', source: null, via: { title: 'T', lang: 'en', document: 'd.md' } }] };
    const text = JSON.stringify(bad, null, 2);
    await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
    await waitFor(() => api.store.current.index.get('good-one-en'), 'the good record');
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'invalid-record'), 'a diagnostic in the data file');
    assert.match(diagnostic.message, /bad-one-en/);
    assert.match(diagnostic.message, /\$\.statistics\[1\]\.value/);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.getText(diagnostic.range), '"lots"');
    assert.equal(api.store.current.index.get('bad-one-en'), undefined);
  });
});
