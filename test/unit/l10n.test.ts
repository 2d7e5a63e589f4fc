import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, compare, extractTemplates, manifestKeys, placeholders, readBundle, readNls, unquote } from '../../scripts/l10n-keys.mjs';

/**
 * Every string the UI shows exists in English and in every translation, and the translations keep what must not be
 * translated. To see what is out of sync: `node scripts/l10n-keys.mjs`.
 */

/** Translations of more than three words that may equal the English (product names and the like). */
const SAME_AS_ENGLISH_OK = new Set<string>(['statcite']);

const { templates, dynamic } = extractTemplates();
const codeKeys = [...templates.keys()];
const nlsKeys = manifestKeys();
const englishNls = readNls(undefined) ?? {};
const packageJson = JSON.parse(readFileSync('package.json', 'utf8'));

/** What a translation must carry over verbatim: `code`, command links, setting ids. */
const protectedTokens = (english: string) => english.match(/`[^`]+`|\(command:[^)]+\)|\bstatcite(?:\.\w+)+/g) ?? [];
const words = (text: string) => text.trim().split(/\s+/).length;

const files = [
  ...[undefined, ...LANGUAGES].map((lang) => ({ name: lang ? `l10n/bundle.l10n.${lang}.json` : 'l10n/bundle.l10n.json', lang, kind: 'bundle' as const, data: readBundle(lang), keys: codeKeys, english: (k: string) => k })),
  ...[undefined, ...LANGUAGES].map((lang) => ({ name: lang ? `package.nls.${lang}.json` : 'package.nls.json', lang, kind: 'nls' as const, data: readNls(lang), keys: nlsKeys, english: (k: string) => englishNls[k] ?? '' })),
];

describe('key extraction', () => {
  it('finds the templates in src/vscode, src/extension.ts and the validation messages', () => {
    expect(codeKeys.length).toBeGreaterThan(40);
    expect(codeKeys).toContain('Footnote [^{0}] has no definition.');
    expect(codeKeys).toContain("Replace {0} with the source's figure");
    expect(codeKeys).toContain('{0} statistics');
  });

  it('finds the templates of the core files that take a localize function: hovers and data-file problems', () => {
    expect(templates.get('English (our translation):')).toEqual([expect.stringMatching(/^src\/core\/citations\/hover\.ts:\d+$/)]);
    expect(templates.get('JSON syntax error: {0}')).toEqual([expect.stringMatching(/^src\/core\/index\/indexFile\.ts:\d+$/)]);
    expect(templates.get('Duplicate id "{0}" (first defined in {1}); this record is skipped.')).toEqual([expect.stringMatching(/^src\/core\/index\/statisticsIndex\.ts:\d+$/)]);
    expect(templates.get('Finnish')).toEqual(expect.arrayContaining([expect.stringMatching(/^src\/core\/citations\/hover\.ts:/), expect.stringMatching(/^src\/vscode\/statisticsView\.ts:/)]));
  });

  it('finds no call whose message is not a string literal (those cannot be in a bundle)', () => {
    expect(dynamic).toEqual([]);
  });

  it('reads string literals the way JavaScript does', () => {
    expect(unquote(String.raw`'it\'s {0}'`)).toBe("it's {0}");
    expect(unquote(String.raw`"say \"hi\""`)).toBe('say "hi"');
    expect(unquote(String.raw`'a\u00e4\nb'`)).toBe('aä\nb');
  });

  it('reports what a bundle lacks, no longer needs, leaves empty or gets wrong', () => {
    expect(placeholders('{1} of {0}, {1}')).toEqual(['{0}', '{1}', '{1}']);
    const r = compare({ 'Cite {0}': 'Viittaa', 'Old': 'Vanha', '{0} statistics': ' ' }, ['Cite {0}', '{0} statistics', 'New'], (k) => k);
    expect(r).toMatchObject({ missing: ['New'], extra: ['Old'], empty: ['{0} statistics'], placeholderMismatch: ['Cite {0}', '{0} statistics'] });
  });
});

describe('package.json', () => {
  it('uses %key% placeholders for its user-visible strings', () => {
    expect(nlsKeys.length).toBeGreaterThan(40);
    const c = packageJson.contributes;
    const visible: string[] = [
      packageJson.description,
      ...c.commands.map((cmd: { title: string }) => cmd.title),
      ...c.views.statcite.map((v: { name: string }) => v.name),
      ...c.viewsWelcome.map((w: { contents: string }) => w.contents),
      packageJson.capabilities.untrustedWorkspaces.description,
    ];
    const walk = (props: Record<string, Record<string, unknown>>) => {
      for (const p of Object.values(props)) {
        for (const field of ['description', 'markdownDescription']) if (typeof p[field] === 'string') visible.push(p[field] as string);
        for (const field of ['enumDescriptions', 'markdownEnumDescriptions']) if (Array.isArray(p[field])) visible.push(...(p[field] as string[]));
        if (p.properties) walk(p.properties as Record<string, Record<string, unknown>>);
      }
    };
    walk(c.configuration.properties);
    expect(visible.filter((s) => !/^%[^%]+%$/.test(s))).toEqual([]);
  });

  it('points VS Code at the l10n bundles', () => {
    expect(packageJson.l10n).toBe('./l10n');
  });
});

describe.each(files)('$name', ({ lang, kind, data, keys, english }) => {
  it('exists', () => {
    expect(data).toBeDefined();
  });

  it(kind === 'bundle' ? 'has every template in the code' : 'has every %key% used in package.json', () => {
    expect(compare(data, keys, english).missing).toEqual([]);
  });

  it('has no keys nothing uses any more', () => {
    expect(compare(data, keys, english).extra).toEqual([]);
  });

  it('has no empty strings', () => {
    expect(compare(data, keys, english).empty).toEqual([]);
  });

  it('keeps the placeholders {0}, {1}… of the English', () => {
    expect(compare(data, keys, english).placeholderMismatch).toEqual([]);
  });

  it('keeps code, command links and setting ids untranslated', () => {
    const lost = Object.entries(data ?? {}).flatMap(([k, v]) => protectedTokens(english(k)).filter((t) => !v.includes(t)).map((t) => `${JSON.stringify(k)} lost ${t}`));
    expect(lost).toEqual([]);
  });

  if (!lang) {
    if (kind === 'bundle') {
      it('is English: every value is its key', () => {
        expect(Object.entries(data ?? {}).filter(([k, v]) => k !== v)).toEqual([]);
      });
    }
  } else {
    it('translates every string of more than three words', () => {
      const untranslated = Object.entries(data ?? {}).filter(([k, v]) => words(english(k)) > 3 && v.trim() === english(k).trim() && !SAME_AS_ENGLISH_OK.has(v));
      expect(untranslated).toEqual([]);
    });
  }
});
