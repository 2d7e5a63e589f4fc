import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StatciteApi } from '../../src/extension';

export const EXTENSION_ID = 'statcite.statcite';

/** Activates statcite and waits until its index has loaded. */
export async function statcite(): Promise<StatciteApi> {
  const ext = vscode.extensions.getExtension<StatciteApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const api = await ext.activate();
  await api.ready;
  return api;
}

/** Polls until `check` returns a truthy value (a real signal, never a fixed sleep). */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

let scratch = 0;

/**
 * Opens a new Markdown file with `text` in the workspace's scratch folder, cursor at the end. Real files, not
 * untitled ones: untitled URIs are reused after closing, and a provider could see the previous document.
 */
export async function markdownEditor(text: string): Promise<vscode.TextEditor> {
  const uri = fixtureUri(`.scratch/doc-${Date.now()}-${scratch++}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  const end = doc.positionAt(text.length);
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

/** The range of the `nth` occurrence of `needle` in a document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" is in the document`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('statcite').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Closes every editor without saving and removes the scratch files. */
export async function closeAll(): Promise<void> {
  while (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(fixtureUri('.scratch'), { recursive: true }).then(undefined, () => undefined);
}
