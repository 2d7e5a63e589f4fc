import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStatcite } from '../../src/core/statcite';
import { WRITER_QUERIES } from './relevance/writerQueries';

const files = readdirSync('data').filter((f) => f.endsWith('.stats.json')).map((file) => ({ file, text: readFileSync(`data/${file}`, 'utf8') }));
const statcite = loadStatcite(files);

describe('relevance over the bundled index: writers\' queries in six languages', () => {
  it('finds the statistic meant in the top 5 (recall@5 ≥ 0.95, MRR ≥ 0.85, no empty answer)', () => {
    const known = new Set(statcite.index.statistics.map((s) => s.id));
    const langs = new Set(WRITER_QUERIES.map((w) => w.lang));
    expect(WRITER_QUERIES.length).toBeGreaterThanOrEqual(120);
    expect([...langs].sort()).toEqual(['en', 'et', 'fi', 'lv', 'ru', 'zh']);
    expect(WRITER_QUERIES.flatMap((w) => w.ids).filter((id) => !known.has(id))).toEqual([]);

    let found = 0;
    let reciprocal = 0;
    const empty: string[] = [];
    const missed: string[] = [];
    for (const { q, lang, ids } of WRITER_QUERIES) {
      const hits = statcite.search.search(q, { lang, limit: 50 }).hits.map((h) => h.statistic.id);
      if (!hits.length) empty.push(q);
      const rank = hits.findIndex((id) => ids.includes(id));
      if (rank >= 0 && rank < 5) found++;
      else missed.push(`${q} → ${rank < 0 ? 'not found' : `#${rank + 1}`} (${hits.slice(0, 3).join(', ')})`);
      if (rank >= 0) reciprocal += 1 / (rank + 1);
    }
    const recall = found / WRITER_QUERIES.length;
    const mrr = reciprocal / WRITER_QUERIES.length;
    console.log(`relevance: ${WRITER_QUERIES.length} queries, recall@5 ${recall.toFixed(3)}, MRR ${mrr.toFixed(3)}, empty ${empty.length}` + (missed.length ? `\n  missed top 5:\n  ${missed.join('\n  ')}` : ''));
    expect(empty).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(mrr).toBeGreaterThanOrEqual(0.85);
  });
});
