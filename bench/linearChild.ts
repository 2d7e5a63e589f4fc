// Validation time on the inputs that once made it slower than linear (bench/linearInputs.ts), each at its size and
// doubled three times, in a fresh process: the ratio of each doubling should stay near 2. Prints one JSON line.
import { createValidationContext, validateCitations } from '../src/core/citations/validate';
import { bundledStatistics } from './datasets';
import { LINEAR_INPUTS } from './linearInputs';
import { summarize, timeRuns } from './stats';

const statcite = bundledStatistics();
const fresh = () => createValidationContext(statcite.index, statcite.resolver);
const rows = LINEAR_INPUTS.map(({ name, make }) => {
  const sizes = [1, 2, 4, 8].map((n) => {
    const text = make(n);
    validateCitations(text, fresh()); // warms the JIT on this shape
    return { n, chars: text.length, ms: summarize(timeRuns(3, () => validateCitations(text, fresh()))).median };
  });
  return { name, sizes, ratios: sizes.slice(1).map((s, i) => s.ms / Math.max(sizes[i]!.ms, 0.01)) };
});
console.log(JSON.stringify({ rows }));
