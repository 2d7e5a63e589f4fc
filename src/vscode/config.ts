import * as vscode from 'vscode';
import { readSettings, type StatciteSettings } from '../core/citations/settings';

export type { ValidateRun } from '../core/citations/settings';
export type StatciteConfig = StatciteSettings;

/** Every statcite setting, read in one place, for one resource (settings can differ per folder). */
export function readConfig(scope?: vscode.ConfigurationScope): StatciteConfig {
  const c = vscode.workspace.getConfiguration('statcite', scope);
  return readSettings((key) => c.get(key));
}
