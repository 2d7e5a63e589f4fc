import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as CoreEdit } from '../core/citations/cite';
import type { EditorDiagnostic } from '../core/citations/diagnostic';
import type { Severity } from '../core/citations/rules';

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

export function toDiagnostic(doc: Pick<TextDocument, 'positionAt'>, d: EditorDiagnostic): Diagnostic {
  return {
    range: toRange(doc, d.start, d.end),
    severity: toSeverity(d.severity),
    code: d.code,
    source: d.source,
    message: d.message,
    ...(d.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
  };
}
