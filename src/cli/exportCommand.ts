import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { readdirSync } from 'node:fs';
import { bibliographyEntries } from '../core/bibliography/entry';
import { toBibtex } from '../core/bibliography/bibtex';
import { toCslJson } from '../core/bibliography/cslJson';
import { citedSourceKeys } from '../core/citations/citedSources';
import type { ParsedIndexFile } from '../core/index/indexFile';
import { createStatcite } from '../core/statcite';
import { readDocumentBibliography } from './bibliographyFiles';
import { expandPaths, InputError, readIndexFile, readText } from './files';

/** What a subcommand needs from the terminal (the same shape as the CLI's own). */
export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
  readonly dataDir: string;
}

export const EXPORT_USAGE = `  statcite export [--format csl-json|bibtex] [--cited FILES…] [-o FILE] [--data FILE]… [--no-bundled]

export  writes the index's sources as a bibliography for Pandoc or Quarto (CSL JSON by default, or BibTeX): each
        entry has the publisher as author, the year and title where the index has them, and the article the
        figures were found in as a note. With --cited, only the sources the given Markdown files cite.`;

/** `statcite export`: the sources of the index, or those the given documents cite, as a bibliography. */
export async function runExport(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseNodeArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'csl-json' },
      cited: { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
      data: { type: 'string', multiple: true, default: [] },
      'no-bundled': { type: 'boolean', default: false },
    },
  });
  if (values.format !== 'csl-json' && values.format !== 'bibtex') throw new UsageProblem(`--format must be "csl-json" or "bibtex", not "${values.format}".`);
  if (positionals.length && !values.cited) throw new UsageProblem(`export reads documents only with --cited (got "${positionals[0]}").`);
  if (values.cited && !positionals.length) throw new UsageProblem('--cited needs the Markdown files (or folders) whose citations to export.');

  const files: ParsedIndexFile[] = [];
  if (!values['no-bundled']) {
    for (const name of readdirSync(io.dataDir).filter((f) => f.endsWith('.stats.json')).sort()) files.push(readIndexFile(join(io.dataDir, name), name, 20 * 1048576));
  }
  for (const file of values.data) files.push(readIndexFile(resolve(io.cwd, file), file, 20 * 1048576));
  const statcite = createStatcite(files);
  for (const p of statcite.index.problems) io.err(`${p.file}: ${p.path}: ${p.message}`);

  let keys: string[];
  if (values.cited) {
    const cited = new Set<string>();
    const walked = await expandPaths(positionals, io.cwd);
    for (const p of walked.problems) io.err(`${p.path}: ${p.message}`);
    for (const file of walked.files) {
      const shown = relative(io.cwd, file) || file;
      const text = readText(file, shown);
      const entries = readDocumentBibliography(file, text, (m) => io.err(`${shown}: ${m}`), true);
      for (const key of citedSourceKeys(text, statcite.resolver, entries)) cited.add(key);
    }
    keys = [...cited];
  } else keys = [...statcite.index.sourceKeys()].sort();
  const entries = bibliographyEntries(keys, (k) => statcite.index.bySourceKey(k));
  const text = values.format === 'bibtex' ? toBibtex(entries) : toCslJson(entries);
  if (values.output) {
    writeFileSync(resolve(io.cwd, values.output), text);
    io.err(`${entries.length} source(s) written to ${values.output}.`);
  } else for (const line of text.replace(/\n$/, '').split('\n')) io.out(line);
  return 0;
}

/** Bad usage of a subcommand: printed with its usage, exit code 2. */
export class UsageProblem extends Error {}

export { InputError };
