import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Localize } from '../text/localize';

const MAX_DEPTH = 256;

/** The text with every array or object nested deeper than MAX_DEPTH blanked out, offsets kept; where the first one was. */
export function flattenTooDeep(text: string): { text: string; at?: number } {
  let depth = 0;
  let inString = false;
  let from = -1;
  const blanks: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth === MAX_DEPTH + 1) from = i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth === MAX_DEPTH + 1) blanks.push([from, i + 1]);
      if (depth > 0) depth--;
    }
  }
  if (depth > MAX_DEPTH) blanks.push([from, text.length]);
  if (!blanks.length) return { text };
  let out = '';
  let last = 0;
  for (const [start, end] of blanks) {
    out += text.slice(last, start) + ' '.repeat(end - start);
    last = end;
  }
  return { text: out + text.slice(last), at: blanks[0]![0] };
}

/** A JSON syntax error in words, translated. */
export function describeParseError(e: ParseError, t: Localize): string {
  const name = printParseErrorCode(e.error);
  switch (name) {
    case 'InvalidSymbol': return t('invalid symbol');
    case 'InvalidNumberFormat': return t('invalid number format');
    case 'PropertyNameExpected': return t('property name expected');
    case 'ValueExpected': return t('value expected');
    case 'ColonExpected': return t('colon expected');
    case 'CommaExpected': return t('comma expected');
    case 'CloseBraceExpected': return t('close brace expected');
    case 'CloseBracketExpected': return t('close bracket expected');
    case 'EndOfFileExpected': return t('end of file expected');
    case 'InvalidCommentToken': return t('invalid comment token');
    case 'UnexpectedEndOfComment': return t('unexpected end of comment');
    case 'UnexpectedEndOfString': return t('unexpected end of string');
    case 'UnexpectedEndOfNumber': return t('unexpected end of number');
    case 'InvalidUnicode': return t('invalid unicode');
    case 'InvalidEscapeCharacter': return t('invalid escape character');
    case 'InvalidCharacter': return t('invalid character');
    default: return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
}
