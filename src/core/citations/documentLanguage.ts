import { detectLanguage } from '../text/language';

/** How many lines of a document its language is guessed from (front matter and the opening prose). */
const SAMPLE_LINES = 400;

/**
 * The language a document is written in, for ranking and formatting figures: the `statcite.documentLanguage`
 * setting unless it is `auto`, else the front matter's `lang:` or a guess from the first 400 lines' letters.
 */
export function documentLanguage(text: string, setting = 'auto'): string {
  if (setting && setting !== 'auto') return setting;
  let end = -1;
  for (let line = 0; line < SAMPLE_LINES; line++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return detectLanguage(text);
  }
  return detectLanguage(text.slice(0, end + 1));
}
