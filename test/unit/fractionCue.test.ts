import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fractionCueTest } from '../../src/core/figures/fractionCue';
import { mayHoldFraction } from '../../src/core/figures/figures';
import { numberWordList } from '../../src/core/figures/numberWords';
import { ORDINAL_CUES, WORD_UNIT_CUES } from '../../src/core/figures/wordFigures';

// The regular expression the automaton stands for (figures.ts lists the same words).
const WHOLES = numberWordList([10, 100, 4, 3, 5, 20]);
// The fraction words, then the unit words a number word may stand before and the ordinals of ranks.
const CUES = [
  ...['kymmenestä', 'kümnest', 'sadasta', 'sajast', 'viidestä', 'viiest', 'neljästä', 'neljast', 'kolmesta', 'kolmest'],
  ...['third', 'quarter', 'kolmasosa', 'kolmannes', 'neljäsos', 'трет', 'trešdaļ', 'kolmandik', 'neljännes', 'четверт', 'ceturtdaļ', 'veerand', 'half', 'puolet', 'половин', 'puse', 'pool'],
  ...WORD_UNIT_CUES,
  ...ORDINAL_CUES,
];
const ANY_FRACTION = new RegExp(`(?:in|of|из|no|/)\\s*(?:\\d|${WHOLES.join('|')})|${CUES.join('|')}`, 'iu');

describe('mayHoldFraction', () => {
  it('finds the words of fractions in any case, and a link followed by white space and a whole', () => {
    for (const text of ['Over HALF of them', 'yhdeksän KYMMENESTÄ', 'nine in ten', '9/10', '8 из\u00a0десяти', 'kolmannes', 'Треть', 'one of  4', 'in\u3000five']) {
      expect([text, mayHoldFraction(text)]).toEqual([text, true]);
    }
    for (const text of ['', 'in', 'of the', 'nothing but tension', 'in x 10', 'behalf'.slice(0, 4), 'пя', 'kolma']) {
      expect([text, mayHoldFraction(text)]).toEqual([text, false]);
    }
  });

  it('answers as the regular expression it stands for does', () => {
    const piece = fc.oneof(
      fc.constantFrom(...CUES, ...WHOLES, 'in', 'of', 'из', 'no', '/', 'IN', 'Of', 'TEN', 'Half', 'ИЗ', 'Kolme', 'hal', 'kolma'),
      fc.constantFrom(' ', '  ', '\u00a0', '\t', '\u3000', '\n', '7', '10', 'x', 'ä', '.', '-', 'ſ', '\u212a', '\u1c84', 'ı', 'İ'),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(mayHoldFraction(text)).toBe(ANY_FRACTION.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('folds case as /iu does, for every character', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzäöüõšžčļņķģīēāūабвгдежзийклмнопрстуфхцчшщъыьэюяёѣꙋ';
    const test = fractionCueTest([...alphabet], [], []);
    const expected = new RegExp(`[${alphabet}]`, 'iu');
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (test(ch) !== expected.test(ch)) wrong.push(`U+${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
});
