import type { Figure, FigureKind } from './figures';
import type { Statistic, Unit } from '../index/statistic';

const MONEY_SCALE: Partial<Record<Unit, number>> = {
  USD: 1, 'USD million': 1e6, 'USD billion': 1e9, 'USD trillion': 1e12, EUR: 1, 'EUR million': 1e6, 'EUR billion': 1e9,
};

/** The kind of figure a unit is written as in prose. */
export function kindOfUnit(unit: Unit): FigureKind {
  if (unit === '%' || unit === 'pp') return 'percent';
  if (unit === 'x') return 'multiplier';
  if (unit in MONEY_SCALE) return 'money';
  return 'number';
}

/** True when a figure read from prose states this statistic's value (rounding of word fractions allowed). */
export function figureStates(figure: Figure, stat: Pick<Statistic, 'value' | 'valueMax' | 'unit'>): boolean {
  const kind = kindOfUnit(stat.unit);
  if (figure.kind !== kind && !(figure.kind === 'number' && kind !== 'percent')) return false;
  const tolerance = figure.approximate || isRoundedFraction(stat.value) ? 0.5 : 0.001;
  if (kind === 'money') {
    const scale = MONEY_SCALE[stat.unit] ?? 1;
    const figureValue = figure.value * figure.scale;
    return Math.abs(figureValue - stat.value * scale) <= scale * 0.001 + tolerance;
  }
  if (Math.abs(figure.value - stat.value) > tolerance) return false;
  if (figure.valueMax === undefined) return true;
  return stat.valueMax !== undefined && Math.abs(figure.valueMax - stat.valueMax) <= tolerance;
}

/** Thirds, sixths, sevenths and ninths as the index rounds them: a figure in words may state them. */
const ROUNDED_FRACTIONS = new Set([33.3, 66.7, 16.7, 83.3, 14.3, 11.1]);
function isRoundedFraction(value: number): boolean {
  return ROUNDED_FRACTIONS.has(value);
}

/** A key that buckets statistics by value, so a figure finds its candidates without a scan. */
export function valueBucket(value: number): number {
  return Math.round(value);
}
