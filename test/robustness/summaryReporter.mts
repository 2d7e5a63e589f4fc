import type { Reporter, TestModule, Vitest } from 'vitest/node';
import type { CountKey } from './support/run';

const LABELS: ReadonlyArray<readonly [CountKey, string]> = [
  ['documents', 'documents'],
  ['insertions', 'insertions'],
  ['quickFixes', 'quick fixes'],
  ['badDataFiles', 'bad data files'],
  ['hostileRecords', 'hostile records'],
  ['cliRuns', 'CLI runs'],
];

/**
 * Prints the robustness suite's one summary line after a run that included it: how many generated documents,
 * insertions, quick fixes, bad data files, hostile records and CLI runs it checked, how many tests failed, and the
 * seed that replays the run. The counts come from each test's meta (see support/run.ts), so they add up across
 * the files vitest runs in parallel.
 */
export default class RobustnessSummary implements Reporter {
  private vitest: Vitest | undefined;
  private started = 0;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const modules = testModules.filter((m) => /[\\/]test[\\/]robustness[\\/]/.test(m.moduleId));
    if (!modules.length) return;
    const totals = new Map<CountKey, number>();
    let failures = 0;
    for (const module of modules) {
      // A file that failed to load counts once; a failing test counts once.
      if (module.state() === 'failed' && module.errors().length) failures++;
      for (const test of module.children.allTests()) {
        for (const [key, n] of Object.entries(test.meta().robustness ?? {}) as Array<[CountKey, number]>) totals.set(key, (totals.get(key) ?? 0) + n);
        if (test.result().state === 'failed') failures++;
      }
    }
    const seed = process.env.STATCITE_SEED ?? '?';
    const counts = LABELS.filter(([key]) => totals.has(key)).map(([key, label]) => `${totals.get(key)} ${label}`);
    const seconds = ((performance.now() - this.started) / 1000).toFixed(0);
    const line = `robustness: ${[...counts, `${failures} failure${failures === 1 ? '' : 's'}`].join(', ')} (seed ${seed}; replay: STATCITE_SEED=${seed} npx vitest run test/robustness; ${seconds} s)`;
    if (this.vitest) this.vitest.logger.log(line);
    else console.log(line);
  }
}
