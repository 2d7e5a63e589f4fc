import { parseIndexFile, type ParsedIndexFile } from './indexFile';
import { StatisticsIndex } from './statisticsIndex';

/**
 * The bundled data files read the thorough way (jsonc-parser and zod, ./indexFile), for scripts/build.mjs to ship
 * as JSON: the bundled index is our own data, so it is validated once, at build time, and the extension loads the
 * result with JSON.parse (readPrevalidatedIndex). Files are named as given. Throws, listing every problem, when a
 * file or the files together (duplicate ids, sameAs links) have one: the build then fails.
 */
export function prevalidateBundledIndex(files: ReadonlyArray<{ readonly file: string; readonly text: string }>): ParsedIndexFile[] {
  const parsed = files.map((f) => parseIndexFile(f.file, f.text));
  const { problems } = StatisticsIndex.fromFiles(parsed);
  if (problems.length) throw new Error(problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n'));
  return parsed;
}

/** The files of a pre-validated bundled index (prevalidateBundledIndex's result as JSON); throws when it is not a list. */
export function readPrevalidatedIndex(text: string): ParsedIndexFile[] {
  const files: unknown = JSON.parse(text);
  if (!Array.isArray(files)) throw new Error('not a list of index files');
  return files as ParsedIndexFile[];
}

/** The parsed file under another name, in its records' origins too (problem messages name files as shown). */
export function renameIndexFile(parsed: ParsedIndexFile, file: string): ParsedIndexFile {
  return { ...parsed, file, statistics: parsed.statistics.map((s) => ({ ...s, origin: { ...s.origin, file } })), problems: parsed.problems.map((p) => ({ ...p, file })) };
}
