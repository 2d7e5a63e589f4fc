import { cardinalValue } from './cardinals';
import { parseChineseNumber } from './numberWords';
import type { DurationUnit, Figure, FigureKind } from './figureTypes';

// Figures written in words: a number word before a unit ("kolme prosenttia", "piecu minūšu", "три процента",
// "kümme korda", "tenfold"), ordinal ranks ("the second most used", "kolmanneksi tärkein", "otrais populārākais",
// "третьим по важности", "第三重要"), and the Chinese tenths, halves and "每十个…有六个".

// The unit word follows the number word after one space, as the cues below (the fast guard) expect.
const UNIT_WORD = new RegExp(
  String.raw`(?:` +
    String.raw`(percentage[\s-]points?|prosenttiyksik\p{L}*|procentpunkt\p{L}*|protsendipunkt\p{L}*|процентн\p{L}*\s+пункт\p{L}*)` +
    String.raw`|(percent|per cent|prosent\p{L}*|procent\p{L}*|protsent\p{L}*|процент\p{L}*)` +
    String.raw`|(seconds|sekunt\p{L}*|sekund\p{L}*|секунд\p{L}*)` +
    String.raw`|(minut\p{L}*|minuut\p{L}*|minūt\p{L}*|minūš\p{L}*|минут\p{L}*)` +
    String.raw`|(hours?|tunti\p{L}*|tunnin|tundi|tunni|stund\p{L}*|час(?:а|ов)?)` +
    String.raw`|(times|kertaa|kertaisesti|korda|reizes|reizēm|раза?)` +
    String.raw`)(?![\p{L}])`,
  'giu',
);
const UNIT_KINDS: ReadonlyArray<readonly [FigureKind, DurationUnit | undefined]> = [
  ['points', undefined], ['percent', undefined], ['number', 'seconds'], ['number', 'minutes'], ['number', 'hours'], ['multiplier', undefined],
];
const UNIT_STEMS = ['percent', 'per cent', 'prosent', 'procent', 'protsen', 'процент', 'seconds', 'sekunt', 'sekund', 'секунд', 'minut', 'minuut', 'minūt', 'minūš', 'минут', 'hour', 'tunti', 'tunnin', 'tundi', 'tunni', 'stund', 'час', 'times', 'kertaa', 'kertaisesti', 'korda', 'reizes', 'reizēm', 'раз'];
/** What readWordUnits needs in a text: a unit word after a space, or "fold" ("tenfold"). Matched case-insensitively. */
export const WORD_UNIT_CUES = [...UNIT_STEMS.flatMap((w) => [` ${w}`, `\u00a0${w}`]), 'fold'];
// One or two words right before the unit: "kolme", "ninety-five", "двадцать пять".
const WORDS_BEFORE = /(?<![\p{L}\p{N}])(\p{L}+)(?:([- \u00a0])(\p{L}+))?[ \u00a0]$/u;
// "fold" first and the number word found back from it: a pattern starting with a word tries it at every letter.
const FOLD = /fold(?![\p{L}])/giu;
const WORD_END = /(?<![\p{L}])\p{L}+$/u;

/** Whether the code unit at `i` is a letter, as `/\p{L}/u` tests it alone. */
function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i]!);
}

// UNIT_WORD tried at one place. Searching the text with UNIT_WORD tries its Unicode, case-insensitive alternatives at
// every character (about 0.1 ms for a paragraph); a unit word only counts after a space that follows a letter, so it is
// tried there alone. It finds what the search finds: a match elsewhere cannot hide one there, as a match holds a space
// only between the words of "per cent", "percentage points" or "процентных пунктов", and no unit word starts like
// their second words.
const UNIT_WORD_AT = new RegExp(UNIT_WORD.source, 'iuy');
const LETTER = /\p{L}/u;

/** Number words before a unit word, and "tenfold". */
export function readWordUnits(text: string, out: Figure[]): void {
  let searchedTo = 0;
  for (let at = 2; at < text.length; at++) {
    // After one space, itself after a letter ("kolme prosenttia"); not inside a word ("määräprosentti").
    const space = text.charCodeAt(at - 1);
    if ((space !== 32 && space !== 0xa0) || at < searchedTo || !isLetter(text, at - 2)) continue;
    UNIT_WORD_AT.lastIndex = at;
    const m = UNIT_WORD_AT.exec(text);
    if (!m) continue;
    searchedTo = at + m[0].length;
    const group = m.slice(1).findIndex((g) => g !== undefined);
    const [kind, unit] = UNIT_KINDS[group]!;
    const lead = text.slice(Math.max(0, m.index - 40), m.index);
    const w = WORDS_BEFORE.exec(lead);
    if (!w) continue;
    let value = w[3] !== undefined ? cardinalValue(`${w[1]!.toLowerCase()}${w[2] === '-' ? '-' : ' '}${w[3].toLowerCase()}`) : undefined;
    let start = m.index - (lead.length - w.index);
    if (value === undefined && w[3] !== undefined) {
      value = cardinalValue(w[3].toLowerCase());
      start = m.index - (lead.length - w.index) + w[1]!.length + w[2]!.length;
    } else if (value === undefined) value = cardinalValue(w[1]!.toLowerCase());
    if (value === undefined) continue;
    const end = m.index + m[0].length;
    const figure: Figure = { value, kind, scale: 1, approximate: false, start, end, text: text.slice(start, end) };
    out.push(unit ? { ...figure, unit } : figure);
  }
  for (const m of text.matchAll(FOLD)) {
    const word = WORD_END.exec(text.slice(Math.max(0, m.index - 20), m.index));
    const value = word ? cardinalValue(word[0].toLowerCase()) : undefined;
    if (value === undefined) continue;
    const start = m.index - word![0].length;
    const end = m.index + m[0].length;
    out.push({ value, kind: 'multiplier', scale: 1, approximate: false, start, end, text: text.slice(start, end) });
  }
}

const EN_VALUES: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5 };
const ORDINALS: Record<string, number> = {
  ensimmäiseksi: 1, toiseksi: 2, kolmanneksi: 3, neljänneksi: 4, viidenneksi: 5,
  esimene: 1, teine: 2, kolmas: 3, neljas: 4, viies: 5, teiseks: 2, kolmandaks: 3, neljandaks: 4, viiendaks: 5,
  pirmais: 1, pirmā: 1, otrais: 2, otrā: 2, trešais: 3, trešā: 3, ceturtais: 4, ceturtā: 4, piektais: 5, piektā: 5,
};
const RU_ORDINALS: ReadonlyArray<readonly [string, number]> = [['перв', 1], ['втор', 2], ['трет', 3], ['четвёрт', 4], ['четверт', 4], ['пят', 5]];
// An ordinal is a rank only before a superlative: "the second most used", "toiseksi tärkein", "otrais populārākais",
// "teine populaarseim", "вторым по популярности". "Secondly", "for the third year" are no ranks. One space or hyphen
// between the words, as the cues below (the fast guard) expect.
const EN_ORDINALS = ['second', 'third', 'fourth', 'fifth'];
const EN_SUPERLATIVES = ['most', 'largest', 'biggest', 'highest', 'favourite', 'favorite', 'best'];
const FI_ORDINALS = ['ensimmäiseksi', 'toiseksi', 'kolmanneksi', 'neljänneksi', 'viidenneksi'];
const ET_ORDINALS = ['esimene', 'teine', 'kolmas', 'neljas', 'viies', 'teiseks', 'kolmandaks', 'neljandaks', 'viiendaks'];
const LV_ORDINALS = ['pirmais', 'pirmā', 'otrais', 'otrā', 'trešais', 'trešā', 'ceturtais', 'ceturtā', 'piektais', 'piektā'];
const RU_MEASURES = ['важности', 'популярности', 'значимости', 'величине', 'распространённости', 'распространенности', 'частоте'];
const ORDINAL_RANK = new RegExp(
  String.raw`(?<![\p{L}])(?:(${EN_ORDINALS.join('|')})[ -](?:${EN_SUPERLATIVES.join('|')})` +
    String.raw`|(${FI_ORDINALS.join('|')}) \p{L}+(?:in|imm\p{L}*|impä\p{L}*)` +
    String.raw`|(${ET_ORDINALS.join('|')}) (?:kõige \p{L}+|\p{L}+im(?:aks|ad)?)` +
    String.raw`|(${LV_ORDINALS.join('|')}) \p{L}+āk\p{L}*` +
    String.raw`|((?:перв|втор|трет|четв[её]рт|пят)\p{L}*) по (?:${RU_MEASURES.join('|')}))(?![\p{L}])`,
  'giu',
);
/** What readOrdinals needs in a text, matched case-insensitively. */
export const ORDINAL_CUES = [
  ...[...EN_ORDINALS, ...FI_ORDINALS, ...ET_ORDINALS, ...LV_ORDINALS].map((o) => `${o} `),
  ...EN_ORDINALS.map((o) => `${o}-`),
  ...RU_MEASURES.map((m) => ` по ${m}`),
];

/** Ordinal ranks before a superlative. */
export function readOrdinals(text: string, out: Figure[]): void {
  for (const m of text.matchAll(ORDINAL_RANK)) {
    const word = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5])!.toLowerCase();
    const value = EN_VALUES[word] ?? ORDINALS[word] ?? RU_ORDINALS.find(([stem]) => word.startsWith(stem))?.[1];
    if (value === undefined) continue;
    out.push({ value, kind: 'rank', scale: 1, approximate: false, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
}

const CN = '[零〇一二两三四五六七八九十百]+';
const CN_TENTHS = /(?<![零〇一二两三四五六七八九十百千万\d])([一二三四五六七八九]|十)成(?![为功本立员熟果绩长交])/gu;
const CN_EVERY = new RegExp(`每(${CN})(?:个|位|名|家)?[^。！？，,.!?]{0,12}?有(${CN})(?:个|位|名|家)?`, 'gu');
const CN_RANK = /第([一二三四五六七八九十]|\d+)(?=重要|大|受欢迎|常用|流行|多|高|位)/gu;

/** Chinese tenths ("七成"), halves ("一半"), "每十个美国人中就有六个" and ranks ("第三重要"). */
export function readChineseWords(text: string, out: Figure[]): void {
  const push = (value: number, kind: FigureKind, approximate: boolean, start: number, end: number) => out.push({ value, kind, scale: 1, approximate, start, end, text: text.slice(start, end) });
  for (const m of text.matchAll(CN_TENTHS)) push(parseChineseNumber(m[1]!)! * 10, 'percent', true, m.index, m.index + m[0].length);
  for (let at = text.indexOf('一半'); at >= 0; at = text.indexOf('一半', at + 2)) push(50, 'percent', true, at, at + 2);
  for (const m of text.matchAll(CN_EVERY)) {
    const whole = parseChineseNumber(m[1]!);
    const part = parseChineseNumber(m[2]!);
    if (whole && part !== undefined && part <= whole) push(Math.round((part / whole) * 1000) / 10, 'percent', true, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(CN_RANK)) {
    const value = parseChineseNumber(m[1]!);
    if (value !== undefined) push(value, 'rank', false, m.index, m.index + m[0].length);
  }
}
