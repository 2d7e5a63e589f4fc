// A seeded generator of long Markdown articles that cite the bundled statistics: headings, paragraphs in Finnish and
// English with figures, footnote references (most to real sources, some wrong figures, some uncited figures),
// lists, a table, code blocks, and the footnote definitions at the end.
import { footnoteText } from '../src/core/citations/cite';
import { formatFigure } from '../src/core/index/format';
import type { LoadedStatistic } from '../src/core/index/indexFile';
import { sourceKeyOf } from '../src/core/index/sourceKey';
import { rng } from './generate';

const FI = 'asiakaspalvelu kuluttajat yritykset verkkokauppa kokemus tyytyväisyys uskollisuus odottavat vastausta nopeasti puhelin sähköposti chatbot palaute kilpailija tutkimus raportin mukaan selvityksen markkinat kasvu'.split(' ');
const EN = 'customers expect fast answers and companies that invest in service keep them longer while others lose market share to competitors who listen'.split(' ');

/** About `bytes` of Markdown with roughly one citation per 2 KB (hundreds per megabyte). */
/**
 * With `markup`, words get inline Markdown (emphasis, strong, links, code) as a writer's draft has it, in about every
 * other sentence: those paragraphs are parsed by micromark, the plain ones by statcite's own fast reader.
 */
export function generateMarkdown(bytes: number, statistics: readonly LoadedStatistic[], seed = 3, markup = false): { text: string; citations: number } {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const cited = new Map<string, LoadedStatistic>();
  const parts: string[] = ['---', 'lang: fi', 'title: Asiakaspalvelun tila', '---', ''];
  let size = 0;
  let citations = 0;
  let section = 0;
  const sentence = (): string => {
    const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => pick(random() < 0.7 ? FI : EN));
    if (markup && random() < 0.5) {
      const at = Math.floor(random() * words.length);
      words[at] = pick([`*${words[at]}*`, `**${words[at]}**`, `[${words[at]}](https://example.com/${words[at]})`, `\`${words[at]}\``]);
    }
    const r = random();
    if (r < 0.25) {
      const stat = pick(statistics);
      const key = sourceKeyOf(stat);
      cited.set(key, stat);
      citations++;
      // One citation in ten states a figure its source never reports (a value-mismatch to find).
      const figure = random() < 0.1 ? formatFigure({ ...stat, value: stat.value + 1 }, 'fi') : formatFigure(stat, 'fi');
      words.splice(Math.floor(words.length / 2), 0, figure);
      return `${cap(words.join(' '))}[^${key}].`;
    }
    if (r < 0.3) words.splice(3, 0, `${Math.floor(random() * 99) + 1} %`);
    return `${cap(words.join(' '))}.`;
  };
  while (size < bytes) {
    let block: string;
    const r = random();
    if (r < 0.06) block = `## Osio ${++section}: ${cap(pick(FI))}`;
    else if (r < 0.1) block = Array.from({ length: 3 + Math.floor(random() * 4) }, () => `- ${sentence()}`).join('\n');
    else if (r < 0.12) block = ['| Mittari | Arvo |', '| --- | --- |', ...Array.from({ length: 4 }, () => `| ${cap(pick(FI))} | ${sentence()} |`)].join('\n');
    else if (r < 0.14) block = ['```js', `const share = ${Math.floor(random() * 100)}; // [^not-a-footnote]`, '```'].join('\n');
    else block = Array.from({ length: 3 + Math.floor(random() * 5) }, sentence).join(' ');
    parts.push(block, '');
    size += block.length + 1;
  }
  for (const [key, stat] of cited) parts.push(`[^${key}]: ${footnoteText(stat)}`);
  return { text: parts.join('\n') + '\n', citations };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
