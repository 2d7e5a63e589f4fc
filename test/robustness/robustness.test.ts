import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/applyEdits';
import { footnoteText, planInsertion, type InsertMode } from '../../src/core/cite';
import { readFigures } from '../../src/core/figures';
import { formatFigure } from '../../src/core/format';
import { statisticMarkdown } from '../../src/core/hover';
import { parseIndexFile } from '../../src/core/indexFile';
import { lineEndingOf } from '../../src/core/markdownText';
import { normalizeLabel, parseMarkdown } from '../../src/core/markdown';
import { loadStatcite } from '../../src/core/statcite';
import { validateCitations } from '../../src/core/validate';
import { runCli } from '../../src/cli/main';
import { document, prose } from './generators';
import { counted, RUNS, SEED, tally } from './tally';

const DATA = 'data';
const dataFiles = readdirSync(DATA).filter((f) => f.endsWith('.stats.json')).map((f) => ({ file: f, text: readFileSync(join(DATA, f), 'utf8') }));
const statcite = loadStatcite(dataFiles);
const IDS = ['zendesk-2019-purchase-decision-fi', 'customer-service-purchase-decision-zh', 'hubspot-2019-pay-more-fi', 'grand-view-research-2020-cx-management-market-fi', 'acquisition-vs-retention-cost-ru'];
const params = { seed: SEED, numRuns: RUNS };
const LONG = 300_000;

afterAll(() => {
  process.stdout.write(
    `\nrobustness: ${tally.documents} documents, ${tally.insertions} insertions, ${tally.fixes} quick fixes, ${tally.badDataFiles} bad data files, ${tally.failures} failures (seed ${SEED}; replay with STATCITE_SEED=${SEED})\n`,
  );
});

/** Puts a paragraph holding the trigger between two blocks of the document. */
function withTrigger(text: string, eol: string, where: number): { text: string; start: number; end: number } {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const boundaries = [bom, ...[...text.matchAll(new RegExp(`${eol}${eol}`, 'g'))].map((m) => m.index + eol.length), text.length];
  const at = boundaries[where % boundaries.length]!;
  const before = at === bom || text.slice(0, at).endsWith(eol + eol) ? '' : at === text.length && !text.endsWith(eol) ? eol + eol : eol;
  const paragraph = `${before}Trigger @@q${eol}${eol}`;
  const start = at + before.length + 'Trigger '.length;
  return { text: text.slice(0, at) + paragraph + text.slice(at), start, end: start + 3 };
}

describe('insertion never loses or corrupts text', () => {
  it('changes only the trigger and the definition block, keeps line endings, resolves, and is idempotent', () => {
    fc.assert(
      fc.property(document, fc.nat(), fc.constantFrom(...IDS), fc.constantFrom<InsertMode>('figure', 'gloss', 'quote'), counted(({ text: base, eol }, where, id, mode) => {
        tally.documents++;
        const { text, start, end } = withTrigger(base, eol, where);
        const stat = statcite.index.get(id)!;
        const plan = planInsertion(text, { start, end }, stat, { figure: formatFigure(stat, 'en'), mode, resolver: statcite.resolver });
        tally.insertions++;
        expect(plan.main.start).toBe(start);
        expect(plan.main.end).toBe(end);
        expect(plan.additional.length).toBeLessThanOrEqual(1);
        const def = plan.additional[0];
        if (def) {
          expect(def.start).toBe(def.end);
          expect(def.start <= start || def.start >= end).toBe(true);
          const md = parseMarkdown(text);
          expect([text.length, ...md.definitions.filter((d) => d.topLevel).map((d) => d.end)]).toContain(def.start);
        }
        const documentEol = lineEndingOf(text);
        for (const inserted of [plan.main.newText, def?.newText ?? '']) {
          expect(inserted.replace(/\r\n/g, '').includes('\n') && documentEol === '\r\n').toBe(false);
          if (documentEol === '\n') expect(inserted.includes('\r')).toBe(false);
        }
        const after = applyEdits(text, [plan.main, ...plan.additional]);
        const parsed = parseMarkdown(after);
        const shift = def && def.start <= start ? def.newText.length : 0;
        const refAt = start + shift + plan.main.newText.indexOf(`[^${plan.label}]`);
        expect(parsed.references.some((r) => r.start === refAt && normalizeLabel(r.label) === normalizeLabel(plan.label))).toBe(true);
        expect(parsed.definitions.filter((d) => d.id === normalizeLabel(plan.label)).length).toBeGreaterThanOrEqual(1);
        // A second citation of the same source adds no second definition.
        const again = withTrigger(after, lineEndingOf(after), 0);
        const second = planInsertion(again.text, { start: again.start, end: again.end }, stat, { figure: '1', mode: 'figure', resolver: statcite.resolver });
        tally.insertions++;
        expect(second.additional).toEqual([]);
        expect(second.main.newText.includes(']:')).toBe(false);
      })),
      params,
    );
  }, LONG);
});

const problems = fc.constantFrom(
  'Phone systems annoy 57% of consumers.[^zendesk-2019]',
  'Over three quarters (76%) of consumers prefer to reach customer service by phone.',
  'Nine in ten stop buying.[^hubspot-2019]',
  '[^zendesk-2019]: Zendesk (2019).',
  '[^orphan]: Nobody cites this.',
  'Asiakkaista 85 % pitää palvelua tärkeänä.[^zendesk-2019]',
);
// Each orphan gets its own label: removing one of two same-label orphans rightly leaves the other one unused.
let orphans = 0;
const problemDocument = fc
  .tuple(fc.array(fc.oneof(problems, prose), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
  .map(([blocks, eol]) => blocks.join(eol + eol).replace(/\[\^orphan\]/g, () => `[^orphan-${orphans++}]`) + eol);

describe('quick fixes fix their problem and nothing else', () => {
  it('applying a fix removes that problem and keeps the text outside its edits', () => {
    fc.assert(
      fc.property(problemDocument, counted((text) => {
        tally.documents++;
        const issues = validateCitations(text, statcite.validation);
        // With two definitions under one label, removing the unused one rightly leaves the other unused.
        const duplicated = issues.some((i) => i.code === 'duplicate-footnote');
        for (const issue of issues) {
          if (!issue.fix || (duplicated && issue.code === 'unused-footnote')) continue;
          tally.fixes++;
          const after = applyEdits(text, issue.fix.edits);
          const first = Math.min(...issue.fix.edits.map((e) => e.start));
          expect(after.slice(0, first)).toBe(text.slice(0, first));
          const lastEnd = Math.max(...issue.fix.edits.map((e) => e.end));
          expect(after.slice(after.length - (text.length - lastEnd))).toBe(text.slice(lastEnd));
          const before = issues.filter((i) => i.code === issue.code).length;
          expect(validateCitations(after, statcite.validation).filter((i) => i.code === issue.code).length).toBeLessThan(before);
        }
      })),
      params,
    );
  }, LONG);
});

describe('the validator and the figure reader never throw', () => {
  it('on generated documents and on any string', () => {
    fc.assert(
      fc.property(fc.oneof(document.map((d) => d.text), fc.string({ unit: 'binary', maxLength: 200 })), counted((text) => {
        tally.documents++;
        expect(() => validateCitations(text, statcite.validation)).not.toThrow();
        expect(() => readFigures(text)).not.toThrow();
      })),
      params,
    );
  }, LONG);

  it('on a 5 MB document, a 20,000-character line and deeply nested blocks', () => {
    const huge = 'Customer service: 84 % of buyers care.[^zendesk-2019] Nine in ten leave. 7,6 miljardia.\n\n'.repeat(60_000) + '[^zendesk-2019]: Zendesk (2019).\n';
    const line = 'Word 84% [^a] '.repeat(1500);
    const nested = `${'> '.repeat(2000)}84 %[^x]\n\n${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- 12 %`).join('\n')}\n`;
    for (const text of [huge, line, nested]) {
      tally.documents++;
      expect(Array.isArray(validateCitations(text, statcite.validation))).toBe(true);
      expect(Array.isArray(readFigures(text.slice(0, 100_000)))).toBe(true);
    }
  }, LONG);

  it('stops promptly when cancelled', () => {
    const huge = 'Para 84 %.[^x]\n\n'.repeat(200_000);
    let calls = 0;
    const started = performance.now();
    expect(validateCitations(huge, statcite.validation, { isCancelled: () => ++calls > 5 })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
  }, LONG);
});

const realFile = dataFiles.find((f) => f.file === 'fi.stats.json')!;
const realRecords = (JSON.parse(realFile.text) as { statistics: Array<Record<string, unknown>> }).statistics;

type Mutation = (records: Array<Record<string, unknown>>, victim: number, pick: number) => { text: string; damaged: boolean };
const json = (records: unknown[]) => JSON.stringify({ statistics: records }, null, 2);
const MUTATIONS: Mutation[] = [
  (rs, v, p) => {
    const keys = ['value', 'unit', 'quote', 'lang', 'en', 'source', 'via', 'id', 'sameAs', 'tags'];
    const wrong = [null, 'text', 42, [], {}, true];
    const copy = structuredClone(rs);
    copy[v]![keys[p % keys.length]!] = wrong[p % wrong.length];
    return { text: json(copy), damaged: true };
  },
  (rs, v, p) => {
    const copy = structuredClone(rs);
    delete copy[v]![['id', 'value', 'quote', 'via', 'lang', 'en'][p % 6]!];
    return { text: json(copy), damaged: true };
  },
  (rs, v) => {
    const copy = structuredClone(rs);
    copy[v]!.id = copy[(v + 1) % copy.length]!.id;
    return { text: json(copy), damaged: true };
  },
  (rs, v) => {
    const copy = structuredClone(rs);
    copy[v]!.sameAs = ['no-such-statistic'];
    return { text: json(copy), damaged: false };
  },
  (rs, v, p) => {
    const text = json(rs);
    const from = text.indexOf(`"id": "${String(rs[v]!.id)}"`);
    const at = from + (p % 40);
    return { text: text.slice(0, at) + ['', '{', '"', ',', ']'][p % 5] + text.slice(at + 1), damaged: true };
  },
];

describe('one bad data file never takes the rest down', () => {
  it('reports each of 300 broken files at its place, and loads every record before the damage', () => {
    fc.assert(
      fc.property(fc.nat(MUTATIONS.length - 1), fc.nat(realRecords.length - 1), fc.nat(), counted((m, victim, pick) => {
        tally.badDataFiles++;
        const { text, damaged } = MUTATIONS[m]!(realRecords, victim, pick);
        const parsed = parseIndexFile('broken.stats.json', text);
        const index = loadStatcite([{ file: 'broken.stats.json', text }]).index;
        const problems = index.problems;
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) {
          expect(p.file).toBe('broken.stats.json');
          expect(p.path.startsWith('$')).toBe(true);
          expect(p.message.length).toBeGreaterThan(10);
        }
        const loaded = new Set(parsed.statistics.map((s) => s.id));
        for (const r of realRecords.slice(0, victim)) expect(loaded.has(String(r.id)) || !damaged).toBe(true);
      })),
      { seed: SEED, numRuns: 300 },
    );
  }, LONG);

  it('a file that is not JSON, not UTF-8, empty or huge still leaves the other files loaded', () => {
    const good = dataFiles.filter((f) => f.file !== 'fi.stats.json');
    const expected = loadStatcite(good).index.size;
    for (const bad of ['', 'not json', '{"statistics": 5}', '[1,2,3]', '\u0000\u0001', '{"statistics": [' + '{},'.repeat(50_000) + '{}]}']) {
      tally.badDataFiles++;
      expect(loadStatcite([...good, { file: 'bad.stats.json', text: bad }]).index.size).toBe(expected);
    }
  });
});

describe('the CLI answers bad input with a clear message and exit code 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'statcite-cli-'));
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir, dataDir: DATA.startsWith('/') ? DATA : join(process.cwd(), DATA), version: 'test' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('for bad usage, missing, binary, non-UTF-8 and unreadable files', async () => {
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    mkdirSync(join(dir, 'folder.md', 'inner'), { recursive: true });
    writeFileSync(join(dir, 'bad.stats.json'), '{ not json');
    const cases: Array<[string[], RegExp]> = [
      [['frobnicate'], /Unknown command/],
      [['check', '--format', 'xml'], /--format must be/],
      [['search'], /needs a QUERY/],
      [['search', 'x', '--limit', 'zero'], /--limit must be/],
      [['check', '--bogus'], /Unknown option/],
      [['check', 'missing.md'], /no such file/],
      [['check', 'binary.md'], /binary file/],
      [['check', 'latin1.md'], /not valid UTF-8/],
      [['check', '*.nothing'], /No file matches/],
      [['check', '--data', 'missing.stats.json', 'latin1.md'], /cannot be read/],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
  });

  it('walks a directory for Markdown, honouring .gitignore, and reports a bad data file on stderr', async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'drafts'), { recursive: true });
    mkdirSync(join(project, 'build'), { recursive: true });
    writeFileSync(join(project, '.gitignore'), 'build/\n');
    writeFileSync(join(project, 'drafts', 'a.md'), 'Cited.[^nowhere]\n');
    writeFileSync(join(project, 'build', 'b.md'), 'Ignored.[^nowhere]\n');
    writeFileSync(join(project, 'team.stats.json'), '{"statistics": [{"id": "x"}]}');
    const result = await run('check', 'project', '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as { files: number; diagnostics: Array<{ file: string; code: string }> };
    expect(report.files).toBe(1);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['undefined-footnote']);
    expect(result.err).toMatch(/team\.stats\.json: \$\.statistics\[0\]/);
  });
});

describe('data is shown, never obeyed', () => {
  const hostile = ['[click](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', 'https://evil.example', '<script>alert(1)</script>', '![i](http://x/y.png)'];
  const render = new MarkdownIt({ html: false, linkify: true });

  it('hovers, footnotes and messages render hostile data as inert text', () => {
    for (const bad of hostile) {
      const stat = { ...statcite.index.get('zendesk-2019-purchase-decision-fi')!, quote: bad, en: bad, source: { publisher: bad, year: 2019, title: bad }, via: { title: bad, publisher: bad, lang: 'fi', document: bad } };
      const hoverHtml = render.render(statisticMarkdown(stat, statcite.index, { staleAfterYears: 5, now: new Date(2026, 0, 1) }));
      const footnoteHtml = render.render(`x[^a]\n\n[^a]: ${footnoteText(stat)}`);
      for (const html of [hoverHtml, footnoteHtml]) {
        expect(html).not.toMatch(/<a\s/);
        expect(html).not.toMatch(/<img|<script/);
        expect(html).toContain(render.utils.escapeHtml(bad).slice(0, 6));
      }
    }
  });
});
