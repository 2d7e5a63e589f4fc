import { join } from 'node:path';
import { runCli } from './main';
import { terminalOutput } from './terminal';

declare const STATCITE_VERSION: string;

const terminal = terminalOutput(process.stdout, process.stderr);
// Bundled to dist/cli.js; the bundled statistics sit in ../data beside it.
runCli(process.argv.slice(2), {
  out: terminal.out,
  err: terminal.err,
  cwd: process.cwd(),
  dataDir: join(__dirname, '..', 'data'),
  version: typeof STATCITE_VERSION === 'string' ? STATCITE_VERSION : 'dev',
}).then((code) => {
  process.exitCode = terminal.exitCode(code);
});
