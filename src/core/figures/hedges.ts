/**
 * How a writer bounds a figure: "over half" (the value is at least half), "nearly 70 %" (at most 70 %), "about 40 %".
 * The words are read right before the figure, or right after it in Chinese ("六成以上", "40%左右") and in the
 * "or more" phrases of each language.
 */
export type Hedge = 'over' | 'under' | 'about';

// Each list ends where the figure starts (only white space between), and a Latin or Cyrillic word starts at a word
// boundary ("moreover 50 %" is no hedge). The Chinese words need no boundary.
const START = String.raw`(?:(?<![\p{L}\p{N}])|(?<=\p{Script=Han}))`;
const before = (words: string) => new RegExp(`${START}(?:${words})[\\s\\u00a0]*$`, 'iu');

const OVER_BEFORE = before(
  [
    'more than', 'over', 'above', 'at least', 'upwards of', 'in excess of', 'well over', 'just over',
    'yli', 'ainakin', 'vähintään', 'runsaat', 'runsas', 'reilut', 'reilusti yli',
    'üle', 'vähemalt', 'rohkem kui',
    'vairāk nekā', 'vairāk kā', 'vismaz', 'pāri par', 'virs',
    'более', 'больше', 'свыше', 'не менее', 'более чем', 'больше чем',
    '超过', '超出', '逾', '多于', '高于', '至少',
  ].join('|'),
);
const UNDER_BEFORE = before(
  [
    'nearly', 'almost', 'close to', 'just under', 'under', 'less than', 'fewer than', 'not quite', 'up to', 'below',
    'lähes', 'melkein', 'liki', 'lähemmäs', 'vajaat', 'vajaa', 'alle', 'vähemmän kuin', 'enintään',
    'peaaegu', 'ligi', 'alla', 'vähem kui', 'kuni',
    'gandrīz', 'mazāk nekā', 'mazāk kā', 'nepilni', 'nepilnas', 'zem',
    'почти', 'менее', 'меньше', 'не более', 'чуть меньше', 'чуть менее', 'до',
    '近', '将近', '接近', '不到', '不足', '少于', '低于', '差不多',
  ].join('|'),
);
const ABOUT_BEFORE = before(
  [
    'about', 'around', 'roughly', 'approximately', 'some', 'circa', 'ca\\.', 'approx\\.', 'an estimated',
    'noin', 'suunnilleen', 'arviolta', 'likimain', 'n\\.',
    'umbes', 'ligikaudu', 'u\\.', 'orienteeruvalt',
    'aptuveni', 'apmēram', 'ap', 'aptuveni ap',
    'около', 'примерно', 'приблизительно', 'порядка', 'где-то',
    '约', '大约', '大概', '约有', '大约有',
  ].join('|'),
);
const OVER_AFTER = /^[\s\u00a0]*(?:以上|多|\+|or more|tai enemmän|tai useampi|või rohkem|või enam|vai vairāk|или более|и более|или больше)/iu;
const UNDER_AFTER = /^[\s\u00a0]*(?:以下|or fewer|or less|tai vähemmän|või vähem|vai mazāk|или менее|или меньше)/iu;
const ABOUT_AFTER = /^[\s\u00a0]*(?:左右|上下|or so)/iu;

/** The hedge written around the figure at `start`–`end` of `text`, if any. */
export function hedgeAround(text: string, start: number, end: number): Hedge | undefined {
  const after = text.slice(end, end + 16);
  if (OVER_AFTER.test(after)) return 'over';
  if (UNDER_AFTER.test(after)) return 'under';
  if (ABOUT_AFTER.test(after)) return 'about';
  const lead = text.slice(Math.max(0, start - 24), start);
  if (!lead) return undefined;
  if (OVER_BEFORE.test(lead)) return 'over';
  if (UNDER_BEFORE.test(lead)) return 'under';
  if (ABOUT_BEFORE.test(lead)) return 'about';
  return undefined;
}
