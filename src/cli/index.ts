import { join } from 'node:path';
import { runCli } from './main';
import { terminalOutput } from './terminal';

declare const STATCITE_VERSION: string;

const argv = process.argv.slice(2);
if (argv[0] === 'lsp') {
  // The language server is bundled on its own (dist/lsp.js, beside this file) and loaded only for this command.
  const lsp = require(join(__dirname, 'lsp.js')) as { runLanguageServer(argv: readonly string[]): number | undefined };
  const code = lsp.runLanguageServer(argv.slice(1));
  if (code !== undefined) process.exitCode = code;
} else {
  const terminal = terminalOutput(process.stdout, process.stderr);
  // Bundled to dist/cli.js; the bundled statistics sit in ../data beside it.
  void runCli(argv, {
    out: terminal.out,
    err: terminal.err,
    cwd: process.cwd(),
    dataDir: join(__dirname, '..', 'data'),
    version: typeof STATCITE_VERSION === 'string' ? STATCITE_VERSION : 'dev',
  }).then((code) => {
    process.exitCode = terminal.exitCode(code);
  });
}
