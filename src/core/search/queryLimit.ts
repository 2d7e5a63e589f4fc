import { firstCodePoints } from '../text/cut';
import { HAN, WORD, charClass } from '../text/searchText';

/**
 * A query is cut to its first MAX_QUERY_CHARS characters, then to its first MAX_QUERY_WORDS words, before anything
 * else reads it. Each word costs fuse.js a bitap pass over every field of every candidate, and a pasted paragraph
 * (a 20,000-character query took 6.5 s) adds words that only dilute the ones typed first; a writer's phrase is a
 * handful of words, and twelve words or a dozen Chinese characters name any statistic.
 */
export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 12;

/** The query as search reads it: at most MAX_QUERY_CHARS characters and MAX_QUERY_WORDS words (a Han character is a word). */
export function capQuery(query: string): string {
  let text = firstCodePoints(query, MAX_QUERY_CHARS);
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = charClass(text.charCodeAt(i));
    const startsWord = c === HAN || (c === WORD && !inWord);
    inWord = c === WORD;
    if (startsWord && ++words > MAX_QUERY_WORDS) {
      text = text.slice(0, i);
      break;
    }
  }
  return text;
}
