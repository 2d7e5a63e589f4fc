import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopHeap } from '../../src/core/search/prefilterTop';

describe('TopHeap', () => {
  it('keeps the records a full sort would put first: higher keys, then lower records', () => {
    const pairs = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 500 })), { selector: ([, rec]) => rec, maxLength: 120 });
    fc.assert(
      fc.property(pairs, fc.integer({ min: 0, max: 60 }), (offered, size) => {
        const heap = new TopHeap(size);
        for (const [key, rec] of offered) heap.offer(key, rec);
        const expected = [...offered].sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, size).map(([, rec]) => rec);
        expect(Array.from(heap.records()).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      }),
      { numRuns: 3000 },
    );
  });
});
