// The fixed query set and the relevance rule. Each query is made from one target record (the generator knows which),
// and says which folded terms it means: a typo query means the word before the typo.
//
// Relevance rule: a record is relevant to a query when its folded searchable text (quote, English gloss, publisher
// line, tags, figure: the fields statcite searches) contains every intended term as a substring, and, for a figure
// query, its value (or range end) equals the figure. The target record is always relevant.
import { fold, tokens } from '../src/core/text/fold';
import { describeFigure } from '../src/core/index/format';
import type { StatisticInput } from '../src/core/index/statistic';
import { rng } from './generate';

export const KINDS = ['prefix', 'phrase', 'typo', 'diacritics', 'cjk', 'cyrillic', 'figure', 'writer'] as const;
export type QueryKind = (typeof KINDS)[number];

export interface Query {
  readonly kind: QueryKind;
  readonly text: string;
  /** Folded terms the query means (before any typo). */
  readonly terms: readonly string[];
  readonly value?: number;
  /** Index of the record the query was made from, and its language (the writer's document language). */
  readonly target: number;
  readonly lang: string;
  /** Indexes of every relevant record, ascending. */
  relevant: number[];
}

/** The text each record is judged on: the same fields statcite's search reads, folded. */
export function searchableText(s: StatisticInput): string {
  const publisher = [s.source?.publisher, s.source?.title, s.source?.year, s.via.publisher].filter(Boolean).join(' ');
  return fold([s.quote, s.en, publisher, (s.tags ?? []).join(' '), `${s.figure ?? ''} ${describeFigure(s)}`].join('\n'));
}

const NON_HAN_WORD = /(?:(?!\p{Script=Han})\p{L})+/gu;
const NON_HAN_PHRASE = /(?:(?!\p{Script=Han})\p{L})+ (?:(?!\p{Script=Han})\p{L})+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** `perKind` queries of each kind, interleaved (prefix, phrase, typo, … then again) so any first n are a fair sample. */
export function makeQueries(records: readonly StatisticInput[], texts: readonly string[], perKind: number, seed = 7): Query[] {
  const random = rng(seed);
  const df = new Map<string, number>();
  for (const t of texts) for (const w of new Set(tokens(t))) df.set(w, (df.get(w) ?? 0) + 1);
  const rarest = (words: string[]) => words.sort((a, b) => (df.get(fold(a)) ?? 0) - (df.get(fold(b)) ?? 0))[0];
  const wordsOf = (text: string, min: number) => (text.match(NON_HAN_WORD) ?? []).filter((w) => w.length >= min);
  const byKind = new Map<QueryKind, Query[]>(KINDS.map((k) => [k, []]));
  const make: Record<QueryKind, (r: StatisticInput, i: number) => Omit<Query, 'relevant' | 'kind'> | undefined> = {
    prefix: (r, i) => {
      const w = rarest(wordsOf(`${r.quote} ${r.en}`, 6))?.toLowerCase();
      if (!w) return undefined;
      const p = w.slice(0, Math.min(w.length - 1, 3 + Math.floor(random() * 4)));
      return { text: p, terms: [fold(p)], target: i, lang: r.lang };
    },
    phrase: (r, i) => {
      const text = random() < 0.5 ? r.en : r.quote;
      const ws = text.match(NON_HAN_PHRASE) ?? [];
      const p = ws[Math.floor(random() * ws.length)]?.toLowerCase();
      return p ? { text: p, terms: p.split(' ').map(fold), target: i, lang: r.lang } : undefined;
    },
    typo: (r, i) => {
      const w = rarest(wordsOf(`${r.quote} ${r.en} ${r.source?.publisher ?? ''}`, 6))?.toLowerCase();
      return w ? { text: typo(w, random), terms: [fold(w)], target: i, lang: r.lang } : undefined;
    },
    diacritics: (r, i) => {
      const w = rarest(wordsOf(r.quote, 4).filter((x) => !CYRILLIC.test(x) && fold(x) !== x.toLowerCase()))?.toLowerCase();
      return w ? { text: fold(w), terms: [fold(w)], target: i, lang: r.lang } : undefined;
    },
    cjk: (r, i) => {
      if (r.lang !== 'zh') return undefined;
      const runs = r.quote.match(/\p{Script=Han}{2,}/gu) ?? [];
      const run = runs[Math.floor(random() * runs.length)];
      if (!run) return undefined;
      const len = Math.min(run.length, 2 + Math.floor(random() * 3));
      const at = Math.floor(random() * (run.length - len + 1));
      const s = run.slice(at, at + len);
      return { text: s, terms: [s], target: i, lang: r.lang };
    },
    cyrillic: (r, i) => {
      if (r.lang !== 'ru') return undefined;
      const w = rarest(wordsOf(r.quote, 5).filter((x) => CYRILLIC.test(x)))?.toLowerCase();
      if (!w) return undefined;
      const p = random() < 0.5 ? w : w.slice(0, Math.max(4, w.length - 3));
      return { text: p, terms: [fold(p)], target: i, lang: r.lang };
    },
    figure: (r, i) => {
      if (r.unit !== '%' || !Number.isInteger(r.value)) return undefined;
      const w = (random() < 0.5 && r.source ? r.source.publisher.split(' ')[0] : rarest(wordsOf(r.quote, 5)))?.toLowerCase();
      if (!w) return undefined;
      const fig = random() < 0.5 ? `${r.value}%` : `${r.value} %`;
      return { text: random() < 0.5 ? `${w} ${fig}` : `${fig} ${w}`, terms: [fold(w)], value: r.value, target: i, lang: r.lang };
    },
    // A writer's phrase: 3–6 of the record's words in any order, one of them with a typo, plus one word from another
    // record (a word the record lacks). The record's own words (before the typo) are the intended terms.
    writer: (r, i) => {
      const own = [...new Set(wordsOf(`${r.quote} ${r.en}`, 3).map((w) => w.toLowerCase()))];
      if (r.lang === 'zh') for (const run of r.quote.match(/\p{Script=Han}{2,}/gu) ?? []) own.push(run.slice(0, 2));
      const count = 2 + Math.floor(random() * 4);
      if (own.length < count) return undefined;
      const words: string[] = [];
      while (words.length < count) {
        const w = own.splice(Math.floor(random() * own.length), 1)[0]!;
        words.push(w);
      }
      const terms = words.map(fold);
      const long = words.findIndex((w) => w.length >= 6);
      if (long >= 0) words[long] = typo(words[long]!, random);
      const other = records[Math.floor(random() * records.length)]!;
      const foreign = wordsOf(other.en, 4).map((w) => w.toLowerCase()).find((w) => !texts[i]!.includes(fold(w)));
      if (foreign) words.push(foreign);
      for (let k = words.length - 1; k > 0; k--) {
        const j = Math.floor(random() * (k + 1));
        [words[k], words[j]] = [words[j]!, words[k]!];
      }
      return { text: words.join(' '), terms, target: i, lang: r.lang };
    },
  };
  for (const kind of KINDS) {
    const list = byKind.get(kind)!;
    for (let tries = 0; list.length < perKind && tries < perKind * 200; tries++) {
      const i = Math.floor(random() * records.length);
      const q = make[kind](records[i]!, i);
      if (q && !/\d/.test(q.text.replace(/\d+ ?%/, '')) && q.text.trim()) list.push({ ...q, kind, relevant: [] });
    }
  }
  const out: Query[] = [];
  for (let n = 0; n < perKind; n++) for (const kind of KINDS) if (byKind.get(kind)![n]) out.push(byKind.get(kind)![n]!);
  for (const q of out) {
    q.relevant = [];
    for (let i = 0; i < records.length; i++) if (isRelevant(q, records[i]!, texts[i]!)) q.relevant.push(i);
    if (!q.relevant.includes(q.target)) throw new Error(`query ${JSON.stringify(q.text)} does not find its own record`);
  }
  return out;
}

function isRelevant(q: Query, r: StatisticInput, text: string): boolean {
  if (q.value !== undefined && r.value !== q.value && r.valueMax !== q.value) return false;
  return q.terms.every((t) => text.includes(t));
}

/** One edit a hurried writer makes, never on the first letter: a dropped, doubled-up, swapped or wrong letter. */
function typo(word: string, random: () => number): string {
  const chars = [...word];
  const at = 1 + Math.floor(random() * (chars.length - 2));
  const kind = Math.floor(random() * 4);
  if (kind === 0) chars.splice(at, 1);
  else if (kind === 1) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  else if (kind === 2) chars[at] = String.fromCharCode(((chars[at]!.charCodeAt(0) - 96) % 26) + 97);
  else chars.splice(at, 0, chars[at]!);
  const out = chars.join('');
  return out === word ? word.slice(0, -1) : out;
}
