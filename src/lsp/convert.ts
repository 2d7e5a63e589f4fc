import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as CoreEdit } from '../core/citations/cite';
import type { EditorDiagnostic } from '../core/citations/diagnostic';
import type { Severity } from '../core/citations/rules';

/** What the server keeps in a diagnostic's `data`: the offsets in the text it was found in. */
export interface DiagnosticData {
  readonly start: number;
  readonly end: number;
}

/** The offsets a diagnostic handed back by a client stands for: from its `data` when it kept it, else its range. */
export function diagnosticOffsets(doc: Pick<TextDocument, 'offsetAt'>, d: Diagnostic): DiagnosticData {
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (typeof data?.start === 'number' && typeof data.end === 'number') return { start: data.start, end: data.end };
  return { start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end) };
}

/** Translates the core's offsets and results into LSP's types, for one document (positions in UTF-16, as LSP's default). */
export function toRange(doc: Pick<TextDocument, 'positionAt'>, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function toTextEdit(doc: Pick<TextDocument, 'positionAt'>, edit: CoreEdit): TextEdit {
  return { range: toRange(doc, edit.start, edit.end), newText: edit.newText };
}

export function toSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

/**
 * A core diagnostic in LSP's form. `data` keeps its offsets: clients hand it back with a code action request, and
 * some (Neovim 0.7) hand back the range in their own columns (bytes), which would no longer find the issue.
 */
export function toDiagnostic(doc: Pick<TextDocument, 'positionAt'>, d: EditorDiagnostic): Diagnostic {
  return {
    range: toRange(doc, d.start, d.end),
    severity: toSeverity(d.severity),
    code: d.code,
    source: d.source,
    message: d.message,
    ...(d.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    data: { start: d.start, end: d.end } satisfies DiagnosticData,
  };
}
