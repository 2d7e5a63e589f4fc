// Serves a real VS Code (browser workbench, Node extension host) with the extension loaded, for a person.
// Builds nothing: point it at an extension folder whose package.json "main" is already built.
//   node scripts/vscode-server/open-for-person.mjs [--extension DIR] [--folder DIR] [--port N]
// Defaults: extension = repo root, folder = <repo>/examples, port = a free one (env: STATCITE_EXTENSION_PATH,
// STATCITE_FOLDER, STATCITE_VSCODE_PORT). Runs setup.sh first if the server is not cached. Ctrl+C stops everything.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSetup, runSetup, startServer, workbenchUrl } from './server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opts } = parseArgs({
  options: { extension: { type: 'string' }, folder: { type: 'string' }, port: { type: 'string' } },
});
const env = process.env;
const extensionPath = path.resolve(opts.extension ?? env.STATCITE_EXTENSION_PATH ?? repoRoot);
const folder = path.resolve(opts.folder ?? env.STATCITE_FOLDER ?? path.join(repoRoot, 'examples'));
const port = Number(opts.port ?? env.STATCITE_VSCODE_PORT ?? 0);

function fail(msg) {
  console.error(`[open] ERROR: ${msg}`);
  process.exit(1);
}

const manifestPath = path.join(extensionPath, 'package.json');
if (!existsSync(manifestPath)) fail(`no extension at ${extensionPath} (no package.json); pass --extension DIR`);
if (!existsSync(folder)) fail(`folder to open not found: ${folder}; pass --folder DIR`);
if (!Number.isInteger(port) || port < 0) fail(`bad port: ${opts.port ?? env.STATCITE_VSCODE_PORT}`);
const { main } = JSON.parse(readFileSync(manifestPath, 'utf8'));
if (main && !existsSync(path.resolve(extensionPath, main)) && !existsSync(path.resolve(extensionPath, `${main}.js`))) {
  console.warn(`[open] WARNING: ${main} is not built in ${extensionPath}: the extension will fail to activate (npm run build)`);
}

try {
  readSetup();
} catch {
  runSetup({ chromium: false }); // a person brings their own browser
}

// The server ignores --extensionDevelopmentPath ("not supported for server"): the browser
// workbench takes it from the URL payload. --default-folder only helps a bare URL.
const server = await startServer({ port, extraArgs: ['--default-folder', folder] });
const url = workbenchUrl(server.url, { folder, extensionPath });
console.log(`[open] VS Code server (code-server ${readSetup().codeServer}) is up; extension: ${extensionPath}`);
console.log(`[open] Open this URL in a browser (the host is 127.0.0.1: forward the port if you are remote):\n\n${url}\n`);
console.log('[open] Ctrl+C to stop.');
// Stays up (the server's pipes keep the event loop alive) until Ctrl+C/SIGTERM, which run server.mjs's cleanup.
const { code, signal, expected } = await server.exited;
if (!expected) fail(`the VS Code server stopped on its own (${code ?? signal}); rerun with STATCITE_VSCODE_VERBOSE=1`);
