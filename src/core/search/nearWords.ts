import { TokenDistance } from './prefilterDistance';
import { fuseTokens } from './corpusStats';
import { isHanToken } from '../text/searchText';

/** The shortest word whose near misses are listed when it is found nowhere as typed: a shorter one has too many. */
export const NEAR_WORD_LENGTH = 4;

/**
 * How many near misses a large index hands fuse.js beside its candidates (those in the most weighty fields first):
 * with the first five, a screenful of completion; more would cost fuse.js's ranking for rows seldom read.
 */
export const NEAR_LISTED = 20;

/** How many of fuse.js's first hits stay first when a misspelt word's near misses are listed after them. */
export const FIRST_AS_RANKED = 5;

/**
 * The words of an index ranked whole and the records holding each, made once: for a word found nowhere as typed,
 * the records holding a word that contains it one edit away, as Prefilter.oneEditAway finds them in a large index.
 */
export class WordsOfRecords {
  private readonly words: string[] = [];
  private readonly records: number[][] = [];

  /** `texts`: each record's folded fields. */
  constructor(texts: readonly (readonly string[])[]) {
    const at = new Map<string, number>();
    texts.forEach((fields, r) => {
      for (const text of fields) {
        for (const word of fuseTokens(text)) {
          let k = at.get(word);
          if (k === undefined) at.set(word, (k = this.words.push(word) - 1)), this.records.push([]);
          const list = this.records[k]!;
          if (list[list.length - 1] !== r) list.push(r);
        }
      }
    });
  }

  oneEditAway(token: string): Set<number> | undefined {
    if (token.length < NEAR_WORD_LENGTH || isHanToken(token)) return undefined;
    const near = new TokenDistance(token);
    const found = new Set<number>();
    for (let k = 0; k < this.words.length; k++) {
      const word = this.words[k]!;
      if (word.includes(token)) return undefined;
      if (near.distance(word, 1) <= 1) for (const r of this.records[k]!) found.add(r);
    }
    return found.size ? found : undefined;
  }
}

/**
 * `hits` with the first FIRST_AS_RANKED as ranked, then those that `isNear` holds (in their order), then the rest:
 * for a misspelt word, fuse.js's bitap puts the word's fragments in unrelated words above the word meant, and a
 * writer should find the statistics with the word meant within the first screenful.
 */
export function nearMissesNext<T>(hits: readonly T[], isNear: (hit: T) => boolean): T[] {
  const rest = hits.slice(FIRST_AS_RANKED);
  return [...hits.slice(0, FIRST_AS_RANKED), ...rest.filter(isNear), ...rest.filter((h) => !isNear(h))];
}
