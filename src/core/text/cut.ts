/**
 * The first `max` code points of `text`: a cut by UTF-16 units can split a surrogate pair (𝒜, 𠀀, an emoji) and
 * leave half a character, which shows as � and makes the text ill-formed.
 */
export function firstCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let units = 0;
  let points = 0;
  while (units < text.length && points < max) {
    const c = text.charCodeAt(units);
    const pair = c >= 0xd800 && c <= 0xdbff && units + 1 < text.length && (text.charCodeAt(units + 1) & 0xfc00) === 0xdc00;
    units += pair ? 2 : 1;
    points++;
  }
  return text.slice(0, units);
}

/** `text` shortened to at most `max` code points, ending in "…" when it was cut. */
export function truncateCodePoints(text: string, max: number): string {
  const kept = firstCodePoints(text, max);
  return kept.length === text.length ? text : `${firstCodePoints(text, max - 1)}…`;
}
