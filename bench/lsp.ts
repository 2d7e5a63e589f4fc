// `npm run bench:lsp [-- --quick]`: completion and hover round-trips through the language server as an editor makes
// them: `statcite lsp --stdio` (dist/, built first) spoken to over stdin/stdout with vscode-jsonrpc. For each index
// (the 98 bundled statistics; 100k generated ones as a workspace *.stats.json), every keystroke of the benchmark's
// queries is typed after the trigger (an incremental didChange, then textDocument/completion, timed together), and
// every footnote reference, definition and cited figure of a generated article is hovered. Writes
// bench/results/lsp-latest.json.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CompletionList, Hover, InitializeResult } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseMarkdown } from '../src/core/markdown/markdown';
import { sentencesOf } from '../src/core/figures/sentences';
import type { LoadedStatistic } from '../src/core/index/indexFile';
import type { StatisticInput } from '../src/core/index/statistic';
import { bundledStatistics } from './datasets';
import { asLoaded, generateRecords } from './generate';
import { generateMarkdown } from './markdownDoc';
import { makeQueries, searchableText, type Query } from './queries';
import { ROOT } from './root';
import { summarize, type Summary } from './stats';

const quick = process.argv.includes('--quick');
const perKind = quick ? 4 : 12;

interface Result {
  readonly name: string;
  readonly statistics: number;
  readonly loadMs: number;
  readonly completion: Summary;
  readonly hover: Summary;
  readonly completionItems: number;
}

/** What one measurement needs, made beforehand so the records can be collected before the timing starts. */
interface Input {
  readonly statistics: number;
  readonly queries: readonly Query[];
  readonly warmup: readonly Query[];
  readonly article: string;
}

function prepare(records: readonly StatisticInput[], loaded: readonly LoadedStatistic[], workspace: string, generated: boolean): Input {
  if (generated) writeFileSync(join(workspace, 'generated.stats.json'), JSON.stringify({ statistics: records }));
  const texts = records.map(searchableText);
  return { statistics: records.length, queries: makeQueries(records, texts, perKind), warmup: makeQueries(records, texts, 2, 8), article: generateMarkdown(quick ? 20_000 : 60_000, loaded).text };
}

async function measure(name: string, workspace: string, input: Input, generated: boolean): Promise<Result> {
  // The client's own heap is small while it measures (the records are garbage by now): its collections would count.
  (globalThis as { gc?: () => void }).gc?.();
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'lsp', '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'inherit'] });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  rpc.onNotification('textDocument/publishDiagnostics', () => undefined);
  rpc.onNotification('window/logMessage', () => undefined);
  rpc.listen();
  try {
    const root = pathToFileURL(workspace).href;
    await rpc.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'bench' }],
      capabilities: {},
      // The 100k file is about 60 MB; validation is off so only the requests measured run.
      initializationOptions: { statcite: { useBundledIndex: !generated, maxDataFileSizeMB: 500, validate: { run: 'off' } } },
    });
    await rpc.sendNotification('initialized', {});

    // Completion: each query typed one character at a time after the trigger on a line of its own.
    const { queries } = input;
    const uri = `${root}/draft.md`;
    let doc = TextDocument.create(uri, 'markdown', 1, 'Johdanto.\n\n@@\n');
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: doc.getText() } });
    const started = Date.now();
    const line = 2;
    const complete = async (character: number) => rpc.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    // The first request waits for the index to load and the search to be built: that is the load time, not a round-trip.
    await complete(2);
    const loadMs = Date.now() - started;
    const type = async (query: string, timed: number[] | undefined) => {
      let items = 0;
      for (let i = 0; i < query.length; i++) {
        const character = 2 + i;
        const change = { range: { start: { line, character }, end: { line, character } }, text: query[i]! };
        doc = TextDocument.update(doc, [change], doc.version + 1);
        const t = performance.now();
        void rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [change] });
        const list = await complete(character + 1);
        timed?.push(performance.now() - t);
        items = list?.items.length ?? 0;
      }
      // Back to the bare trigger for the next query.
      const clear = { range: { start: { line, character: 2 }, end: { line, character: 2 + query.length } }, text: '' };
      doc = TextDocument.update(doc, [clear], doc.version + 1);
      await rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [clear] });
      return items;
    };
    for (const q of input.warmup) await type(q.text, undefined); // warm-up
    const completionMs: number[] = [];
    let completionItems = 0;
    for (const q of queries) completionItems += await type(q.text, completionMs);

    // Hover: every reference, definition label and figure of a generated article citing the index.
    const article = input.article;
    const articleUri = `${root}/article.md`;
    const articleDoc = TextDocument.create(articleUri, 'markdown', 1, article);
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: articleUri, languageId: 'markdown', version: 1, text: article } });
    const md = parseMarkdown(article);
    const spots = [
      ...md.references.map((r) => r.start + 1),
      ...md.definitions.map((d) => d.start + 2),
      ...md.prose.flatMap((b) => sentencesOf(b).flatMap((s) => (s.references.length ? s.figures.map((f) => f.start) : []))),
    ];
    const hover = (offset: number) => rpc.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: articleUri }, position: articleDoc.positionAt(offset) });
    for (const offset of spots.slice(0, 20)) await hover(offset); // warm-up
    const hoverMs: number[] = [];
    for (const offset of spots) {
      const t = performance.now();
      await hover(offset);
      hoverMs.push(performance.now() - t);
    }
    await rpc.sendRequest('shutdown');
    await rpc.sendNotification('exit');
    return { name, statistics: input.statistics, loadMs, completion: summarize(completionMs), hover: summarize(hoverMs), completionItems: Math.round(completionItems / queries.length) };
  } finally {
    rpc.dispose();
    child.kill();
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const loadBefore = loadavg().map((l) => l.toFixed(2)).join(' ');
  const bundledDir = mkdtempSync(join(tmpdir(), 'statcite-bench-lsp-'));
  const bundledInput = (() => {
    const bundled = bundledStatistics().index.statistics;
    return prepare(bundled, bundled, bundledDir, false);
  })();
  const results = [await measure('bundled', bundledDir, bundledInput, false)];
  const bigDir = mkdtempSync(join(tmpdir(), 'statcite-bench-lsp-'));
  const bigInput = (() => {
    const generated = generateRecords(100_000);
    return prepare(generated, asLoaded(generated), bigDir, true);
  })();
  results.push(await measure('100k', bigDir, bigInput, true));
  const fmt = (s: Summary) => `${s.median.toFixed(2)} / ${s.p95.toFixed(2)} / ${s.max.toFixed(2)} ms (n ${s.n})`;
  console.log(`\nLSP round-trips over stdio (median / p95 / max), load average before ${loadBefore}, after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('| index | statistics | first answer (load + search build) | completion after a keystroke | hover |');
  console.log('|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.name} | ${r.statistics} | ${r.loadMs} ms | ${fmt(r.completion)} | ${fmt(r.hover)} |`);
  writeFileSync(join(ROOT, 'bench/results/lsp-latest.json'), JSON.stringify({ date: new Date().toISOString(), command: `npm run bench:lsp${quick ? ' -- --quick' : ''}`, node: process.version, loadBefore, loadAfter: loadavg().map((l) => l.toFixed(2)).join(' '), results }, null, 2) + '\n');
  const big = results.find((r) => r.name === '100k')!;
  if (big.completion.p95 > 10 || big.hover.p95 > 10) console.log(`✘ p95 over 10 ms at 100k (completion ${big.completion.p95.toFixed(2)}, hover ${big.hover.p95.toFixed(2)})`);
}

void main();
