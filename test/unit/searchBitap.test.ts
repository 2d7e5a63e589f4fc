import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { BitapPattern } from '../../src/core/searchBitap';

// fuse.js with statcite's options over one field: the score searchBitap.ts must reproduce.
const fuseScore = (pattern: string, text: string): number => {
  const options = { keys: ['t'], includeScore: true, isCaseSensitive: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: 0.4 };
  const [hit] = new Fuse([{ t: text }], options).search(pattern);
  return hit ? hit.score! : -1;
};
// With one key of weight 1, fuse.js's score is the field's, an exact field's 0 counted as Number.EPSILON.
const bitapScore = (pattern: string, text: string): number => {
  const s = new BitapPattern(pattern, 0.4).score(text);
  return s === 0 ? Number.EPSILON : s;
};

describe('BitapPattern', () => {
  const letters = fc.constantFrom(...'aabbcde kлж客'.split(''));
  const word = (max: number) => fc.array(letters, { minLength: 1, maxLength: max }).map((a) => a.join(''));

  it('scores a field exactly as fuse.js does, matches with errors included', () => {
    fc.assert(
      fc.property(word(12), word(60), (pattern, text) => {
        if (!pattern.trim()) return;
        expect(bitapScore(pattern, text), `${pattern} in ${text}`).toBe(fuseScore(pattern, text));
      }),
      { numRuns: 4000 },
    );
  });

  it('scores patterns longer than 32 characters (fuse.js averages chunks of 32) exactly as fuse.js does', () => {
    fc.assert(
      fc.property(word(80), word(120), (pattern, text) => {
        if (!pattern.trim()) return;
        expect(bitapScore(pattern, text), `${pattern} in ${text}`).toBe(fuseScore(pattern, text));
      }),
      { numRuns: 1500 },
    );
    const long = 'customers expect fast answers from customer service teams today';
    for (const text of [long, long.replace('fast', 'quick'), 'customer service', long.slice(0, 40), '']) expect(bitapScore(long, text)).toBe(fuseScore(long, text));
    // One chunk exact, the other just past the errors allowed: that chunk counts as 1, whatever it nearly matched.
    const twoChunks = 'a'.repeat(32) + 'b'.repeat(32);
    for (let errors = 11; errors <= 14; errors++) {
      const text = 'a'.repeat(32) + 'b'.repeat(32 - errors) + 'c'.repeat(errors);
      expect(bitapScore(twoChunks, text), `${errors} errors`).toBe(fuseScore(twoChunks, text));
    }
  });

  it('keeps two patterns apart when used in turn', () => {
    const a = new BitapPattern('zendesk', 0.4);
    const b = new BitapPattern('клиент', 0.4);
    for (let k = 0; k < 3; k++) {
      expect(a.score('zendsk report')).toBe(fuseScore('zendesk', 'zendsk report'));
      expect(b.score('клиенты')).toBe(0.001);
      expect(a.score('клиенты')).toBe(-1);
    }
  });
});
