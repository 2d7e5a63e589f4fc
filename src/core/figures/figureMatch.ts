import { readFigures, type DurationUnit, type Figure, type FigureKind } from './figures';
import type { Hedge } from './hedges';
import type { Statistic, Unit } from '../index/statistic';

const MONEY_SCALE: Partial<Record<Unit, number>> = {
  USD: 1, 'USD million': 1e6, 'USD billion': 1e9, 'USD trillion': 1e12, EUR: 1, 'EUR million': 1e6, 'EUR billion': 1e9,
};
const SECONDS: Record<DurationUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400, years: 31557600 };

/** The kind of figure a unit is written as in prose. */
export function kindOfUnit(unit: Unit): FigureKind {
  if (unit === '%') return 'percent';
  if (unit === 'pp') return 'points';
  if (unit === 'x') return 'multiplier';
  if (unit === 'rank') return 'rank';
  if (unit in MONEY_SCALE) return 'money';
  return 'number';
}

/**
 * How far a rounded or hedged figure may stand from the source's value (see the README's rules): in percentage
 * points for percentages, as a share of the source's value for everything else.
 */
export const ROUNDING = {
  /** "about 40 %", "two thirds", "nine in ten", "七成": either side. */
  about: { points: 3, share: 0.05 },
  /** "over half", "more than four in five", "nearly 70 %": on the hedge's side only, and no further than this. */
  bound: { points: 10, share: 0.15 },
} as const;

/**
 * True when a figure read from prose states this statistic's value. A figure in digits states the value rounded to
 * the digits written ("96 %" for 95.6 %); "about", a fraction in words and a hedge ("over", "nearly") state a range
 * (ROUNDING). The kind must agree (a percentage is no multiplier, percentage points no percentage, a rank no count),
 * and so must the scale (million, billion, 万, 亿) and a duration's unit (minutes, hours).
 */
export function figureStates(figure: Figure, stat: Pick<Statistic, 'value' | 'valueMax' | 'unit'> & { figure?: string | undefined }): boolean {
  const kind = kindOfUnit(stat.unit);
  if (figure.kind !== kind && !(figure.kind === 'number' && kind !== 'percent' && kind !== 'points' && kind !== 'rank')) return false;
  // A figure's value in the statistic's unit, and how precisely it was written, in the same unit.
  let factor = 1;
  if (kind === 'money') factor = figure.scale / (MONEY_SCALE[stat.unit] ?? 1);
  else if (figure.unit !== undefined) {
    const to = SECONDS[stat.unit as DurationUnit];
    if (to === undefined) return false;
    factor = SECONDS[figure.unit] / to;
  }
  const exact = (figure.approximate || isRoundedFraction(stat.value) ? 0.5 : halfLastDigit(figure.value)) * factor;
  const percentLike = kind === 'percent' || kind === 'points';
  const hedge = figure.hedge ?? (figure.approximate ? 'about' : undefined);
  const sourceOver = hedge === 'under' && stat.figure !== undefined && statHedge(stat.figure) === 'over';
  if (!fits(figure.value * factor, stat.value, hedge, exact, percentLike, sourceOver)) return false;
  if (figure.valueMax === undefined) return true;
  return stat.valueMax !== undefined && fits(figure.valueMax * factor, stat.valueMax, hedge, exact, percentLike, false);
}

function fits(written: number, value: number, hedge: Hedge | undefined, exact: number, percentLike: boolean, sourceOver: boolean): boolean {
  const eps = 1e-9;
  const spread = (r: { points: number; share: number }) => Math.max(exact, percentLike ? r.points : r.share * Math.abs(value));
  switch (hedge) {
    case undefined:
      return Math.abs(written - value) <= exact + eps;
    case 'about':
      return Math.abs(written - value) <= spread(ROUNDING.about) + eps;
    case 'over':
      return value >= written - eps && value <= written + spread(ROUNDING.bound) + eps;
    case 'under':
      // The source said "over 60 %": "nearly 60 %" says the opposite.
      return value <= written + (sourceOver ? -eps : eps) && value >= written - spread(ROUNDING.bound) - eps;
  }
}

/** Half a unit of the last digit written: 0.5 for "84", 0.05 for "16,9". */
function halfLastDigit(value: number): number {
  if (Number.isInteger(value)) return 0.5;
  // Asked for each statistic a figure is checked against: the number is written out once per value.
  let half = halfDigits.get(value);
  if (half === undefined) {
    const text = String(value);
    const dot = text.indexOf('.');
    half = dot < 0 ? 0.5 : 0.5 * 10 ** -(text.length - dot - 1);
    if (halfDigits.size >= 4096) halfDigits.clear();
    halfDigits.set(value, half);
  }
  return half;
}
const halfDigits = new Map<number, number>();

/** The hedge of a statistic's own figure ("yli 60 prosenttia", "超过60%"), read once per figure text. */
const statHedges = new Map<string, Hedge | undefined>();
function statHedge(figure: string): Hedge | undefined {
  if (!statHedges.has(figure)) statHedges.set(figure, readFigures(figure)[0]?.hedge);
  return statHedges.get(figure);
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
