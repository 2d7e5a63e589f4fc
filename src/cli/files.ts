import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { parseIndexFile, type ParsedIndexFile } from '../core/index/indexFile';

/** A file the CLI could not use: printed as a clear message, exit code 2 (an index file is skipped instead). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/**
 * Expands the paths given on the command line into Markdown files: files as they are, directories walked for
 * *.md, *.markdown and Quarto's *.qmd (honouring .gitignore files found on the way), globs expanded.
 */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<string[]> {
  return expand(paths, cwd, '**/*.{md,markdown,qmd}', true);
}

/** The writer's own index files (`*.stats.json`) inside the directories given, as the editor finds them in a workspace. */
export async function findDataFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const dirs = paths.filter((p) => !isDynamicPattern(p) && isDirectory(resolve(cwd, p)));
  return expand(dirs, cwd, '**/*.stats.json', false);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function expand(paths: readonly string[], cwd: string, pattern: string, strict: boolean): Promise<string[]> {
  const out = new Set<string>();
  for (const p of paths) {
    if (isDynamicPattern(p)) {
      const found = await glob(p, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (!found.length && strict) throw new InputError(`No file matches "${p}".`);
      found.sort().forEach((f) => out.add(f));
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
      out.add(full);
      continue;
    }
    const found = await glob(pattern, { cwd: full, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
    const ig = await gitignoreFor(full);
    found.filter((f) => !ig.ignores(relative(full, f))).sort().forEach((f) => out.add(f));
  }
  return [...out];
}

async function gitignoreFor(dir: string) {
  const ig = ignore();
  for (const file of await findGitignores(dir)) {
    const base = relative(dir, dirname(file)).split(sep).join('/');
    const lines = readText(file, relative(dir, file) || '.gitignore').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
    ig.add(base ? lines.map((l) => scoped(l, base)) : lines);
  }
  return ig;
}

/**
 * A nested .gitignore's rule, for the walked folder: a pattern with a slash before its end is relative to the
 * .gitignore's folder, one without matches at any depth below it.
 */
function scoped(line: string, base: string): string {
  const negated = line.startsWith('!');
  const pattern = negated ? line.slice(1) : line;
  const anchored = pattern.replace(/\/$/, '').includes('/');
  return `${negated ? '!' : ''}${base}/${anchored ? pattern.replace(/^\//, '') : `**/${pattern}`}`;
}

/** The walked folder's .gitignore and those in folders below it (git reads every one of them). */
async function findGitignores(dir: string): Promise<string[]> {
  const found = await glob('**/.gitignore', { cwd: dir, absolute: true, dot: true, ignore: ['**/node_modules/**', '**/.git/**'] });
  // Outer files first, so a nested file's rules (and its negations) come after the rules they refine.
  return found.sort((a, b) => a.split(sep).length - b.split(sep).length || a.localeCompare(b));
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
 * Reads and parses an index file. Never throws: a file that cannot be used (too large, not UTF-8 text, not a regular
 * file, gone since it was listed) comes back with no records and one problem saying why, so the others still load.
 */
export function readIndexFile(file: string, shown: string, maxBytes: number): ParsedIndexFile {
  try {
    return parseIndexFile(shown, readText(file, shown, maxBytes));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const message = `Skipped: ${e.message.startsWith(`${shown}: `) ? e.message.slice(shown.length + 2) : e.message}`;
    return { file: shown, statistics: [], articles: [], problems: [{ file: shown, code: e.tooLarge ? 'file-too-large' : 'unreadable-file', path: '$', message }] };
  }
}
