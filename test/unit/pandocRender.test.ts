import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { applyEdits } from '../../src/core/citations/applyEdits';
import { documentBibliography, planPandocCitation } from '../../src/core/citations/pandocCite';
import { formatFigure } from '../../src/core/index/format';
import type { LoadedStatistic } from '../../src/core/index/indexFile';
import { loadStatcite } from '../../src/core/statcite';

// The real renderer as the peer: Debian's pandoc (2.17 on bookworm) with --citeproc, installed by the project's own
// script when missing (needs root, as on CI). statcite's output is right when pandoc finds every citation in it.
const ROOT = resolve(__dirname, '../..');
const DATA_DIR = join(ROOT, 'data');
const dir = mkdtempSync(join(tmpdir(), 'statcite-pandoc-'));
const statcite = loadStatcite(['et', 'fi', 'lv', 'ru', 'zh'].map((l) => ({ file: `${l}.stats.json`, text: readFileSync(join(DATA_DIR, `${l}.stats.json`), 'utf8') })));

beforeAll(() => {
  execFileSync('bash', [join(ROOT, 'scripts/apt-install.sh'), 'pandoc'], { stdio: 'inherit', timeout: 600_000 });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Renders a document to plain text with citeproc; returns what pandoc printed and warned. */
function render(file: string): { out: string; warnings: string } {
  const r = spawnSync('pandoc', ['--citeproc', '--wrap=none', '-t', 'plain', file], { cwd: dir, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return { out: r.stdout, warnings: r.stderr };
}

/** Types `@@…` at the end of `text` and accepts `stat` in pandoc style; writes the bibliography as statcite plans it. */
function citeInto(text: string, stat: LoadedStatistic): string {
  const at = text.lastIndexOf('@@');
  const named = documentBibliography(text);
  const path = named && join(dir, named.name);
  const current = path ? spawnSync('cat', [path], { encoding: 'utf8' }) : undefined;
  const bibliography = named && { ...named, text: current?.status === 0 ? current.stdout : undefined };
  const plan = planPandocCitation(text, { start: at, end: text.indexOf('\n', at) }, stat, { figure: formatFigure(stat, 'en'), index: statcite.index, bibliography });
  expect(plan.problem).toBeUndefined();
  if (plan.bibliography?.create !== undefined) writeFileSync(join(dir, plan.bibliography.name), plan.bibliography.create);
  if (plan.bibliography?.edit) writeFileSync(join(dir, plan.bibliography.name), applyEdits(bibliography!.text!, [plan.bibliography.edit]));
  return applyEdits(text, plan.documentEdits);
}

const zendesk84 = statcite.index.bySourceKey('zendesk-2019').find((s) => s.value === 84)!;
const secondary = statcite.index.statistics.find((s) => !s.source && s.via.publisher && s.lang === 'zh')!;

describe('pandoc --citeproc renders what statcite wrote', () => {
  it.each([['refs.json'], ['refs.bib']])('a document cited in pandoc style against the %s statcite wrote', (name) => {
    let text = `---\ntitle: Draft\nbibliography: ${name}\n---\n\nCustomer service decides a purchase for @@zendesk 84\n`;
    text = citeInto(text, zendesk84);
    text = citeInto(text + '\nAnd a figure from an article that names no publisher: @@x\n', secondary);
    text = citeInto(text + '\nThe same source again: @@zendesk\n', zendesk84);
    writeFileSync(join(dir, `doc-${name}.md`), text);
    expect(text).toContain('84% [@zendesk-2019]');
    const { out, warnings } = render(`doc-${name}.md`);
    expect(warnings).not.toMatch(/not found/);
    expect(warnings).toBe('');
    expect(out).toContain('84% (Zendesk 2019)');
    expect(out).toContain(secondary.via.publisher!);
    // One bibliography entry per source: the second citation of Zendesk reused the first's.
    expect(out.match(/^Zendesk\. 2019\./gm)).toHaveLength(1);
  });

  it.each([['csl-json', 'all.json'], ['bibtex', 'all.bib']])('every source of `statcite export --format %s`', async (format, name) => {
    const out: string[] = [];
    const code = await runCli(['export', '--format', format, '-o', name], { out: (l) => out.push(l), err: () => {}, cwd: dir, dataDir: DATA_DIR, version: 'test' });
    expect(code).toBe(0);
    const keys = [...statcite.index.sourceKeys()];
    const doc = `---\nbibliography: ${name}\n---\n\n${keys.map((k) => `Cited [@${k}].`).join('\n\n')}\n`;
    writeFileSync(join(dir, `all-${format}.md`), doc);
    const rendered = render(`all-${format}.md`);
    expect(rendered.warnings).toBe('');
    for (const key of keys) {
      const first = statcite.index.bySourceKey(key)[0]!;
      const author = first.source?.publisher ?? first.via.publisher ?? first.via.title;
      expect(rendered.out, key).toContain(author);
    }
  });

  it("pandoc reads statcite's BibTeX as the same entries as its CSL JSON", async () => {
    const json = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as Array<Record<string, unknown>>;
    const fromBib = JSON.parse(execFileSync('pandoc', ['-f', 'bibtex', '-t', 'csljson', 'all.bib'], { cwd: dir, encoding: 'utf8' })) as Array<Record<string, unknown>>;
    const pick = (i: Record<string, unknown>) => ({ id: i.id, author: i.author, issued: i.issued, title: i.title, language: i.language, note: i.note });
    expect(fromBib.map(pick).sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual(json.map(pick).sort((a, b) => String(a.id).localeCompare(String(b.id))));
  });

  it("the README's example: examples/references.json is what `statcite export --cited` writes, and the draft renders", async () => {
    const out: string[] = [];
    const examples = join(ROOT, 'examples');
    await runCli(['export', '--cited', 'pandoc-draft.md'], { out: (l) => out.push(l), err: () => {}, cwd: examples, dataDir: DATA_DIR, version: 'test' });
    expect(out.join('\n') + '\n').toBe(readFileSync(join(examples, 'references.json'), 'utf8'));
    const r = spawnSync('pandoc', ['--citeproc', '--wrap=none', '-t', 'plain', 'pandoc-draft.md'], { cwd: examples, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('84% of consumers consider customer service a key factor when deciding whether to buy (Zendesk 2019).');
    expect(r.stdout).toContain('about 96% of e-shop buyers prefer to be served via live chat (TranslateWise LLC, n.d.)');
  });

  it('pandoc reads back a publisher and title full of LaTeX specials as written', async () => {
    const { toBibtex } = await import('../../src/core/bibliography/bibtex');
    const odd = { key: 'odd-2020', author: 'AT&T_50% {x} ~^\\ #1 $ Ä字', year: 2020, title: 'Braces {and} "quotes" & 100%' };
    writeFileSync(join(dir, 'odd.bib'), toBibtex([odd]));
    const [item] = JSON.parse(execFileSync('pandoc', ['-f', 'bibtex', '-t', 'csljson', 'odd.bib'], { cwd: dir, encoding: 'utf8' })) as Array<Record<string, unknown>>;
    expect(item).toMatchObject({ id: 'odd-2020', author: [{ literal: odd.author }], title: odd.title, issued: { 'date-parts': [[2020]] } });
  });
});
