import { describe, expect, it } from 'vitest';
import { slugify, sourceKeyOf } from '../../src/core/index/sourceKey';
import { FI_ARTICLE, ZH_ARTICLE } from './helpers';

describe('slugify', () => {
  it('makes a lowercase, hyphenated key, dropping diacritics and keeping CJK', () => {
    expect(slugify('Microsoft Dynamics 365')).toBe('microsoft-dynamics-365');
    expect(slugify('Qualtrics XM institūts')).toBe('qualtrics-xm-instituts');
    expect(slugify('  --Zendesk!!  ')).toBe('zendesk');
    expect(slugify('硕瑞独立站建设')).toBe('硕瑞独立站建设');
    expect(slugify('')).toBe('');
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
