// Validation and insertion planning in a fresh process, on generated Markdown of 100 KB, 1 MB and 5 MB citing the
// bundled statistics: a cold validation (new Markdown cache), the same text again (warm), a one-character edit, the
// parse alone, and a CPU profile of cold validations summed by where the time goes. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { planInsertion } from '../src/core/citations/cite';
import { formatFigure } from '../src/core/index/format';
import { MarkdownCache, parseMarkdown } from '../src/core/markdown/markdown';
import { createValidationContext, validateCitations } from '../src/core/citations/validate';
import { bundledStatistics } from './datasets';
import { generateMarkdown } from './markdownDoc';
import { cpuRuns, summarize, timeRuns } from './stats';

const quick = process.argv[2] === 'quick';
const statcite = bundledStatistics();
const stats = statcite.index.statistics;
const fresh = () => createValidationContext(statcite.index, statcite.resolver);
const median = (ms: number[]) => summarize(ms).median;
/** The text with one character typed in the middle of the `n`-th paragraph from the middle. */
const edited = (text: string, n: number) => {
  const at = text.indexOf('. ', Math.floor(text.length / 2) + n * 997) + 1;
  return text.slice(0, at) + 'x' + text.slice(at);
};

async function main(): Promise<void> {
  const sizes = quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 5_000_000];
  const documents: Record<string, unknown>[] = [];
  let profileText = '';
  const documentsToRun: Array<{ bytes: number; markup: boolean }> = [...sizes.map((bytes) => ({ bytes, markup: false })), { bytes: 1_000_000, markup: true }];
  for (const { bytes, markup } of documentsToRun) {
    const { text, citations } = generateMarkdown(bytes, stats, 3, markup);
    const runs = bytes >= 5_000_000 ? 2 : 7;
    const issues = validateCitations(text, fresh()).length;
    const cold = timeRuns(runs, () => validateCitations(text, fresh()));
    const coldCpu = cpuRuns(runs, () => validateCitations(text, fresh()));
    const parseCold = timeRuns(runs, () => parseMarkdown(text, new MarkdownCache()));
    // The rules alone, cold: the chunks already parsed into a fresh context, nothing analysed yet.
    const rulesCold = Array.from({ length: runs }, () => {
      const c = fresh();
      parseMarkdown(text, c.markdown);
      const t = performance.now();
      validateCitations(text, c);
      return performance.now() - t;
    });
    const ctx = fresh();
    validateCitations(text, ctx);
    const warm = timeRuns(runs, () => validateCitations(text, ctx));
    const edit = timeRuns(runs, (i) => validateCitations(edited(text, i), ctx));
    const cache = new MarkdownCache();
    parseMarkdown(text, cache);
    const parseEdit = timeRuns(runs, (i) => parseMarkdown(edited(text, i + runs), cache));
    documents.push({
      bytes: text.length,
      markup,
      citations,
      issues,
      coldMs: median(cold),
      coldCpuMs: median(coldCpu),
      parseColdMs: median(parseCold),
      rulesColdMs: median(rulesCold),
      unchangedMs: median(warm),
      editMs: median(edit),
      parseAfterEditMs: median(parseEdit),
    });
    if (bytes === 1_000_000 && !markup) profileText = text;
  }

  // Where a cold 1 MB validation spends its time, by module (self time of the profile's samples).
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let i = 0; i < 2; i++) validateCitations(profileText, fresh());
  const { profile } = await session.post('Profiler.stop');
  const moduleAt = modulesByLine();
  const byPlace = new Map<string, number>();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples!.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    const place = frame?.url === `file://${__filename}` || frame?.url === __filename ? placeOf(moduleAt(frame.lineNumber)) : frame?.url ? 'node internals' : frame?.functionName.startsWith('RegExp:') ? 'regular expressions' : (frame?.functionName ?? '?');
    // The inspector's own message dispatch (the profiler being stopped) and idle time are not validation's.
    if (place === 'dispatch' || place === '(idle)' || place === '(program)') return;
    byPlace.set(place, (byPlace.get(place) ?? 0) + (profile.timeDeltas![i] ?? 0) / 1000);
  });
  const total = [...byPlace.values()].reduce((a, b) => a + b, 0);
  const profileShares = Object.fromEntries([...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => [k, Math.round((v / total) * 1000) / 10]));

  // Insertion planning in a 1 MB document: parsing it first (as a cold call does) and with the parse cached (as the
  // completion provider has it per document version).
  const { text } = generateMarkdown(1_000_000, stats, 5);
  const stat = stats.find((s) => s.lang === 'fi')!;
  const range = { start: Math.floor(text.length / 2), end: Math.floor(text.length / 2) };
  const plan = (parsed?: ReturnType<typeof parseMarkdown>) => planInsertion(text, range, stat, { figure: formatFigure(stat, 'fi'), mode: 'figure', resolver: statcite.resolver, ...(parsed ? { parsed } : {}) });
  const insertCold = timeRuns(3, () => plan());
  const parsed = parseMarkdown(text);
  const insertCached = timeRuns(20, () => plan(parsed));
  console.log(JSON.stringify({ documents, profileShares, insertion: { bytes: text.length, withParseMs: median(insertCold), parsedMs: median(insertCached) } }));
}

/** The source module of each line of this bundle, from the `// path` comments esbuild puts before each module. */
function modulesByLine(): (line: number) => string {
  const starts: Array<[number, string]> = [];
  readFileSync(__filename, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const m = /^\/\/ ((?:node_modules|src|bench|test)\/\S+)$/.exec(text);
      if (m) starts.push([line, m[1]!]);
    });
  return (line) => {
    let found = '?';
    for (const [start, path] of starts) if (start <= line) found = path;
    return found;
  };
}

/** A module's path as a place in the report: the package for dependencies, the file for statcite's own code. */
function placeOf(path: string): string {
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg) return /^micromark/.test(pkg) ? 'micromark (parsing)' : /^mdast/.test(pkg) ? 'mdast-util-* (syntax tree)' : pkg;
  return path.replace(/^src\/core\//, '').replace(/\.ts$/, '.ts');
}

void main();
