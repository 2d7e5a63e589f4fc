import { join } from 'node:path';
import { runCli } from './main';

declare const STATCITE_VERSION: string;

// Bundled to dist/cli.js; the bundled statistics sit in ../data beside it.
runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  cwd: process.cwd(),
  dataDir: join(__dirname, '..', 'data'),
  version: typeof STATCITE_VERSION === 'string' ? STATCITE_VERSION : 'dev',
}).then((code) => {
  process.exitCode = code;
});
