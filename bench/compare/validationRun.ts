// Bundled once from this tree and once from the tree being compared with (see compare-validation.sh): a cold
// validation of the generated 1 MB document, ready to run.
import { createValidationContext, validateCitations } from '../../src/core/citations/validate';
import { bundledStatistics } from '../datasets';
import { generateMarkdown } from '../markdownDoc';

const statcite = bundledStatistics();

export function setup(markup: boolean): () => unknown {
  const { text } = generateMarkdown(1_000_000, statcite.index.statistics, 3, markup);
  return () => validateCitations(text, createValidationContext(statcite.index, statcite.resolver));
}
