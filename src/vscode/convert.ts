import * as vscode from 'vscode';
import type { TextEdit } from '../core/citations/cite';
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
