import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALL_READERS, readFigures, Reader, type Figure } from '../../src/core/figures/figures';
import { numberWordList, parseChineseNumber, wordNumber } from '../../src/core/figures/numberWords';

/** The one figure read from `text`, checked to map back to `written` in the text. */
function only(text: string, written: string): Figure {
  const figures = readFigures(text);
  expect(figures.map((f) => f.text)).toEqual([written]);
  const f = figures[0]!;
  expect(text.slice(f.start, f.end)).toBe(written);
  expect(f.start).toBe(text.indexOf(written));
  return f;
}

describe('readFigures: percentages in six languages', () => {
  it.each([
    ['84%', 'en'],
    ['84 %', 'fi'],
    ['84\u00a0%', 'fi (no-break space)'],
    ['84％', 'zh (full-width)'],
    ['84 prosenttia', 'fi'],
    ['84 procenti', 'lv'],
    ['84 protsenti', 'et'],
    ['84 процента', 'ru'],
    ['84 процентов', 'ru'],
    ['84 percent', 'en'],
    ['84 per cent', 'en'],
  ])('"%s" (%s) is 84 percent', (written) => {
    const f = only(`Kuluttajista ${written} pitää asiakaspalvelua tärkeänä.`, written);
    expect(f).toMatchObject({ value: 84, kind: 'percent', approximate: false });
    expect(f.valueMax).toBeUndefined();
  });

  it('reads a decimal comma and a decimal point alike', () => {
    expect(only('95,6% eelistab vestlust.', '95,6%')).toMatchObject({ value: 95.6, kind: 'percent' });
    expect(only('Tämä on 16,9 prosenttia enemmän.', '16,9 prosenttia')).toMatchObject({ value: 16.9, kind: 'percent' });
    expect(only('It grew by 95.6% last year.', '95.6%')).toMatchObject({ value: 95.6, kind: 'percent' });
  });

  it('reads a percentage glued to a Chinese word ("62%的消费者")', () => {
    expect(only('62%的消费者表示很沮丧。', '62%')).toMatchObject({ value: 62, kind: 'percent' });
  });

  it('reads an Estonian case ending after the sign ("47,5%-ga") as the percentage alone', () => {
    expect(only('kasvas 47,5%-ga', '47,5%')).toMatchObject({ value: 47.5, kind: 'percent' });
  });

  it('reads Chinese percentages written in words ("百分之八十四", "百分之八十四点五")', () => {
    expect(only('百分之八十四的消费者认为', '百分之八十四')).toMatchObject({ value: 84, kind: 'percent', approximate: false });
    expect(only('约百分之八十四点五的人', '百分之八十四点五')).toMatchObject({ value: 84.5, kind: 'percent' });
  });
});

describe('readFigures: Chinese prose (no spaces around figures)', () => {
  it.each([
    ['超过60%的消费者转向了竞争对手。', '60%', 60, 'percent'],
    ['有84%的消费者认为客户服务很重要。', '84%', 84, 'percent'],
    ['销售额增长了3倍。', '3倍', 3, 'multiplier'],
    ['忠诚客户的价值是首次购买的十倍。', '十倍', 10, 'multiplier'],
    ['市场规模为760万美元。', '760万美元', 760, 'money'],
  ])('%s', (text, written, value, kind) => {
    expect(only(text, written)).toMatchObject({ value, kind });
  });

  it('does not read a year followed by 年 ("在2020年")', () => {
    expect(readFigures('在2020年，消费者更多地使用在线客服。')).toEqual([]);
  });
});

describe('readFigures: fractions', () => {
  it.each([
    ['十分之九', 90],
    ['三分之一', 33.3],
    ['十分之六', 60],
    ['四分之三', 75],
  ])('Chinese "%s" is about %s %%', (written, value) => {
    const f = only(`${written}的消费者会停止购买。`, written);
    expect(f).toMatchObject({ value, kind: 'percent', approximate: true });
  });

  it.each([
    ['8 из 10', 80, 'ru'],
    ['восемь из десяти', 80, 'ru (words)'],
    ['nine in ten', 90, 'en'],
    ['Nine out of ten', 90, 'en'],
    ['9/10', 90, 'en'],
    ['deviņi no desmit', 90, 'lv'],
  ])('"%s" (%s) is %s %%', (written, value) => {
    const f = only(`Survey: ${written} customers agree.`, written);
    expect(f).toMatchObject({ value, kind: 'percent', approximate: true });
  });

  it.each([
    ['yhdeksän kymmenestä', 90, 'fi'],
    ['kuusi kymmenestä', 60, 'fi'],
    ['üheksa kümnest', 90, 'et'],
  ])('"%s" (%s, "N out of ten" with the ten implied) is %s %%', (written, value) => {
    const f = only(`Yli ${written} kuluttajasta lopettaa ostamisen.`, written);
    expect(f).toMatchObject({ value, kind: 'percent', approximate: true });
  });

  it.each([
    ['one third', 33.3],
    ['a third', 33.3],
    ['two thirds', 66.7],
    ['a quarter', 25],
    ['half', 50],
    ['Kolmasosa', 33.3],
    ['треть', 33.3],
    ['trešdaļa', 33.3],
    ['kolmandik', 33.3],
  ])('"%s" is about %s %%', (written, value) => {
    const f = only(`${written} asiakkaista haluaa ratkaisun yhdellä kertaa.`, written);
    expect(f).toMatchObject({ value, kind: 'percent', approximate: true });
  });

  it('reads a fraction after a word that ends in "in" or "of" ("raportin 9 in 10")', () => {
    expect(readFigures('Raportin 9 in 10 asiakasta.').map((f) => [f.text, f.value])).toEqual([['9 in 10', 90]]);
    expect(readFigures('Behalf of nine in ten.').map((f) => [f.text, f.value])).toEqual([['nine in ten', 90]]);
  });

  it('does not read "one in a million" or a fraction bigger than one as a share', () => {
    expect(readFigures('It happens to one in a million users.')).toEqual([]);
    expect(readFigures('eleven in ten')).toEqual([]);
  });
});

describe('readFigures: multipliers', () => {
  it('reads "в 10 раз" as a tenfold multiplier (the figure is the number and its word)', () => {
    expect(only('Лояльный клиент в 10 раз ценнее.', '10 раз')).toMatchObject({ value: 10, kind: 'multiplier' });
  });

  it('reads a number after "в" and before a form of "раз" the list lacks as a multiplier', () => {
    expect(readFigures('Продажи выросли в 10 разы.').map((f) => [f.text, f.kind])).toEqual([['10', 'multiplier']]);
  });

  it('reads "в 6-7 раз" as a multiplier range', () => {
    expect(only('Привлечение обходится в 6-7 раз дороже.', '6-7 раз')).toMatchObject({ value: 6, valueMax: 7, kind: 'multiplier' });
  });

  it('reads the Estonian "10-k korda"', () => {
    expect(only('E-kaubandus kasvas 10-k korda.', '10-k korda')).toMatchObject({ value: 10, kind: 'multiplier' });
  });

  it.each([
    ['6–7 times', 6, 7],
    ['10 times', 10, undefined],
    ['10x', 10, undefined],
    ['3×', 3, undefined],
    ['5 kertaa', 5, undefined],
    ['2 reizes', 2, undefined],
    ['3倍', 3, undefined],
    ['三倍', 3, undefined],
  ])('"%s"', (written, value, valueMax) => {
    const f = only(`It costs ${written} more.`, written);
    expect(f.kind).toBe('multiplier');
    expect(f.value).toBe(value);
    expect(f.valueMax).toBe(valueMax);
  });
});

describe('readFigures: money and ranges', () => {
  it('reads "7,6 miljardia dollaria" as USD 7.6 billion, words included', () => {
    expect(only('Markkina on arvoltaan 7,6 miljardia dollaria vuonna 2020.', '7,6 miljardia dollaria')).toMatchObject({ value: 7.6, kind: 'money', scale: 1e9 });
  });

  it('reads "$7.6 billion", "€5 million" and "760万美元"', () => {
    expect(only('The market was worth $7.6 billion in 2020.', '$7.6 billion')).toMatchObject({ value: 7.6, kind: 'money', scale: 1e9 });
    expect(only('They raised €5 million.', '€5 million')).toMatchObject({ value: 5, kind: 'money', scale: 1e6 });
    expect(only('市场规模为760万美元。', '760万美元')).toMatchObject({ value: 760, kind: 'money', scale: 1e4 });
  });

  it('reads "6,5 miljardin dollarin" (genitive) as money', () => {
    expect(only('verrattuna 6,5 miljardin dollarin arvoon', '6,5 miljardin dollarin')).toMatchObject({ value: 6.5, kind: 'money', scale: 1e9 });
  });

  it('reads "2–10 minutes" as the range 2 to 10, in minutes', () => {
    expect(only('Customers expect a reply in 2–10 minutes.', '2–10 minutes')).toMatchObject({ value: 2, valueMax: 10, kind: 'number', unit: 'minutes' });
    expect(only('Vastust oodatakse 2-10 minuti jooksul.', '2-10 minuti')).toMatchObject({ value: 2, valueMax: 10, unit: 'minutes' });
  });

  it('reads thousands separated by a space or a comma as one number', () => {
    expect(only('Uuringus osales 97 500 klienti.', '97 500')).toMatchObject({ value: 97500, kind: 'number' });
    expect(only('We asked 1,000 people.', '1,000')).toMatchObject({ value: 1000 });
  });

  it('reads a bare count next to a year, but not the year', () => {
    const figures = readFigures('A 2019 survey of 1000 people found that 84% agree.');
    expect(figures.map((f) => [f.text, f.kind])).toEqual([
      ['1000', 'number'],
      ['84%', 'percent'],
    ]);
  });

  it('a range of years ("vuosina 2019–2021") is not a figure, a range of counts is', () => {
    expect(readFigures('vuosina 2019–2021')).toEqual([]);
    expect(readFigures('2–10 minutes').map((f) => [f.value, f.valueMax])).toEqual([[2, 10]]);
  });
});

describe('readFigures: what is not a figure', () => {
  it.each([
    ['In 2019 the survey was repeated.', 'a year alone'],
    ['Vuonna 2020 markkina kasvoi.', 'a Finnish year'],
    ['2021年的调查', 'a Chinese year'],
    ['during COVID-19 restrictions', 'COVID-19'],
    ['B2C brands', 'B2C'],
    ['the 4th most important factor', '4th'],
    ['5G networks and mp3 files', 'codes'],
    ['Q4 2020 results', 'quarter and year'],
    ['', 'empty text'],
  ])('"%s" (%s)', (text) => {
    expect(readFigures(text)).toEqual([]);
  });

  it('reads a figure after a currency sign or a space, never from inside a number or a word', () => {
    expect(readFigures('x12345, B2C and 4G2').map((f) => f.text)).toEqual([]);
    expect(readFigures('$5, €7,6 miljardia, 1 000 000 € and 10–12 %').map((f) => f.text)).toEqual(['$5', '€7,6 miljardia', '1 000 000 €', '10–12 %']);
  });

  it('never throws on odd input', () => {
    const odd = ['%%%', '1'.repeat(500), '十分之', '分之九', '百分之', '$', '—', '\u0000', '9/0', '0 из 0'];
    for (const text of odd) expect(() => readFigures(text)).not.toThrow();
  });
});

describe('readFigures: offsets', () => {
  it('gives offsets of each figure in a sentence with several', () => {
    const text = 'Kolmasosa asiakkaista, 84 prosenttia kuluttajista ja 十分之九 ostajista, sekä $7.6 billion.';
    const figures = readFigures(text);
    expect(figures.map((f) => text.slice(f.start, f.end))).toEqual(['Kolmasosa', '84 prosenttia', '十分之九', '$7.6 billion']);
    for (const f of figures) expect(f.text).toBe(text.slice(f.start, f.end));
  });

  it.each([
    ['Tulos: 84 % kuluttajista.', '84 %'],
    ['(84 %)', '84 %'],
    ['**84 %** of people', '84 %'],
    ['“84 %” said so', '84 %'],
    ['Ответ — 84%', '84%'],
  ])('a figure after punctuation and a space starts at its first digit: %s', (text, written) => {
    only(text, written);
  });

  it('returns figures sorted by offset without overlaps ("8 из 10" wins over "8" and "10")', () => {
    const text = '8 из 10 клиентов готовы платить больше, 10 интернет-магазинов из 100 (10%).';
    const figures = readFigures(text);
    for (let i = 1; i < figures.length; i++) expect(figures[i]!.start).toBeGreaterThanOrEqual(figures[i - 1]!.end);
    expect(figures[0]).toMatchObject({ text: '8 из 10', value: 80 });
    expect(figures.at(-1)).toMatchObject({ text: '10%', value: 10 });
  });
});

describe('numberWords', () => {
  it('reads small cardinals in words and digits', () => {
    expect(wordNumber('Nine')).toBe(9);
    expect(wordNumber('yhdeksän')).toBe(9);
    expect(wordNumber('десяти')).toBe(10);
    expect(wordNumber('deviņi')).toBe(9);
    expect(wordNumber('üheksa')).toBe(9);
    expect(wordNumber('42')).toBe(42);
    expect(wordNumber('many')).toBeUndefined();
  });

  it('reads Chinese numerals', () => {
    expect(parseChineseNumber('八十四')).toBe(84);
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('十五')).toBe(15);
    expect(parseChineseNumber('一百')).toBe(100);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('三万五千')).toBe(35000);
    expect(parseChineseNumber('八十四点五')).toBe(84.5);
    expect(parseChineseNumber('76')).toBe(76);
    expect(parseChineseNumber('abc')).toBeUndefined();
  });
});

describe('readFigures: a fraction restated as a percentage', () => {
  it('keeps only the exact figure in "over half (56%)" and "yli puolet (56 prosenttia)"', () => {
    expect(readFigures('Over half (56%) of consumers').map((f) => [f.text, f.value])).toEqual([['56%', 56]]);
    expect(readFigures('yli puolet (56 prosenttia) kuluttajista').map((f) => [f.text, f.value])).toEqual([['56 prosenttia', 56]]);
    expect(readFigures('half of them, and later 56% of others').map((f) => f.value)).toEqual([50, 56]);
  });
});

describe('readFigures: hedges, number words and ranks', () => {
  const read = (text: string) => readFigures(text).map((f) => [f.text, f.value, f.kind, f.hedge ?? null, f.unit ?? null]);
  it('reads the hedge before or after a figure, in each language', () => {
    expect(read('More than four in five consumers')).toEqual([['four in five', 80, 'percent', 'over', null]]);
    expect(read('Nearly 70% of them')).toEqual([['70%', 70, 'percent', 'under', null]]);
    expect(read('yli puolet kuluttajista')).toEqual([['puolet', 50, 'percent', 'over', null]]);
    expect(read('Более половины клиентов')).toEqual([['половины', 50, 'percent', 'over', null]]);
    expect(read('近七成消费者')).toEqual([['七成', 70, 'percent', 'under', null]]);
    expect(read('每十个美国人中就有六个以上')).toEqual([['每十个美国人中就有六个', 60, 'percent', 'over', null]]);
    expect(read('umbes 40% klientidest')).toEqual([['40%', 40, 'percent', 'about', null]]);
    expect(read('3 or more times')).toEqual([['3', 3, 'number', 'over', null]]);
    // Not hedges: a word that ends in one, a sentence between.
    expect(read('Moreover 50% agree')).toEqual([['50%', 50, 'percent', null, null]]);
    expect(read('It was over. 50% agree')).toEqual([['50%', 50, 'percent', null, null]]);
  });

  it('reads number words before a unit, durations, percentage points and ranks', () => {
    expect(read('vain kolme prosenttia sanoo')).toEqual([['kolme prosenttia', 3, 'percent', null, null]]);
    expect(read('atbildi piecu minūšu laikā')).toEqual([['piecu minūšu', 5, 'number', null, 'minutes']]);
    expect(read('within five hours')).toEqual([['five hours', 5, 'number', null, 'hours']]);
    expect(read('только тринадцать процентов')).toEqual([['тринадцать процентов', 13, 'percent', null, null]]);
    expect(read('grew tenfold')).toEqual([['tenfold', 10, 'multiplier', null, null]]);
    expect(read('kasvoi 16,9 prosenttiyksikköä')).toEqual([['16,9 prosenttiyksikköä', 16.9, 'points', null, null]]);
    expect(read('增长了16.9个百分点')).toEqual([['16.9个百分点', 16.9, 'points', null, null]]);
    expect(read('the second most used channel')).toEqual([['second most', 2, 'rank', null, null]]);
    expect(read('Tālrunis ir trešais populārākais kanāls')).toEqual([['trešais populārākais', 3, 'rank', null, null]]);
    expect(read('For the second time, secondly')).toEqual([]);
  });
});

describe('readFigures: the fast guards read what the full readers read', () => {
  const pieces = [
    ...['one', 'Three', 'TEN', 'kolme', 'Kymmenen', 'десяти', 'Из', 'trīs', 'Üheksa', 'neli', 'ſix', 'ten', 'hundred', 'ста'],
    ...['in', 'of', 'out of', 'из', 'no', '/', 'kymmenestä', 'KÜMNEST', 'sadasta', 'sajast'],
    ...['a third', 'Two thirds', 'half', 'Puolet', 'половина', 'trešdaļa', 'kolmandik', 'NELJÄNNES', 'pool', 'puse'],
    ...['百分之八十四', '十分之九', '三倍', '倍', '分之', '84', '7,6', '1 000', '$', '€', '%', 'prosenttia', 'miljardia', 'раза', 'в'],
    ...[' ', ' ', '  ', '-', '–', '.', ',', '(', ')', 'x', 'word', 'ä', '客户', 'B2C', '\u00a0'],
    // Number words before units, ranks, hedges, Chinese tenths and halves.
    ...['prosenttia', 'percent', 'Procenti', 'минут', 'minūšu', 'hours', 'korda', 'times', 'fold', 'ten', 'piecu', 'тринадцать'],
    ...['second most', 'Third-largest', 'kolmanneksi tärkein', 'otrais populārākais', 'teine populaarseim', 'вторым по популярности', '第三重要'],
    ...['over', 'nearly', 'yli', 'lähes', 'почти', '超过', '近', '七成', '一半', '以上', '每十个人中有六个', 'or more'],
  ];
  // "nine out of ten" and its kin, with the words around them that make them something else.
  const fraction = fc
    .tuple(fc.constantFrom('nine', 'Yhdeksän', '9', 'kolm', 'девять', 'someone', 'raportin', ''), fc.constantFrom(' ', '', '  ', '\u00a0'), fc.constantFrom('in', 'out of', 'of', 'из', 'no', '/', 'IN', 'kymmenestä'), fc.constantFrom(' ', ''), fc.constantFrom('ten', '10', 'kymmenen', 'десяти', 'sata', 'hundred', 'kümme', '4', 'x'))
    .map((parts) => parts.join(''));
  it('on text made of number words, fraction words, digits and Chinese numerals', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fraction), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(readFigures(text)).toEqual(readFigures(text, { readers: ALL_READERS }));
      }),
      { numRuns: 3000 },
    );
  });
  it('on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(readFigures(text)).toEqual(readFigures(text, { readers: ALL_READERS }));
      }), { numRuns: 2000 });
  });
});

describe('readFigures: fractions found from their link read what a reading from the count reads', () => {
  // The readers look for "in", "/" or "kymmenestä" first and check the count behind it (much faster); this is the
  // plain left-to-right reading they stand for.
  const alternatives = (values?: number[]) => numberWordList(values).sort((a, b) => b.length - a.length).join('|');
  const PAIR = new RegExp(`(?<![\\p{L}\\p{N}])(\\d+|${alternatives()})\\s*(in|out of|of|из|no|\\/)\\s*(\\d+|${alternatives([10, 100, 4, 3, 5, 20])})(?![\\p{L}\\p{N}])`, 'giu');
  const IMPLIED = new RegExp(`(?<![\\p{L}\\p{N}])(\\d+|${alternatives()})\\s+(kymmenestä|kümnest|sadasta|sajast)(?![\\p{L}\\p{N}])`, 'giu');
  const pairsFromCount = (text: string) =>
    [...text.matchAll(PAIR)]
      .filter(([, a, link, b]) => {
        const [x, y] = [wordNumber(a!), wordNumber(b!)];
        return x !== undefined && y !== undefined && y > 0 && x <= y && [10, 100, 4, 3, 5, 20].includes(y) && (link !== '/' || /^\d+$/.test(a! + b!));
      })
      .map((m) => [m.index, m[0]]);
  const impliedFromCount = (text: string) =>
    [...text.matchAll(IMPLIED)].filter(([, a, whole]) => (wordNumber(a!) ?? Infinity) <= (/^(?:sadasta|sajast)$/iu.test(whole!) ? 100 : 10)).map((m) => [m.index, m[0]]);
  // Counts and links alternate, so chains like "nine in four in ten" come up often.
  const count = fc.constantFrom('nine', 'Four', 'ten', 'TEN', '9', '10', '4', 'kolme', 'kolm', 'десяти', 'восемь', 'hundred', 'sata', 'raportin', 'x', '.', 'ä', '');
  const link = fc.constantFrom('in', 'of', 'out of', 'из', 'no', '/', 'kymmenestä', 'sadasta', 'kümnest', 'behalf', '');
  const space = fc.constantFrom(' ', '', '  ');
  const piece = fc.tuple(count, space, link, space).map((p) => p.join(''));
  it('on text made of counts, links and wholes', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(readFigures(text, { readers: Reader.Pairs }).map((f) => [f.start, f.text])).toEqual(pairsFromCount(text));
        expect(readFigures(text, { readers: Reader.Implied }).map((f) => [f.start, f.text])).toEqual(impliedFromCount(text));
      }),
      { numRuns: 4000 },
    );
  });
});
