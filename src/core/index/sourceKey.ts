import { firstCodePoints } from '../text/cut';
import type { Statistic } from './statistic';

/** A readable, stable key for a source, used as the footnote label: `zendesk-2019`, `hubspot`. */
export type SourceKey = string;

/** Lowercase ASCII slug; letters outside ASCII are transliterated by dropping their marks, CJK is kept. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // 40 characters, not 40 UTF-16 units: a letter outside the BMP (𝒜, 𠀀) is never cut in half.
  return firstCodePoints(slug, 40).replace(/-+$/, '');
}

/**
 * The source a statistic is cited by: its primary publisher and year, or, when the article names no publisher,
 * the article it was found in.
 */
export function sourceKeyOf(s: Pick<Statistic, 'source' | 'via'>): SourceKey {
  let key = keys.get(s);
  if (key === undefined) keys.set(s, (key = sourceKeyUncached(s)));
  return key;
}

/** Completion asks again for the keys of the statistics it showed on the last keystroke; slugify is not cheap. */
const keys = new WeakMap<object, SourceKey>();

function sourceKeyUncached(s: Pick<Statistic, 'source' | 'via'>): SourceKey {
  if (s.source) return [slugify(s.source.publisher) || 'source', s.source.year].filter((p) => p !== undefined).join('-');
  return slugify(s.via.publisher ?? s.via.title) || slugify(s.via.document) || 'article';
}
