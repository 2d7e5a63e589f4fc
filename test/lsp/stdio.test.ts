import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, Hover, InitializeResult, Location, LocationLink, MarkupContent, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { buildPackage } from './support/build';
import { startClient, type TestClient } from './support/client';

/**
 * The language server as an editor meets it: the shipped bundle started as `statcite lsp --stdio`, spoken to over
 * stdin/stdout by a client made of vscode-jsonrpc, with edits applied by vscode-languageserver-textdocument.
 */

const ZENDESK_NOTE = '[^zendesk-2019]: Zendesk (2019). Lainattu artikkelissa “Asiakaspalvelutilastot”.';
const OWN_RECORD = {
  id: 'own-survey-2025-replies-en',
  value: 42,
  unit: '%',
  figure: '42%',
  quote: '42% of readers expect an answer within an hour.',
  lang: 'en',
  en: '42% of readers expect an answer within an hour.',
  source: { publisher: 'Own Reader Survey', year: 2025 },
  via: { title: 'Own Reader Survey', lang: 'en', document: 'own-notes.md' },
};

let pkg: ReturnType<typeof buildPackage>;
let workspace: string;
const uriOf = (name: string) => pathToFileURL(join(workspace, name)).href;

beforeAll(() => {
  pkg = buildPackage('lsp-stdio');
  workspace = mkdtempSync(join(tmpdir(), 'statcite-lsp-'));
  // A bad record (value is a string): diagnosed in its file, the rest of the index still loads.
  writeFileSync(join(workspace, 'own.stats.json'), JSON.stringify({ statistics: [{ ...OWN_RECORD, value: 'many' }] }, null, 2));
}, 120_000);

afterAll(() => {
  pkg?.remove();
  rmSync(workspace, { recursive: true, force: true });
});

async function initialize(client: TestClient, capabilities: object = {}, initializationOptions: unknown = undefined): Promise<InitializeResult> {
  const result = await client.connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
    capabilities,
    initializationOptions,
  });
  await client.connection.sendNotification('initialized', {});
  return result;
}

function open(client: TestClient, name: string, text: string, version = 1): TextDocument {
  void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'markdown', version, text } });
  return TextDocument.create(uriOf(name), 'markdown', version, text);
}

/** Sends the whole new text as one change, as a simple editor would. */
function change(client: TestClient, doc: TextDocument, text: string): TextDocument {
  const next = TextDocument.create(doc.uri, 'markdown', doc.version + 1, text);
  void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: next.version }, contentChanges: [{ text }] });
  return next;
}

const endOf = (doc: TextDocument, needle: string): Position => doc.positionAt(doc.getText().indexOf(needle) + needle.length);
const inside = (doc: TextDocument, needle: string): Position => doc.positionAt(doc.getText().indexOf(needle) + 2);

async function shutdown(client: TestClient): Promise<void> {
  await client.connection.sendRequest('shutdown');
  await client.connection.sendNotification('exit');
  expect(await client.exited).toBe(0);
  client.connection.dispose();
}

describe('statcite lsp --stdio, spoken to over JSON-RPC', () => {
  it('completes, hovers, diagnoses, fixes and reloads the workspace index, then shuts down cleanly', async () => {
    const severity = { 'unused-footnote': 'error' };
    const sections: Array<string | undefined> = [];
    const client = startClient(pkg.cli, workspace, (section) => (sections.push(section), { severity }));
    const badIndex = client.nextDiagnostics(uriOf('own.stats.json'), (p) => p.diagnostics.length > 0);
    const init = await initialize(client, { workspace: { configuration: true }, textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } } });
    expect(init.serverInfo?.name).toBe('statcite');
    expect(init.capabilities.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining(['@', ' ', '8']));
    expect(init.capabilities.hoverProvider).toBe(true);
    expect(init.capabilities.diagnosticProvider).toBeUndefined();

    // The bad index file is diagnosed at its value.
    const indexProblems = await badIndex;
    expect(indexProblems.diagnostics[0]).toMatchObject({ severity: 1, source: 'statcite', code: 'invalid-record' });
    expect(indexProblems.diagnostics[0]!.message).toContain('$.statistics[0].value');

    // Completion after the trigger, with a typo.
    const firstDiagnostics = client.nextDiagnostics(uriOf('draft.md'));
    let doc = open(client, 'draft.md', 'Asiakkaista @@zendsk pitää palvelua tärkeänä.\n\nToinen kappale käsittelee hintoja.\n');
    expect((await firstDiagnostics).diagnostics).toEqual([]);
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: doc.uri }, position: endOf(doc, '@@zendsk'), context: { triggerKind: 1 } });
    expect(list.isIncomplete).toBe(true);
    expect(list.items.length).toBeGreaterThan(1);
    const chosen = list.items.find((i) => i.label.startsWith('84 %') && i.labelDetails?.description === 'Zendesk 2019')!;
    expect(chosen, list.items.map((i) => `${i.label} | ${i.labelDetails?.description}`).join('\n')).toBeDefined();
    expect((chosen.documentation as MarkupContent).kind).toBe('markdown');
    expect((chosen.documentation as MarkupContent).value).toContain('84 prosenttia kuluttajista');
    const accepted = TextDocument.applyEdits(doc, [chosen.textEdit as TextEdit, ...(chosen.additionalTextEdits ?? [])]);
    expect(accepted).toBe(`Asiakkaista 84 %[^zendesk-2019] pitää palvelua tärkeänä.\n\nToinen kappale käsittelee hintoja.\n\n${ZENDESK_NOTE}\n`);

    // Hover on the inserted reference.
    const clean = client.nextDiagnostics(doc.uri, (p) => p.version === 2);
    doc = change(client, doc, accepted);
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: doc.uri }, position: inside(doc, '[^zendesk-2019]') });
    const hoverText = (hover.contents as MarkupContent).value;
    expect(hoverText).toContain('Zendesk 2019');
    expect(hoverText).toContain('84 prosenttia kuluttajista pitää asiakaspalvelua avaintekijänä');
    expect(hover.range).toEqual({ start: doc.positionAt(doc.getText().indexOf('[^zendesk-2019]')), end: endOf(doc, '[^zendesk-2019]') });
    // Cited now: only the hint that the source is older than statcite.staleAfterYears (5) is left.
    expect((await clean).diagnostics.map((d) => [d.code, d.severity])).toEqual([['stale-statistic', 4]]);

    // Diagnostics with the rule codes, severities from workspace/configuration, and a quick fix.
    const broken = client.nextDiagnostics(doc.uri, (p) => p.version === 3);
    doc = change(client, doc, 'Asiakkaista 84 %[^zendesk-2019] pitää palvelua tärkeänä.\n\n[^unused]: Ei lähde.\n');
    const diagnostics = (await broken).diagnostics;
    const undefinedRef = diagnostics.find((d) => d.code === 'undefined-footnote')!;
    expect(undefinedRef).toMatchObject({ severity: 1, source: 'statcite', range: { start: doc.positionAt(doc.getText().indexOf('[^zendesk')), end: endOf(doc, '[^zendesk-2019]') } });
    // unused-footnote is a warning by default; the client's configuration made it an error, and it is shown faded.
    expect(diagnostics.find((d) => d.code === 'unused-footnote')).toMatchObject({ severity: 1, tags: [1] });
    expect(sections).toContain('statcite');
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: undefinedRef.range, context: { diagnostics: [undefinedRef] } });
    const fix = actions.find((a) => a.kind === 'quickfix')!;
    expect(fix).toMatchObject({ title: 'Add the definition of [^zendesk-2019] from the index', isPreferred: true, diagnostics: [undefinedRef] });
    const fixed = TextDocument.applyEdits(doc, fix.edit!.changes![doc.uri]!);
    expect(fixed).toContain(ZENDESK_NOTE);

    // Fix-all, asked for by kind as on save.
    const all = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: undefinedRef.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(all.map((a) => a.kind)).toEqual(['source.fixAll.statcite']);
    expect(TextDocument.applyEdits(doc, all[0]!.edit!.changes![doc.uri]!)).toContain(ZENDESK_NOTE);

    // The index file is fixed on disk: reloaded on didChangeWatchedFiles, its diagnostics cleared, its record found.
    const cleared = client.nextDiagnostics(uriOf('own.stats.json'), (p) => p.diagnostics.length === 0);
    writeFileSync(join(workspace, 'own.stats.json'), JSON.stringify({ statistics: [OWN_RECORD] }, null, 2));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('own.stats.json'), type: 2 }] });
    await cleared;
    doc = change(client, doc, 'Readers @@own reader survey\n');
    const own = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: doc.uri }, position: endOf(doc, 'survey') });
    expect(own.items[0]?.data).toEqual({ statisticId: 'own-survey-2025-replies-en' });

    await shutdown(client);
  }, 120_000);

  it('takes its settings from initializationOptions, serves pulled diagnostics, and localises to the client locale', async () => {
    const client = startClient(pkg.cli, workspace);
    const init = await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      locale: 'fi',
      rootUri: null,
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
      initializationOptions: { statcite: { trigger: ';;', 'completion.maxResults': 3, insert: 'gloss' } },
    });
    await client.connection.sendNotification('initialized', {});
    expect(init.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false });
    expect(init.capabilities.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining([';']));
    const doc = open(client, 'notes.md', 'Kuluttajista ;;zendesk\n\nTeksti[^puuttuu].\n');
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: doc.uri }, position: endOf(doc, ';;zendesk') });
    expect(list.items).toHaveLength(3);
    expect(list.items.map((i) => (i.textEdit as TextEdit).newText)).toContainEqual(expect.stringMatching(/^84% of consumers .*\[\^zendesk-2019\]\.$/));
    const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: doc.uri } });
    expect(report.kind).toBe('full');
    const items = (report as { items: Diagnostic[] }).items;
    expect(items.map((d) => d.code)).toEqual(['undefined-footnote']);
    // The message in Finnish, from the extension's own translation bundle.
    expect(items[0]!.message).not.toContain('has no definition');
    expect(items[0]!.message).toContain('[^puuttuu]');
    expect(client.published.filter((p) => p.uri === doc.uri)).toEqual([]);
    await shutdown(client);
  }, 60_000);

  it('registers completion with the configured trigger, again when it changes, and watches the index files', async () => {
    let trigger = ';;';
    const client = startClient(pkg.cli, workspace, () => ({ trigger }));
    const init = await initialize(client, {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { completion: { dynamicRegistration: true } },
    });
    // Registered dynamically, not announced statically.
    expect(init.capabilities.completionProvider).toBeUndefined();
    const completionRegistrations = () => client.registrations.filter((r) => r.method === 'textDocument/completion');
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(ok()).toBe(true);
    };
    await until(() => completionRegistrations().length === 1);
    expect(completionRegistrations()[0]!.registerOptions).toMatchObject({ triggerCharacters: expect.arrayContaining([';', ' ']) });
    expect(completionRegistrations()[0]!.registerOptions.triggerCharacters).not.toContain('@');
    expect(client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions).toEqual({ watchers: [{ globPattern: '**/*.stats.json' }] });

    trigger = '%%';
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await until(() => completionRegistrations().length === 2);
    expect(completionRegistrations()[1]!.registerOptions.triggerCharacters).toContain('%');
    const doc = open(client, 'percent.md', 'Asiakkaista %%zendesk\n');
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: doc.uri }, position: endOf(doc, '%%zendesk') });
    expect(list.items.length).toBeGreaterThan(0);
    await shutdown(client);
  }, 60_000);

  it('goes to a footnote definition, finds its calls, renames the label everywhere and lists definitions as symbols', async () => {
    const client = startClient(pkg.cli, workspace);
    const init = await initialize(client);
    expect(init.capabilities).toMatchObject({ definitionProvider: true, referencesProvider: true, renameProvider: { prepareProvider: true } });
    // The second call's label differs in case: GFM folds case, so both call the one definition.
    const text = 'First claim.[^note] Second claim.[^NOTE]\n\nA code span `[^note]` is no call.\n\n[^note]: Zendesk (2019).\n';
    const doc = open(client, 'footnotes.md', text);
    const at = (needle: string, from = 0) => doc.positionAt(text.indexOf(needle, from) + 3);

    const links = await client.connection.sendRequest<LocationLink[]>('textDocument/definition', { textDocument: { uri: doc.uri }, position: at('[^NOTE]') });
    expect(links).toHaveLength(1);
    expect(doc.getText(links[0]!.targetSelectionRange)).toBe('note');
    expect(links[0]!.targetSelectionRange.start.line).toBe(4);

    const refs = await client.connection.sendRequest<Location[]>('textDocument/references', { textDocument: { uri: doc.uri }, position: at('[^note]:'), context: { includeDeclaration: false } });
    expect(refs.map((r) => doc.getText(r.range))).toEqual(['[^note]', '[^NOTE]']);

    const prepared = await client.connection.sendRequest<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: doc.uri }, position: at('[^note]') });
    expect(prepared.placeholder).toBe('note');
    const rename = await client.connection.sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: doc.uri }, position: at('[^note]'), newName: 'zendesk-2019' });
    const renamed = TextDocument.applyEdits(doc, rename.changes![doc.uri]!);
    expect(renamed).toBe('First claim.[^zendesk-2019] Second claim.[^zendesk-2019]\n\nA code span `[^note]` is no call.\n\n[^zendesk-2019]: Zendesk (2019).\n');
    await expect(client.connection.sendRequest('textDocument/rename', { textDocument: { uri: doc.uri }, position: at('[^note]'), newName: 'two words' })).rejects.toThrow(/white space/);

    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: doc.uri } });
    expect(symbols.map((s) => doc.getText(s.selectionRange))).toEqual(['[^note]:']);
    await shutdown(client);
  }, 60_000);

  it('says what is wrong with an unknown option, and exits 2', () => {
    const run = spawnSync(process.execPath, [pkg.cli, 'lsp', '--socket=4000'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('statcite lsp: unknown option "--socket=4000"');
  });
});
