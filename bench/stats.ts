/** Small measuring helpers shared by the benchmark's child processes. */

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  readonly mean: number;
}

/** Median, p95 (nearest rank) and max of a list of milliseconds. */
export function summarize(ms: readonly number[]): Summary {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

/** Heap in use plus array buffers (typed-array postings live there), in MB. Call after global.gc(). */
export function memoryMB(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
}

/** Runs `fn` `runs` times and returns the process CPU time of each in ms (a shared machine stretches wall time more). */
export function cpuRuns(runs: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    fn(i);
    const d = process.cpuUsage(t);
    out.push((d.user + d.system) / 1000);
  }
  return out;
}

/** Runs `fn` `runs` times and returns the timings in ms. */
export function timeRuns(runs: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    out.push(performance.now() - t);
  }
  return out;
}
