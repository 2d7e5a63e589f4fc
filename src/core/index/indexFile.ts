import { findNodeAtLocation, findNodeAtOffset, getNodePath, getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { decodeUtf8, type InvalidBytes } from './indexEncoding';
import { describeParseError, flattenTooDeep } from './indexFileSyntax';
import type { z } from 'zod';
import { english, type Localize } from '../text/localize';
import type { Statistic, Via } from './statistic';
import { indexSchemas } from './statisticSchema';

/** Why a part of an index file could not be used. */
export type IndexProblemCode =
  | 'invalid-json'
  | 'invalid-file'
  | 'invalid-record'
  | 'duplicate-id'
  | 'dangling-same-as'
  | 'duplicate-key'
  | 'invalid-utf8'
  | 'file-too-large'
  | 'unreadable-file';

/** One problem in one index file, with where it is: a JSON path and, when known, a character range. */
export interface IndexProblem {
  readonly file: string;
  readonly code: IndexProblemCode;
  /** JSON path of the offending value, e.g. `$.statistics[3].value`. */
  readonly path: string;
  readonly message: string;
  /** Character offset and length of the offending value in the file's text, when known. */
  readonly offset?: number;
  readonly length?: number;
  /** Id of the record concerned, when known. */
  readonly recordId?: string;
}

/** A statistic with where it came from, so problems and hovers can point at it. */
export interface LoadedStatistic extends Statistic {
  readonly origin: { readonly file: string; readonly offset: number; readonly length: number; readonly path: string };
}

export interface ParsedIndexFile {
  readonly file: string;
  readonly statistics: LoadedStatistic[];
  readonly articles: Via[];
  readonly problems: IndexProblem[];
}

type PathSegment = string | number;

/** Renders a JSON path as `$.statistics[3].value`. */
export function formatJsonPath(path: readonly PathSegment[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}

/**
 * Parses one index file: an object with a "statistics" array, or a bare array of records (as CSL JSON files are).
 * Each record is validated on its own: a bad record is reported with its JSON path and reason, and every good record
 * is kept, also when a syntax error, a duplicate key or a byte that is not UTF-8 (`invalid`, from `parseIndexBytes`)
 * breaks another record. Problem messages go through `localize` (the editor passes `vscode.l10n.t`); zod's own
 * reasons stay English.
 */
export function parseIndexFile(file: string, text: string, localize: Localize = english, invalid: readonly InvalidBytes[] = []): ParsedIndexFile {
  const t = localize;
  const problems: IndexProblem[] = [];
  const statistics: LoadedStatistic[] = [];
  const articles: Via[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const errors: ParseError[] = [];
  // The JSON parser and the record checks recurse per level, so thousands of nested arrays would overflow the call
  // stack: what nests deeper than any index file does is blanked out (its record is then reported as invalid).
  const deep = flattenTooDeep(source);
  const root = parseTree(deep.text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = /\S/.exec(source);
  if (first && first[0] !== '{' && first[0] !== '[' && errors.length) {
    // Not JSON at all (a Markdown or text file given as data): one problem for the file, not one per line.
    problems.push({ file, code: 'invalid-file', path: '$', message: t('Not a JSON index file: it must be a JSON object with a "statistics" array, or an array of records.'), offset: first.index, length: 1 });
    return { file, statistics, articles, problems };
  }
  if (deep.at !== undefined) problems.push({ file, code: 'invalid-json', path: '$', message: t('JSON nested too deeply to read.'), offset: deep.at, length: 1 });
  const reported = new Set<number>();
  for (const e of errors) {
    // One problem per place: a file cut off mid-record gets "close brace expected" for every bracket left open, all
    // at the same offset.
    if (reported.has(e.offset)) continue;
    reported.add(e.offset);
    problems.push({ file, code: 'invalid-json', path: '$', message: t('JSON syntax error: {0}', describeParseError(e, t)), offset: e.offset, length: Math.max(e.length, 1) });
  }
  for (const bad of invalid) {
    const at = root && findNodeAtOffset(root, bad.offset);
    problems.push({ file, code: 'invalid-utf8', path: at ? formatJsonPath(getNodePath(at)) : '$', message: t('Not UTF-8: byte {0} ({1}) cannot be read.', bad.byte, bad.hex), offset: bad.offset, length: 1 });
  }
  if (!root || (root.type !== 'object' && root.type !== 'array')) {
    if (errors.length === 0) problems.push({ file, code: 'invalid-file', path: '$', message: t('An index file must be a JSON object with a "statistics" array, or an array of records.'), offset: 0, length: source.length });
    return { file, statistics, articles, problems };
  }
  const duplicates = duplicateKeys(root);
  const brokenAt = (n: Node) => errors.some((e) => e.offset >= n.offset && e.offset <= n.offset + n.length);
  const inside = (n: Node) => <T extends { offset: number }>(x: T) => x.offset >= n.offset && x.offset < n.offset + n.length;
  /** Why a record cannot be read as written, when it cannot: a syntax error, a byte that is not UTF-8, a key given twice. */
  const unreadable = (n: Node): string | undefined => {
    if (brokenAt(n)) return t('Record skipped: it contains a JSON syntax error.');
    const byte = invalid.find(inside(n));
    if (byte) return t('Record skipped: byte {0} ({1}) in it is not UTF-8.', byte.byte, byte.hex);
    const key = duplicates.find(inside(n));
    if (key) return t('Record skipped: the key "{0}" is given twice, so which value is meant is unclear.', String(key.value));
    return undefined;
  };
  // After a syntax error the parser's recovery can lift a record's fields to the top level ("]" inside a record ends
  // the array): those are not the writer's keys, so only keys before the first error are checked.
  const firstError = Math.min(...errors.map((e) => e.offset));
  if (root.type === 'object') {
    reportUnknownTopLevelKeys(file, root, problems, t, firstError);
    for (const key of duplicates.filter((k) => k.parent?.parent === root && k.offset < firstError)) {
      const both = key.value === 'statistics' || key.value === 'articles';
      problems.push({ file, code: 'duplicate-key', path: formatJsonPath([String(key.value)]), message: both ? t('The key "{0}" is given twice: the records of both are read.', String(key.value)) : t('The key "{0}" is given twice: the last value counts.', String(key.value)), offset: key.offset, length: key.length });
    }
  }
  const arrays = (name: string) => (root.type === 'object' ? (root.children ?? []).filter((p) => p.children?.[0]?.value === name && p.children.length === 2).map((p) => p.children![1]!) : []);

  for (const articlesNode of arrays('articles')) {
    forEachRecord(file, articlesNode, ['articles'], problems, t, (node, index) => {
      if (brokenAt(node)) return;
      const why = unreadable(node);
      if (why) return problems.push({ file, code: 'invalid-record', path: formatJsonPath(['articles', index]), message: why, offset: node.offset, length: node.length }), undefined;
      const parsed = indexSchemas().article.safeParse(getNodeValue(node));
      if (parsed.success) articles.push(parsed.data);
      else reportZodIssues(file, node, ['articles', index], parsed.error.issues, problems, undefined, t);
    });
  }

  const statsNodes = root.type === 'array' ? [root] : arrays('statistics');
  if (!statsNodes.length) {
    problems.push({ file, code: 'invalid-file', path: '$.statistics', message: t('Missing the "statistics" array.'), offset: root.offset, length: 1 });
    return { file, statistics, articles, problems };
  }
  const prefix: PathSegment[] = root.type === 'array' ? [] : ['statistics'];
  for (const statsNode of statsNodes) {
    forEachRecord(file, statsNode, prefix, problems, t, (node, index) => {
      const raw: unknown = getNodeValue(node);
      const rawId = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : undefined;
      const why = unreadable(node);
      if (why) {
        problems.push({ file, code: 'invalid-record', path: formatJsonPath([...prefix, index]), message: why, offset: node.offset, length: node.length, ...(rawId ? { recordId: rawId } : {}) });
        return;
      }
      const parsed = indexSchemas().statistic.safeParse(raw);
      if (parsed.success) statistics.push({ ...parsed.data, origin: { file, offset: node.offset, length: node.length, path: formatJsonPath([...prefix, index]) } });
      else reportZodIssues(file, node, [...prefix, index], parsed.error.issues, problems, rawId, t);
    });
  }
  return { file, statistics, articles, problems };
}

/** Parses an index file from its bytes: a byte that is not UTF-8 is reported at its place, and only its record is lost. */
export function parseIndexBytes(file: string, bytes: Uint8Array, localize: Localize = english): ParsedIndexFile & { text: string } {
  const { text, invalid } = decodeUtf8(bytes);
  return { ...parseIndexFile(file, text, localize, invalid), text };
}

/** The key nodes of every property whose key already appeared earlier in the same object. */
function duplicateKeys(root: Node): Node[] {
  const out: Node[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Set<unknown>();
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0];
        if (!key) continue;
        if (seen.has(key.value)) out.push(key);
        seen.add(key.value);
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function forEachRecord(file: string, arrayNode: Node, path: PathSegment[], problems: IndexProblem[], t: Localize, visit: (node: Node, index: number) => void): void {
  if (arrayNode.type !== 'array') {
    problems.push({ file, code: 'invalid-file', path: formatJsonPath(path), message: t('"{0}" must be an array.', String(path[path.length - 1])), offset: arrayNode.offset, length: arrayNode.length });
    return;
  }
  (arrayNode.children ?? []).forEach((child, index) => visit(child, index));
}

function reportUnknownTopLevelKeys(file: string, root: Node, problems: IndexProblem[], t: Localize, before: number): void {
  const known = new Set(['$schema', 'description', 'articles', 'statistics']);
  for (const prop of root.children ?? []) {
    const key = prop.children?.[0];
    if (key && typeof key.value === 'string' && !known.has(key.value) && key.offset < before) {
      problems.push({ file, code: 'invalid-file', path: formatJsonPath([key.value]), message: t('Unknown top-level property "{0}" (ignored).', key.value), offset: key.offset, length: key.length });
    }
  }
}

function reportZodIssues(file: string, recordNode: Node, recordPath: PathSegment[], issues: readonly z.core.$ZodIssue[], problems: IndexProblem[], recordId: string | undefined, t: Localize): void {
  for (const issue of issues) {
    const sub = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const node = deepestNode(recordNode, sub);
    const where = sub.length ? `"${sub.join('.')}"` : t('record');
    const reason = issueMessage(issue, t);
    problems.push({
      file,
      code: 'invalid-record',
      path: formatJsonPath([...recordPath, ...sub]),
      message: recordId ? t('Record "{0}" skipped: {1}: {2}', recordId, where, reason) : t('Record skipped: {0}: {1}', where, reason),
      offset: node.offset,
      length: node.length,
      ...(recordId ? { recordId } : {}),
    });
  }
}

function deepestNode(node: Node, path: PathSegment[]): Node {
  let current = node;
  for (let i = 1; i <= path.length; i++) {
    const found = findNodeAtLocation(node, path.slice(0, i));
    if (!found) break;
    current = found;
  }
  // Point at the property name when the value is large, so a squiggle stays readable.
  if (current.parent?.type === 'property' && current.type === 'object' && current.parent.children?.[0]) return current.parent.children[0];
  return current;
}

/**
 * The reason for an issue: the messages statcite's schemas give (./statistic: the id, language and date formats and
 * the record checks) are translated, matched by their exact English text; zod's built-in reasons stay English.
 */
function issueMessage(issue: z.core.$ZodIssue, t: Localize): string {
  switch (issue.message) {
    case 'use lowercase letters, digits and single hyphens, e.g. "zendesk-2019-loyalty-fi"': return t('use lowercase letters, digits and single hyphens, e.g. "zendesk-2019-loyalty-fi"');
    case 'use a BCP-47 language tag such as "fi", "zh" or "pt-BR"': return t('use a BCP-47 language tag such as "fi", "zh" or "pt-BR"');
    case 'use YYYY, YYYY-MM or YYYY-MM-DD': return t('use YYYY, YYYY-MM or YYYY-MM-DD');
    case 'valueMax must not be below value': return t('valueMax must not be below value');
    case 'figure must appear in the quote as written': return t('figure must appear in the quote as written');
    case 'is too large to show as written (at most 1e15 either way)': return t('is too large to show as written (at most 1e15 either way)');
    case 'is too small to show as written (figures show at most three decimals)': return t('is too small to show as written (figures show at most three decimals)');
    case 'a rank is a whole number from 1 up': return t('a rank is a whole number from 1 up');
    case 'a count, duration or multiplier cannot be negative': return t('a count, duration or multiplier cannot be negative');
    default: return issue.message;
  }
}
