import { join } from 'node:path';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';

declare const STATCITE_VERSION: string;

export const LSP_USAGE = `Usage: statcite lsp [--stdio]

Starts the statcite language server for Markdown documents, speaking LSP over stdin and stdout.`;

/**
 * `statcite lsp [--stdio]`: the language server over stdin/stdout (the only transport; `--stdio` is accepted because
 * editors pass it). Bundled to dist/lsp.js; the bundled statistics and translations sit beside dist/ in data/ and
 * l10n/. Returns an exit code for bad usage; otherwise the server runs until the client sends `exit`.
 */
export function runLanguageServer(argv: readonly string[], dir: string = __dirname): number | undefined {
  const unknown = argv.filter((a) => a !== '--stdio' && !a.startsWith('--clientProcessId'));
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(`${LSP_USAGE}\n`), 0;
  if (unknown.length) {
    process.stderr.write(`statcite lsp: unknown option "${unknown[0]}" (only --stdio: the server speaks LSP over stdin and stdout).\n\n${LSP_USAGE}\n`);
    return 2;
  }
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  const root = join(dir, '..');
  startServer(connection, {
    version: typeof STATCITE_VERSION === 'string' ? STATCITE_VERSION : 'dev',
    bundled: { prevalidated: join(dir, 'bundled-index.json'), dataDir: join(root, 'data') },
    l10nDir: join(root, 'l10n'),
  });
  connection.listen();
  return undefined;
}
