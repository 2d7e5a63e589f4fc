import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { walk, type Walked, type WalkProblem } from './walk';
import { parseIndexBytes, type ParsedIndexFile } from '../core/index/indexFile';

/** A file the CLI could not use: printed as a clear message, exit code 2 (an index file is skipped instead). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

const MARKDOWN = /\.(?:md|markdown|qmd)$/i;
const isMarkdown = (name: string) => MARKDOWN.test(name);
const isDataFile = (name: string) => name.endsWith('.stats.json');

/**
 * Expands the paths given on the command line into Markdown files: files as they are (a file that is not Markdown is
 * refused), directories walked for *.md, *.markdown and Quarto's *.qmd (honouring .gitignore files found on the way;
 * what the walk cannot use is a problem on its path), globs expanded. Each real file comes once, however it was reached.
 */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<Walked> {
  return expand(paths, cwd, isMarkdown, true);
}

/** The writer's own index files (`*.stats.json`) inside the directories given, as the editor finds them in a workspace. */
export async function findDataFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const dirs = paths.filter((p) => !isDynamicPattern(p) && isDirectory(resolve(cwd, p)));
  return (await expand(dirs, cwd, isDataFile, false)).files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function expand(paths: readonly string[], cwd: string, wanted: (name: string) => boolean, strict: boolean): Promise<Walked> {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const seen = new Set<string>();
  const shown = (path: string) => relative(cwd, path) || path;
  const add = (file: string) => {
    const real = realpathOr(file);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(file);
  };
  for (const p of paths) {
    if (isDynamicPattern(p)) {
      const found = (await glob(p, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })).filter((f) => wanted(basename(f)));
      if (!found.length && strict) throw new InputError(`No Markdown file matches "${p}".`);
      found.sort().forEach(add);
      continue;
    }
    const full = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      throw new InputError(`${p}: no such file or directory.`);
    }
    if (!isDir) {
      if (strict && !wanted(basename(full))) throw new InputError(`${p}: not a Markdown file; check reads *.md and *.markdown files.`);
      add(full);
      continue;
    }
    const walked = walk(full, wanted, seen, shown);
    files.push(...walked.files);
    problems.push(...walked.problems);
    if (strict && !walked.matched && !walked.problems.length) throw new InputError(`${p}: no Markdown file (*.md, *.markdown) in this folder.`);
  }
  return { files, problems, matched: files.length };
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Reads a file's bytes, refusing what is not a regular file. It is opened without blocking and checked through its
 * own descriptor, so a FIFO named like a Markdown file never hangs the CLI and a file replaced by a directory or a
 * pipe after it was listed is refused, not read.
 */
export function readBytes(file: string, shown: string, maxBytes = Infinity): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(`${shown}: cannot be read (is a directory).`);
    if (!stat.isFile()) throw new InputError(`${shown}: cannot be read (not a regular file: a pipe, socket or device).`);
    if (stat.size > maxBytes) throw new InputError(`${shown}: is ${(stat.size / 1048576).toFixed(1)} MB, over the ${maxBytes / 1048576} MB limit (--max-data-size); not read.`, true);
    return readFileSync(fd);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${shown}: cannot be read (${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code === 'ENOENT' ? 'no such file' : code ?? String(e)}).`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads a text file, refusing binaries and non-UTF-8 bytes with a clear message. */
export function readText(file: string, shown: string, maxBytes = Infinity): string {
  const bytes = readBytes(file, shown, maxBytes);
  if (bytes.subarray(0, 8000).includes(0)) throw new InputError(`${shown}: is a binary file, not Markdown or JSON text.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${shown}: is not valid UTF-8 text.`);
  }
}

/**
 * Reads and parses an index file. Never throws: a file that cannot be used (too large, binary, not a regular
 * file, gone since it was listed) comes back with no records and one problem saying why, so the others still load.
 */
export function readIndexFile(file: string, shown: string, maxBytes: number): ParsedIndexFile {
  try {
    const bytes = readBytes(file, shown, maxBytes);
    if (bytes.subarray(0, 8000).includes(0)) throw new InputError(`${shown}: is a binary file, not JSON text.`);
    // A byte that is not UTF-8 costs only its record: it is reported at its place, the other records load.
    const { text: _text, ...parsed } = parseIndexBytes(shown, bytes);
    return parsed;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const message = `Skipped: ${e.message.startsWith(`${shown}: `) ? e.message.slice(shown.length + 2) : e.message}`;
    return { file: shown, statistics: [], articles: [], problems: [{ file: shown, code: e.tooLarge ? 'file-too-large' : 'unreadable-file', path: '$', message }] };
  }
}
