// The units and formats of the index, shared by the zod schema and the types inferred from it.

/** Units a statistic's `value` can be in, with what each means. */
export const UNITS = {
  '%': 'percent of a group (84 for "84 %")',
  pp: 'percentage points (a difference between two percentages)',
  x: 'a multiplier ("10 times", "tenfold", "2x")',
  USD: 'US dollars',
  'USD million': 'millions of US dollars',
  'USD billion': 'billions of US dollars ("7,6 miljardia dollaria" is 7.6)',
  'USD trillion': 'trillions of US dollars',
  EUR: 'euros',
  'EUR million': 'millions of euros',
  'EUR billion': 'billions of euros',
  people: 'a number of people (e.g. "tells 16 people")',
  customers: 'a number of customers',
  respondents: 'a number of survey respondents (survey size)',
  companies: 'a number of companies, shops or brands',
  countries: 'a number of countries',
  seconds: 'a duration in seconds',
  minutes: 'a duration in minutes',
  hours: 'a duration in hours',
  days: 'a duration in days',
  years: 'a duration in years',
  conversations: 'a number of conversations or chats',
  messages: 'a number of messages, e-mails or contacts',
  times: 'a number of occurrences (e.g. "contacted 3 times")',
  rank: 'a place in a ranking (3 for "the third most important factor")',
  count: 'any other count; say what is counted in `en`',
} as const;

export type Unit = keyof typeof UNITS;
/** The formats the schema checks, with the messages it gives (indexFile translates them by their English text). */
export const ID_FORMAT = { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, message: 'use lowercase letters, digits and single hyphens, e.g. "zendesk-2019-loyalty-fi"' } as const;
export const LANG_FORMAT = { pattern: /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, message: 'use a BCP-47 language tag such as "fi", "zh" or "pt-BR"' } as const;
export const DATE_FORMAT = { pattern: /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, message: 'use YYYY, YYYY-MM or YYYY-MM-DD' } as const;
export const YEAR_RANGE = { min: 1800, max: 2200 } as const;

/** The largest magnitude a value may have: beyond it a figure can no longer be shown as written. */
export const VALUE_LIMIT = 1e15;
export const VALUE_TOO_LARGE = 'is too large to show as written (at most 1e15 either way)';

const NOT_NEGATIVE = new Set<Unit>(['x', 'people', 'customers', 'respondents', 'companies', 'countries', 'seconds', 'minutes', 'hours', 'days', 'years', 'conversations', 'messages', 'times', 'count']);

/** Why `unit` cannot hold `value` (a negative count or duration, a rank that is not 1, 2, 3…, a figure too small to show), if it cannot. */
export function unitCannotHold(unit: Unit, value: number): string | undefined {
  if (!(Math.abs(value) <= VALUE_LIMIT)) return undefined; // the schema's own bound says why
  if (value !== 0 && Math.abs(value) < 0.001) return 'is too small to show as written (figures show at most three decimals)';
  if (unit === 'rank' && (!Number.isInteger(value) || value < 1)) return 'a rank is a whole number from 1 up';
  if (NOT_NEGATIVE.has(unit) && value < 0) return 'a count, duration or multiplier cannot be negative';
  return undefined;
}
