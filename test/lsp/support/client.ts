import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams, Registration, RegistrationParams } from 'vscode-languageserver-protocol';

/** A minimal LSP client over the server's stdin/stdout, built on vscode-jsonrpc (not on the server's own code). */
export interface TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** Every publishDiagnostics the server has sent, in order. */
  readonly published: PublishDiagnosticsParams[];
  /** Every registration the server asked for (client/registerCapability), in order. */
  readonly registrations: Registration[];
  /** Resolves with the first publishDiagnostics for `uri` (sent from now on) that satisfies `accept`. */
  nextDiagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** What the server wrote to stderr. */
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

export function startClient(cli: string, cwd: string, onConfiguration: (section: string | undefined, scopeUri: string | undefined) => unknown = () => null): TestClient {
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string; scopeUri?: string }> }) => params.items.map((i) => onConfiguration(i.section, i.scopeUri)));
  const registrations: Registration[] = [];
  connection.onRequest('client/registerCapability', (params: RegistrationParams) => (registrations.push(...params.registrations), null));
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  return {
    connection,
    process: child,
    published,
    registrations,
    stderr: () => err,
    exited,
    nextDiagnostics(uri, accept = () => true, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
  };
}
