import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/applyEdits';
import { planInsertion } from '../../src/core/cite';
import { parseMarkdown } from '../../src/core/markdown';
import { loadStatcite } from '../../src/core/statcite';

/** Bugs the robustness properties found, each pinned by the smallest example. */

const via = { title: 'Trendid', publisher: 'TranslateWise LLC', lang: 'et', document: 'et.txt' };
const record = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  value: 42,
  unit: '%',
  quote: '42%\nettevõtetest arvab, et nende kliendid eelistavad telefoni.',
  lang: 'et',
  en: '42% of companies think\ntheir customers prefer the phone.',
  source: { publisher: 'Kayako', year: 2021 },
  via,
  ...extra,
});
const statcite = loadStatcite([{ file: 'et.stats.json', text: JSON.stringify({ statistics: [record('kayako-2021-phone-et')] }) }]);
const stat = statcite.index.get('kayako-2021-phone-et')!;

describe('regressions found by the robustness properties', () => {
  it.each(['quote', 'gloss'] as const)('a %s with a line break in the data goes in on one line (table rows and CRLF stay whole)', (mode) => {
    const text = '| A | B |\r\n| --- | --- |\r\n| @@kay | x |\r\n';
    const start = text.indexOf('@@');
    const plan = planInsertion(text, { start, end: start + 5 }, stat, { figure: '42%', mode, resolver: statcite.resolver });
    expect(plan.main.newText).not.toMatch(/[\r\n]/);
    const after = applyEdits(text, [plan.main, ...plan.additional]);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after.split('\r\n')[2]).toMatch(/^\| .*\[\^kayako-2021\][.]? \| x \|$/);
    expect(parseMarkdown(after).references.map((r) => r.label)).toEqual(['kayako-2021']);
  });
});

describe('regressions: where the definition goes', () => {
  it('a paragraph right after an empty last definition stays a paragraph (it does not join the new definition)', () => {
    const text = 'Text @@kay here.[^1]\n\n[^1]:\nA paragraph after it.\n    [^x]: indented, so part of that paragraph\n';
    const start = text.indexOf('@@');
    const before = parseMarkdown(text);
    const plan = planInsertion(text, { start, end: start + 5 }, stat, { figure: '42%', mode: 'figure', resolver: statcite.resolver });
    const after = applyEdits(text, [plan.main, ...plan.additional]);
    const md = parseMarkdown(after);
    expect(md.definitions.map((d) => d.label)).toEqual([...before.definitions.map((d) => d.label), 'kayako-2021']);
    expect(md.definitions.at(-1)!.text).not.toContain('A paragraph after it');
    expect(after).toContain('\n\nA paragraph after it.\n');
  });
});

describe('regressions: reusing a definition', () => {
  it('does not reuse the second definition of a label: a reference to the label cites the first', () => {
    const text = 'Text @@kay here.[^a]\n\n[^a]: Own survey, 2024.\n[^a]: Kayako (2021).\n';
    const start = text.indexOf('@@');
    const plan = planInsertion(text, { start, end: start + 5 }, stat, { figure: '42%', mode: 'figure', resolver: statcite.resolver });
    expect(plan.label).not.toBe('a');
    const after = applyEdits(text, [plan.main, ...plan.additional]);
    const def = parseMarkdown(after).definitions.find((d) => d.label === plan.label)!;
    expect(statcite.resolver.resolve(def)?.key).toBe('kayako-2021');
  });
});

describe('regressions: parse offsets', () => {
  it('a byte-order mark starting a later block (files joined together) does not shift that block\'s offsets', () => {
    const text = 'First file.[^a]\n\n[^a]: A.\n\n\uFEFFSecond file.[^b]\n\n\uFEFF[^b]: B.\n';
    const md = parseMarkdown(text);
    for (const r of md.references) expect(text.slice(r.start, r.end)).toBe(`[^${r.label}]`);
    for (const d of md.definitions) expect(text.slice(d.start, d.labelEnd)).toBe(`[^${d.label}]:`);
    expect(md.definitions.map((d) => d.text)).toEqual(['A.', 'B.']);
  });
});
