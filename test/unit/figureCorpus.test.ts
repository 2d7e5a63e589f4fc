import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCitations } from '../../src/core/citations/validate';
import { parseIndexFile } from '../../src/core/index/indexFile';
import { createStatcite } from '../../src/core/statcite';
import { EN } from './corpus/en';
import { ET } from './corpus/et';
import { FI } from './corpus/fi';
import { LV } from './corpus/lv';
import { RU } from './corpus/ru';
import type { Case } from './corpus/types';
import { ZH } from './corpus/zh';

// The targets: a fact-checker trusts a warning that is right 97 times in 100 and misses few wrong figures.
const TARGETS = { mismatchPrecision: 0.97, mismatchRecall: 0.93, uncitedPrecision: 0.9 };

const DATA = resolve(__dirname, '../../data');
const files = readdirSync(DATA).filter((f) => f.endsWith('.stats.json')).map((f) => parseIndexFile(f, readFileSync(join(DATA, f), 'utf8')));
const statcite = createStatcite(files);
const NOW = new Date('2022-06-01');
const CORPUS: Record<string, readonly Case[]> = { en: EN, fi: FI, et: ET, lv: LV, ru: RU, zh: ZH };
const all = Object.entries(CORPUS).flatMap(([lang, cases]) => cases.map((c) => ({ lang, c })));

function codesOf(sentence: string, definition: string): string[] {
  const text = definition ? `${sentence}\n\n${definition}\n` : `${sentence}\n`;
  return validateCitations(text, statcite.validation, { now: NOW }).map((i) => `${i.code}: ${i.message}`);
}

interface Score { tp: number; fp: number; fn: number; misses: string[] }
const score = (): Score => ({ tp: 0, fp: 0, fn: 0, misses: [] });
const precision = (s: Score) => (s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1);
const recall = (s: Score) => (s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1);

const mismatch = score();
const uncited = score();
const unresolved: string[] = [];
for (const { lang, c } of all) {
  const [verdict, sentence, definition, why] = c;
  const found = codesOf(sentence, definition);
  const line = (what: string) => `${what} [${lang}] ${sentence} (${why}) → ${found.join(' | ') || 'nothing'}`;
  if (found.some((f) => f.startsWith('unknown-source'))) unresolved.push(line('unresolved'));
  const raisedMismatch = found.some((f) => f.startsWith('value-mismatch'));
  if (verdict === 'wrong') raisedMismatch ? mismatch.tp++ : (mismatch.fn++, mismatch.misses.push(line('missed')));
  if (verdict === 'fair' && raisedMismatch) (mismatch.fp++, mismatch.misses.push(line('false alarm')));
  const raisedUncited = found.some((f) => f.startsWith('uncited-statistic'));
  if (verdict === 'uncited') raisedUncited ? uncited.tp++ : (uncited.fn++, uncited.misses.push(line('missed')));
  if (verdict !== 'uncited' && raisedUncited) (uncited.fp++, uncited.misses.push(line('false alarm')));
}

describe('the labelled figure corpus', () => {
  it('holds at least 200 sentences in six languages, half fair and half wrong', () => {
    const cited = all.filter(({ c }) => c[0] === 'fair' || c[0] === 'wrong');
    expect(cited.length).toBeGreaterThanOrEqual(200);
    for (const cases of Object.values(CORPUS)) expect(cases.length).toBeGreaterThanOrEqual(30);
    const fair = cited.filter(({ c }) => c[0] === 'fair').length;
    expect(Math.abs(fair / cited.length - 0.5)).toBeLessThan(0.06);
  });

  it('resolves every definition in it to a source', () => {
    expect(unresolved).toEqual([]);
  });

  it(`value-mismatch: precision ≥ ${TARGETS.mismatchPrecision}, recall ≥ ${TARGETS.mismatchRecall}`, () => {
    console.log(`value-mismatch: precision ${precision(mismatch).toFixed(3)}, recall ${recall(mismatch).toFixed(3)} (${mismatch.tp} caught, ${mismatch.fp} false alarms, ${mismatch.fn} missed)\n  ${mismatch.misses.join('\n  ')}`);
    expect(precision(mismatch), mismatch.misses.join('\n')).toBeGreaterThanOrEqual(TARGETS.mismatchPrecision);
    expect(recall(mismatch), mismatch.misses.join('\n')).toBeGreaterThanOrEqual(TARGETS.mismatchRecall);
  });

  it(`uncited-statistic: precision ≥ ${TARGETS.uncitedPrecision}`, () => {
    console.log(`uncited-statistic: precision ${precision(uncited).toFixed(3)}, recall ${recall(uncited).toFixed(3)} (${uncited.tp} caught, ${uncited.fp} false alarms, ${uncited.fn} missed)\n  ${uncited.misses.join('\n  ')}`);
    expect(precision(uncited), uncited.misses.join('\n')).toBeGreaterThanOrEqual(TARGETS.uncitedPrecision);
  });
});
