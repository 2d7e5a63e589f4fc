import * as z from 'zod';

/**
 * The statistics index format: the one definition. The TypeScript types are inferred from it and the
 * JSON Schema in `data/statcite.schema.json` is generated from it (`npm run schema`).
 */

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
const unitNames = Object.keys(UNITS) as [Unit, ...Unit[]];

/** A lowercase, readable, stable identifier: `zendesk-2019-purchase-decision-fi`. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens, e.g. "zendesk-2019-loyalty-fi"')
  .describe('Stable, unique, readable identifier, e.g. "zendesk-2019-purchase-decision-fi".');

export const langSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'use a BCP-47 language tag such as "fi", "zh" or "pt-BR"')
  .describe('BCP-47 language tag of the quote, e.g. "fi", "zh", "lv", "et", "ru", "en".');

const yearSchema = z.number().int().min(1800).max(2200);

export const sourceSchema = z
  .object({
    publisher: z.string().trim().min(1).describe('The primary publisher exactly as the article names it, e.g. "Zendesk".'),
    year: yearSchema.optional().describe('Year of the primary publication, only where the article gives it.'),
    title: z.string().trim().min(1).optional().describe('Report title, only where the article gives it.'),
  })
  .strict()
  .describe('The primary publisher as the article names it. Never add a URL, title or year the article does not give.');

export const viaSchema = z
  .object({
    title: z.string().trim().min(1).describe('Title of the article the figure was found in.'),
    publisher: z.string().trim().min(1).optional().describe('Who published that article (site or company).'),
    date: z
      .string()
      .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD')
      .optional()
      .describe('Publication date of the article, where it states one.'),
    lang: langSchema,
    document: z.string().trim().min(1).describe('File name of the article (for the bundled index: the seed file).'),
  })
  .strict()
  .describe('The article the figure was found in (a secondary source unless it is the publisher).');

export const statisticSchema = z
  .object({
    id: idSchema,
    value: z.number().finite().describe('The number as stated: 84 for "84 %", 33.3 for "one third", 7.6 for "7,6 miljardia dollaria". For a range, the low end.'),
    valueMax: z.number().finite().optional().describe('For a range ("6–7 times"), the high end.'),
    unit: z.enum(unitNames).describe(`Unit of value. One of: ${Object.entries(UNITS).map(([u, d]) => `"${u}" (${d})`).join('; ')}.`),
    figure: z.string().min(1).optional().describe('The figure exactly as written in the quote, e.g. "84 %" or "十分之九".'),
    quote: z.string().trim().min(1).describe('The sentence or clause that states the figure, word for word from the article, in its own language.'),
    lang: langSchema,
    en: z.string().trim().min(1).describe('A one-line English gloss of the quote: our translation, not the article\'s words.'),
    source: sourceSchema.nullable().describe('The primary publisher as the article names it, or null where the article names none.'),
    via: viaSchema,
    sameAs: z.array(idSchema).default([]).describe('Ids of the same finding in other articles. Links are symmetric.'),
    tags: z.array(z.string().trim().min(1)).default([]).describe('A few English topic words that help search, e.g. "chatbot", "loyalty".'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.valueMax !== undefined && s.valueMax < s.value) {
      ctx.addIssue({ code: 'custom', path: ['valueMax'], message: 'valueMax must not be below value' });
    }
    if (s.figure !== undefined && !s.quote.includes(s.figure)) {
      ctx.addIssue({ code: 'custom', path: ['figure'], message: 'figure must appear in the quote as written' });
    }
  });

export const articleSchema = viaSchema.describe('An article that statistics were found in.');

/** An index file: the bundled `data/*.stats.json` and a writer's own `*.stats.json` share this format. */
export const indexFileSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional(),
    articles: z.array(articleSchema).optional().describe('The articles this file\'s statistics were found in.'),
    statistics: z.array(statisticSchema),
  })
  .strict();

export type Statistic = z.infer<typeof statisticSchema>;
export type StatisticInput = z.input<typeof statisticSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Via = z.infer<typeof viaSchema>;
export type IndexFile = z.infer<typeof indexFileSchema>;
