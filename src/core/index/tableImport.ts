import { indexSchemas } from './statisticSchema';
import type { Statistic } from './statistic';

/**
 * The fields of a record a spreadsheet column can fill, by their path in the index format. A column whose header is
 * one of these fills it; `--map field=Header` names another header for a field.
 */
export const TABLE_FIELDS = [
  'id', 'value', 'valueMax', 'unit', 'figure', 'quote', 'lang', 'en',
  'source.publisher', 'source.year', 'source.title',
  'via.title', 'via.publisher', 'via.date', 'via.lang', 'via.document',
  'sameAs', 'tags',
] as const;
export type TableField = (typeof TABLE_FIELDS)[number];

/** One data row of a table: its line in the file (1-based, as an editor shows it) and its cells by header. */
export interface TableRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** A row that could not become a record: where (line, and the column when one is to blame) and why. */
export interface TableProblem {
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

export interface TableImport {
  readonly statistics: Statistic[];
  readonly problems: TableProblem[];
  /** Header columns that fill no field (reported, not guessed at). */
  readonly ignoredColumns: string[];
}

/**
 * Which header fills each field: the `map` given (field → header) first, then a header named as the field (case and
 * spaces ignored: "Source publisher" fills `source.publisher`). Throws on a map naming an unknown field or header.
 */
export function columnsFor(headers: readonly string[], map: Readonly<Record<string, string>> = {}): Map<TableField, string> {
  const columns = new Map<TableField, string>();
  for (const [field, header] of Object.entries(map)) {
    if (!(TABLE_FIELDS as readonly string[]).includes(field)) throw new Error(`--map: "${field}" is not a field of a record (fields: ${TABLE_FIELDS.join(', ')}).`);
    if (!headers.includes(header)) throw new Error(`--map: the table has no column "${header}" (columns: ${headers.join(', ')}).`);
    columns.set(field as TableField, header);
  }
  const squash = (s: string) => s.toLowerCase().replace(/[\s._-]+/g, '');
  for (const field of TABLE_FIELDS) {
    if (columns.has(field)) continue;
    const header = headers.find((h) => squash(h) === squash(field) && ![...columns.values()].includes(h));
    if (header !== undefined) columns.set(field, header);
  }
  return columns;
}

/**
 * Turns table rows into index records, each validated by the index's zod schema: a bad row is reported by its line
 * and the column to blame, and every good row is kept. Empty cells are absent fields; `sameAs` and `tags` are lists
 * separated by `;`; a row without a publisher has `source: null`; the article's language is the quote's unless a
 * column gives it (the quote is word for word from the article).
 */
export function statisticsFromTable(headers: readonly string[], rows: readonly TableRow[], map: Readonly<Record<string, string>> = {}): TableImport {
  const columns = columnsFor(headers, map);
  const used = new Set(columns.values());
  const ignoredColumns = headers.filter((h) => !used.has(h));
  const schema = indexSchemas().statistic;
  const statistics: Statistic[] = [];
  const problems: TableProblem[] = [];
  const lineOfId = new Map<string, number>();
  for (const row of rows) {
    const cell = (field: TableField): string | undefined => {
      const header = columns.get(field);
      const v = header === undefined ? undefined : row.cells[header]?.trim();
      return v ? v : undefined;
    };
    const numberProblems: TableProblem[] = [];
    const num = (field: TableField): number | string | undefined => {
      const v = cell(field);
      if (v === undefined) return undefined;
      const n = Number(/^-?\d+,\d+$/.test(v) ? v.replace(',', '.') : v);
      if (Number.isFinite(n)) return n;
      numberProblems.push({ line: row.line, column: columns.get(field)!, message: `${field}: "${v}" is not a number` });
      return v;
    };
    const list = (field: TableField) => cell(field)?.split(';').map((s) => s.trim()).filter(Boolean);
    const lang = cell('lang');
    const publisher = cell('source.publisher');
    const source = publisher === undefined && cell('source.year') === undefined && cell('source.title') === undefined
      ? null
      : prune({ publisher, year: num('source.year'), title: cell('source.title') });
    const record = prune({
      id: cell('id'), value: num('value'), valueMax: num('valueMax'), unit: cell('unit'), figure: cell('figure'),
      quote: cell('quote'), lang, en: cell('en'), source,
      via: prune({ title: cell('via.title'), publisher: cell('via.publisher'), date: cell('via.date'), lang: cell('via.lang') ?? lang, document: cell('via.document') }),
      sameAs: list('sameAs'), tags: list('tags'),
    });
    if (numberProblems.length) {
      problems.push(...numberProblems);
      continue;
    }
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String);
        const field = fieldOf(path);
        const header = field && columns.get(field);
        const missing = field && !header ? ` (no column fills ${field}; name one with --map ${field}=HEADER)` : '';
        problems.push({ line: row.line, ...(header ? { column: header } : {}), message: `${path.join('.') || 'row'}: ${issue.message}${missing}` });
      }
      continue;
    }
    const first = lineOfId.get(parsed.data.id);
    if (first !== undefined) {
      problems.push({ line: row.line, column: columns.get('id')!, message: `id "${parsed.data.id}" is already used on line ${first}` });
      continue;
    }
    lineOfId.set(parsed.data.id, row.line);
    statistics.push(parsed.data);
  }
  return { statistics, problems, ignoredColumns };
}

function fieldOf(path: readonly string[]): TableField | undefined {
  for (let n = path.length; n > 0; n--) {
    const p = path.slice(0, n).join('.');
    if ((TABLE_FIELDS as readonly string[]).includes(p)) return p as TableField;
  }
  return undefined;
}

/** The object without its undefined fields, so zod reports a missing field as missing, not as `undefined`. */
function prune<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
