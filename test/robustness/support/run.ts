import type { TestContext } from 'vitest';

/**
 * What the robustness suite counts, per test, for the one summary line (test/robustness/summaryReporter.ts sums
 * them over every file, so the suite can run its files in parallel and still print one line).
 */
export type CountKey = 'documents' | 'insertions' | 'quickFixes' | 'badDataFiles' | 'hostileRecords' | 'cliRuns';

declare module 'vitest' {
  interface TaskMeta {
    robustness?: Partial<Record<CountKey, number>>;
  }
}

/**
 * The seed every property runs with. vitest.config.mts draws one per run (or takes STATCITE_SEED) before the
 * workers start, so every file uses the same one and `STATCITE_SEED=<seed> npx vitest run test/robustness` replays it.
 */
export const SEED = Number(process.env.STATCITE_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Cases per property: at least 10,000 in CI; STATCITE_ROBUSTNESS_RUNS scales it for a quick local run. */
export const RUNS = Number(process.env.STATCITE_ROBUSTNESS_RUNS ?? 10_000);

/** fast-check parameters: the suite's seed, and a property index so the properties do not all draw the same stream. */
export function params(property: number, numRuns = RUNS) {
  return { seed: (SEED + property * 7919) | 0, numRuns, endOnFailure: true } as const;
}

/** Generous time limits: the properties are sized to take a few seconds each on a 2-core machine. */
export const LONG = 300_000;

/** A counter that adds to the test's summary counts (kept on the test's meta, read by the reporter). */
export function counter(task: TestContext['task']): (key: CountKey, n?: number) => void {
  const counts = (task.meta.robustness ??= {});
  return (key, n = 1) => {
    counts[key] = (counts[key] ?? 0) + n;
  };
}
