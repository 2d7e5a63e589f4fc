// Writes data/statcite.schema.json from the zod schema (the one definition of the format). Run: npm run schema
import { writeFileSync } from 'node:fs';
import { indexFileJsonSchema } from '../src/core/index/jsonSchema';

writeFileSync(new URL('../data/statcite.schema.json', import.meta.url), JSON.stringify(indexFileJsonSchema(), null, 2) + '\n');
console.log('wrote data/statcite.schema.json');
