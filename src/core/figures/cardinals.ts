// Cardinal number words as they stand before a unit ("kolme prosenttia", "piecu minūšu", "три процента",
// "thirteen percent"), in the cases a unit word governs. Built once, on first use.

const FORMS: Record<number, string[]> = {
  1: ['one', 'yksi', 'yhden', 'üks', 'ühe', 'viens', 'viena', 'vienu', 'один', 'одна', 'одного', 'одной', 'одну'],
  2: ['two', 'kaksi', 'kahden', 'kaks', 'kahe', 'divi', 'divu', 'divas', 'два', 'две', 'двух'],
  3: ['three', 'kolme', 'kolmen', 'kolm', 'trīs', 'triju', 'три', 'трёх', 'трех'],
  4: ['four', 'neljä', 'neljän', 'neli', 'nelja', 'četri', 'četru', 'četras', 'четыре', 'четырёх', 'четырех'],
  5: ['five', 'viisi', 'viiden', 'viis', 'viie', 'pieci', 'piecu', 'piecas', 'пять', 'пяти'],
  6: ['six', 'kuusi', 'kuuden', 'kuus', 'kuue', 'seši', 'sešu', 'sešas', 'шесть', 'шести'],
  7: ['seven', 'seitsemän', 'seitse', 'seitsme', 'septiņi', 'septiņu', 'septiņas', 'семь', 'семи'],
  8: ['eight', 'kahdeksan', 'kaheksa', 'astoņi', 'astoņu', 'astoņas', 'восемь', 'восьми'],
  9: ['nine', 'yhdeksän', 'üheksa', 'deviņi', 'deviņu', 'deviņas', 'девять', 'девяти'],
  10: ['ten', 'kymmenen', 'kümme', 'kümne', 'desmit', 'десять', 'десяти'],
  11: ['eleven', 'vienpadsmit', 'одиннадцать', 'одиннадцати'],
  12: ['twelve', 'divpadsmit', 'двенадцать', 'двенадцати'],
  13: ['thirteen', 'trīspadsmit', 'тринадцать', 'тринадцати'],
  14: ['fourteen', 'četrpadsmit', 'четырнадцать', 'четырнадцати'],
  15: ['fifteen', 'piecpadsmit', 'пятнадцать', 'пятнадцати'],
  16: ['sixteen', 'sešpadsmit', 'шестнадцать', 'шестнадцати'],
  17: ['seventeen', 'septiņpadsmit', 'семнадцать', 'семнадцати'],
  18: ['eighteen', 'astoņpadsmit', 'восемнадцать', 'восемнадцати'],
  19: ['nineteen', 'deviņpadsmit', 'девятнадцать', 'девятнадцати'],
  20: ['twenty', 'divdesmit', 'двадцать', 'двадцати'],
  30: ['thirty', 'trīsdesmit', 'тридцать', 'тридцати'],
  40: ['forty', 'četrdesmit', 'сорок', 'сорока'],
  50: ['fifty', 'piecdesmit', 'пятьдесят', 'пятидесяти'],
  60: ['sixty', 'sešdesmit', 'шестьдесят', 'шестидесяти'],
  70: ['seventy', 'septiņdesmit', 'семьдесят', 'семидесяти'],
  80: ['eighty', 'astoņdesmit', 'восемьдесят', 'восьмидесяти'],
  90: ['ninety', 'deviņdesmit', 'девяносто', 'девяноста'],
  100: ['hundred', 'a hundred', 'one hundred', 'sata', 'sada', 'saja', 'simts', 'simt', 'сто', 'ста'],
};

// Finnish and Estonian build 11–99 from the units: "kolmetoista", "kolmteist", "kaksikymmentä", "kakskümmend".
const FI_UNITS = ['yksi', 'kaksi', 'kolme', 'neljä', 'viisi', 'kuusi', 'seitsemän', 'kahdeksan', 'yhdeksän'];
const ET_UNITS = ['üks', 'kaks', 'kolm', 'neli', 'viis', 'kuus', 'seitse', 'kaheksa', 'üheksa'];

let table: Map<string, number> | undefined;

function build(): Map<string, number> {
  const t = new Map<string, number>();
  for (const [value, forms] of Object.entries(FORMS)) for (const f of forms) t.set(f, Number(value));
  FI_UNITS.forEach((u, i) => {
    t.set(`${u}toista`, 11 + i);
    t.set(`${u}kymmentä`, 10 * (i + 1));
  });
  ET_UNITS.forEach((u, i) => {
    t.set(`${u}teist`, 11 + i);
    t.set(`${u}kümmend`, 10 * (i + 1));
  });
  t.delete('yksikymmentä');
  t.delete('ükskümmend');
  return t;
}

/**
 * The value of a cardinal written in words, lower case: "kolme", "piecu", "тринадцать", "ninety-five",
 * "kaksikymmentäviisi", "двадцать пять". Undefined when it is not one.
 */
export function cardinalValue(words: string): number | undefined {
  table ??= build();
  const whole = table.get(words);
  if (whole !== undefined) return whole;
  // Tens and a unit: "ninety-five", "двадцать пять", "kaksikymmentäviisi", "kakskümmend viis".
  const parts = words.split(/[- \u00a0]/u);
  if (parts.length === 2) {
    const tens = table.get(parts[0]!);
    const unit = table.get(parts[1]!);
    if (tens !== undefined && unit !== undefined && tens >= 20 && tens < 100 && tens % 10 === 0 && unit < 10) return tens + unit;
  }
  const joined = /^(\p{L}+?(?:kymmentä|kümmend))(\p{L}+)$/u.exec(words);
  if (joined) {
    const tens = table.get(joined[1]!);
    const unit = table.get(joined[2]!);
    if (tens !== undefined && unit !== undefined && unit < 10) return tens + unit;
  }
  return undefined;
}
