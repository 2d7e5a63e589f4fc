import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Something the walk could not use, on its path: reported as a problem, and the walk goes on. */
export interface WalkProblem {
  readonly path: string;
  readonly message: string;
}

/** What walking a folder found: the files whose names match, and the paths it could not use. */
export interface Walked {
  readonly files: string[];
  readonly problems: WalkProblem[];
  /** How many wanted files the walk met, those already seen included. */
  readonly matched: number;
}

const SKIPPED = new Set(['node_modules', '.git']);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Walks `root` for files whose names `wanted` accepts, honouring every .gitignore on the way (git reads each folder's
 * own, its rules scoped to that folder), skipping node_modules and .git. Each real file and folder is visited once,
 * whatever symbolic links lead to it (a link loop ends). What cannot be used (a file name that is not UTF-8, an
 * unreadable folder or .gitignore) is reported on its path, and the walk goes on. `seen` holds real paths already
 * visited, shared across the roots of one run.
 */
export function walk(root: string, wanted: (name: string) => boolean, seen: Set<string>, shown: (path: string) => string): Walked {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  let matched = 0;
  const ig = ignore();
  const visit = (dir: string) => {
    const real = realpathOrUndefined(dir);
    // The root is walked even when an earlier root held it (its files then count as met, not checked twice).
    if (!real || (dir !== root && seen.has(`dir:${real}`))) return;
    seen.add(`dir:${real}`);
    let entries: Array<Dirent<Buffer>>;
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      problems.push({ path: shown(dir), message: `folder cannot be read (${reason(e)}); skipped.` });
      return;
    }
    const base = relative(root, dir).split(sep).join('/');
    if (entries.some((e) => e.name.toString('latin1') === '.gitignore')) addGitignore(ig, join(dir, '.gitignore'), base, problems, shown);
    const named = entries.map((e) => ({ entry: e, name: utf8Name(e.name) }));
    for (const { entry, name } of named.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))) {
      if (name === undefined) {
        problems.push({ path: shown(join(dir, entry.name.toString('latin1'))), message: 'file name is not valid UTF-8; skipped.' });
        continue;
      }
      if (SKIPPED.has(name)) continue;
      const full = join(dir, name);
      const rel = base ? `${base}/${name}` : name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          if (wanted(name)) problems.push({ path: shown(full), message: 'symbolic link to nothing; skipped.' });
          continue;
        }
      }
      if (isDir) {
        if (!ig.ignores(`${rel}/`)) visit(full);
      } else if (isFile && wanted(name) && !ig.ignores(rel)) {
        // Only regular files: a FIFO or socket named like Markdown is passed by, never opened.
        matched++;
        const realFile = realpathOrUndefined(full) ?? full;
        if (seen.has(realFile)) continue;
        seen.add(realFile);
        files.push(full);
      }
    }
  };
  visit(root);
  return { files, problems, matched };
}

function addGitignore(ig: Ignore, file: string, base: string, problems: WalkProblem[], shown: (path: string) => string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    problems.push({ path: shown(file), message: `cannot be read (${reason(e)}); its rules are not applied.` });
    return;
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  ig.add(base ? lines.map((l) => scoped(l, base)) : lines);
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

function utf8Name(name: Buffer): string | undefined {
  try {
    return UTF8.decode(name);
  } catch {
    return undefined;
  }
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : code === 'ENOTDIR' ? 'not a folder' : (code ?? String(e));
}
