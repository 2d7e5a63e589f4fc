import { EXPORT_USAGE, runExport, UsageProblem, type CommandIo } from './exportCommand';
import { IMPORT_USAGE, runImport } from './importCommand';

/** The usage of the subcommands that move statistics in and out (export, import), for the CLI's help. */
export const SUBCOMMAND_USAGE = `\n\nStatistics in and out:\n${EXPORT_USAGE}\n\n${IMPORT_USAGE}`;

/** The subcommands this module runs, by name. */
export function isSubcommand(name: string | undefined): name is 'export' | 'import' {
  return name === 'export' || name === 'import';
}

/**
 * Runs `export` or `import`. Bad usage (an unknown option, a missing value, a bad --map) prints the subcommand's
 * usage and returns 2; unreadable input is left to the CLI's own handler.
 */
export async function runSubcommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  const usage = name === 'export' ? EXPORT_USAGE : IMPORT_USAGE;
  try {
    return name === 'export' ? await runExport(rest, io) : await runImport(rest, io);
  } catch (e) {
    const nodeUsage = e instanceof TypeError && String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
    if (!(e instanceof UsageProblem) && !nodeUsage) throw e;
    io.err(`statcite: ${(e as Error).message}\n\nUsage:\n${usage}`);
    return 2;
  }
}
