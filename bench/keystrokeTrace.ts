// Every keystroke of the benchmark's queries over the generated 100k index, each slower than 12 ms printed with when it
// came: run under --trace-gc to see which collections they meet.
// `node --trace-gc --max-old-space-size=4096 --import tsx bench/keystrokeTrace.ts`
import { createEngine } from './engines';
import { asLoaded, generateRecords } from './generate';
import { makeQueries, searchableText } from './queries';

const records = generateRecords(100_000);
const texts = records.map(searchableText);
const queries = makeQueries(records, texts, 30);
const engine = createEngine('statcite');
engine.build(asLoaded(records));
for (const q of makeQueries(records, texts, 4, 8)) engine.search(q.text, q.lang, 50);
for (const q of queries) engine.search(q.text, q.lang, 50);

const times: number[] = [];
const started = performance.now();
for (const q of queries) {
  for (let k = 1; k <= q.text.length; k++) {
    const t = performance.now();
    engine.search(q.text.slice(0, k), q.lang, 50);
    const ms = performance.now() - t;
    times.push(ms);
    if (ms > 12) console.log(`slow keystroke: ${ms.toFixed(1)} ms at ${(performance.now() - started).toFixed(0)} ms, "${q.text.slice(0, k)}"`);
  }
}
times.sort((a, b) => a - b);
console.log(`${times.length} keystrokes: p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`);
