import * as z from 'zod';
import { DATE_FORMAT, ID_FORMAT, LANG_FORMAT, unitCannotHold, UNITS, VALUE_LIMIT, VALUE_TOO_LARGE, YEAR_RANGE, type Unit } from './statisticFormats';

/**
 * The statistics index format as zod schemas: the one definition. zod v4 builds a schema eagerly and that costs more
 * than loading the bundled index (validated at build time, ./bundledIndex), so they are built on the first call:
 * when a workspace index file is read, when a record is added, and when the JSON Schema is generated.
 */
export function indexSchemas(): IndexSchemas {
  return (built ??= buildSchemas());
}

export type IndexSchemas = ReturnType<typeof buildSchemas>;
let built: IndexSchemas | undefined;

function buildSchemas() {
  const unitNames = Object.keys(UNITS) as [Unit, ...Unit[]];

  /** A lowercase, readable, stable identifier: `zendesk-2019-purchase-decision-fi`. */
  const id = z
    .string()
    .regex(ID_FORMAT.pattern, ID_FORMAT.message)
    .describe('Stable, unique, readable identifier, e.g. "zendesk-2019-purchase-decision-fi".');

  const lang = z
    .string()
    .regex(LANG_FORMAT.pattern, LANG_FORMAT.message)
    .describe('BCP-47 language tag of the quote, e.g. "fi", "zh", "lv", "et", "ru", "en".');

  const year = z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max);

  const source = z
    .object({
      publisher: z.string().trim().min(1).describe('The primary publisher exactly as the article names it, e.g. "Zendesk".'),
      year: year.optional().describe('Year of the primary publication, only where the article gives it.'),
      title: z.string().trim().min(1).optional().describe('Report title, only where the article gives it.'),
    })
    .strict()
    .describe('The primary publisher as the article names it. Never add a URL, title or year the article does not give.');

  const via = z
    .object({
      title: z.string().trim().min(1).describe('Title of the article the figure was found in.'),
      publisher: z.string().trim().min(1).optional().describe('Who published that article (site or company).'),
      date: z
        .string()
        .regex(DATE_FORMAT.pattern, DATE_FORMAT.message)
        .optional()
        .describe('Publication date of the article, where it states one.'),
      lang,
      document: z.string().trim().min(1).describe('File name of the article (for the bundled index: the seed file).'),
    })
    .strict()
    .describe('The article the figure was found in (a secondary source unless it is the publisher).');

  // A figure is shown as written, with up to three decimals (formatNumber): beyond 1e15 a number loses its last digits
  // and prints as 1e+300 or Infinity.
  const magnitude = z.number().finite().min(-VALUE_LIMIT, VALUE_TOO_LARGE).max(VALUE_LIMIT, VALUE_TOO_LARGE);

  const statistic = z
    .object({
      id,
      value: magnitude.describe('The number as stated: 84 for "84 %", 33.3 for "one third", 7.6 for "7,6 miljardia dollaria". For a range, the low end.'),
      valueMax: magnitude.optional().describe('For a range ("6–7 times"), the high end.'),
      unit: z.enum(unitNames).describe(`Unit of value. One of: ${Object.entries(UNITS).map(([u, d]) => `"${u}" (${d})`).join('; ')}.`),
      figure: z.string().min(1).optional().describe('The figure exactly as written in the quote, e.g. "84 %" or "十分之九".'),
      quote: z.string().trim().min(1).describe('The sentence or clause that states the figure, word for word from the article, in its own language.'),
      lang,
      en: z.string().trim().min(1).describe('A one-line English gloss of the quote: our translation, not the article\'s words.'),
      source: source.nullable().describe('The primary publisher as the article names it, or null where the article names none.'),
      via,
      sameAs: z.array(id).default([]).describe('Ids of the same finding in other articles. Links are symmetric.'),
      tags: z.array(z.string().trim().min(1)).default([]).describe('A few English topic words that help search, e.g. "chatbot", "loyalty".'),
    })
    .strict()
    .superRefine((s, ctx) => {
      if (s.valueMax !== undefined && s.valueMax < s.value) {
        ctx.addIssue({ code: 'custom', path: ['valueMax'], message: 'valueMax must not be below value' });
      }
      for (const key of ['value', 'valueMax'] as const) {
        const v = s[key];
        if (v === undefined) continue;
        const why = unitCannotHold(s.unit, v);
        if (why) ctx.addIssue({ code: 'custom', path: [key], message: why });
      }
      if (s.figure !== undefined && !s.quote.includes(s.figure)) {
        ctx.addIssue({ code: 'custom', path: ['figure'], message: 'figure must appear in the quote as written' });
      }
    });

  const article = via.describe('An article that statistics were found in.');

  /** An index file: the bundled `data/*.stats.json` and a writer's own `*.stats.json` share this format. */
  const indexFile = z.union([
    z
      .object({
        $schema: z.string().optional(),
        description: z.string().optional(),
        articles: z.array(article).optional().describe('The articles this file\'s statistics were found in.'),
        statistics: z.array(statistic),
      })
      .strict(),
    z.array(statistic).describe('A bare array of statistics (as CSL JSON files are arrays of items).'),
  ]);

  return { id, lang, source, via, statistic, article, indexFile };
}
