/**
 * The language a Markdown document is written in: its front matter's `lang:` when it has one, otherwise a guess
 * from its letters (Han → zh, Cyrillic → ru, Latvian, Estonian and Finnish letters and words), English by default.
 */
export function detectLanguage(text: string): string {
  const front = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const declared = front && /^(?:lang|language):\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/m.exec(front[1]!);
  if (declared) return declared[1]!.toLowerCase();
  const sample = text.slice(0, 20000);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const letters = Math.max(1, count(/\p{L}/gu));
  if (count(/\p{Script=Han}/gu) / letters > 0.2) return 'zh';
  if (count(/\p{Script=Cyrillic}/gu) / letters > 0.3) return 'ru';
  if (count(/[āēīūļņķģ]/giu) > 3) return 'lv';
  if (count(/õ/giu) > 2) return 'et';
  if (count(/[äö]/giu) / letters > 0.02 || count(/\b(?:ja|on|että|ovat|asiakas\p{L}*)\b/giu) > 5) return 'fi';
  return 'en';
}
