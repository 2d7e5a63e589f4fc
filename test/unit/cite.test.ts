import { describe, expect, it } from 'vitest';
import { footnoteText, planFootnote, planInsertion, type InsertMode, type InsertionPlan } from '../../src/core/citations/cite';
import { formatFigure } from '../../src/core/index/format';
import type { LoadedStatistic } from '../../src/core/index/indexFile';
import { parseMarkdown } from '../../src/core/markdown/markdown';
import { applyEdits, fixtureStatcite, offsetOf, record, statciteOf } from './helpers';

const statcite = fixtureStatcite();
const { resolver } = statcite;
const zendesk = statcite.index.get('zendesk-2019-purchase-decision-fi')!;
const ZENDESK_NOTE = '[^zendesk-2019]: Zendesk (2019). Quoted in “Asiakaspalvelutilastot”.';
/** The same definition in a document statcite reads as Finnish. */
const ZENDESK_NOTE_FI = '[^zendesk-2019]: Zendesk (2019). Lainattu artikkelissa “Asiakaspalvelutilastot”.';

/** Plans inserting `stat` over the trigger `@@84` (or an empty range at `cursor`) and applies the plan. */
function insert(text: string, stat: LoadedStatistic = zendesk, mode: InsertMode = 'figure', cursor?: number): { plan: InsertionPlan; result: string } {
  const start = cursor ?? offsetOf(text, '@@84');
  const end = cursor ?? start + '@@84'.length;
  const plan = planInsertion(text, { start, end }, stat, { figure: formatFigure(stat, 'fi'), mode, resolver });
  for (const edit of plan.additional) {
    // The main edit and the definition edit never overlap or touch.
    expect(edit.start > plan.main.end || edit.end < plan.main.start).toBe(true);
  }
  return { plan, result: applyEdits(text, [plan.main, ...plan.additional]) };
}

/** The reference the plan inserted resolves, in the new text, to a definition citing the statistic's source. */
function expectResolved(result: string, plan: InsertionPlan, stat: LoadedStatistic = zendesk): void {
  const md = parseMarkdown(result);
  const ids = new Set(md.definitions.map((d) => d.id));
  for (const ref of md.references) expect(ids.has(ref.id), `[^${ref.label}] is defined in ${JSON.stringify(result)}`).toBe(true);
  const def = md.definitions.find((d) => d.label === plan.label);
  expect(def).toBeDefined();
  expect(md.references.some((r) => r.id === def!.id)).toBe(true);
  expect(resolver.resolve(def!)?.statistics.map((s) => s.id)).toContain(stat.id);
}

describe('planInsertion: a new definition', () => {
  it('replaces the trigger with the figure and its reference, and adds the definition at the end after a blank line', () => {
    const text = 'Kuluttajista @@84 pitää asiakaspalvelua tärkeänä.\n\nToinen kappale.\n';
    const { plan, result } = insert(text);
    expect(plan).toMatchObject({ label: 'zendesk-2019', reused: false });
    expect(result).toBe(`Kuluttajista 84 %[^zendesk-2019] pitää asiakaspalvelua tärkeänä.\n\nToinen kappale.\n\n${ZENDESK_NOTE_FI}\n`);
    expectResolved(result, plan);
  });

  it.each([
    ['no line break at the end', 'Alku @@84 loppu.', 'Alku 84 %[^zendesk-2019] loppu.\n\n'],
    ['one line break', 'Alku @@84 loppu.\n', 'Alku 84 %[^zendesk-2019] loppu.\n\n'],
    ['a blank line', 'Alku @@84 loppu.\n\n', 'Alku 84 %[^zendesk-2019] loppu.\n\n'],
    ['several blank lines', 'Alku @@84 loppu.\n\n\n', 'Alku 84 %[^zendesk-2019] loppu.\n\n\n'],
  ])('puts exactly one blank line before it (%s)', (_name, text, head) => {
    const { plan, result } = insert(text);
    expect(result).toBe(`${head}${ZENDESK_NOTE}\n`);
    expectResolved(result, plan);
  });

  it('adds it right after the last existing definition', () => {
    const text = 'Alku @@84 loppu.[^1]\n\n[^1]: Oma kysely.\n\nJälkisanat.\n';
    const { plan, result } = insert(text);
    expect(result).toBe(`Alku 84 %[^zendesk-2019] loppu.[^1]\n\n[^1]: Oma kysely.\n${ZENDESK_NOTE_FI}\n\nJälkisanat.\n`);
    expectResolved(result, plan);
  });

  it('keeps CRLF line endings', () => {
    const text = 'Rivi @@84\r\n\r\nToinen rivi.\r\n';
    const { plan, result } = insert(text);
    expect(result).toBe(`Rivi 84 %[^zendesk-2019]\r\n\r\nToinen rivi.\r\n\r\n${ZENDESK_NOTE}\r\n`);
    expect(result.replace(/\r\n/g, '')).not.toContain('\n');
    expectResolved(result, plan);
  });

  it('keeps CRLF after an existing definition', () => {
    const text = 'Rivi @@84[^1]\r\n\r\n[^1]: Oma.\r\n';
    const { result } = insert(text);
    expect(result).toBe(`Rivi 84 %[^zendesk-2019][^1]\r\n\r\n[^1]: Oma.\r\n${ZENDESK_NOTE}\r\n`);
  });
});

describe('planInsertion: reuse', () => {
  it('reuses a definition by its key', () => {
    const text = 'Alku[^zendesk-2019] @@84 loppu.\n\n[^zendesk-2019]: Zendesk.\n';
    const { plan, result } = insert(text);
    expect(plan).toMatchObject({ label: 'zendesk-2019', reused: true, additional: [] });
    expect(result).toBe('Alku[^zendesk-2019] 84 %[^zendesk-2019] loppu.\n\n[^zendesk-2019]: Zendesk.\n');
  });

  it('reuses a hand-written definition under another label naming the same publisher and year', () => {
    const text = 'Alku[^3] @@84 loppu.\n\n[^3]: Zendesk, CX Trends 2019.\n';
    const { plan, result } = insert(text);
    expect(plan).toMatchObject({ label: '3', reused: true, additional: [] });
    expect(result).toBe('Alku[^3] 84 %[^3] loppu.\n\n[^3]: Zendesk, CX Trends 2019.\n');
    expectResolved(result, plan);
  });

  it('reuses the footnote statcite wrote for a year-less publisher, under another label', () => {
    const hubspot = statcite.index.get('hubspot-repeating-fi')!;
    const text = `Alku[^7] @@84 loppu.\n\n[^7]: ${footnoteText(hubspot)}\n`;
    expect(insert(text, hubspot).plan).toMatchObject({ label: '7', reused: true });
  });

  it('reuses a definition labelled with a long source key', () => {
    const own = statciteOf([record({ id: 'long', source: { publisher: 'The International Customer Experience Research Institute', year: 2019 } })]);
    const stat = own.index.get('long')!;
    const text = 'Alku[^the-international-customer-experience-re-2019] @@84 loppu.\n\n[^the-international-customer-experience-re-2019]: ICERI.\n';
    const p = planInsertion(text, { start: offsetOf(text, '@@84'), end: offsetOf(text, '@@84') + 4 }, stat, { figure: '84 %', mode: 'figure', resolver: own.resolver });
    expect(p).toMatchObject({ label: 'the-international-customer-experience-re-2019', reused: true });
  });

  it('does not reuse a definition of the same publisher in another year', () => {
    const text = 'Alku[^3] @@84 loppu.\n\n[^3]: Zendesk, CX Trends 2020.\n';
    const { plan } = insert(text);
    expect(plan).toMatchObject({ label: 'zendesk-2019', reused: false });
  });
});

describe('planInsertion: unique labels', () => {
  // A statistic of a source the resolver does not know ("Acme 2019"): a footnote labelled "acme-2019" in the
  // document is then somebody else's note, not a citation of this source.
  const acme = statciteOf([record({ id: 'acme-a', source: { publisher: 'Acme', year: 2019 } })]).index.get('acme-a')!;
  const plan = (text: string) => planInsertion(text, { start: offsetOf(text, '@@84'), end: offsetOf(text, '@@84') + 4 }, acme, { figure: '84 %', mode: 'figure', resolver });

  it('uses the source key as the label when it is free', () => {
    expect(plan('Alku @@84 loppu.[^1]\n\n[^1]: Oma.\n').label).toBe('acme-2019');
  });

  it('numbers the label when an unrelated footnote has it', () => {
    const text = 'Alku @@84 loppu.[^acme-2019]\n\n[^acme-2019]: Oma muistiinpano.\n';
    const p = plan(text);
    expect(p).toMatchObject({ label: 'acme-2019-2', reused: false });
    const result = applyEdits(text, [p.main, ...p.additional]);
    expect(result).toContain('84 %[^acme-2019-2]');
    expect(result).toContain('[^acme-2019]: Oma muistiinpano.\n[^acme-2019-2]: Acme (2019). Quoted in “Asiakaspalvelutilastot”.');
    const md = parseMarkdown(result);
    expect(md.definitions.map((d) => d.label)).toEqual(['acme-2019', 'acme-2019-2']);
    expect(md.references.map((r) => r.label)).toEqual(['acme-2019-2', 'acme-2019']);
  });

  it('skips every label taken by a definition or a reference, whatever its case', () => {
    const text = 'Alku @@84 loppu.[^ACME-2019][^acme-2019-3]\n\n[^acme-2019]: Oma.\n[^Acme-2019-2]: Toinen.\n[^acme-2019-3]: Kolmas.\n';
    expect(plan(text).label).toBe('acme-2019-4');
  });

  it('gives a reference that is waiting for the source\'s definition the key itself', () => {
    const text = 'Alku[^zendesk-2019] @@84 loppu.\n';
    const { plan: p, result } = insert(text);
    expect(p).toMatchObject({ label: 'zendesk-2019', reused: false });
    expect(result).toBe(`Alku[^zendesk-2019] 84 %[^zendesk-2019] loppu.\n\n${ZENDESK_NOTE}\n`);
    expectResolved(result, p);
  });
});

describe('planInsertion: modes', () => {
  it('gloss: inserts the English gloss, the reference before the full stop', () => {
    const text = 'Tutkimus: @@84\n';
    const { plan, result } = insert(text, zendesk, 'gloss');
    expect(result.split('\n')[0]).toBe('Tutkimus: 84% of consumers consider customer service a key factor when deciding whether to buy[^zendesk-2019].');
    expectResolved(result, plan);
  });

  it('quote: inserts the quote in quotation marks with the reference after it', () => {
    const text = 'Artikkelin mukaan @@84\n';
    const { plan, result } = insert(text, zendesk, 'quote');
    expect(result.split('\n')[0]).toBe(`Artikkelin mukaan “${zendesk.quote}”[^zendesk-2019]`);
    expectResolved(result, plan);
  });
});

describe('planInsertion: at the end of the document', () => {
  it.each([
    ['the trigger ends the document', 'Alku @@84', undefined],
    ['the trigger ends the document after a blank line', 'Alku.\n\n@@84', undefined],
    ['the cursor ends the document', 'Alku ', 5],
    ['the cursor is on the last, empty line', 'Alku.\n', 6],
    ['the cursor is after a blank line', 'Alku.\n\n', 7],
    ['the document is empty', '', 0],
    ['the document is blank, cursor first', '\n\n', 0],
    ['the document is blank, cursor last', '\n\n', 2],
  ])('merges the definition into one edit when %s', (_name, text, cursor) => {
    const { plan, result } = insert(text, zendesk, 'figure', cursor);
    expect(plan.additional).toEqual([]);
    expect(result).toContain(`84 %[^zendesk-2019]\n\n${ZENDESK_NOTE}\n`);
    expectResolved(result, plan);
    // Nothing of the document before the insertion point is lost.
    const at = cursor ?? offsetOf(text, '@@84');
    expect(result.startsWith(text.slice(0, at).trim() ? text.slice(0, at) : '')).toBe(true);
  });

  it('merges into the last definition when the trigger ends it', () => {
    const text = 'Alku[^1].\n\n[^1]: Katso myös @@84';
    const { plan, result } = insert(text);
    expect(plan.additional).toEqual([]);
    expect(result).toBe(`Alku[^1].\n\n[^1]: Katso myös 84 %[^zendesk-2019]\n${ZENDESK_NOTE_FI}`);
    expectResolved(result, plan);
  });

  it.each([
    ['at the end', 'Alku @@84 loppu.\r\rToinen kappale.\r'],
    ['after the last definition', 'Alku @@84 loppu.[^1]\r\r[^1]: Oma kysely.\r\rJälkisanat.\r'],
    ['merged into the insertion', 'Alku\rloppu @@84'],
  ])('keeps a CR-only document CR-only (%s)', (_name, text) => {
    const { plan, result } = insert(text);
    expect(result).not.toMatch(/\n/);
    expect(result.split('\r').filter((l) => l.startsWith('[^zendesk-2019]:'))).toHaveLength(1);
    expectResolved(result, plan);
  });

  it('keeps the edits apart when the trigger is elsewhere', () => {
    const { plan } = insert('Alku @@84 loppu.\n');
    expect(plan.additional).toHaveLength(1);
  });
});

describe('planFootnote and footnoteText', () => {
  it('writes publisher, year, title and the article it was quoted in', () => {
    expect(footnoteText(zendesk)).toBe('Zendesk (2019). Quoted in “Asiakaspalvelutilastot”.');
    expect(footnoteText({ source: { publisher: 'Zendesk', year: 2020, title: 'CX Trends' }, via: { title: 'T', publisher: 'Blog', date: '2021-01', lang: 'en', document: 'd' } })).toBe(
      'Zendesk (2020), *CX Trends*. Quoted in “T”, Blog, 2021-01.',
    );
  });

  it('writes the definition in the document\'s language: fi, et, lv, ru, zh, English otherwise', () => {
    expect(footnoteText(zendesk, 'fi')).toBe('Zendesk (2019). Lainattu artikkelissa “Asiakaspalvelutilastot”.');
    expect(footnoteText(zendesk, 'et')).toBe('Zendesk (2019). Tsiteeritud artiklis “Asiakaspalvelutilastot”.');
    expect(footnoteText(zendesk, 'lv')).toBe('Zendesk (2019). Citēts rakstā “Asiakaspalvelutilastot”.');
    expect(footnoteText(zendesk, 'ru')).toBe('Zendesk (2019). Цитируется по статье “Asiakaspalvelutilastot”.');
    expect(footnoteText(zendesk, 'zh-CN')).toBe('Zendesk (2019)。转引自“Asiakaspalvelutilastot”。');
    expect(footnoteText(zendesk, 'de')).toBe('Zendesk (2019). Quoted in “Asiakaspalvelutilastot”.');
    // The language comes from the document (its front matter or its letters) unless the editor says otherwise.
    const { result } = insert('客户服务很重要，@@84。\n');
    expect(result).toBe('客户服务很重要，84 %[^zendesk-2019]。\n\n[^zendesk-2019]: Zendesk (2019)。转引自“Asiakaspalvelutilastot”。\n');
    const told = planInsertion('Kuluttajista @@84 pitää asiakaspalvelua tärkeänä.\n', { start: 13, end: 17 }, zendesk, { figure: '84 %', mode: 'figure', resolver: statcite.resolver, lang: 'ru' });
    expect(told.additional[0]?.newText).toContain('Цитируется по статье');
  });

  it('cites the article when there is no publisher', () => {
    expect(footnoteText(statcite.index.get('knowledgeable-reps-fi')!)).toBe('“Asiakaspalvelutilastot”.');
  });

  it('escapes data so it cannot inject Markdown', () => {
    const text = footnoteText({ source: { publisher: '[evil](command:x) <b>' }, via: { title: '*T*', lang: 'en', document: 'd' } });
    const md = parseMarkdown(`A[^a].\n\n[^a]: ${text}\n`);
    expect(md.definitions[0]!.text).toBe(text);
    expect(text).not.toMatch(/(?<!\\)[[\]<>*]/);
  });

  it('gives a reference that is waiting for its definition the key as label', () => {
    const text = 'Alku[^zendesk-2019] loppu.\n';
    const plan = planFootnote(text, zendesk, resolver);
    expect(plan).toMatchObject({ label: 'zendesk-2019', reused: false });
    expect(applyEdits(text, [plan.definitionEdit!])).toBe(`${text}\n${ZENDESK_NOTE}\n`);
  });
});
