import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify, sourceKeyOf } from '../../src/core/index/sourceKey';
import { truncateCodePoints } from '../../src/core/text/cut';
import { FI_ARTICLE, ZH_ARTICLE } from './helpers';

describe('slugify', () => {
  it('makes a lowercase, hyphenated key, dropping diacritics and keeping CJK', () => {
    expect(slugify('Microsoft Dynamics 365')).toBe('microsoft-dynamics-365');
    expect(slugify('Qualtrics XM institūts')).toBe('qualtrics-xm-instituts');
    expect(slugify('  --Zendesk!!  ')).toBe('zendesk');
    expect(slugify('硕瑞独立站建设')).toBe('硕瑞独立站建设');
    expect(slugify('')).toBe('');
  });

  it('cuts a long name at 40 characters, never inside a surrogate pair', () => {
    // 𠀀 (U+20000) is a letter outside the BMP: two UTF-16 units.
    expect(slugify(`${'a'.repeat(39)}𠀀𠀀`)).toBe(`${'a'.repeat(39)}𠀀`);
    expect(slugify('𠀀'.repeat(30))).toBe('𠀀'.repeat(30));
    const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-', '𝒜', '𠀀', '😀', 'ä', '客') as fc.Arbitrary<string>, maxLength: 80 }), fc.integer({ min: 1, max: 60 }), (name, max) => {
        expect(wellFormed(slugify(name))).toBe(true);
        expect([...slugify(name)].length).toBeLessThanOrEqual(40);
        const cut = truncateCodePoints(name, max);
        expect(wellFormed(cut)).toBe(true);
        expect([...cut].length).toBeLessThanOrEqual(Math.max(max, 1));
        if ([...name].length <= max) expect(cut).toBe(name);
        else expect(cut.endsWith('…') && name.startsWith(cut.slice(0, -1))).toBe(true);
      }),
    );
  });

  it('keeps keys short, never ending in a hyphen', () => {
    const slug = slugify('A very long publisher name that goes on and on for ever and ever');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('sourceKeyOf', () => {
  it('is publisher and year for a statistic with a publisher', () => {
    expect(sourceKeyOf({ source: { publisher: 'Zendesk', year: 2019 }, via: FI_ARTICLE })).toBe('zendesk-2019');
    expect(sourceKeyOf({ source: { publisher: 'HubSpot' }, via: FI_ARTICLE })).toBe('hubspot');
  });

  it('is the article (its publisher, else its title) for a statistic without one', () => {
    expect(sourceKeyOf({ source: null, via: FI_ARTICLE })).toBe('asiakaspalvelutilastot');
    expect(sourceKeyOf({ source: null, via: ZH_ARTICLE })).toBe('独立站');
  });

  it('never gives an empty key', () => {
    expect(sourceKeyOf({ source: { publisher: '!!!', year: 2019 }, via: FI_ARTICLE })).toBe('source-2019');
    expect(sourceKeyOf({ source: null, via: { title: '???', lang: 'fi', document: '...' } })).toBe('article');
  });
});
