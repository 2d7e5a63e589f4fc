import { figureStates, valueBucket } from './figureMatch';
import type { Figure } from './figures';
import { tokens } from '../text/fold';
import type { LoadedStatistic } from '../index/indexFile';
import type { StatisticsIndex } from '../index/statisticsIndex';

const STOP = new Set(['that', 'this', 'with', 'from', 'have', 'they', 'their', 'more', 'than', 'will', 'would', 'about', 'when', 'which', 'what', 'were', 'been', 'also', 'only', 'into', 'over', 'some', 'most', 'other', 'ovat', 'jotka', 'mutta', 'sekä', 'että', 'kuin', 'vain', 'это', 'как', 'что', 'для', 'или']);

const HAN_TOKEN = /^\p{Script=Han}$/u;
const DIGITS = /^\d+$/;

function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokens(text)) {
    // A Han character is a token of its own (one code point, at most two code units), and a word of four or more
    // code units is never one: each token is tested only for what it may be.
    if (t.length <= 2) {
      if (HAN_TOKEN.test(t)) out.add(t);
    } else if (t.length >= 4 && !STOP.has(t) && !DIGITS.test(t)) out.add(t.slice(0, 5));
  }
  return out;
}

/**
 * Finds the indexed statistic a bare figure in a sentence most likely states: same value, and a topic the
 * sentence shares (at least two word stems, or Chinese characters, in common with the statistic's words).
 */
export class TopicMatcher {
  private readonly byValue = new Map<number, LoadedStatistic[]>();
  private readonly stemCache = new Map<string, Set<string>>();
  private lastSentence?: { text: string; stems: Set<string> };

  constructor(index: StatisticsIndex) {
    for (const s of index.statistics) {
      const key = valueBucket(s.value);
      const list = this.byValue.get(key);
      if (list) list.push(s);
      else this.byValue.set(key, [s]);
    }
  }

  bestMatch(figure: Figure, sentence: string): LoadedStatistic | undefined {
    const candidates = (this.byValue.get(valueBucket(figure.value)) ?? []).filter((s) => figureStates(figure, s));
    if (!candidates.length) return undefined;
    const words = this.stemsOfSentence(sentence);
    let best: LoadedStatistic | undefined;
    let bestScore = 0;
    for (const s of candidates) {
      let score = 0;
      for (const stem of this.stemsOf(s)) if (words.has(stem)) score += /\p{Script=Han}/u.test(stem) ? 0.25 : 1;
      if (score >= 2 && score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return best;
  }

  /** A sentence's stems, kept for the next figure: a sentence with several figures is asked about each. */
  private stemsOfSentence(sentence: string): Set<string> {
    if (this.lastSentence?.text !== sentence) this.lastSentence = { text: sentence, stems: stems(sentence) };
    return this.lastSentence.stems;
  }

  private stemsOf(s: LoadedStatistic): Set<string> {
    let cached = this.stemCache.get(s.id);
    if (!cached) {
      cached = stems(`${s.en} ${s.tags.join(' ')} ${s.quote}`);
      this.stemCache.set(s.id, cached);
    }
    return cached;
  }
}
