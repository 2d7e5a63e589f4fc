import { HAN, SEP, charClass } from '../text/searchText';

// fuse.js runs its bitap search on every field of every statistic it ranks, also where the pattern cannot match: a
// Chinese query against an English gloss costs as much as a hit. A pattern character whose script the field has no
// letter of can only be matched by an edit, so a field lacking more of the pattern's characters than fuse.js allows
// errors (40 % of the pattern) cannot match, and leaving it out of fuse.js's record changes no score.
const LATIN = 1;
const CYRILLIC = 2;
const HAN_SCRIPT = 4;
const OTHER = 8;

/** The script bit of a folded character, 0 for digits, spaces and punctuation (which every field may have). */
function scriptOf(code: number): number {
  const c = charClass(code);
  if (c === SEP || (code >= 0x30 && code <= 0x39)) return 0;
  if (c === HAN) return HAN_SCRIPT;
  if (code < 0x250 || (code >= 0x1e00 && code <= 0x1eff)) return LATIN;
  if (code >= 0x400 && code <= 0x52f) return CYRILLIC;
  return OTHER;
}

/** scriptOf per code unit plus one (0: not looked up yet): entries are made for most candidates of a query. */
const scriptTable = new Uint8Array(0x10000);

/** The scripts a folded field has letters of, as bits. */
export function scriptsOf(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length && mask !== 15; i++) {
    const code = text.charCodeAt(i);
    let bits = scriptTable[code]!;
    if (bits === 0) scriptTable[code] = bits = scriptOf(code) + 1;
    mask |= bits - 1;
  }
  return mask;
}

/** For a folded pattern: whether a field of this length with these script bits could match it within fuse.js's threshold. */
export function fieldFilter(pattern: string, threshold: number): (scripts: number, length: number) => boolean {
  // fuse.js splits a pattern over 32 characters into chunks that match on their own: no pruning there.
  if (pattern.length > 32) return () => true;
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < pattern.length; i++) {
    const s = scriptOf(pattern.charCodeAt(i));
    if (s) counts[Math.log2(s)]!++;
  }
  const allowed = Math.floor(threshold * pattern.length + 1e-9);
  // A field shorter than the characters that must match cannot match either.
  const shortest = pattern.length - allowed;
  return (scripts, length) => {
    if (length < shortest) return false;
    let missing = 0;
    for (let b = 0; b < 4; b++) if (!(scripts & (1 << b))) missing += counts[b]!;
    return missing <= allowed;
  };
}
