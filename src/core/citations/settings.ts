import type { InsertMode } from './cite';
import { RULE_CODES, type RuleCode, type SeveritySetting } from './rules';

export type ValidateRun = 'onType' | 'onSave' | 'off';

/** Every statcite setting, normalised: what the extension and the language server read under `statcite.*`. */
export interface StatciteSettings {
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

/**
 * Reads the settings through `get`, which is given a key below `statcite.` (`trigger`, `completion.maxResults`,
 * `severity`…) and returns the raw value or `undefined`. Values of the wrong type or out of range fall back to
 * their defaults or bounds, so a bad setting never breaks a feature.
 */
export function readSettings(get: (key: string) => unknown): StatciteSettings {
  const severities: Partial<Record<RuleCode, SeveritySetting>> = {};
  const raw = get('severity');
  const rawSeverities = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  for (const code of RULE_CODES) {
    const value = rawSeverities[code];
    if (typeof value === 'string' && SEVERITIES.has(value)) severities[code] = value as SeveritySetting;
  }
  const dataFiles = get('dataFiles') ?? '**/*.stats.json';
  const rawTrigger = get('trigger');
  const trigger = typeof rawTrigger === 'string' ? rawTrigger.trim() : '';
  const useBundled = get('useBundledIndex');
  return {
    trigger: trigger || '@@',
    insert: (['figure', 'gloss', 'quote'] as const).find((m) => m === get('insert')) ?? 'figure',
    citationStyle: get('citationStyle') === 'pandoc' ? 'pandoc' : 'footnote',
    maxResults: clamp(numberOr(get('completion.maxResults'), 50), 1, 500),
    documentLanguage: stringOr(get('documentLanguage'), 'auto'),
    validateRun: (['onType', 'onSave', 'off'] as const).find((m) => m === get('validate.run')) ?? 'onType',
    validateDelay: clamp(numberOr(get('validate.delay'), 300), 0, 10000),
    staleAfterYears: clamp(numberOr(get('staleAfterYears'), 5), 0, 200),
    severities,
    dataFiles: (Array.isArray(dataFiles) ? dataFiles : [dataFiles]).filter((g): g is string => typeof g === 'string' && g.trim() !== ''),
    useBundledIndex: typeof useBundled === 'boolean' ? useBundled : true,
    maxDataFileSizeMB: clamp(numberOr(get('maxDataFileSizeMB'), 20), 0.01, 2000),
  };
}

/**
 * A `get` for `readSettings` over a plain settings object (an LSP client's `initializationOptions` or its answer to
 * `workspace/configuration`), in either shape editors send: nested (`{ completion: { maxResults: 20 } }`) or with
 * dotted keys (`{ "completion.maxResults": 20 }`).
 */
export function settingsLookup(settings: unknown): (key: string) => unknown {
  return (key) => {
    if (!settings || typeof settings !== 'object') return undefined;
    const flat = (settings as Record<string, unknown>)[key];
    if (flat !== undefined) return flat;
    let at: unknown = settings;
    for (const part of key.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
    return at;
  };
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
}
