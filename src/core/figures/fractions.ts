import { numberWordList, wordNumber } from './numberWords';
import type { Figure } from './figureTypes';

/** What a fraction may count out of: "nine in ten", "3/4", "one in five". */
export const WHOLES: readonly number[] = [10, 100, 4, 3, 5, 20];
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
export const IMPLIED_WHOLES = ['kymmenestä', 'kümnest', 'sadasta', 'sajast', 'viidestä', 'viiest', 'neljästä', 'neljast', 'kolmesta', 'kolmest'];
const IMPLIED_VALUES: Record<string, number> = { kymmenestä: 10, kümnest: 10, sadasta: 100, sajast: 100, viidestä: 5, viiest: 5, neljästä: 4, neljast: 4, kolmesta: 3, kolmest: 3 };
const OF_IMPLIED_WORD = `(?:${IMPLIED_WHOLES.join('|')})`;
const FRACTION_OF_IMPLIED = new RegExp(`(${OF_IMPLIED_WORD})(?<=(?<![\\p{L}\\p{N}])${COUNT}(\\s+)${OF_IMPLIED_WORD})(?![\\p{L}\\p{N}])`, 'giu');
const FRACTION_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/(?<![\p{L}])(?:three[\s-]quarters|kolme neljäsosaa|kolme neljännestä|trīs ceturtdaļas|три четверти|kolmveerand\p{L}*)(?![\p{L}])/giu, 75],
  [/(?<![\p{L}])(?:two[\s-]thirds|kaksi kolmasosaa|kaksi kolmannesta|divas trešdaļas|две трети|двух третей|kaks kolmandikku)(?![\p{L}])/giu, 200 / 3],
  [/(?<![\p{L}])(?:one|a) third(?![\p{L}])/giu, 100 / 3],
  [/(?<![\p{L}])(?:one|a) quarter(?![\p{L}])/giu, 25],
  [/(?<![\p{L}])(?:kolmasosa\p{L}*|kolmannes\p{L}*|трет[ьия]\p{L}*|trešdaļa\p{L}*|kolmandik\p{L}*)/giu, 100 / 3],
  [/(?<![\p{L}])(?:neljännes\p{L}*|четверт[ьи]\p{L}*|ceturtdaļa\p{L}*|veerand\p{L}*)/giu, 25],
  [/(?<![\p{L}])(?:half|puolet|половин\p{L}*|puse|pusi|pool|poole|pooled)(?![\p{L}])/giu, 50],
];


export function readFractionPairs(text: string, out: Figure[]): void {
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

export function readImpliedFractions(text: string, out: Figure[]): void {
  let taken = 0;
  for (const m of text.matchAll(FRACTION_OF_IMPLIED)) {
    const [, word = '', count = '', space = ''] = m;
    const start = m.index - space.length - count.length;
    if (start < taken) continue;
    taken = m.index + m[0].length;
    const a = wordNumber(count);
    const b = IMPLIED_VALUES[word.toLowerCase()] ?? 10;
    if (a === undefined || a > b) continue;
    const end = m.index + m[0].length;
    out.push({ value: round1((a / b) * 100), kind: 'percent', scale: 1, approximate: true, start, end, text: text.slice(start, end) });
  }
}

export function readFractionWords(text: string, out: Figure[]): void {
  for (const [re, value] of FRACTION_WORDS) {
    for (const m of text.matchAll(re)) {
      out.push({ value: round1(value), kind: 'percent', scale: 1, approximate: true, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
