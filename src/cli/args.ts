/** A usage error: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

export interface CheckArgs {
  readonly command: 'check';
  readonly paths: string[];
  readonly format: 'text' | 'json';
  readonly data: string[];
  readonly bundled: boolean;
  /** Index files larger than this are skipped with a message, not read (the editor's statcite.maxDataFileSizeMB). */
  readonly maxDataSizeMB: number;
}

export interface SearchArgs {
  readonly command: 'search';
  readonly query: string;
  readonly lang?: string;
  readonly limit: number;
  readonly format: 'text' | 'json';
  readonly data: string[];
  readonly bundled: boolean;
  readonly maxDataSizeMB: number;
}

export type CliArgs = CheckArgs | SearchArgs | { readonly command: 'help' } | { readonly command: 'version' };

export const USAGE = `Usage:
  statcite check [files, directories or globs…] [--format text|json] [--data FILE]… [--no-bundled] [--max-data-size MB]
  statcite search QUERY [--lang xx] [--limit N] [--format text|json] [--data FILE]… [--no-bundled] [--max-data-size MB]
  statcite lsp [--stdio]

check   validates the citations in Markdown files (*.md, *.markdown). A directory is walked, honouring .gitignore
        and skipping node_modules; the *.stats.json files in it join the index, as in the editor. Without a path,
        the current directory. A file the walk cannot read is reported as an error on its path.
        Exit code 1 when an error-severity problem is found, 0 otherwise, 2 on bad usage or an unreadable file named.
search  prints matching statistics, best first.
lsp     runs the language server for Markdown over stdin/stdout (see the README for each editor).
--lang  (search) the language of your document, e.g. fi, zh, lv, et, ru, en: statistics quoted in it rank first
        when they match as well as others.
--limit  (search) how many statistics to print (default 10).
--format  text (one line per problem or statistic, the default) or json.
--data  adds an index file (*.stats.json) to the bundled statistics; repeatable.
        A record that cannot be used is reported and skipped; so is a file that cannot (too large, binary, not a file).
--no-bundled  leaves out the bundled statistics.
--max-data-size  skips index files larger than this many MB without reading them (default 20).
--      ends the options: what follows is a path or the query, even if it starts with "-".`;

/** Parses the command line; throws UsageError with a clear message on anything it does not understand. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'check' && command !== 'search') throw new UsageError(`Unknown command "${command}". Use "check", "search" or "lsp".`);
  const positional: string[] = [];
  const data: string[] = [];
  let format: 'text' | 'json' = 'text';
  let lang: string | undefined;
  let limit = 10;
  let bundled = true;
  let maxDataSizeMB = 20;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be "text" or "json", not "${v}".`);
        format = v;
        break;
      }
      case '--data':
        data.push(value());
        break;
      case '--no-bundled':
        bundled = false;
        break;
      case '--max-data-size': {
        const v = value();
        maxDataSizeMB = Number(v);
        if (!Number.isFinite(maxDataSizeMB) || maxDataSizeMB <= 0) throw new UsageError(`--max-data-size must be a positive number of megabytes, not "${v}".`);
        break;
      }
      case '--lang':
        if (command !== 'search') throw new UsageError('--lang is an option of "search".');
        lang = value();
        break;
      case '--limit': {
        if (command !== 'search') throw new UsageError('--limit is an option of "search".');
        const v = value();
        limit = Number(v);
        if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number, not "${v}".`);
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option "${arg}".`);
        positional.push(arg);
    }
  }
  if (command === 'search') {
    if (positional.length === 0) throw new UsageError('search needs a QUERY.');
    if (!positional.join(' ').trim()) throw new UsageError('search needs a QUERY; the one given is empty.');
    return { command, query: positional.join(' '), ...(lang ? { lang } : {}), limit, format, data, bundled, maxDataSizeMB };
  }
  return { command, paths: positional.length ? positional : ['.'], format, data, bundled, maxDataSizeMB };
}
