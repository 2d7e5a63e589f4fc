import { fractionCueFamilies } from './fractionCue';
import { IMPLIED_WHOLES, readFractionPairs, readFractionWords, readImpliedFractions, round1, WHOLES } from './fractions';
import type { DurationUnit, Figure, FigureKind } from './figureTypes';
import { hedgeAround } from './hedges';
import { numberWordList, parseChineseNumber } from './numberWords';
import { ORDINAL_CUES, readChineseWords, readOrdinals, readWordUnits, WORD_UNIT_CUES } from './wordFigures';

export type { DurationUnit, Figure, FigureKind } from './figureTypes';

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

// Before PERCENT_AFTER: "16,9 prosenttiyksikköä" is percentage points, not percent.
const POINTS_AFTER = /^[\s\u00a0]?(?:percentage[\s-]points?|prosenttiyksik\p{L}*|procentpunkt\p{L}*|protsendipunkt\p{L}*|процентн\p{L}*\s+пункт\p{L}*|п\.\s?п\.|pp(?![\p{L}])|p\.p\.|个百分点|個百分點)/iu;
const MAY_BE_POINTS = /^[\s\u00a0]?[pPпП个個]/;
const DURATIONS: readonly DurationUnit[] = ['seconds', 'minutes', 'hours', 'days', 'years'];
const DURATION_AFTER = new RegExp(
  String.raw`^[\s\u00a0]?(?:` +
    String.raw`(seconds?|secs?(?![\p{L}])|sekunt\p{L}*|sekund\p{L}*|секунд\p{L}*|秒)` +
    String.raw`|(minutes?|mins?(?![\p{L}])|minuut\p{L}*|minut\p{L}*|minūt\p{L}*|minūš\p{L}*|минут\p{L}*|мин(?![\p{L}])|分钟)` +
    String.raw`|(hours?|hrs?(?![\p{L}])|h(?![\p{L}])|tunti\p{L}*|tuntia|tunni\p{L}*|tund\p{L}*|stund\p{L}*|час(?:а|ов|ы)?(?![\p{L}])|小时|个小时)` +
    String.raw`|(days?|päivä\p{L}*|päev\p{L}*|dien\p{L}*|дн(?:я|ей)(?![\p{L}])|день|天)` +
    String.raw`|(years?|vuo(?:si|tta|den|deksi)(?![\p{L}])|aasta\p{L}*|gad\p{L}*|лет(?![\p{L}])|год\p{L}*))`,
  'iu',
);
const PERCENT_AFTER = /^\s?(?:%|％|(?:prosent|procent|protsen|процент|per ?cent)[\p{L}]*)/iu;
const MULTIPLIER_AFTER = /^(?:\s?[x×](?![\p{L}])|-?\s?(?:fold|kertai\p{L}*|kertaa|kertaiseksi)|\s(?:times|kertaa|reizes|reizēm|korda|раза?|разу)(?![\p{L}])|-k korda|-kordselt|-kord\p{L}*|\s?倍)/iu;
// "в 10 раз": \b would not do, as it only knows ASCII letters.
const MULTIPLIER_BEFORE = /(?<!\p{L})[вv]\s$/iu;
const SCALE_AFTER: ReadonlyArray<readonly [RegExp, number]> = [
  [/^\s?(?:billion|bn|miljardi\p{L}*|miljard\p{L}*|mljrd\.?|mrd\.?|млрд\.?|миллиард\p{L}*)/iu, 1e9],
  [/^\s?(?:million|mn|miljoon\p{L}*|miljon\p{L}*|milj\.?|млн\.?|миллион\p{L}*)/iu, 1e6],
  [/^\s?(?:trillion|biljoon\p{L}*|biljon\p{L}*|трлн\.?|триллион\p{L}*)/iu, 1e12],
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
    if (readers & Reader.Chinese) readChineseWords(text, figures);
    if (readers & Reader.WordUnits) readWordUnits(text, figures);
    if (readers & Reader.Ordinals) readOrdinals(text, figures);
    if (readers & Reader.Numerals) readNumerals(text, figures);
  } catch {
    // A figure reader must never take validation down; an odd input yields what was read so far.
  }
  if (figures.length === 0) return figures;
  // Most paragraphs state one figure or none: nothing to order or drop. Those read by the numerals' reader alone are
  // in order already, and sort() would copy them all the same.
  if (figures.length > 1 && !inOrder(figures)) figures.sort((a, b) => a.start - b.start);
  return withHedges(text, figures.length > 1 ? dropRestated(text, dropOverlaps(figures)) : figures);
}

function inOrder(figures: readonly Figure[]): boolean {
  for (let i = 1; i < figures.length; i++) if (figures[i]!.start < figures[i - 1]!.start) return false;
  return true;
}

/** Each figure with the hedge written around it ("over half", "nearly 70 %"); a new object only where there is one. */
function withHedges(text: string, figures: Figure[]): Figure[] {
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i]!;
    const hedge = hedgeAround(text, f.start, f.end);
    if (hedge) figures[i] = { ...f, hedge };
  }
  return figures;
}

/** The figure at other offsets; built field by field, as a spread copy is several times slower on this hot path. */
export function figureAt(f: Figure, start: number, end: number): Figure {
  const moved: Figure = { value: f.value, kind: f.kind, scale: f.scale, approximate: f.approximate, start, end, text: f.text };
  if (f.valueMax === undefined && f.hedge === undefined && f.unit === undefined) return moved;
  return { ...moved, ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}), ...(f.hedge ? { hedge: f.hedge } : {}), ...(f.unit ? { unit: f.unit } : {}) };
}

/** The figure readers, as bits: `readers: ALL_READERS` runs every one (the tests check the guards against it). */
export const Reader = { Pairs: 1, Implied: 2, Words: 4, Chinese: 8, Numerals: 16, WordUnits: 32, Ordinals: 64 } as const;
export const ALL_READERS = 127;

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
    let duration: DurationUnit | undefined;
    // Percentage points are looked for only where they may be: after a percent word, or before "pp", "п. п.", "个百分点".
    const points = unit ? unit[0].trim().length > 1 && POINTS_AFTER.exec(rest) : MAY_BE_POINTS.test(rest) && POINTS_AFTER.exec(rest);
    if (points) {
      unit = points;
      kind = 'points';
    } else if (unit) kind = 'percent';
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
      else if (scale === 1 && (unit = DURATION_AFTER.exec(rest))) duration = DURATIONS.find((d, i) => unit![i + 1] !== undefined && d)!;
    }
    if (unit) end += unit[0].length;
    if (kind === 'number' && RAZ_AFTER.test(rest) && MULTIPLIER_BEFORE.test(text.slice(Math.max(0, start - 3), start))) kind = 'multiplier';
    if (kind === 'number' && !unit && FOLLOWED_BY_WORD.test(rest) && !/^[\p{Script=Han}]/u.test(rest)) continue;
    if (kind === 'number' && isYear(m[2]!, m[3], value) && (valueMax === undefined || isYear(m[5]!, m[6], valueMax))) continue;
    // No spread of an optional valueMax: this runs for every number, and a spread object is several times slower.
    const figure: Figure = { value, kind, scale, approximate: false, start, end, text: text.slice(start, end) };
    out.push(valueMax === undefined && !duration ? figure : { ...figure, ...(valueMax !== undefined ? { valueMax } : {}), ...(duration ? { unit: duration } : {}) });
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

const DIGIT = /\d/;
// 分之 (fractions), 倍 (multipliers), 成 (tenths), 半 (half), 每 ("每十个…"), 第 (ranks): one pass, not six.
const CHINESE_CUE = /[分倍成半每第]/;
const NUMBER_WORD = new RegExp(numberWordList().join('|'));
// "in"/"of"/"из"/"no"/"/" followed by the "ten" (3, 4, 5, 10, 20 or 100) a fraction counts out of.
const LINKS = ['in', 'of', 'из', 'no', '/'];
const IN_OF_WHOLE = new RegExp(`(?:${LINKS.join('|')})\\s*(?:\\d|${numberWordList(WHOLES).join('|')})`);
const OF_IMPLIED = new RegExp(IMPLIED_WHOLES.join('|'));
const FRACTION_WORD_STEMS = ['third', 'quarter', 'kolmasosa', 'kolmannes', 'neljäsos', 'трет', 'trešdaļ', 'kolmandik', 'neljännes', 'четверт', 'ceturtdaļ', 'veerand', 'half', 'puolet', 'половин', 'puse', 'pool'];
const FRACTION_WORD = new RegExp(FRACTION_WORD_STEMS.join('|'));
const WORD_UNIT = new RegExp(WORD_UNIT_CUES.join('|'));
const ORDINAL = new RegExp(ORDINAL_CUES.join('|'));
let fractionCue: ((text: string, any?: boolean) => number) | undefined;
// The automaton's families of words, in the order of its bits; the link-and-whole bit comes after them.
const CUE_IMPLIED = 1;
const CUE_WORDS = 2;
const CUE_WORD_UNITS = 4;
const CUE_ORDINALS = 8;
const CUE_PAIRS = 16;
/** The families of fraction words found in `text` (CUE_* bits), each as its `/iu` regular expression would find them. */
function fractionCues(text: string, any?: boolean): number {
  fractionCue ??= fractionCueFamilies([IMPLIED_WHOLES, FRACTION_WORD_STEMS, WORD_UNIT_CUES, ORDINAL_CUES], LINKS, numberWordList(WHOLES));
  return fractionCue(text, any);
}

/**
 * One case-insensitive pass for the words every reader but the numerals' and the Chinese one needs, as most prose has
 * none of them. Built on first use, not at activation.
 */
export function mayHoldFraction(text: string): boolean {
  return fractionCues(text, true) !== 0;
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
  if (CHINESE_CUE.test(text)) readers |= Reader.Chinese;
  // Most prose has none of these words: one case-insensitive pass, which also tells which readers' words it found, so
  // only their regular expressions are tried on the lower-cased text.
  const cues = fractionCues(text);
  if (cues === 0) return readers;
  const lower = text.toLowerCase();
  let number: boolean | undefined;
  const hasNumber = () => (number ??= digit || NUMBER_WORD.test(lower));
  if (cues & CUE_PAIRS && IN_OF_WHOLE.test(lower) && hasNumber()) readers |= Reader.Pairs;
  if (cues & CUE_IMPLIED && OF_IMPLIED.test(lower) && hasNumber()) readers |= Reader.Implied;
  if (cues & CUE_WORDS && FRACTION_WORD.test(lower)) readers |= Reader.Words;
  if (cues & CUE_WORD_UNITS && WORD_UNIT.test(lower)) readers |= Reader.WordUnits;
  if (cues & CUE_ORDINALS && ORDINAL.test(lower)) readers |= Reader.Ordinals;
  return readers;
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
