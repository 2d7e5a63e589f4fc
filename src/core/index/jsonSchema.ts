import * as z from 'zod';
import { indexSchemas } from './statisticSchema';

/** The JSON Schema of an index file, generated from the zod schema (what a writer's editor validates against). */
export function indexFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(indexSchemas().indexFile, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'statcite statistics index',
    description: 'A statcite index file (*.stats.json): statistics with their value, unit, word-for-word quote, English gloss, primary source and the article they were found in. Generated from src/core/statisticSchema.ts by `npm run schema`; do not edit by hand.',
  };
}
