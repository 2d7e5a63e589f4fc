/** Types for scripts/l10n-keys.mjs (used by test/unit/l10n.test.ts). */
export interface Comparison {
  exists: boolean;
  missing: string[];
  extra: string[];
  empty: string[];
  placeholderMismatch: string[];
  notKeyEqualsValue?: string[];
}
export const LANGUAGES: string[];
export function sourceFiles(root?: string): Array<{ path: string; pattern: RegExp }>;
export function unquote(literal: string): string;
export function extractTemplates(root?: string): { templates: Map<string, string[]>; dynamic: string[] };
export function placeholders(text: string): string[];
export function readBundle(lang: string | undefined, root?: string): Record<string, string> | undefined;
export function readNls(lang: string | undefined, root?: string): Record<string, string> | undefined;
export function manifestKeys(root?: string): string[];
export function compare(file: Record<string, string> | undefined, keys: string[], english: (key: string) => string): Comparison;
export function checkAll(root?: string): { codeKeys: string[]; nlsKeys: string[]; dynamic: string[]; reports: Array<Comparison & { file: string }> };
