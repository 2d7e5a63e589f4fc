import { describe, expect, it } from 'vitest';
import { figureStates } from '../../src/core/figures/figureMatch';
import { readFigures } from '../../src/core/figures/figures';
import { describeFigure, describeSource, formatFigure, formatNumber } from '../../src/core/index/format';
import type { Unit } from '../../src/core/index/statistic';
import { FI_ARTICLE } from './helpers';

const pct = (value: number, valueMax?: number) => ({ value, unit: '%' as Unit, ...(valueMax !== undefined ? { valueMax } : {}) });

describe('formatFigure', () => {
  it.each(['fi', 'et', 'lv', 'ru', 'fi-FI'])('writes "84 %" with a space in %s', (lang) => {
    expect(formatFigure(pct(84), lang)).toBe('84 %');
  });

  it.each(['zh', 'en', 'zh-CN', 'en-GB'])('writes "84%" without a space in %s', (lang) => {
    expect(formatFigure(pct(84), lang)).toBe('84%');
  });

  it('writes a decimal comma where the language does', () => {
    expect(formatFigure(pct(95.6), 'fi')).toBe('95,6 %');
    expect(formatFigure(pct(95.6), 'et')).toBe('95,6 %');
    expect(formatFigure(pct(95.6), 'en')).toBe('95.6%');
    expect(formatFigure(pct(95.6), 'zh')).toBe('95.6%');
    expect(formatFigure({ value: 7.6, unit: 'USD billion' }, 'fi')).toBe('7,6 miljardia dollaria');
    expect(formatFigure({ value: 7.6, unit: 'USD billion' }, 'en')).toBe('7.6 billion USD');
    expect(formatNumber(33.3333333, 'fi')).toBe('33,333');
  });

  it('writes ranges with an en dash', () => {
    expect(formatFigure({ value: 6, valueMax: 7, unit: 'x' }, 'ru')).toBe('6–7×');
    expect(formatFigure({ value: 6, valueMax: 7, unit: 'x' }, 'zh')).toBe('6–7倍');
    expect(formatFigure({ value: 2, valueMax: 10, unit: 'minutes' }, 'et')).toBe('2–10 minutit');
    expect(formatFigure({ value: 2, valueMax: 10, unit: 'minutes' }, 'en')).toBe('2–10 minutes');
    expect(formatFigure(pct(6.5, 7.5), 'fi')).toBe('6,5–7,5 %');
  });

  it('writes Chinese money in 亿 and 万 (亿 is 10⁸)', () => {
    expect(formatFigure({ value: 7.6, unit: 'USD billion' }, 'zh')).toBe('76亿美元');
    expect(formatFigure({ value: 7.6, unit: 'USD million' }, 'zh')).toBe('760万美元');
  });

  it('writes counts as bare numbers', () => {
    expect(formatFigure({ value: 147, unit: 'respondents' }, 'et')).toBe('147');
  });

  // What completion inserts must be read back by the validator as stating the statistic, or statcite would flag
  // its own insertion as a value mismatch.
  describe('what it writes is read back as the same statistic', () => {
    const units: Array<{ value: number; valueMax?: number; unit: Unit }> = [
      pct(84),
      pct(95.6),
      pct(33.3),
      { value: 10, unit: 'x' },
      { value: 6, valueMax: 7, unit: 'x' },
      { value: 7.6, unit: 'USD billion' },
      { value: 6.5, unit: 'USD million' },
      { value: 2, valueMax: 10, unit: 'minutes' },
      { value: 30, unit: 'seconds' },
      { value: 16, unit: 'people' },
      { value: 97500, unit: 'customers' },
    ];
    for (const lang of ['en', 'fi', 'et', 'lv', 'ru', 'zh']) {
      it.each(units.map((u) => [describeFigure(u), u] as const))(`${lang}: %s`, (_name, stat) => {
        const written = formatFigure(stat, lang);
        const figures = readFigures(`Tulos: ${written} kaikista.`);
        expect(figures.map((f) => f.text)).toHaveLength(1);
        expect(figureStates(figures[0]!, stat), `${written} → ${JSON.stringify(figures[0])}`).toBe(true);
      });
    }
  });

  // A figure statcite inserts must never be reported by statcite itself as a value mismatch, nor read as another kind.
  for (const lang of ['en', 'fi', 'et', 'lv', 'ru', 'zh']) {
    it.each([
      { value: 7.6, unit: 'EUR million' as const },
      { value: 7.6, unit: 'EUR billion' as const },
      { value: 12, unit: 'EUR' as const },
      { value: 7.6, unit: 'USD trillion' as const },
      { value: 7.6, unit: 'pp' as const },
    ])(`${lang}: EUR, USD trillion and percentage points are written so the reader reads them back (%o)`, (stat) => {
      const written = formatFigure(stat, lang);
      const figures = readFigures(`Tulos: ${written} kaikista.`);
      expect(figures.map((f) => f.text), written).toHaveLength(1);
      expect(figureStates(figures[0]!, stat), `${written} → ${JSON.stringify(figures[0])}`).toBe(true);
      expect(figureStates(figures[0]!, { value: stat.value, unit: stat.unit === 'pp' ? '%' : stat.unit === 'EUR' ? 'EUR million' : 'USD' }), `${written} is no other kind or scale`).toBe(false);
    });
  }
});

describe('describeFigure and describeSource', () => {
  it('describes figures in English for messages', () => {
    expect(describeFigure(pct(84))).toBe('84%');
    expect(describeFigure({ value: 6, valueMax: 7, unit: 'x' })).toBe('6–7×');
    expect(describeFigure({ value: 7.6, unit: 'USD billion' })).toBe('7.6 USD billion');
  });

  it('describes a source by publisher and year, or by its article', () => {
    expect(describeSource({ source: { publisher: 'Zendesk', year: 2019 }, via: FI_ARTICLE })).toBe('Zendesk 2019');
    expect(describeSource({ source: { publisher: 'HubSpot' }, via: FI_ARTICLE })).toBe('HubSpot');
    expect(describeSource({ source: null, via: FI_ARTICLE })).toBe('“Asiakaspalvelutilastot”');
    expect(describeSource({ source: null, via: { ...FI_ARTICLE, publisher: 'Blogi' } })).toBe('“Asiakaspalvelutilastot”, Blogi');
  });
});
