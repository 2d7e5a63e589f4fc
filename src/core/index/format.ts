import type { Statistic, Unit } from './statistic';

/** Languages that write a decimal comma and a space before the percent sign. */
const DECIMAL_COMMA = new Set(['fi', 'et', 'lv', 'ru', 'de', 'fr', 'sv', 'nb', 'da', 'pl', 'cs', 'lt', 'uk', 'es', 'it', 'pt', 'nl']);
const SPACE_BEFORE_PERCENT = new Set(['fi', 'et', 'lv', 'ru', 'de', 'fr', 'sv', 'nb', 'da', 'pl', 'cs', 'lt', 'uk']);

function base(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? lang;
}

/** A number as written in a language: `7,6` in Finnish, `7.6` in English and Chinese. */
export function formatNumber(value: number, lang: string): string {
  // Past 2^53 / 1000 a double holds no thousandths, and multiplying by 1000 would move the value itself (a value of
  // 5.9e14 was shown 0.2 off).
  const text = String(Math.abs(value) < 2 ** 53 / 1000 ? Math.round(value * 1000) / 1000 : value);
  return DECIMAL_COMMA.has(base(lang)) ? text.replace('.', ',') : text;
}

const UNIT_WORDS: Partial<Record<Unit, Record<string, string>>> = {
  'USD billion': { en: 'billion USD', fi: 'miljardia dollaria', et: 'miljardit dollarit', lv: 'miljardi ASV dolāru', ru: 'млрд долларов' },
  'USD million': { en: 'million USD', fi: 'miljoonaa dollaria', et: 'miljonit dollarit', lv: 'miljoni ASV dolāru', ru: 'млн долларов' },
  'USD trillion': { en: 'trillion USD', fi: 'biljoonaa dollaria', et: 'biljonit dollarit', ru: 'трлн долларов' },
  'EUR billion': { en: 'billion EUR', fi: 'miljardia euroa', et: 'miljardit eurot', lv: 'miljardi eiro', ru: 'млрд евро' },
  'EUR million': { en: 'million EUR', fi: 'miljoonaa euroa', et: 'miljonit eurot', lv: 'miljoni eiro', ru: 'млн евро' },
  EUR: { en: 'EUR', fi: 'euroa', et: 'eurot', lv: 'eiro', ru: 'евро', zh: '欧元' },
  pp: { en: 'percentage points', fi: 'prosenttiyksikköä', et: 'protsendipunkti', lv: 'procentpunkti', ru: 'п. п.', zh: '个百分点' },
  minutes: { en: 'minutes', fi: 'minuuttia', et: 'minutit', lv: 'minūtes', ru: 'минут', zh: '分钟' },
  seconds: { en: 'seconds', fi: 'sekuntia', et: 'sekundit', lv: 'sekundes', ru: 'секунд', zh: '秒' },
  hours: { en: 'hours', fi: 'tuntia', et: 'tundi', lv: 'stundas', ru: 'часов', zh: '小时' },
  days: { en: 'days', fi: 'päivää', et: 'päeva', lv: 'dienas', ru: 'дней', zh: '天' },
};

/** Chinese counts large amounts in 万 (10⁴) and 亿 (10⁸): USD 7.6 billion is 76亿美元, USD 7.6 million 760万美元. */
const ZH_MONEY: Partial<Record<Unit, readonly [number, string]>> = {
  'USD trillion': [10000, '亿美元'], 'USD billion': [10, '亿美元'], 'USD million': [100, '万美元'], 'EUR billion': [10, '亿欧元'], 'EUR million': [100, '万欧元'],
};

/**
 * The figure to insert for a statistic in a document of language `lang`: `84 %` in Finnish, Estonian, Latvian and
 * Russian, `84%` in Chinese and English, `7,6` with a decimal comma where the language writes one, `6–7` for ranges.
 */
export function formatFigure(stat: Pick<Statistic, 'value' | 'valueMax' | 'unit'>, lang: string): string {
  const l = base(lang);
  const zh = l === 'zh' ? ZH_MONEY[stat.unit] : undefined;
  if (zh) return `${formatNumber(stat.value * zh[0], l)}${stat.valueMax !== undefined ? `–${formatNumber(stat.valueMax * zh[0], l)}` : ''}${zh[1]}`;
  const num = formatNumber(stat.value, l) + (stat.valueMax !== undefined ? `–${formatNumber(stat.valueMax, l)}` : '');
  switch (stat.unit) {
    case '%':
      return SPACE_BEFORE_PERCENT.has(l) ? `${num} %` : `${num}%`;
    case 'x':
      return l === 'zh' ? `${num}倍` : `${num}×`;
    default: {
      const word = UNIT_WORDS[stat.unit]?.[l] ?? UNIT_WORDS[stat.unit]?.en;
      return word ? `${num} ${word}` : num;
    }
  }
}

/** The figure as people read it in English, for messages and hovers: `84%`, `6–7×`, `7.6 USD billion`. */
export function describeFigure(stat: Pick<Statistic, 'value' | 'valueMax' | 'unit'>): string {
  const num = `${formatNumber(stat.value, 'en')}${stat.valueMax !== undefined ? `–${formatNumber(stat.valueMax, 'en')}` : ''}`;
  if (stat.unit === '%') return `${num}%`;
  if (stat.unit === 'x') return `${num}×`;
  return `${num} ${stat.unit}`;
}

/** "Zendesk 2019" or, without a publisher, "“Article title” (article)". */
export function describeSource(stat: Pick<Statistic, 'source' | 'via'>): string {
  if (stat.source) return [stat.source.publisher, stat.source.year].filter((p) => p !== undefined).join(' ');
  return `“${stat.via.title}”${stat.via.publisher ? `, ${stat.via.publisher}` : ''}`;
}
