// Loads index files the way statcite does and prints every problem and a summary. Usage: tsx scripts/check-data.ts [files…]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseIndexFile } from '../src/core/index/indexFile';
import { StatisticsIndex } from '../src/core/index/statisticsIndex';

const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync('data').filter((f) => f.endsWith('.stats.json')).map((f) => join('data', f));
const index = StatisticsIndex.fromFiles(files.map((f) => parseIndexFile(f, readFileSync(f, 'utf8'))));
for (const p of index.problems) console.log(`${p.file}: ${p.path}: ${p.code}: ${p.message}`);
const byLang = new Map<string, number>();
for (const s of index.statistics) byLang.set(s.lang, (byLang.get(s.lang) ?? 0) + 1);
console.log(`${index.size} statistics loaded (${[...byLang].map(([l, n]) => `${l} ${n}`).join(', ')}), ${index.problems.length} problems`);
process.exitCode = index.problems.length ? 1 : 0;
