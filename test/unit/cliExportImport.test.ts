import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

const DATA_DIR = resolve(__dirname, '../../data');
const EXAMPLES = resolve(__dirname, '../../examples');
const dir = mkdtempSync(join(tmpdir(), 'statcite-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir, dataDir: DATA_DIR, version: 'test' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('statcite export', () => {
  it('writes every source of the index as CSL JSON, publisher as author, nothing invented', async () => {
    const { code, out } = await run(['export']);
    expect(code).toBe(0);
    const items = JSON.parse(out) as Array<Record<string, unknown>>;
    const zendesk = items.find((i) => i.id === 'zendesk-2019');
    expect(zendesk).toMatchObject({ type: 'document', author: [{ literal: 'Zendesk' }], issued: { 'date-parts': [[2019]] } });
    expect(zendesk).not.toHaveProperty('title');
    expect(zendesk).not.toHaveProperty('URL');
    expect(String(zendesk!.note)).toMatch(/^Quoted in “/);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('with --cited, only the sources the documents cite, footnotes and [@key] alike', async () => {
    writeFileSync(join(dir, 'a.md'), 'Asiakkaista 84 %.[^zendesk-2019]\n\n[^zendesk-2019]: Zendesk (2019).\n');
    writeFileSync(join(dir, 'b.qmd'), '---\nbibliography: refs.bib\n---\n\nPeople [see @zd, p. 3; @hubspot].\n');
    writeFileSync(join(dir, 'refs.bib'), '@misc{zd, author = {{Zendesk}}, year = 2019}\n');
    const { code, out } = await run(['export', '--format', 'bibtex', '--cited', 'a.md', 'b.qmd']);
    expect(code).toBe(0);
    expect(out.match(/^@misc\{[^,]+/gm)).toEqual(['@misc{zendesk-2019', '@misc{hubspot']);
    expect(out).toContain('author = {{Zendesk}}');
  });

  it('writes to a file with -o; bad usage is named with exit code 2', async () => {
    expect((await run(['export', '-o', 'refs.json'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'refs.json'), 'utf8')).length).toBeGreaterThan(10);
    const bad = await run(['export', '--format', 'ris']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^statcite: --format must be "csl-json" or "bibtex", not "ris"/);
    expect((await run(['export', 'a.md'])).err).toMatch(/only with --cited/);
    expect((await run(['export', '--bogus'])).code).toBe(2);
  });
});

describe('statcite import', () => {
  it('the example CSV: good rows written, the bad row named by line and column, exit code 1', async () => {
    copyFileSync(join(EXAMPLES, 'team-survey.csv'), join(dir, 'team-survey.csv'));
    const map = 'figure=Figure as written,quote=Sentence,en=English,source.publisher=Publisher,source.year=Year,via.title=Article,via.publisher=Article publisher,via.date=Article date,via.document=Document';
    const { code, out, err } = await run(['import', 'team-survey.csv', '--map', map]);
    expect(err).toBe('team-survey.csv:4: column "value": value: "n/a" is not a number');
    expect(out).toBe('2 statistic(s) written to team-survey.stats.json; 1 bad row(s) left out.');
    expect(code).toBe(1);
    const written = JSON.parse(readFileSync(join(dir, 'team-survey.stats.json'), 'utf8'));
    expect(written.statistics.map((s: { id: string }) => s.id)).toEqual(['example-csv-2025-chat-share-en', 'example-csv-2025-wait-minutes-en']);
    // What import wrote, the CLI loads as an index file without a problem.
    const check = await run(['search', 'chat over phone', '--data', 'team-survey.stats.json', '--no-bundled']);
    expect(check.err).toBe('');
    expect(check.out).toMatch(/^example-csv-2025-chat-share-en/);
  });

  it('does not overwrite without --force; a broken CSV record is named and the rest kept', async () => {
    writeFileSync(join(dir, 'broken.csv'), 'id,value,unit,quote,lang,en,via.title,via.document\nok-one,5,%,5% said yes,en,5% said yes,T,d.md\nbad-cells,6,%\nok-two,7,%,"7% said ""no""",en,7% said no,T,d.md\n');
    const first = await run(['import', 'broken.csv']);
    expect(first.err).toMatch(/^broken\.csv:3: Invalid Record Length/);
    expect(first.out).toMatch(/^2 statistic\(s\) written/);
    const again = await run(['import', 'broken.csv']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/broken\.stats\.json exists; choose another file with -o, or pass --force/);
    expect((await run(['import', 'broken.csv', '--force'])).code).toBe(1);
    expect((await run(['import', 'broken.csv', '-o', 'x.stats.json', '--map', 'colour=id'])).err).toMatch(/"colour" is not a field/);
    expect((await run(['import', 'missing.csv', '-o', 'y.stats.json'])).err).toMatch(/^statcite: missing\.csv: cannot be read \(no such file\)/);
  });
});

describe('statcite check on a Pandoc document', () => {
  it('reads the bibliography its front matter names: an undefined key is an error, a wrong figure is named', async () => {
    writeFileSync(join(dir, 'refs.json'), JSON.stringify([{ id: 'zendesk-2019', author: [{ literal: 'Zendesk' }], issued: { 'date-parts': [[2019]] } }]));
    writeFileSync(join(dir, 'pandoc.qmd'), '---\nbibliography: refs.json\n---\n\nAsiakkaista 85 % [@zendesk-2019] ja [@hubspot-2019].\n');
    const { code, out } = await run(['check', 'pandoc.qmd']);
    expect(code).toBe(1);
    expect(out).toMatch(/^pandoc\.qmd:5:13: warning value-mismatch: Zendesk 2019, HubSpot 2019 never reports 85 %/m);
    expect(out).toMatch(/^pandoc\.qmd:5:38: error undefined-citation: Citation @hubspot-2019 is not in the bibliography\.$/m);
  });
});
