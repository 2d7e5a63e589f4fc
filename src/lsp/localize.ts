import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { english, type Localize } from '../core/text/localize';

/**
 * The UI language's translations, from the extension's own bundles (l10n/bundle.l10n.<locale>.json, keyed by the
 * English templates): the locale the client sends at `initialize`, else its base language (`fi` for `fi-FI`),
 * else English. A template the bundle lacks stays English.
 */
export function localizeFor(locale: string | undefined, l10nDir: string): Localize {
  if (!locale) return english;
  const lower = locale.toLowerCase();
  for (const name of [lower, lower.split('-')[0]!]) {
    if (name === 'en') return english;
    let bundle: Record<string, string>;
    try {
      bundle = JSON.parse(readFileSync(join(l10nDir, `bundle.l10n.${name}.json`), 'utf8')) as Record<string, string>;
    } catch {
      continue;
    }
    return (template, ...args) => english(typeof bundle[template] === 'string' && bundle[template] ? bundle[template] : template, ...args);
  }
  return english;
}
