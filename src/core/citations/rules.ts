/** Stable diagnostic codes: the extension, the CLI and quick fixes all use these. */
export const RULES = {
  'undefined-footnote': { severity: 'error', description: 'A footnote reference has no definition.' },
  'undefined-citation': { severity: 'error', description: 'A Pandoc citation [@key] names no entry of the bibliography.' },
  'duplicate-footnote': { severity: 'error', description: 'Two definitions share a label.' },
  'unused-footnote': { severity: 'warning', description: 'A definition nobody references.' },
  'value-mismatch': { severity: 'warning', description: 'The sentence that cites a source states a figure that this source never reports: a wrong number, scale or kind, a hedge in the wrong direction, or a rounding that goes too far ("about" and fractions in words within 3 percentage points; "over"/"nearly" N within 10 points, on their side).' },
  'uncited-statistic': { severity: 'warning', description: 'A figure that matches an indexed statistic has no citation in its sentence.' },
  'unknown-source': { severity: 'information', description: 'A definition resolves to no source in the index, so its figures cannot be checked.' },
  'secondary-source': { severity: 'information', description: 'The cited statistic has no primary publisher, only the article it was found in.' },
  'stale-statistic': { severity: 'hint', description: 'The source is older than statcite.staleAfterYears.' },
} as const;

export type RuleCode = keyof typeof RULES;
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'ignore';
export const RULE_CODES = Object.keys(RULES) as RuleCode[];
