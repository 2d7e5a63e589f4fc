// A seeded generator of statistics records in the index format: the same seed and size always give the same
// records, so every child process rebuilds the identical index instead of reading a 70 MB file.
import type { LoadedStatistic } from '../src/core/index/indexFile';
import type { StatisticInput, Unit } from '../src/core/index/statistic';
import { LANGS, PUBLISHERS, vocabulary, type Lang } from './words';

/** mulberry32: small, fast and good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples ranks 0..n-1 with Zipf-like frequencies (rank r has weight 1/(r+2)^s): a few words everywhere, a long tail. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cdf[r] = sum += 1 / Math.pow(r + 2, s);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const LANG_WEIGHTS: Array<[Lang, number]> = [['fi', 0.22], ['en', 0.2], ['zh', 0.16], ['lv', 0.14], ['et', 0.14], ['ru', 0.14]];
const PERCENT_WORD: Record<Lang, (v: string) => string> = {
  fi: (v) => `${v} prosenttia`, lv: (v) => `${v} procenti`, et: (v) => `${v} protsenti`, ru: (v) => `${v} %`, zh: (v) => `${v}%`, en: (v) => `${v}%`,
};
const MULTIPLIER: Record<Lang, (v: string) => string> = {
  fi: (v) => `${v} kertaa`, lv: (v) => `${v} reizes`, et: (v) => `${v} korda`, ru: (v) => `в ${v} раз`, zh: (v) => `${v}倍`, en: (v) => `${v} times`,
};
const BILLION: Record<Lang, (v: string) => string> = {
  fi: (v) => `${v} miljardia dollaria`, lv: (v) => `${v} miljardi ASV dolāru`, et: (v) => `${v} miljardit dollarit`, ru: (v) => `${v} млрд долларов`, zh: (v) => `${v}亿美元`, en: (v) => `USD ${v} billion`,
};
const ACCORDING: Record<Lang, (p: string) => string> = {
  fi: (p) => `${p}:n mukaan`, lv: (p) => `Saskaņā ar ${p} datiem`, et: (p) => `${p} andmetel`, ru: (p) => `По данным ${p}`, zh: (p) => `根据${p}的数据`, en: (p) => `According to ${p}`,
};
const TITLES: Record<Lang, string> = {
  fi: 'Asiakaspalvelutilastot', lv: 'Klientu apkalpošanas statistika', et: 'Klienditeeninduse statistika', ru: 'Статистика обслуживания клиентов', zh: '客户服务统计数据', en: 'Customer service statistics',
};
const TAGS = 'customer-service loyalty churn chatbot self-service response-time email phone chat social-media purchase-decision price trust reviews automation personalization market-size growth employees agents omnichannel retention satisfaction complaints returns delivery mobile ecommerce ai survey'.split(' ');


/** `size` records from `seed`; text in fi, zh, lv, et, ru and en with diacritics, CJK and Cyrillic. */
export function generateRecords(size: number, seed = 42): StatisticInput[] {
  const random = rng(seed);
  const vocab = vocabulary(random, Math.max(200, Math.round(size / 8)));
  const pick = Object.fromEntries(LANGS.map((l) => [l, zipf(vocab[l].length, 1.05, random)])) as Record<Lang, () => number>;
  const publishers = [...PUBLISHERS];
  for (let i = 0; publishers.length < PUBLISHERS.length + Math.max(20, size / 50); i++) {
    const l = LANGS[i % LANGS.length]!;
    const w = vocab[l][vocab[l].length - 1 - i]!;
    publishers.push(l === 'zh' ? `${w}研究院` : `${w[0]!.toUpperCase()}${w.slice(1)} ${['Research', 'Insights', 'Group', 'Analytics'][i % 4]}`);
  }
  const publisherRank = zipf(publishers.length, 1.1, random);
  const word = (l: Lang) => vocab[l][pick[l]()]!;
  const words = (l: Lang, n: number) => {
    let out = word(l);
    for (let k = 1; k < n; k++) out += (l === 'zh' ? '' : ' ') + word(l);
    return out;
  };
  const ctx: Ctx = { random, word, words, publisher: '' };
  const records: StatisticInput[] = [];
  const used = new Set<string>();
  for (let i = 0; i < size; i++) {
    let x = random();
    const lang = LANG_WEIGHTS.find(([, w]) => (x -= w) < 0)?.[0] ?? 'en';
    const u = random();
    const unit: Unit = u < 0.8 ? '%' : u < 0.88 ? 'x' : u < 0.94 ? 'USD billion' : 'minutes';
    const value = unit === '%' ? 1 + Math.floor(random() * 99) : unit === 'x' ? 2 + Math.floor(random() * 9) : unit === 'USD billion' ? Math.round(random() * 500 + 1) / 10 : 1 + Math.floor(random() * 60);
    const hasSource = random() < 0.8;
    ctx.publisher = publishers[publisherRank()]!;
    const year = 2005 + Math.floor(random() * 20);
    const figure = figureOf(ctx, lang, unit, value);
    const quote = sentence(ctx, lang, figure, hasSource && random() < 0.4);
    const en = lang === 'en' ? quote : sentence(ctx, 'en', figureOf(ctx, 'en', unit, value), false);
    let id = `${hasSource ? slug(ctx.publisher) || 'source' : 'article'}-${year}-${slug(words('en', 2))}-${lang}`;
    for (let n = 2; used.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    used.add(id);
    records.push({
      id,
      value,
      unit,
      figure,
      quote,
      lang,
      en,
      source: hasSource ? { publisher: ctx.publisher, ...(random() < 0.85 ? { year } : {}) } : null,
      via: { title: `${TITLES[lang]} ${year}`, lang, document: `article-${i % 997}.txt` },
      sameAs: [],
      tags: Array.from({ length: 1 + Math.floor(random() * 3) }, () => TAGS[Math.floor(random() * TAGS.length)]!),
    });
  }
  return records;
}

interface Ctx {
  readonly random: () => number;
  readonly word: (l: Lang) => string;
  readonly words: (l: Lang, n: number) => string;
  publisher: string;
}

function figureOf(ctx: Ctx, l: Lang, unit: Unit, value: number): string {
  const num = ['fi', 'lv', 'et', 'ru'].includes(l) ? String(value).replace('.', ',') : String(value);
  if (unit === '%') return PERCENT_WORD[l](num);
  if (unit === 'x') return MULTIPLIER[l](num);
  if (unit === 'USD billion') return BILLION[l](num);
  return `${num} ${l === 'zh' ? '分钟' : l === 'en' ? 'minutes' : ctx.word(l)}`;
}

function sentence(ctx: Ctx, l: Lang, fig: string, withPublisher: boolean): string {
  const before = ctx.words(l, 1 + Math.floor(ctx.random() * 4));
  const after = ctx.words(l, 4 + Math.floor(ctx.random() * 12));
  if (l === 'zh') return `${withPublisher ? ACCORDING.zh(ctx.publisher) + '，' : ''}${before}${fig}的${after}。`;
  const body = `${before} ${fig} ${after}`;
  const text = withPublisher ? `${ACCORDING[l](ctx.publisher)} ${body}` : body;
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30).replace(/-+$/, '');
}

/** The generated records as loaded statistics (what the search is built from), without re-validating 100k records. */
export function asLoaded(records: readonly StatisticInput[]): LoadedStatistic[] {
  return records.map((r, i) => ({ ...r, sameAs: r.sameAs ?? [], tags: r.tags ?? [], origin: { file: 'generated.stats.json', offset: i, length: 1 } }) as LoadedStatistic);
}
