import { describe, expect, it } from 'vitest';
import { figureStates, kindOfUnit } from '../../src/core/figures/figureMatch';
import { readFigures, type Figure } from '../../src/core/figures/figures';
import type { Unit } from '../../src/core/index/statistic';

function figure(text: string): Figure {
  const figures = readFigures(text);
  expect(figures, text).toHaveLength(1);
  return figures[0]!;
}

const stat = (value: number, unit: Unit, valueMax?: number) => ({ value, unit, ...(valueMax !== undefined ? { valueMax } : {}) });

describe('kindOfUnit', () => {
  it('maps units to the kind of figure they are written as', () => {
    expect(kindOfUnit('%')).toBe('percent');
    expect(kindOfUnit('pp')).toBe('points');
    expect(kindOfUnit('rank')).toBe('rank');
    expect(kindOfUnit('x')).toBe('multiplier');
    expect(kindOfUnit('USD billion')).toBe('money');
    expect(kindOfUnit('EUR')).toBe('money');
    expect(kindOfUnit('people')).toBe('number');
    expect(kindOfUnit('minutes')).toBe('number');
  });
});

describe('figureStates', () => {
  it('matches a percentage exactly', () => {
    expect(figureStates(figure('84 %'), stat(84, '%'))).toBe(true);
    expect(figureStates(figure('84,0 %'), stat(84, '%'))).toBe(true);
    expect(figureStates(figure('85 %'), stat(84, '%'))).toBe(false);
    expect(figureStates(figure('84,4 %'), stat(84, '%'))).toBe(false);
  });

  it('lets a word fraction round ("one third" is 33.3, "nine in ten" is 90)', () => {
    expect(figureStates(figure('one third'), stat(33.3, '%'))).toBe(true);
    expect(figureStates(figure('三分之一'), stat(33, '%'))).toBe(true);
    expect(figureStates(figure('nine in ten'), stat(90, '%'))).toBe(true);
    expect(figureStates(figure('nine in ten'), stat(84, '%'))).toBe(false);
    // A statistic stored as a rounded third is stated by "33 %" too.
    expect(figureStates(figure('33 %'), stat(33.3, '%'))).toBe(true);
  });

  it('does not take a percentage for a multiplier or a count, nor the other way round', () => {
    expect(figureStates(figure('10 %'), stat(10, 'x'))).toBe(false);
    expect(figureStates(figure('10 times'), stat(10, '%'))).toBe(false);
    expect(figureStates(figure('10 %'), stat(10, 'people'))).toBe(false);
  });

  it('lets a bare number state a count, a duration or a multiplier, but not a percentage', () => {
    expect(figureStates(figure('16 people'), stat(16, 'people'))).toBe(true);
    expect(figureStates(figure('97 500 klientu'), stat(97500, 'customers'))).toBe(true);
    expect(figureStates(figure('10 min'), stat(10, 'minutes'))).toBe(true);
    expect(figureStates(figure('84 kuluttajaa'), stat(84, '%'))).toBe(false);
  });

  it('matches money across scales', () => {
    expect(figureStates(figure('7,6 miljardia dollaria'), stat(7.6, 'USD billion'))).toBe(true);
    expect(figureStates(figure('$7.6 billion'), stat(7.6, 'USD billion'))).toBe(true);
    expect(figureStates(figure('$7600 million'), stat(7.6, 'USD billion'))).toBe(true);
    expect(figureStates(figure('76亿美元'), stat(7.6, 'USD billion'))).toBe(true);
    expect(figureStates(figure('7,6 miljoonaa dollaria'), stat(7.6, 'USD billion'))).toBe(false);
    expect(figureStates(figure('$6.5 billion'), stat(7.6, 'USD billion'))).toBe(false);
  });

  it('matches ranges end to end', () => {
    expect(figureStates(figure('в 6-7 раз'), stat(6, 'x', 7))).toBe(true);
    expect(figureStates(figure('6–8 times'), stat(6, 'x', 7))).toBe(false);
    expect(figureStates(figure('2-10 minuti'), stat(2, 'minutes', 10))).toBe(true);
    // A range in the text is not a single value.
    expect(figureStates(figure('6–7 times'), stat(6, 'x'))).toBe(false);
  });
});
