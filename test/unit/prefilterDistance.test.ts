import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenDistance, substringDistance } from '../../src/core/search/prefilterDistance';

describe('TokenDistance', () => {
  const word = (min: number, max: number) => fc.array(fc.constantFrom(...'abcdeéк客'.split('')), { minLength: min, maxLength: max }).map((a) => a.join(''));

  it('gives the same distance as the table it replaces, swaps counted as one edit', () => {
    fc.assert(
      fc.property(word(1, 32), word(0, 40), fc.integer({ min: 0, max: 3 }), (token, term, max) => {
        expect(new TokenDistance(token).distance(term, max), `${token} in ${term}`).toBe(substringDistance(token, term, max));
      }),
      { numRuns: 20000 },
    );
  });

  it('says a token occurs within so many edits exactly when its distance is no more', () => {
    fc.assert(
      fc.property(word(1, 32), word(0, 60), fc.integer({ min: 0, max: 12 }), (token, text, max) => {
        expect(new TokenDistance(token).occursWithin(text, max), `${token} in ${text}`).toBe(substringDistance(token, text, max) <= max);
      }),
      { numRuns: 20000 },
    );
  });

  it('finds a typed word inside a longer one', () => {
    const zendsk = new TokenDistance('zendsk');
    expect(zendsk.distance('zendeskin', 2)).toBe(1);
    expect(new TokenDistance('zednesk').distance('zendesk', 2)).toBe(1);
    expect(zendsk.distance('asiakaspalvelu', 2)).toBe(3);
    expect(new TokenDistance('palvelu').distance('asiakaspalvelua', 2)).toBe(0);
  });
});
