import type { Severity } from './rules';
import type { CitationIssue } from './validate';
import type { IndexProblem } from '../index/indexFile';

/** The `source` every statcite diagnostic carries, in the editor and from the language server. */
export const DIAGNOSTIC_SOURCE = 'statcite';

/** A diagnostic as any editor shows it: offsets into its text, a severity, a stable code. */
export interface EditorDiagnostic {
  readonly start: number;
  readonly end: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly source: typeof DIAGNOSTIC_SOURCE;
  /** Shown faded (an unused definition): the text can go. */
  readonly unnecessary: boolean;
}

/** A citation issue as a diagnostic. */
export function issueDiagnostic(issue: CitationIssue): EditorDiagnostic {
  return { start: issue.start, end: issue.end, severity: issue.severity, code: issue.code, message: issue.message, source: DIAGNOSTIC_SOURCE, unnecessary: issue.code === 'unused-footnote' };
}

/**
 * A problem in an index file as a diagnostic in that file: at the offending JSON value when it is known, else on the
 * first character. Unknown fields are warnings (the record still loads); everything else is an error.
 */
export function indexProblemDiagnostic(p: IndexProblem): EditorDiagnostic {
  const start = p.offset ?? 0;
  const end = p.offset !== undefined ? p.offset + (p.length ?? 1) : 1;
  const warning = p.code === 'invalid-file' && p.message.startsWith('Unknown');
  return { start, end, severity: warning ? 'warning' : 'error', code: p.code, message: `${p.message} (${p.path})`, source: DIAGNOSTIC_SOURCE, unnecessary: false };
}
