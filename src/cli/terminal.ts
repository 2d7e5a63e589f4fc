/** A stream the CLI writes lines to (process.stdout, process.stderr). */
interface Stream {
  write(text: string): unknown;
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
}

/**
 * The CLI's output over stdout and stderr, as a shell expects it: when the reader goes away (`statcite check | head
 * -1`) the output stops quietly; when writing fails otherwise (`> /dev/full`) one line on stderr says so and the exit
 * code is 2. `exitCode` turns the run's own code into the one to exit with.
 */
export function terminalOutput(stdout: Stream, stderr: Stream) {
  let closed = false;
  let failed: NodeJS.ErrnoException | undefined;
  const fail = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      closed = true;
      return;
    }
    if (failed) return;
    failed = e;
    process.exitCode = 2;
    try {
      stderr.write(`statcite: cannot write the output (${e.code === 'ENOSPC' ? 'no space left on the device' : (e.code ?? e.message)}).\n`);
    } catch {
      // stderr is gone too: the exit code still says so.
    }
  };
  stdout.on('error', fail);
  stderr.on('error', (e) => {
    if (e.code === 'EPIPE') closed = true;
  });
  const writer = (stream: Stream) => (line: string) => {
    if (closed || failed) return;
    try {
      stream.write(line + '\n');
    } catch (e) {
      fail(e as NodeJS.ErrnoException);
    }
  };
  return {
    out: writer(stdout),
    err: writer(stderr),
    /** The exit code: the run's own, or 2 when the output could not be written. */
    exitCode: (code: number) => (failed ? 2 : code),
  };
}
