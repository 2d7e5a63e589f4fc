import { describe, expect, it } from 'vitest';
import { parseIndexFile } from '../../src/core/index/indexFile';
import { createStatcite, loadStatcite } from '../../src/core/statcite';
import { validateCitations } from '../../src/core/citations/validate';
import { indexText, record } from './helpers';

describe('createStatcite / loadStatcite', () => {
  const files = [
    { file: 'bundled.stats.json', text: indexText([record({ id: 'zendesk-2019-a-fi' })]) },
    { file: 'own.stats.json', text: indexText([record({ id: 'own-hubspot', value: 68, figure: undefined, source: { publisher: 'HubSpot', year: 2019 } }), { id: 'broken' }]) },
  ];

  it('merges every file, keeping each file\'s problems', () => {
    const statcite = loadStatcite(files);
    expect(statcite.index.size).toBe(2);
    expect(statcite.index.problems.map((p) => [p.file, p.code])).toContainEqual(['own.stats.json', 'invalid-record']);
  });

  it('wires index, resolver, validation and search together', () => {
    const statcite = createStatcite(files.map((f) => parseIndexFile(f.file, f.text)));
    const text = 'Kuluttajista 84 % pitää asiakaspalvelua tärkeänä.[^1] Maksaisi enemmän 68 %.[^2]\n\n[^1]: Zendesk 2019.\n[^2]: HubSpot 2019.\n';
    expect(validateCitations(text, statcite.validation, { now: new Date('2020-01-01') })).toEqual([]);
    expect(statcite.resolver.resolve({ label: 'hubspot-2019', text: '' })?.statistics.map((s) => s.id)).toEqual(['own-hubspot']);
    expect(statcite.search.search('hubspot').hits[0]?.statistic.id).toBe('own-hubspot');
  });

  it('builds nothing from nothing', () => {
    const statcite = loadStatcite([]);
    expect(statcite.index.size).toBe(0);
    expect(statcite.search.search('anything').hits).toEqual([]);
    expect(validateCitations('Text[^a].\n\n[^a]: Zendesk 2019.\n', statcite.validation).map((i) => i.code)).toEqual(['unknown-source']);
  });

  it('stops building the search in slices once a request has built it at once', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => record({ id: `r-${i}`, en: `statistic number ${i} about customers`, value: i }));
    const statcite = loadStatcite([{ file: 'many.stats.json', text: indexText(many) }]);
    let pauses = 0;
    let release: () => void = () => undefined;
    const prepared = statcite.prepareSearch(() => new Promise<void>((resolve) => ((pauses += 1), (release = resolve))));
    while (pauses === 0) await new Promise((r) => setTimeout(r, 0));
    // A completion arrives: the search is built at once, and the slices stop at the next pause.
    expect(statcite.search.search('number 42').hits.length).toBeGreaterThan(0);
    release();
    await prepared.catch(() => undefined);
    expect(pauses).toBe(1);
  });
});
