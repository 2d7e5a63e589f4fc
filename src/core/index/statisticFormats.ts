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
