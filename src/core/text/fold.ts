import { foldFast } from './searchText';

/** Folds text for matching: compatibility-normalised, marks removed, lower case ("Asiakaspalvelua" → "asiakaspalvelua", "Zēndesk" → "zendesk"). */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Folded word tokens (letters and digits), CJK characters each their own token. */
export function tokens(text: string): string[] {
  // foldFast is fold, several times faster (searchText.ts; the tests hold them equal): validation folds each sentence
  // with an uncited figure.
  return foldFast(text).match(/[\p{Script=Han}]|[\p{L}\p{N}]+/gu) ?? [];
}
