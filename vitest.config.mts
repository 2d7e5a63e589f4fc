import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import RobustnessSummary from './test/robustness/summaryReporter.mts';

// One seed for the whole run, drawn before the workers start, so every robustness property uses it and the
// summary line names the seed that replays the run (STATCITE_SEED=<seed> npx vitest run test/robustness).
process.env.STATCITE_SEED ||= String(Math.floor(Math.random() * 2 ** 31));

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/robustness/**/*.test.ts', 'test/lsp/**/*.test.ts'],
    reporters: ['default', new RobustnessSummary()],
    // Every core: vitest's default keeps one free, which on a 2-core machine runs the test files one after another.
    maxWorkers: availableParallelism(),
  },
});
