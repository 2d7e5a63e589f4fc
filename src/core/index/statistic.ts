import type { z } from 'zod';
import type { IndexSchemas } from './statisticSchema';

/**
 * The statistics index format. Its one definition is the zod schema in ./statisticSchema (built on first use, so
 * loading the extension does not pay for it); the TypeScript types are inferred from it, and the JSON Schema in
 * `data/statcite.schema.json` is generated from it (`npm run schema`). This module holds what the schema and the
 * rest of the code share, and no zod at run time.
 */

export { UNITS, ID_FORMAT, LANG_FORMAT, DATE_FORMAT, YEAR_RANGE, type Unit } from './statisticFormats';

export type Statistic = z.infer<IndexSchemas['statistic']>;
export type StatisticInput = z.input<IndexSchemas['statistic']>;
export type Source = z.infer<IndexSchemas['source']>;
export type Via = z.infer<IndexSchemas['via']>;
export type IndexFile = z.infer<IndexSchemas['indexFile']>;
