import { existsSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { parse, type CsvError } from 'csv-parse/sync';
import { statisticsFromTable, type TableProblem, type TableRow } from '../core/index/tableImport';
import type { CommandIo } from './exportCommand';
import { UsageProblem } from './exportCommand';
import { readText } from './files';

export const IMPORT_USAGE = `  statcite import FILE.csv [--map FIELD=HEADER,…] [-o OUT.stats.json] [--force]

import  turns a spreadsheet of statistics (CSV with a header row) into an index file. Columns named as the
        record's fields (id, value, unit, quote, lang, en, source.publisher, source.year, via.title, …) fill them;
        --map names other headers (--map quote=Sentence,source.publisher=Publisher). Every row is validated; bad
        rows are named by line and column and left out, the good ones are written (exit code 1 when any was bad).
        The output (default: FILE.stats.json beside the CSV) is not overwritten without --force.`;

/** `statcite import`: a CSV table of statistics to a `*.stats.json` index file. */
export async function runImport(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseNodeArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      map: { type: 'string', multiple: true, default: [] },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageProblem('import needs one CSV file.');
  const input = positionals[0]!;
  const map = parseMap(values.map);
  const output = values.output ?? input.replace(/\.[^./\\]*$/, '') + '.stats.json';
  if (!output.endsWith('.stats.json')) io.err(`statcite: note: ${output} does not end in .stats.json, so the editor will not load it by default.`);
  const outPath = resolve(io.cwd, output);
  if (existsSync(outPath) && !values.force) throw new UsageProblem(`${output} exists; choose another file with -o, or pass --force to replace it.`);

  const text = readText(resolve(io.cwd, input), input);
  const { headers, rows, problems: csvProblems } = readCsv(text);
  if (!headers.length) throw new UsageProblem(`${input}: has no header row.`);
  let result;
  try {
    result = statisticsFromTable(headers, rows, map);
  } catch (e) {
    throw new UsageProblem(e instanceof Error ? e.message : String(e));
  }
  if (result.ignoredColumns.length) io.err(`${input}: columns that fill no field, ignored: ${result.ignoredColumns.join(', ')}.`);
  const problems: TableProblem[] = [...csvProblems, ...result.problems].sort((a, b) => a.line - b.line);
  for (const p of problems) io.err(`${input}:${p.line}${p.column !== undefined ? `: column "${p.column}"` : ''}: ${p.message}`);
  const file = { description: `Imported from ${basename(input)} by statcite import.`, statistics: result.statistics };
  writeFileSync(outPath, JSON.stringify(file, null, 2) + '\n');
  const badRows = new Set(problems.map((p) => p.line)).size;
  io.out(`${result.statistics.length} statistic(s) written to ${relative(io.cwd, outPath) || output}; ${badRows} bad row(s) left out.`);
  return badRows ? 1 : 0;
}

/** `--map quote=Sentence,value=Number` (repeatable) as field → header. */
function parseMap(specs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const spec of specs) {
    for (const pair of spec.split(',')) {
      const eq = pair.indexOf('=');
      if (eq <= 0 || eq === pair.length - 1) throw new UsageProblem(`--map takes FIELD=HEADER pairs, not "${pair}".`);
      map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return map;
}

/**
 * Parses CSV with csv-parse. A record that breaks the CSV grammar (a stray quote, too many or too few cells) is
 * reported by its line and skipped; the others are kept. Lines are those of a record's first line.
 */
function readCsv(text: string): { headers: string[]; rows: TableRow[]; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const records = parse(text, {
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (e: CsvError | undefined) => {
      if (e) problems.push({ line: Number((e as { lines?: unknown }).lines) || 0, message: e.message.replace(/ (?:on|at) line \d+/, '') });
    },
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const [head, ...body] = records;
  if (!head) return { headers: [], rows: [], problems };
  const headers = head.record.map((h) => h.trim());
  const rows = body.map(({ record, info }) => {
    const spanned = record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => (cells[h] = record[i] ?? ''));
    return { line: info.lines - spanned, cells };
  });
  return { headers, rows, problems };
}
