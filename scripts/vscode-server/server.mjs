// Starts the real VS Code server (from code-server, set up by setup.sh) on 127.0.0.1 for tests and manual use.
//   import { startServer, onShutdown } from './server.mjs';
//   const { url, port, stop } = await startServer({ timeoutMs, verbose, extraArgs });
// Env: STATCITE_VSCODE_CACHE (as setup.sh), STATCITE_VSCODE_VERBOSE=1 (echo the server's output).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const setupScript = path.join(here, 'setup.sh');
export const cacheDir = () =>
  process.env.STATCITE_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'statcite-vscode');

/** Runs setup.sh (a quick no-op once cached); throws if it fails. */
export function runSetup({ chromium = true } = {}) {
  const env = chromium ? process.env : { ...process.env, STATCITE_SKIP_CHROMIUM: '1' };
  const r = spawnSync('bash', [setupScript], { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0) throw new Error(`setup failed (${setupScript} exited ${r.status ?? r.signal})`);
}

/** Paths written by setup.sh. */
export function readSetup() {
  const file = path.join(cacheDir(), 'current.json');
  const setup = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  if (!setup || !existsSync(setup.nodeBin) || !existsSync(setup.serverMain)) {
    throw new Error(`VS Code server is not set up in ${cacheDir()}: run bash ${setupScript}`);
  }
  return setup;
}

/**
 * The workbench URL for a server: folder plus the payload the browser workbench reads
 * (the server itself ignores --extensionDevelopmentPath). Paths are on the server's disk.
 */
export function workbenchUrl(serverUrl, { folder, extensionPath, testsPath }) {
  const payload = [['extensionDevelopmentPath', `vscode-remote://remote${extensionPath}`]];
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://remote${testsPath}`]);
  payload.push(['skipWelcome', 'true']);
  return `${serverUrl}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

// --- cleanup on every way out -------------------------------------------------
const live = new Set(); // servers not stopped yet
const cleanups = new Set(); // extra async cleanups (e.g. closing a browser)
let shuttingDown = false;

/** Registers an async cleanup run before exit on a signal or an uncaught error. Returns an unregister function. */
export function onShutdown(fn) {
  installHandlers();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Runs every cleanup, stops every server, then exits with `code`. */
export async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  await Promise.allSettled([...cleanups].map((fn) => fn()));
  await Promise.allSettled([...live].map((s) => s.stop()));
  process.exit(code);
}

let installed = false;
function installHandlers() {
  if (installed) return;
  installed = true;
  // Last resort, synchronous: whatever path leads to exit, no server outlives us.
  process.on('exit', () => {
    for (const s of live) s.killNow();
  });
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, () => {
      if (shuttingDown) process.exit(code); // second signal: the exit hook kills what is left
      console.error(`\n[vscode-server] ${sig}: stopping everything`);
      void shutdown(code);
    });
  }
  process.on('uncaughtException', (err) => {
    console.error('[vscode-server] uncaught error:', err);
    void shutdown(1);
  });
  process.on('unhandledRejection', (err) => {
    console.error('[vscode-server] unhandled rejection:', err);
    void shutdown(1);
  });
}

const groupAlive = (pgid) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
};

/**
 * Starts the server with fresh data dirs and a scratch TMPDIR (its sockets go there).
 * Resolves to { url, port, pid, stop(), exited } once it prints "Extension host agent listening on <port>".
 */
export async function startServer({ port = 0, timeoutMs = 60_000, verbose = !!process.env.STATCITE_VSCODE_VERBOSE, extraArgs = [] } = {}) {
  installHandlers();
  const { nodeBin, serverMain } = readSetup();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'statcite-vscode-'));
  const dir = (name) => {
    const d = path.join(scratch, name);
    mkdirSync(d);
    return d;
  };
  const tmp = dir('tmp');
  const args = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port), // 0: the OS picks a free port, which the ready line reports (no race)
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--server-data-dir', dir('server-data'),
    '--user-data-dir', dir('user-data'),
    '--extensions-dir', dir('extensions'),
    ...extraArgs,
  ];
  // detached: own process group, so stop() reaches the extension host and every other child too.
  const child = spawn(nodeBin, args, {
    cwd: scratch,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: tmp, NODE_OPTIONS: '' },
  });
  const pgid = child.pid;
  let exited = false;
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));

  const removeScratch = () => {
    try { rmSync(scratch, { recursive: true, force: true, maxRetries: 5 }); } catch { /* best effort */ }
  };
  const killNow = () => {
    live.delete(server);
    try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ }
    removeScratch();
  };
  let stopping;
  const stop = () => (stopping ??= (async () => {
    live.delete(server);
    try { process.kill(-pgid, 'SIGTERM'); } catch { /* already gone */ }
    // Poll the group itself: children may outlive the leader.
    const deadline = Date.now() + 5000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (groupAlive(pgid)) try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
    if (!exited) await exitPromise;
    removeScratch();
  })());
  const server = { stop, killNow, pid: pgid, scratch };
  live.add(server);

  const tail = [];
  const ready = new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk) => {
      buffered += chunk;
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (verbose) console.log(`[vscode-server] ${line}`);
        tail.push(line);
        if (tail.length > 40) tail.shift();
        const m = /Extension host agent listening on (\d+)/.exec(line);
        if (m) resolve(Number(m[1]));
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('error', reject);
    exitPromise.then(({ code, signal }) => reject(new Error(`VS Code server exited (${code ?? signal}) before it was ready`)));
  });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`VS Code server not ready after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const actualPort = await Promise.race([ready, timeout]);
    // exited: resolves when the server process ends; expected is false if it died on its own.
    const exited = exitPromise.then((r) => ({ ...r, expected: stopping !== undefined }));
    return { url: `http://127.0.0.1:${actualPort}/`, port: actualPort, stop, pid: pgid, exited };
  } catch (err) {
    await stop();
    err.message += `\n--- last server output ---\n${tail.join('\n')}`;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
