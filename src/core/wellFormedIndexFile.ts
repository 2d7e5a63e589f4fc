import type { LoadedStatistic, ParsedIndexFile } from './indexFile';
import type { Via } from './statistic';
import { checkStatistic, checkVia } from './statisticCheck';

/** Arrays and objects nested deeper than this are more than any index file holds: the full parser blanks them out. */
export const MAX_DEPTH = 256;

const TOP_LEVEL_KEYS = new Set(['$schema', 'description', 'articles', 'statistics']);

/**
 * Reads an index file that has no problem at all, the common case, with JSON.parse and ./statisticCheck: many times
 * faster than the full parser (jsonc-parser's syntax tree and a zod parse per record). Returns undefined when anything
 * is amiss — a syntax error, an unknown or repeated top-level key, a record the check does not accept — and the
 * caller then reads the file the thorough way, which finds and places every problem. `source` is the file's text
 * with a byte order mark replaced by a space, so offsets are the file's.
 */
export function readWellFormedIndexFile(file: string, source: string): ParsedIndexFile | undefined {
  let root: unknown;
  try {
    root = JSON.parse(source);
  } catch {
    return undefined;
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return undefined;
  const layout = topLevelLayout(source);
  if (!layout || [...layout.keys].some((k) => !TOP_LEVEL_KEYS.has(k))) return undefined;
  const { statistics: rawStatistics, articles: rawArticles } = root as Record<string, unknown>;
  if (!Array.isArray(rawStatistics) || rawStatistics.length !== layout.records.length) return undefined;
  if (layout.keys.has('articles') && !Array.isArray(rawArticles)) return undefined;

  const articles: Via[] = [];
  for (const raw of (rawArticles as unknown[] | undefined) ?? []) {
    const article = checkVia(raw);
    if (!article) return undefined;
    articles.push(article);
  }
  const statistics: LoadedStatistic[] = [];
  for (let i = 0; i < rawStatistics.length; i++) {
    const statistic = checkStatistic(rawStatistics[i]);
    const [start, end] = layout.records[i]!;
    if (!statistic) return undefined;
    statistics.push({ ...statistic, origin: { file, offset: start, length: end - start, path: `$.statistics[${i}]` } });
  }
  return { file, statistics, articles, problems: [] };
}

interface Layout {
  readonly keys: ReadonlySet<string>;
  /** Start and end offsets of each object in the top-level "statistics" array. */
  readonly records: ReadonlyArray<readonly [number, number]>;
}

/**
 * The top-level keys and where each record of "statistics" is, from one pass over text that JSON.parse accepted.
 * Undefined for a repeated top-level key (JSON.parse keeps the last, the full parser the first) or deep nesting.
 * A regular expression finds each bracket and quote: stepping over the whitespace and the strings one character at
 * a time in (still cold) JavaScript took three times as long.
 */
function topLevelLayout(text: string): Layout | undefined {
  const keys = new Set<string>();
  const records: Array<[number, number]> = [];
  const structure = /["{}[\]]/g;
  const colon = /\s*:/y;
  let depth = 0;
  let inStatistics = false;
  let recordStart = 0;
  for (let m = structure.exec(text); m; m = structure.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      structure.lastIndex = end + 1;
      colon.lastIndex = end + 1;
      if (depth === 1 && colon.test(text)) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) return undefined;
        keys.add(key);
        inStatistics = key === 'statistics';
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) return undefined;
      if (depth === 2 && c !== 0x5b) inStatistics = false;
      else if (depth === 3 && inStatistics && c === 0x7b) recordStart = i;
    } else {
      if (depth === 3 && inStatistics && c === 0x7d) records.push([recordStart, i + 1]);
      depth--;
    }
  }
  return { keys, records };
}

/** The offset of the quote that closes the string opening at `start` (the text is valid JSON). */
function stringEnd(text: string, start: number): number {
  for (let i = text.indexOf('"', start + 1); i >= 0; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return text.length;
}
