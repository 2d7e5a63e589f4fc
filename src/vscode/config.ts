import * as vscode from 'vscode';
import type { InsertMode } from '../core/citations/cite';
import { RULE_CODES, type RuleCode, type SeveritySetting } from '../core/citations/rules';

export type ValidateRun = 'onType' | 'onSave' | 'off';

/** Every statcite setting, read in one place, for one resource (settings can differ per folder). */
export interface StatciteConfig {
  readonly trigger: string;
  readonly insert: InsertMode;
  /** `footnote` (a footnote reference and definition) or `pandoc` (`[@key]` and a bibliography entry). */
  readonly citationStyle: 'footnote' | 'pandoc';
  readonly maxResults: number;
  readonly documentLanguage: string;
  readonly validateRun: ValidateRun;
  readonly validateDelay: number;
  readonly staleAfterYears: number;
  readonly severities: Partial<Record<RuleCode, SeveritySetting>>;
  readonly dataFiles: readonly string[];
  readonly useBundledIndex: boolean;
  readonly maxDataFileSizeMB: number;
}

const SEVERITIES = new Set(['ignore', 'hint', 'information', 'warning', 'error']);

export function readConfig(scope?: vscode.ConfigurationScope): StatciteConfig {
  const c = vscode.workspace.getConfiguration('statcite', scope);
  const severities: Partial<Record<RuleCode, SeveritySetting>> = {};
  const raw = c.get<Record<string, string>>('severity') ?? {};
  for (const code of RULE_CODES) {
    const value = raw[code];
    if (value && SEVERITIES.has(value)) severities[code] = value as SeveritySetting;
  }
  const dataFiles = c.get<string | string[]>('dataFiles') ?? '**/*.stats.json';
  const trigger = (c.get<string>('trigger') ?? '@@').trim();
  return {
    trigger: trigger || '@@',
    insert: (['figure', 'gloss', 'quote'] as const).find((m) => m === c.get('insert')) ?? 'figure',
    citationStyle: c.get('citationStyle') === 'pandoc' ? 'pandoc' : 'footnote',
    maxResults: clamp(c.get<number>('completion.maxResults') ?? 50, 1, 500),
    documentLanguage: c.get<string>('documentLanguage') ?? 'auto',
    validateRun: (['onType', 'onSave', 'off'] as const).find((m) => m === c.get('validate.run')) ?? 'onType',
    validateDelay: clamp(c.get<number>('validate.delay') ?? 300, 0, 10000),
    staleAfterYears: clamp(c.get<number>('staleAfterYears') ?? 5, 0, 200),
    severities,
    dataFiles: (Array.isArray(dataFiles) ? dataFiles : [dataFiles]).filter((g) => typeof g === 'string' && g.trim()),
    useBundledIndex: c.get<boolean>('useBundledIndex') ?? true,
    maxDataFileSizeMB: clamp(c.get<number>('maxDataFileSizeMB') ?? 20, 0.01, 2000),
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
}
