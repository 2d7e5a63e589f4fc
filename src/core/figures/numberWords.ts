// Small number words used in fractions ("nine in ten", "девять из десяти", "yhdeksän kymmenestä").
const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, hundred: 100,
  yksi: 1, kaksi: 2, kolme: 3, neljä: 4, viisi: 5, kuusi: 6, seitsemän: 7, kahdeksan: 8, yhdeksän: 9, kymmenen: 10,
  один: 1, одна: 1, два: 2, две: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10, десяти: 10, ста: 100, сто: 100,
  viens: 1, divi: 2, trīs: 3, četri: 4, pieci: 5, seši: 6, septiņi: 7, astoņi: 8, deviņi: 9, desmit: 10, trim: 3, četriem: 4, pieciem: 5,
  üks: 1, kaks: 2, kolm: 3, neli: 4, viis: 5, kuus: 6, seitse: 7, kaheksa: 8, üheksa: 9, kümme: 10,
};

/** A small cardinal written in digits or words (1–10, 100), or undefined. */
export function wordNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return WORDS[word.toLowerCase()];
}

/** The number words wordNumber reads (those for `values` only, when given). */
export function numberWordList(values?: readonly number[]): string[] {
  return Object.keys(WORDS).filter((w) => !values || values.includes(WORDS[w]!));
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Parses Chinese numerals ("八十四", "十", "三", "一百") and plain digits, with an optional 点 decimal. */
export function parseChineseNumber(text: string): number | undefined {
  const [intPart = '', fracPart] = text.split(/[点.]/u);
  const whole = /^\d+$/.test(intPart) ? Number(intPart) : parseCnInteger(intPart);
  if (whole === undefined) return undefined;
  if (fracPart === undefined) return whole;
  const digits = [...fracPart].map((c) => (/\d/.test(c) ? Number(c) : CN_DIGITS[c]));
  if (digits.some((d) => d === undefined)) return undefined;
  return Number(`${whole}.${digits.join('')}`);
}

function parseCnInteger(text: string): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = CN_UNITS[ch];
    if (unit === undefined) return undefined;
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else section += (digit ?? 1) * unit;
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}
