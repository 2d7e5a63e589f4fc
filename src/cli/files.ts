import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ignore from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

/** A file the CLI could not use: printed as a clear message, exit code 2. */
export class InputError extends Error {}

/**
 * Expands the paths given on the command line into Markdown files: files as they are, directories walked for
 * *.md and *.markdown (honouring .gitignore files found on the way), globs expanded.
 */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<string[]> {
  return expand(paths, cwd, '**/*.{md,markdown}', true);
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
    const ig = gitignoreFor(full);
    found.filter((f) => !ig.ignores(relative(full, f))).sort().forEach((f) => out.add(f));
  }
  return [...out];
}

function gitignoreFor(dir: string) {
  const ig = ignore();
  for (const file of findGitignores(dir)) {
    const base = relative(dir, dirname(file));
    const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
    // Rules of a nested .gitignore apply below its own folder.
    ig.add(base ? lines.map((l) => (l.startsWith('!') ? `!${join(base, l.slice(1))}` : join(base, l))) : lines);
  }
  return ig;
}

function findGitignores(dir: string): string[] {
  try {
    statSync(join(dir, '.gitignore'));
    return [join(dir, '.gitignore')];
  } catch {
    return [];
  }
}

/** Reads a text file, refusing binaries and non-UTF-8 bytes with a clear message. */
export function readText(file: string, shown: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${shown}: cannot be read (${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code ?? String(e)}).`);
  }
  if (bytes.subarray(0, 8000).includes(0)) throw new InputError(`${shown}: is a binary file, not Markdown or JSON text.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${shown}: is not valid UTF-8 text.`);
  }
}
