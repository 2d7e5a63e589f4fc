/**
 * How a writer bounds a figure: "over half" (the value is at least half), "nearly 70 %" (at most 70 %), "about 40 %".
 * The words are read right before the figure, or right after it in Chinese ("六成以上", "40%左右") and in the
 * "or more" phrases of each language.
 */
export type Hedge = 'over' | 'under' | 'about';

const OVER = [
  'more than', 'over', 'above', 'at least', 'upwards of', 'in excess of', 'well over', 'just over',
  'yli', 'ainakin', 'vähintään', 'runsaat', 'runsas', 'reilut', 'reilusti yli',
  'üle', 'vähemalt', 'rohkem kui',
  'vairāk nekā', 'vairāk kā', 'vismaz', 'pāri par', 'virs',
  'более', 'больше', 'свыше', 'не менее', 'более чем', 'больше чем',
  '超过', '超出', '逾', '多于', '高于', '至少',
];
const UNDER = [
  'nearly', 'almost', 'close to', 'just under', 'under', 'less than', 'fewer than', 'not quite', 'up to', 'below',
  'lähes', 'melkein', 'liki', 'vajaat', 'vajaa', 'alle', 'vähemmän kuin', 'enintään',
  'peaaegu', 'ligi', 'alla', 'vähem kui', 'kuni',
  'gandrīz', 'mazāk nekā', 'mazāk kā', 'nepilni', 'nepilnas', 'zem',
  'почти', 'менее', 'меньше', 'не более', 'чуть меньше', 'чуть менее', 'до',
  '近', '将近', '接近', '不到', '不足', '少于', '低于', '差不多',
];
const ABOUT = [
  'about', 'around', 'roughly', 'approximately', 'some', 'circa', 'ca.', 'approx.', 'an estimated',
  'noin', 'suunnilleen', 'arviolta', 'likimain', 'n.',
  'umbes', 'ligikaudu', 'u.', 'orienteeruvalt',
  'aptuveni', 'apmēram', 'ap',
  'около', 'примерно', 'приблизительно', 'порядка',
  '约', '大约', '大概', '约有', '大约有',
];
/** The last word of every phrase: most figures follow some other word, and need no more than this one look-up. */
const LAST_WORDS = new Set([...OVER, ...UNDER, ...ABOUT].map((p) => p.split(' ').pop()!));
const BEFORE = new Map<string, Hedge>([...OVER.map((w) => [w, 'over'] as const), ...UNDER.map((w) => [w, 'under'] as const), ...ABOUT.map((w) => [w, 'about'] as const)]);
const AFTER = new Map<string, Hedge>([
  ...['以上', '多', '+', 'or more', 'tai enemmän', 'tai useampi', 'või rohkem', 'või enam', 'vai vairāk', 'или более', 'и более', 'или больше'].map((w) => [w, 'over'] as const),
  ...['以下', 'or fewer', 'or less', 'tai vähemmän', 'või vähem', 'vai mazāk', 'или менее', 'или меньше'].map((w) => [w, 'under'] as const),
  ...['左右', '上下', 'or so'].map((w) => [w, 'about'] as const),
]);

const AFTER_FIRST = new Set([...AFTER.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]!));

/**
 * The hedge written around the figure at `start`–`end` of `text`, if any. Looked up word by word in tables rather
 * than by regular expressions: this runs for every figure of a document.
 */
export function hedgeAround(text: string, start: number, end: number): Hedge | undefined {
  return hedgeAfter(text, end) ?? hedgeBefore(text, start);
}

function hedgeBefore(text: string, start: number): Hedge | undefined {
  let i = start;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  if (i === 0) return undefined;
  // Chinese: one or three Han characters right before the figure ("近", "超过", "大约有").
  if (isHan(text.charCodeAt(i - 1))) {
    for (const n of [3, 2, 1]) {
      const hedge = i >= n ? BEFORE.get(text.slice(i - n, i)) : undefined;
      if (hedge) return hedge;
    }
    return undefined;
  }
  // Up to three words back ("in excess of", "не менее", "ca."), the longest phrase first.
  const words: number[] = [];
  let at = i;
  for (let k = 0; k < 3 && at > 0; k++) {
    let from = at;
    if (text[from - 1] === '.') from--;
    while (from > 0 && isLetter(text[from - 1]!)) from--;
    if (from === at || (from === at - 1 && text[from] === '.')) break;
    words.push(from);
    at = from;
    while (at > 0 && isSpace(text.charCodeAt(at - 1))) at--;
    if (at === from) break;
  }
  if (words.length === 0 || !LAST_WORDS.has(text.slice(words[0]!, i).toLowerCase())) return undefined;
  for (let k = words.length - 1; k >= 0; k--) {
    const from = words[k]!;
    if (from > 0 && isLetter(text[from - 1]!)) continue;
    const hedge = BEFORE.get(text.slice(from, i).toLowerCase().replace(/\s+/gu, ' '));
    if (hedge) return hedge;
  }
  return undefined;
}

function hedgeAfter(text: string, end: number): Hedge | undefined {
  let i = end;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (isHan(c)) {
    // A measure word may come between: "六个以上", "60 家以上".
    const at = '个位名家'.includes(text[i]!) ? i + 1 : i;
    return AFTER.get(text.slice(at, at + 2)) ?? (at === i ? AFTER.get(text[i]!) : undefined);
  }
  if (c === 43 /* + */) return 'over';
  // "or more", "tai enemmän", "или более": two words, the first of them one of a few short ones.
  let j = i;
  while (j < text.length && j - i < 4 && isLetter(text[j]!)) j++;
  if (j === i || !AFTER_FIRST.has(text.slice(i, j).toLowerCase())) return undefined;
  const m = /^(\p{L}+)\s+(\p{L}+)/u.exec(text.slice(i, i + 24));
  return m ? AFTER.get(`${m[1]!.toLowerCase()} ${m[2]!.toLowerCase()}`) : undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || (c >= 9 && c <= 13);
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

const LETTER = /\p{L}/u;
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(ch);
}
