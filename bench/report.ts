// Renders the benchmark's results (bench/results/latest.json) as Markdown tables.
import { ENGINE_LABELS, ENGINES, type EngineName } from './engines';

interface Summary { n: number; median: number; p95: number; max: number }
interface Quality { n: number; recall20: number | null; precision20: number | null; target20: number | null; recall5?: number | null; mrr?: number | null }
interface SearchRun {
  error?: string;
  buildMs: number;
  buildCpuMs: number;
  indexMB: number;
  firstQueryMs: number;
  queries: Summary;
  queryCpu?: Summary;
  keystrokes: Summary;
  quality: Quality;
  byKind: Record<string, Quality>;
  complete: boolean;
  agreement?: { top1: number; top10: number; n: number };
  agreementTokens?: { top1: number; top5: number; n: number };
  p95ByKind?: Record<string, number>;
  maxByKind?: Record<string, number>;
  repeats?: Array<{ p95: number; max: number; buildMs: number }>;
  load?: number;
}
type Results = Record<string, any>;

const ms = (v: number | undefined, digits = 1) => (v === undefined || Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(digits));
const ratio = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));

function searchTable(name: string, runs: Record<string, SearchRun>, records: number, queries: number): string {
  const rows = [
    `### ${name}: ${records.toLocaleString('en')} statistics, ${queries} queries`,
    '',
    '| approach | build ms (cpu) | index MB | first query ms | query median / p95 / max ms (n) | query CPU p95 ms | keystroke p95 / max ms | recall@20 | typo | CJK | Cyrillic | precision@20 | recall@5 / MRR | writer phrase recall@5 / MRR | same top 5 / top hit as fuse.js token search (n) | same top hit as fuse.js / top-10 overlap |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const engine of ENGINES) {
    const r = runs[engine];
    if (!r) continue;
    if (r.error) {
      rows.push(`| ${ENGINE_LABELS[engine]} | failed: ${r.error.slice(0, 80)} ||||||||||||`);
      continue;
    }
    const q = r.queries;
    const partial = (r.complete ? '' : ` (${q.n + 1} of ${queries})`) + (r.repeats ? ` (p95 of ${r.repeats.length} runs: ${r.repeats.map((x) => ms(x.p95, 2)).join(', ')})` : '');
    const tokens = r.agreementTokens ? `${ratio(r.agreementTokens.top5)} / ${ratio(r.agreementTokens.top1)} (n=${r.agreementTokens.n})` : engine === 'fuse-tokens' ? '(reference)' : '—';
    const agree = r.agreement ? `${ratio(r.agreement.top1)} / ${ratio(r.agreement.top10)} (n=${r.agreement.n})` : engine === 'statcite-plain' ? '(reference)' : '—';
    rows.push(
      `| ${ENGINE_LABELS[engine]} | ${ms(r.buildMs, 0)} (${ms(r.buildCpuMs, 0)}) | ${ms(r.indexMB)} | ${ms(r.firstQueryMs)} | ${ms(q.median, 2)} / ${ms(q.p95, 2)} / ${ms(q.max)}${partial} | ${ms(r.queryCpu?.p95, 2)} | ${ms(r.keystrokes.p95, 2)} / ${ms(r.keystrokes.max)} | ${ratio(r.quality.recall20)} | ${ratio(r.byKind.typo?.recall20)} | ${ratio(r.byKind.cjk?.recall20)} | ${ratio(r.byKind.cyrillic?.recall20)} | ${ratio(r.quality.precision20)} | ${ratio(r.quality.recall5)} / ${ratio(r.quality.mrr)} | ${ratio(r.byKind.writer?.recall5)} / ${ratio(r.byKind.writer?.mrr)} | ${tokens} | ${agree} |`,
    );
  }
  const st = runs.statcite;
  if (st && !st.error && st.p95ByKind) rows.push('', `statcite p95 / max by query kind (ms): ${Object.keys(st.p95ByKind).map((k) => `${k} ${ms(st.p95ByKind![k], 2)} / ${ms(st.maxByKind?.[k], 1)}`).join('; ')}.`);
  return rows.join('\n');
}

function summaryTable(search: Results): string {
  const rows = ['| approach | 1k: query p95 | 10k: query p95 | 100k: query p95 / max | 100k: build | 100k: index memory | 100k: typo recall@20 | 100k: recall@20 | 100k: keystroke p95 | 100k: writer recall@5 / MRR | 100k: top 5 as the reference |', '|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const engine of ENGINES) {
    const at = (size: string) => search[size]?.[engine] as SearchRun | undefined;
    const big = at('100k');
    const p95 = (r?: SearchRun) => (r && !r.error ? `${ms(r.queries.p95, 2)} ms${r.complete ? '' : '*'}${r.repeats ? ` (${r.repeats.map((x) => ms(x.p95, 1)).join(' / ')})` : ''}` : '—');
    rows.push(
      `| ${ENGINE_LABELS[engine as EngineName]} | ${p95(at('1k'))} | ${p95(at('10k'))} | ${big && !big.error ? `${ms(big.queries.p95, 2)} / ${ms(big.queries.max)} ms${big.complete ? '' : '*'}${big.repeats ? ` (p95 of ${big.repeats.length} runs: ${big.repeats.map((x) => ms(x.p95, 1)).join(' / ')})` : ''}` : '—'} | ${big && !big.error ? `${(big.buildMs / 1000).toFixed(2)} s` : '—'} | ${big && !big.error ? `${ms(big.indexMB)} MB` : '—'} | ${ratio(big?.byKind?.typo?.recall20)} | ${ratio(big?.quality?.recall20)} | ${big && !big.error && big.keystrokes.n ? `${ms(big.keystrokes.p95, 2)} ms` : '—'} | ${ratio(big?.byKind?.writer?.recall5)} / ${ratio(big?.byKind?.writer?.mrr)} | ${big?.agreementTokens ? `${ratio(big.agreementTokens.top5)} (n=${big.agreementTokens.n})` : '—'} |`,
    );
  }
  return rows.join('\n') + '\n\n\\* measured on the first queries only: the engine ran out of its time budget (see n in the tables below). statcite is measured in several fresh processes; the run with the median p95 is shown, each run\'s p95 in brackets.';
}

export function renderMarkdown(results: Results): string {
  const out: string[] = ['# statcite benchmark', ''];
  const m = results.machine;
  out.push(`Run ${results.date} with \`${results.command}\` on ${m.cpu} (${m.cores} cores, ${m.memoryGB} GB), Node ${m.node}, ${m.platform}; load average ${m.loadBefore} before, ${m.loadAfter} after; ${Math.round(results.totalSeconds)} s in all.`, '');
  if (results.search) {
    out.push('## Search, side by side', '', summaryTable(results.search), '');
    for (const [name, runs] of Object.entries(results.search as Record<string, Record<string, any>>)) out.push(searchTable(name, runs, runs.records, runs.queries), '');
    const sliced = results.slicedBuild as { records: number; slices: number; totalMs: number; longestMs: number; error?: string } | undefined;
    if (sliced) out.push(sliced.error ? `Building in slices: failed: ${sliced.error}` : `Building statcite's search in slices, as the editor does after loading (${sliced.records.toLocaleString('en')} statistics): ${sliced.slices} slices, ${ms(sliced.totalMs)} ms in all, the extension host held up at most ${ms(sliced.longestMs)} ms.`, '');
  }
  if (results.activation) {
    const a = results.activation;
    out.push('## Activation (dist/extension.js, bundled index)', '', '| require ms | activate() ms | index ready ms (from require) | first search ms (builds the search) | statistics |', '|---|---|---|---|---|');
    out.push(a.error ? `| failed: ${a.error} |||||` : `| ${ms(a.requireMs)} | ${ms(a.activateMs)} | ${ms(a.readyMs)} | ${ms(a.firstSearchMs)} | ${a.statistics} |`, '', `Median of ${a.runs} fresh processes.`, '');
  }
  if (results.validation && !results.validation.error) {
    const v = results.validation;
    out.push('## Validation (validateCitations) and insertion planning', '', '| document | citations | issues | cold ms (cpu) | parsing alone ms | rules alone ms (chunks parsed) | unchanged again ms | after a one-character edit ms | parsing after the edit ms |', '|---|---|---|---|---|---|---|---|---|');
    for (const d of v.documents) out.push(`| ${(d.bytes / 1e6).toFixed(2)} MB${d.markup ? ', inline Markdown in every other sentence' : ''} | ${d.citations} | ${d.issues} | ${ms(d.coldMs)}${d.coldCpuMs !== undefined ? ` (${ms(d.coldCpuMs)})` : ''} | ${ms(d.parseColdMs)} | ${ms(d.rulesColdMs)} | ${ms(d.unchangedMs)} | ${ms(d.editMs)} | ${ms(d.parseAfterEditMs)} |`);
    out.push('', `Cold 1 MB validation, CPU profile by module (% of samples): ${Object.entries(v.profileShares).map(([k, p]) => `${k} ${p}`).join(', ')}.`, '');
    out.push(`Insertion planning in a ${(v.insertion.bytes / 1e6).toFixed(2)} MB document: ${ms(v.insertion.withParseMs)} ms parsing the document first, ${ms(v.insertion.parsedMs, 3)} ms with its parse cached (as completion has it).`, '');
  } else if (results.validation) out.push('## Validation', '', `failed: ${results.validation.error}`, '');
  if (results.linear && !results.linear.error) {
    out.push('## Linear time on inputs that once were not (issue 15)', '', '| input | size ×1 ms | ×2 ms | ×4 ms | ×8 ms | ratios per doubling |', '|---|---|---|---|---|---|');
    for (const r of results.linear.rows) out.push(`| ${r.name.replace(/\|/g, '\\|')} | ${r.sizes.map((s: { ms: number }) => ms(s.ms)).join(' | ')} | ${r.ratios.map((x: number) => x.toFixed(2)).join(', ')} |`);
    out.push('', 'Cold validation (fresh context), median of 3 after one warm-up run; each size doubles the one before. Target: under 500 ms at ×1, ratios near 2.', '');
  } else if (results.linear) out.push('## Linear time', '', `failed: ${results.linear.error}`, '');
  if (results.vsix) {
    const x = results.vsix;
    out.push('## Package', '', x.error ? `\`npm run package\` failed: ${x.error}` : `statcite.vsix: ${(x.bytes / 1024).toFixed(0)} KB${x.files ? `, ${x.files} files` : ''}.`, '');
  }
  return out.join('\n');
}
