/**
 * Translates an English message template with `{0}`-style placeholders. The editor passes `vscode.l10n.t`, whose
 * bundles are keyed by these same English templates; the CLI and tests use the English default.
 */
export type Localize = (template: string, ...args: Array<string | number>) => string;

export const english: Localize = (template, ...args) => template.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));
