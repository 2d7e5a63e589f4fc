import * as vscode from 'vscode';
import type { TextEdit } from '../core/citations/cite';
import type { EditorDiagnostic } from '../core/citations/diagnostic';
import type { Severity } from '../core/citations/rules';

export function toRange(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}

export function toTextEdit(doc: vscode.TextDocument, edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(doc, edit.start, edit.end), edit.newText);
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
  }
}

/** Untrusted, HTML-free Markdown: text from data files is shown, never obeyed. */
export function inertMarkdown(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** A core diagnostic at `range` (computed by the caller, who knows the text it came from). */
export function toDiagnostic(d: EditorDiagnostic, range: vscode.Range): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, d.message, toSeverity(d.severity));
  diagnostic.source = d.source;
  diagnostic.code = d.code;
  if (d.unnecessary) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}
