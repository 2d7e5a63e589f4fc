// Serves a real VS Code (browser workbench, Node extension host) with the extension loaded, for a person.
// Builds nothing: point it at an extension folder whose package.json "main" is already built.
//   node scripts/vscode-server/open-for-person.mjs [--extension DIR] [--folder DIR] [--port N]
// Defaults: extension = repo root, folder = a fresh copy of <repo>/examples made for this run (so trying statcite
// never edits tracked files), port = a free one (env: STATCITE_EXTENSION_PATH, STATCITE_FOLDER, STATCITE_VSCODE_PORT).
// --dry-run prints what would be opened and stops. Runs setup.sh first if the server is not cached. Ctrl+C stops
// everything.
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSetup, runSetup, startServer, workbenchUrl } from './server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opts } = parseArgs({
  options: { extension: { type: 'string' }, folder: { type: 'string' }, port: { type: 'string' }, 'dry-run': { type: 'boolean' } },
});
const env = process.env;
const extensionPath = path.resolve(opts.extension ?? env.STATCITE_EXTENSION_PATH ?? repoRoot);
const given = opts.folder ?? env.STATCITE_FOLDER;
const folder = given ? path.resolve(given) : freshExamples();

/** A copy of examples/ in a new temporary folder: what a person types while trying statcite stays out of the repository. */
function freshExamples() {
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'statcite-examples-')), 'examples');
  cpSync(path.join(repoRoot, 'examples'), copy, { recursive: true });
  return copy;
}
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

if (opts['dry-run']) {
  console.log(JSON.stringify({ folder, extensionPath, copied: !given }));
  process.exit(0);
}
if (!given) console.log(`[open] examples/ copied to ${folder} for this run: edit freely, the repository's copy stays as it is.`);

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
