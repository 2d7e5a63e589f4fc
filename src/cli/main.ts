import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ParsedIndexFile } from '../core/index/indexFile';
import { LineIndex } from '../core/markdown/lineIndex';
import { createStatcite } from '../core/statcite';
import { validateCitations } from '../core/citations/validate';
import { parseArgs, UsageError, USAGE, type CheckArgs, type SearchArgs } from './args';
import { expandPaths, findDataFiles, InputError, readIndexFile, readText } from './files';
import { isSubcommand, runSubcommand, SUBCOMMAND_USAGE } from './subcommands';
import { pandocValidationOptions } from './bibliographyFiles';

interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
  /** Folder of the bundled `*.stats.json` files. */
  readonly dataDir: string;
  readonly version: string;
}

/**
 * Control characters are shown, never sent: text from data files and file names reaches a terminal, where ESC starts
 * an escape sequence (clear the screen, retitle the window, a hidden link), a line break would forge an output line
 * and a bidirectional control would reorder what follows. Each is written as `\uXXXX`; a tab stays.
 */
export function visible(line: string): string {
  return line.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes text of our own making line by line (the usage, JSON, whose strings hold no raw line break). */
function lines(write: (line: string) => void, text: string): void {
  for (const line of text.split('\n')) write(line);
}

/** Runs the CLI; returns the exit code (0 clean, 1 error-severity problems, 2 bad usage or unreadable input). */
export async function runCli(argv: readonly string[], terminal: Io): Promise<number> {
  const io: Io = { ...terminal, out: (line) => terminal.out(visible(line)), err: (line) => terminal.err(visible(line)) };
  try {
    if (isSubcommand(argv[0])) return await runSubcommand(argv, io);
    const args = parseArgs(argv);
    if (args.command === 'help') return lines(io.out, USAGE + SUBCOMMAND_USAGE), 0;
    if (args.command === 'version') return io.out(io.version), 0;
    return args.command === 'check' ? await check(args, io) : search(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      lines(io.err, `statcite: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`statcite: ${e.message}`);
      return 2;
    }
    io.err(`statcite: unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

function loadIndex(args: CheckArgs | SearchArgs, io: Io, found: readonly string[] = []) {
  // An index file named with --data must exist; one that exists but cannot be used is reported and skipped, like a
  // bad record, so the rest still loads.
  for (const file of args.data) if (!existsSync(resolve(io.cwd, file))) throw new InputError(`${file}: no such file (--data).`);
  const maxBytes = args.maxDataSizeMB * 1024 * 1024;
  const files: ParsedIndexFile[] = [];
  // Each real file is read once: the bundled index found again by a walk (`check` in statcite's own folder), or named
  // twice, would report every one of its ids as a duplicate.
  const read = new Set<string>();
  const once = (file: string, shown: string) => {
    const real = realpathOr(file);
    if (read.has(real)) return;
    read.add(real);
    files.push(readIndexFile(file, shown, maxBytes));
  };
  if (args.bundled) {
    for (const name of readdirSync(io.dataDir).filter((f) => f.endsWith('.stats.json')).sort()) once(join(io.dataDir, name), name);
  }
  for (const file of args.data) once(resolve(io.cwd, file), file);
  for (const file of found) once(file, relative(io.cwd, file) || file);
  const statcite = createStatcite(files);
  for (const p of statcite.index.problems) io.err(`${p.file}: ${p.path}: ${p.message}`);
  return statcite;
}

async function check(args: CheckArgs, io: Io): Promise<number> {
  const { files, problems } = await expandPaths(args.paths, io.cwd);
  const statcite = loadIndex(args, io, await findDataFiles(args.paths, io.cwd));
  const diagnostics: Array<Record<string, string | number>> = [];
  let errors = 0;
  // What a walk could not use is an error on its path, and the check goes on.
  const unusable = (file: string, message: string) => {
    errors++;
    diagnostics.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'unreadable-file', message });
  };
  for (const p of problems) unusable(p.path, p.message);
  const named = new Set(args.paths.map((p) => resolve(io.cwd, p)));
  for (const file of files) {
    const shown = relative(io.cwd, file) || file;
    let text: string;
    try {
      text = readText(file, shown);
    } catch (e) {
      // A file named on the command line that cannot be read is bad input (exit 2); one found by a walk is a problem.
      if (!(e instanceof InputError) || named.has(file)) throw e;
      unusable(shown, e.message.slice(shown.length + 2));
      continue;
    }
    const lines = new LineIndex(text);
    for (const issue of validateCitations(text, statcite.validation, pandocValidationOptions(file, text, (m) => io.err(`${shown}: ${m}`)))) {
      const start = lines.positionAt(issue.start);
      const end = lines.positionAt(issue.end);
      if (issue.severity === 'error') errors++;
      diagnostics.push({ file: shown, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: issue.severity, code: issue.code, message: issue.message });
    }
  }
  if (args.format === 'json') lines(io.out, jsonText({ files: files.length, diagnostics }));
  else {
    for (const d of diagnostics) io.out(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`);
    io.out(`${files.length} file(s) checked: ${diagnostics.length} problem(s), ${errors} error(s).`);
  }
  return errors ? 1 : 0;
}

function search(args: SearchArgs, io: Io): number {
  const statcite = loadIndex(args, io);
  if (args.lang) {
    const known = [...new Set(['en', ...statcite.index.statistics.map((s) => s.lang.toLowerCase().split('-')[0]!)])].sort();
    if (!known.includes(args.lang.toLowerCase().split('-')[0]!)) throw new UsageError(`--lang "${args.lang}" is not a language of the index (${known.join(', ')}).`);
  }
  const { hits } = statcite.search.search(args.query, { ...(args.lang ? { lang: args.lang } : {}), limit: args.limit });
  if (args.format === 'json') {
    const matches = hits.map(({ statistic: s, score }) => ({ id: s.id, value: s.value, ...(s.valueMax !== undefined ? { valueMax: s.valueMax } : {}), unit: s.unit, quote: s.quote, lang: s.lang, en: s.en, source: s.source, via: s.via, score: Math.round(score * 1000) / 1000 }));
    lines(io.out, jsonText({ query: args.query, matches }));
  } else {
    for (const { statistic: s, score } of hits) io.out(`${s.id}  ${s.value}${s.valueMax !== undefined ? `–${s.valueMax}` : ''} ${s.unit}  ${s.en}  (${s.source ? s.source.publisher : 'no publisher'}; score ${score.toFixed(2)})`);
    if (!hits.length) io.out('No statistic matches.');
  }
  return 0;
}

/**
 * JSON output, pretty-printed, with line and paragraph separators and bidirectional controls written as escapes: the
 * same JSON to a parser, and nothing that reorders a terminal's lines (JSON.stringify escapes the other controls).
 */
function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
