import type { Hedge } from './hedges';

/** What kind of quantity a figure is: checked against a statistic's unit. */
export type FigureKind = 'percent' | 'points' | 'multiplier' | 'money' | 'rank' | 'number';
/** The unit of a duration ("10 minutes", "piecu minūšu"); a figure in the wrong one is a different figure. */
export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'years';

/** A figure read from prose, with its offsets in the text it was read from. */
export interface Figure {
  readonly value: number;
  readonly valueMax?: number;
  readonly kind: FigureKind;
  /** Scale of a money amount (1e9 for "miljardia", "billion", "млрд"), 1 otherwise. */
  readonly scale: number;
  /** True when the value came from words ("one third", "十分之九"), so it may be rounded. */
  readonly approximate: boolean;
  /** "over half", "nearly 70 %", "about 40 %": how the writer bounds the figure. */
  readonly hedge?: Hedge;
  /** The unit of a duration, when one is written. */
  readonly unit?: DurationUnit;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}
