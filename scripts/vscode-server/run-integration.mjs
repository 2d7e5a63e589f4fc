// Runs the integration suite in a real VS Code extension host: the VS Code server (setup.sh) opened
// in headless Debian Chromium, with the tests passed in the URL payload.
//   node scripts/vscode-server/run-integration.mjs [--extension DIR] [--tests FILE] [--workspace DIR] [--timeout MS]
// Env (same meaning, CLI wins): STATCITE_EXTENSION_PATH (default: repo root),
//   STATCITE_TESTS_PATH (default: <repo>/out/test/integration/index.js),
//   STATCITE_WORKSPACE (default: test/fixtures/workspace), STATCITE_INTEGRATION_TIMEOUT_MS (default: 600000),
//   STATCITE_VSCODE_LOGS_DIR (write the workbench's logs there), STATCITE_VSCODE_VERBOSE=1.
// Exit code: the one the extension host reports (0 = all passed), 1 on timeout or harness failure.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { onShutdown, runSetup, shutdown, startServer, workbenchUrl } from './server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const say = (msg) => console.log(`[run-integration] ${msg}`);

// As in the shared note: without the networking flags Chromium keeps trying hosts this machine can't reach.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

async function main() {
  const { values: opts } = parseArgs({
    options: { extension: { type: 'string' }, tests: { type: 'string' }, workspace: { type: 'string' }, timeout: { type: 'string' } },
  });
  const env = process.env;
  const extensionPath = path.resolve(opts.extension ?? env.STATCITE_EXTENSION_PATH ?? repoRoot);
  const testsPath = path.resolve(opts.tests ?? env.STATCITE_TESTS_PATH ?? path.join(repoRoot, 'out/test/integration/index.js'));
  const workspace = path.resolve(opts.workspace ?? env.STATCITE_WORKSPACE ?? path.join(repoRoot, 'test/fixtures/workspace'));
  const timeoutMs = Number(opts.timeout ?? env.STATCITE_INTEGRATION_TIMEOUT_MS ?? 600_000);
  if (!(timeoutMs > 0)) throw new Error(`bad timeout: ${opts.timeout ?? env.STATCITE_INTEGRATION_TIMEOUT_MS}`);
  for (const [what, p] of [['extension', path.join(extensionPath, 'package.json')], ['tests', testsPath], ['workspace', workspace]]) {
    if (!existsSync(p)) throw new Error(`${what} not found: ${p}${what === 'tests' ? ' (build it: node scripts/build-integration-tests.mjs)' : ''}`);
  }
  const timer = setTimeout(() => {
    console.error(`[run-integration] TIMEOUT: the extension host reported no result within ${timeoutMs} ms (STATCITE_INTEGRATION_TIMEOUT_MS)`);
    void shutdown(1);
  }, timeoutMs);

  const t0 = Date.now();
  runSetup();
  const server = await startServer();
  say(`VS Code server at ${server.url} (${Date.now() - t0} ms)`);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  onShutdown(() => browser.close());

  const page = await browser.newPage();
  let reportExit;
  const exitCode = new Promise((resolve) => (reportExit = resolve));
  await page.exposeFunction('codeAutomationLog', (_level, args) => {
    console.log(Array.isArray(args) ? format(...args) : format(args));
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    if (env.STATCITE_VSCODE_LOGS_DIR && Array.isArray(logs)) {
      for (const { relativePath, contents } of logs) {
        const file = path.join(env.STATCITE_VSCODE_LOGS_DIR, relativePath);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, contents);
      }
    }
    reportExit(code);
  });
  page.on('crash', () => {
    console.error('[run-integration] the workbench page crashed');
    reportExit(1);
  });

  const url = workbenchUrl(server.url, { folder: workspace, extensionPath, testsPath });
  say(`extension ${extensionPath}\n[run-integration] tests ${testsPath}\n[run-integration] workspace ${workspace}`);
  await page.goto(url);
  const code = Number(await exitCode);
  clearTimeout(timer);
  say(`extension host exited with ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await browser.close();
  await server.stop();
  process.exit(Number.isInteger(code) ? code : 1);
}

main().catch((err) => {
  console.error(`[run-integration] FAILED: ${err.stack ?? err}`);
  void shutdown(1);
});
