import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
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
 * Parses one index file. Each record is validated on its own: a bad record is reported with its JSON path and
 * reason, and every good record is kept, also when a syntax error elsewhere in the file breaks another record.
 * Problem messages go through `localize` (the editor passes `vscode.l10n.t`); zod's own reasons stay English.
 */
export function parseIndexFile(file: string, text: string, localize: Localize = english): ParsedIndexFile {
  const t = localize;
  const problems: IndexProblem[] = [];
  const statistics: LoadedStatistic[] = [];
  const articles: Via[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const errors: ParseError[] = [];
  // The JSON parser and the record checks recurse per level, so thousands of nested arrays would overflow the call
  // stack: what nests deeper than any index file does is blanked out (its record is then reported as invalid).
  const deep = flattenTooDeep(source);
  if (deep.at !== undefined) problems.push({ file, code: 'invalid-json', path: '$', message: t('JSON nested too deeply to read.'), offset: deep.at, length: 1 });
  const root = parseTree(deep.text, errors, { allowTrailingComma: false, disallowComments: true });
  const reported = new Set<number>();
  for (const e of errors) {
    // One problem per place: a file cut off mid-record gets "close brace expected" for every bracket left open, all
    // at the same offset.
    if (reported.has(e.offset)) continue;
    reported.add(e.offset);
    problems.push({ file, code: 'invalid-json', path: '$', message: t('JSON syntax error: {0}', describeParseError(e, t)), offset: e.offset, length: Math.max(e.length, 1) });
  }
  if (!root || root.type !== 'object') {
    if (errors.length === 0) problems.push({ file, code: 'invalid-file', path: '$', message: t('An index file must be a JSON object with a "statistics" array.'), offset: 0, length: source.length });
    return { file, statistics, articles, problems };
  }
  const brokenAt = (n: Node) => errors.some((e) => e.offset >= n.offset && e.offset <= n.offset + n.length);
  // After a syntax error the parser's recovery can lift a record's fields to the top level ("]" inside a record ends
  // the array): those are not the writer's keys, so only keys before the first error are checked.
  const firstError = Math.min(...errors.map((e) => e.offset));
  reportUnknownTopLevelKeys(file, root, problems, t, firstError);

  const articlesNode = findNodeAtLocation(root, ['articles']);
  if (articlesNode) {
    forEachRecord(file, articlesNode, ['articles'], problems, t, (node, index) => {
      if (brokenAt(node)) return;
      const parsed = indexSchemas().article.safeParse(getNodeValue(node));
      if (parsed.success) articles.push(parsed.data);
      else reportZodIssues(file, node, ['articles', index], parsed.error.issues, problems, undefined, t);
    });
  }

  const statsNode = findNodeAtLocation(root, ['statistics']);
  if (!statsNode) {
    problems.push({ file, code: 'invalid-file', path: '$.statistics', message: t('Missing the "statistics" array.'), offset: root.offset, length: 1 });
    return { file, statistics, articles, problems };
  }
  forEachRecord(file, statsNode, ['statistics'], problems, t, (node, index) => {
    const raw: unknown = getNodeValue(node);
    const rawId = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : undefined;
    if (brokenAt(node)) {
      problems.push({ file, code: 'invalid-record', path: formatJsonPath(['statistics', index]), message: t('Record skipped: it contains a JSON syntax error.'), offset: node.offset, length: node.length, ...(rawId ? { recordId: rawId } : {}) });
      return;
    }
    const parsed = indexSchemas().statistic.safeParse(raw);
    if (parsed.success) statistics.push({ ...parsed.data, origin: { file, offset: node.offset, length: node.length, path: formatJsonPath(['statistics', index]) } });
    else reportZodIssues(file, node, ['statistics', index], parsed.error.issues, problems, rawId, t);
  });
  return { file, statistics, articles, problems };
}

const MAX_DEPTH = 256;

/** The text with every array or object nested deeper than MAX_DEPTH blanked out, offsets kept; where the first one was. */
function flattenTooDeep(text: string): { text: string; at?: number } {
  let depth = 0;
  let inString = false;
  let from = -1;
  const blanks: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth === MAX_DEPTH + 1) from = i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth === MAX_DEPTH + 1) blanks.push([from, i + 1]);
      if (depth > 0) depth--;
    }
  }
  if (depth > MAX_DEPTH) blanks.push([from, text.length]);
  if (!blanks.length) return { text };
  let out = '';
  let last = 0;
  for (const [start, end] of blanks) {
    out += text.slice(last, start) + ' '.repeat(end - start);
    last = end;
  }
  return { text: out + text.slice(last), at: blanks[0]![0] };
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
    default: return issue.message;
  }
}

function describeParseError(e: ParseError, t: Localize): string {
  const name = printParseErrorCode(e.error);
  switch (name) {
    case 'InvalidSymbol': return t('invalid symbol');
    case 'InvalidNumberFormat': return t('invalid number format');
    case 'PropertyNameExpected': return t('property name expected');
    case 'ValueExpected': return t('value expected');
    case 'ColonExpected': return t('colon expected');
    case 'CommaExpected': return t('comma expected');
    case 'CloseBraceExpected': return t('close brace expected');
    case 'CloseBracketExpected': return t('close bracket expected');
    case 'EndOfFileExpected': return t('end of file expected');
    case 'InvalidCommentToken': return t('invalid comment token');
    case 'UnexpectedEndOfComment': return t('unexpected end of comment');
    case 'UnexpectedEndOfString': return t('unexpected end of string');
    case 'UnexpectedEndOfNumber': return t('unexpected end of number');
    case 'InvalidUnicode': return t('invalid unicode');
    case 'InvalidEscapeCharacter': return t('invalid escape character');
    case 'InvalidCharacter': return t('invalid character');
    default: return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
}
