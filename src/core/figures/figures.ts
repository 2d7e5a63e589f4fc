import { fractionCueTest } from './fractionCue';
import { numberWordList, parseChineseNumber, wordNumber } from './numberWords';

/** What kind of quantity a figure is: checked against a statistic's unit. */
export type FigureKind = 'percent' | 'multiplier' | 'money' | 'number';

/** A figure read from prose, with its offsets in the text it was read from. */
export interface Figure {
  readonly value: number;
  readonly valueMax?: number;
  readonly kind: FigureKind;
  /** Scale of a money amount (1e9 for "miljardia", "billion", "млрд"), 1 otherwise. */
  readonly scale: number;
  /** True when the value came from words ("one third", "十分之九"), so it may be rounded. */
  readonly approximate: boolean;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const NUMBER = String.raw`(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+)(?:([.,])(\d+))?`;
const DASH = String.raw`\s*[-–—‒]\s*`;
// A figure does not start inside a word or code-like token ("B2C", "COVID-19", "mp3").
// Chinese writes no spaces, so a figure may follow a Han character ("超过60%的消费者") or a comma after one ("考虑,46%").
const NOT_IN_WORD = String.raw`(?<!(?!\p{Script=Han})[\p{L}\p{N}_]|(?<!\p{Script=Han})[.,]|\p{L}-)`;
// Sticky, tried only where a figure can start: scanning for those places is several times faster than letting the
// Unicode lookbehind's regular expression scan the text itself.
const NUMERIC = new RegExp(`${NOT_IN_WORD}(?:([$€£])\\s?)?${NUMBER}(?:${DASH}${NUMBER})?`, 'uy');
// A currency sign or the first of a run of digits (one after a digit is never a figure's start).
const NUMERIC_START = /[$€£]|\d+/g;

const PERCENT_AFTER = /^\s?(?:%|％|(?:prosent|procent|protsen|процент|per ?cent)[\p{L}]*)/iu;
const MULTIPLIER_AFTER = /^(?:\s?[x×](?![\p{L}])|-?\s?(?:fold|kertai\p{L}*|kertaa|kertaiseksi)|\s(?:times|kertaa|reizes|reizēm|korda|раза?|разу)(?![\p{L}])|-k korda|-kordselt|-kord\p{L}*|\s?倍)/iu;
// "в 10 раз": \b would not do, as it only knows ASCII letters.
const MULTIPLIER_BEFORE = /(?<!\p{L})[вv]\s$/iu;
const SCALE_AFTER: ReadonlyArray<readonly [RegExp, number]> = [
  [/^\s?(?:billion|bn|miljardi\p{L}*|miljard\p{L}*|mljrd\.?|mrd\.?|млрд\.?|миллиард\p{L}*)/iu, 1e9],
  [/^\s?(?:million|mn|miljoon\p{L}*|miljon\p{L}*|milj\.?|млн\.?|миллион\p{L}*)/iu, 1e6],
  [/^\s?(?:trillion|biljoon\p{L}*|biljon\p{L}*|триллион\p{L}*)/iu, 1e12],
  [/^\s?亿/u, 1e8],
  [/^\s?万/u, 1e4],
];
// Longer words first: "euroa" is read whole, not as "eur".
const CURRENCY_AFTER = /^\s?(?:\$|€|£|usd|euro\p{L}*|eur|dollar\p{L}*|dolār\p{L}*|eiro|доллар\p{L}*|евро|美元|欧元)/iu;
const FOLLOWED_BY_WORD = /^[\p{L}]/u;
const RAZ_AFTER = /^\s?раз/u;

/**
 * Reads the figures people write in prose, in English, Finnish, Chinese, Latvian, Estonian and Russian:
 * "84%", "84 %", "84 prosenttia", "84 procenti", "84 процента", "7,6 miljardia dollaria", "10 times", "в 10 раз",
 * "6–7", "十分之九", "百分之八十四", "8 из 10", "nine in ten", "one third". Years standing alone are not figures.
 * Never throws.
 */
export function readFigures(text: string, options: { readers?: number } = {}): Figure[] {
  const figures: Figure[] = [];
  const readers = options.readers ?? figureReaders(text);
  try {
    if (readers & Reader.Pairs) readFractionPairs(text, figures);
    if (readers & Reader.Implied) readImpliedFractions(text, figures);
    if (readers & Reader.Words) readFractionWords(text, figures);
    if (readers & Reader.Chinese) readChinese(text, figures);
    if (readers & Reader.Numerals) readNumerals(text, figures);
  } catch {
    // A figure reader must never take validation down; an odd input yields what was read so far.
  }
  // Most paragraphs state one figure or none: nothing to order or drop.
  if (figures.length < 2) return figures;
  figures.sort((a, b) => a.start - b.start);
  return dropRestated(text, dropOverlaps(figures));
}

/** The figure at other offsets; built field by field, as a spread copy is several times slower on this hot path. */
export function figureAt(f: Figure, start: number, end: number): Figure {
  const moved: Figure = { value: f.value, kind: f.kind, scale: f.scale, approximate: f.approximate, start, end, text: f.text };
  return f.valueMax === undefined ? moved : { ...moved, valueMax: f.valueMax };
}

/** The figure readers, as bits: `readers: ALL_READERS` runs every one (the tests check the guards against it). */
export const Reader = { Pairs: 1, Implied: 2, Words: 4, Chinese: 8, Numerals: 16 } as const;
export const ALL_READERS = 31;

function readNumerals(text: string, out: Figure[]): void {
  NUMERIC_START.lastIndex = 0;
  // test() and not exec(): no match array for each run of digits. Where it started is found back from its end.
  while (NUMERIC_START.test(text)) {
    let at = NUMERIC_START.lastIndex - 1;
    while (at > 0 && isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at - 1))) at--;
    NUMERIC.lastIndex = at;
    const m = NUMERIC.exec(text);
    if (!m) continue;
    NUMERIC_START.lastIndex = m.index + m[0].length;
    const start = m.index;
    let end = start + m[0].length;
    const currencyBefore = m[1] !== undefined;
    const value = toNumber(m[2]!, m[3], m[4]);
    const valueMax = m[5] !== undefined ? toNumber(m[5], m[6], m[7]) : undefined;
    if (value === undefined) continue;
    const rest = text.slice(end, end + 40);
    let kind: FigureKind = 'number';
    let scale = 1;
    let unit = PERCENT_AFTER.exec(rest);
    if (unit) kind = 'percent';
    else if ((unit = MULTIPLIER_AFTER.exec(rest))) kind = 'multiplier';
    else {
      for (const [re, s] of SCALE_AFTER) {
        const hit = re.exec(rest);
        if (hit) {
          scale = s;
          unit = hit;
          kind = 'money';
          break;
        }
      }
      const currency = CURRENCY_AFTER.exec(rest.slice(unit?.[0].length ?? 0));
      if (currency) {
        kind = 'money';
        end += (unit?.[0].length ?? 0) + currency[0].length;
        unit = null;
      } else if (!currencyBefore && scale !== 1) {
        kind = 'number';
      } else if (currencyBefore) kind = 'money';
    }
    if (unit) end += unit[0].length;
    if (kind === 'number' && RAZ_AFTER.test(rest) && MULTIPLIER_BEFORE.test(text.slice(Math.max(0, start - 3), start))) kind = 'multiplier';
    if (kind === 'number' && !unit && FOLLOWED_BY_WORD.test(rest) && !/^[\p{Script=Han}]/u.test(rest)) continue;
    if (kind === 'number' && isYear(m[2]!, m[3], value) && (valueMax === undefined || isYear(m[5]!, m[6], valueMax))) continue;
    // No spread of an optional valueMax: this runs for every number, and a spread object is several times slower.
    const figure: Figure = { value, kind, scale, approximate: false, start, end, text: text.slice(start, end) };
    out.push(valueMax === undefined ? figure : { ...figure, valueMax });
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function toNumber(intPart: string, sep: string | undefined, frac: string | undefined): number | undefined {
  const whole = intPart.length > 3 ? intPart.replace(/[ \u00a0\u202f]/g, '') : intPart;
  // "1,000" is a thousands separator; "7,6" and "7.6" are decimals.
  if (sep === ',' && frac !== undefined && frac.length === 3 && !intPart.includes(' ')) return Number(whole + frac);
  const n = Number(frac !== undefined ? `${whole}.${frac}` : whole);
  return Number.isFinite(n) ? n : undefined;
}

function isYear(intPart: string, sep: string | undefined, value: number): boolean {
  return sep === undefined && /^\d{4}$/.test(intPart) && value >= 1900 && value <= 2100;
}

/** What a fraction may count out of: "nine in ten", "3/4", "one in five". */
const WHOLES: readonly number[] = [10, 100, 4, 3, 5, 20];
// The count is a number word or digits, not any word: a regular expression that took any word and backtracked
// through it to find "in" was slow, and it let "raportin 9 in 10" hide "9 in 10".
const byLength = (words: string[]) => words.sort((a, b) => b.length - a.length).join('|');
const COUNT = String.raw`(\d+|${byLength(numberWordList())})`;
const WHOLE = String.raw`(\d+|${byLength(numberWordList(WHOLES))})`;
const IN_OF = String.raw`(?:in|out of|of|из|no|\/)`;
// The link ("in", "/") and the implied whole come first and the count is checked behind them: a regular expression that
// starts with a lookbehind or a long list of words tries them at every character, several times slower.
const FRACTION_PAIR = new RegExp(`(${IN_OF})(?<=(?<![\\p{L}\\p{N}])${COUNT}(\\s*)${IN_OF})\\s*${WHOLE}(?![\\p{L}\\p{N}])`, 'giu');
// Finnish and Estonian put the "out of ten" in one word: "yhdeksän kymmenestä", "üheksa kümnest", "N sadasta".
const IMPLIED_WHOLES = ['kymmenestä', 'kümnest', 'sadasta', 'sajast'];
const OF_IMPLIED_WORD = `(?:${IMPLIED_WHOLES.join('|')})`;
const FRACTION_OF_IMPLIED = new RegExp(`(${OF_IMPLIED_WORD})(?<=(?<![\\p{L}\\p{N}])${COUNT}(\\s+)${OF_IMPLIED_WORD})(?![\\p{L}\\p{N}])`, 'giu');
const FRACTION_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/(?<![\p{L}])(?:one|a) third(?![\p{L}])/giu, 100 / 3],
  [/(?<![\p{L}])two thirds(?![\p{L}])/giu, 200 / 3],
  [/(?<![\p{L}])(?:one|a) quarter(?![\p{L}])/giu, 25],
  [/(?<![\p{L}])(?:kolmasosa\p{L}*|kolmannes\p{L}*|трет[ьия]\p{L}*|trešdaļa\p{L}*|kolmandik\p{L}*)/giu, 100 / 3],
  [/(?<![\p{L}])(?:neljännes\p{L}*|четверт[ьи]\p{L}*|ceturtdaļa\p{L}*|veerand\p{L}*)/giu, 25],
  [/(?<![\p{L}])(?:half|puolet|половин\p{L}*|puse|pool)(?![\p{L}])/giu, 50],
];

const DIGIT = /\d/;
const NUMBER_WORD = new RegExp(numberWordList().join('|'));
// "in"/"of"/"из"/"no"/"/" followed by the "ten" (3, 4, 5, 10, 20 or 100) a fraction counts out of.
const LINKS = ['in', 'of', 'из', 'no', '/'];
const IN_OF_WHOLE = new RegExp(`(?:${LINKS.join('|')})\\s*(?:\\d|${numberWordList(WHOLES).join('|')})`);
const OF_IMPLIED = new RegExp(IMPLIED_WHOLES.join('|'));
const FRACTION_WORD_STEMS = ['third', 'quarter', 'kolmasosa', 'kolmannes', 'трет', 'trešdaļ', 'kolmandik', 'neljännes', 'четверт', 'ceturtdaļ', 'veerand', 'half', 'puolet', 'половин', 'puse', 'pool'];
const FRACTION_WORD = new RegExp(FRACTION_WORD_STEMS.join('|'));
let fractionCue: ((text: string) => boolean) | undefined;
/** One case-insensitive pass for all three, as most prose has none of them. Built on first use, not at activation. */
export function mayHoldFraction(text: string): boolean {
  fractionCue ??= fractionCueTest([...IMPLIED_WHOLES, ...FRACTION_WORD_STEMS], LINKS, numberWordList(WHOLES));
  return fractionCue(text);
}

/**
 * The readers that may find a figure in `text`: most prose holds no figure, and cheap tests of what each reader needs
 * skip its Unicode regular expressions there. The fraction readers' words are matched case-insensitively, so they are
 * looked for in the lower-cased text. A test may let through what its reader then drops, never the other way round.
 */
export function figureReaders(text: string): number {
  let readers = 0;
  const digit = DIGIT.test(text);
  if (digit) readers |= Reader.Numerals;
  if (text.includes('分之') || text.includes('倍')) readers |= Reader.Chinese;
  // Most prose has none of these words: one case-insensitive scan before the text is lower-cased for the others.
  if (!mayHoldFraction(text)) return readers;
  const lower = text.toLowerCase();
  let number: boolean | undefined;
  const hasNumber = () => (number ??= digit || NUMBER_WORD.test(lower));
  if (IN_OF_WHOLE.test(lower) && hasNumber()) readers |= Reader.Pairs;
  if (OF_IMPLIED.test(lower) && hasNumber()) readers |= Reader.Implied;
  if (FRACTION_WORD.test(lower)) readers |= Reader.Words;
  return readers;
}

function readFractionPairs(text: string, out: Figure[]): void {
  let taken = 0;
  for (const m of text.matchAll(FRACTION_PAIR)) {
    const [, link, count = '', space = '', whole = ''] = m;
    // Read left to right as if from the count: a count inside the last match ("four" in "nine in four in ten") is taken.
    const start = m.index - space.length - count.length;
    if (start < taken) continue;
    taken = m.index + m[0].length;
    const a = wordNumber(count);
    const b = wordNumber(whole);
    if (a === undefined || b === undefined || b === 0 || a > b || !WHOLES.includes(b)) continue;
    // "/" only between digits ("9/10"); words need a real "in"/"of".
    if (link === '/' && !(/^\d+$/.test(count) && /^\d+$/.test(whole))) continue;
    const end = m.index + m[0].length;
    out.push({ value: round1((a / b) * 100), kind: 'percent', scale: 1, approximate: true, start, end, text: text.slice(start, end) });
  }
}

function readImpliedFractions(text: string, out: Figure[]): void {
  let taken = 0;
  for (const m of text.matchAll(FRACTION_OF_IMPLIED)) {
    const [, word = '', count = '', space = ''] = m;
    const start = m.index - space.length - count.length;
    if (start < taken) continue;
    taken = m.index + m[0].length;
    const a = wordNumber(count);
    const b = /^(?:sadasta|sajast)$/iu.test(word) ? 100 : 10;
    if (a === undefined || a > b) continue;
    const end = m.index + m[0].length;
    out.push({ value: round1((a / b) * 100), kind: 'percent', scale: 1, approximate: true, start, end, text: text.slice(start, end) });
  }
}

function readFractionWords(text: string, out: Figure[]): void {
  for (const [re, value] of FRACTION_WORDS) {
    for (const m of text.matchAll(re)) {
      out.push({ value: round1(value), kind: 'percent', scale: 1, approximate: true, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
}

const CN = '[零〇一二两三四五六七八九十百千万0-9]+';
const CN_PERCENT = new RegExp(`百分之(${CN}(?:[点.]${CN})?)`, 'gu');
// Each starts only where a run of numerals starts: tried inside a long run with no 分之 or 倍 after it, every start
// would scan the rest of the run again (quadratic); a match inside a run is never the leftmost one anyway.
const CN_FRACTION = new RegExp(`(?<![零〇一二两三四五六七八九十百千万0-9])(${CN})分之(${CN})`, 'gu');
const CN_MULTIPLIER = new RegExp(`(?<![0-9一二两三四五六七八九十百千])([一二两三四五六七八九十百千]+)倍`, 'gu');

function readChinese(text: string, out: Figure[]): void {
  for (const m of text.matchAll(CN_PERCENT)) {
    const value = parseChineseNumber(m[1]!);
    if (value !== undefined) out.push({ value, kind: 'percent', scale: 1, approximate: false, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const m of text.matchAll(CN_FRACTION)) {
    if (m[0].startsWith('百分之')) continue;
    const whole = parseChineseNumber(m[1]!);
    const part = parseChineseNumber(m[2]!);
    if (whole && part !== undefined && part <= whole) out.push({ value: round1((part / whole) * 100), kind: 'percent', scale: 1, approximate: true, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const m of text.matchAll(CN_MULTIPLIER)) {
    const value = parseChineseNumber(m[1]!);
    if (value !== undefined) out.push({ value, kind: 'multiplier', scale: 1, approximate: false, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
}

function dropOverlaps(sorted: Figure[]): Figure[] {
  const kept: Figure[] = [];
  for (const f of sorted) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) {
      // Keep the longer reading: "8 из 10" over "8" and "10", "百分之八十四" over "八十四".
      if (f.end - f.start > last.end - last.start) kept[kept.length - 1] = f;
      continue;
    }
    kept.push(f);
  }
  return kept;
}

/**
 * A fraction in words restated right after as an exact percentage ("over half (56%)", "yli puolet (56 prosenttia)")
 * is one figure: the exact one. The words alone would be read as exactly 50 and reported as a mismatch.
 */
function dropRestated(text: string, figures: Figure[]): Figure[] {
  return figures.filter((f, i) => {
    const next = figures[i + 1];
    return !(f.approximate && next && !next.approximate && next.kind === 'percent' && /^[\s(（,:–—-]{1,4}$/u.test(text.slice(f.end, next.start)));
  });
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
