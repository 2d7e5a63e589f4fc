import { describe, expect, it } from 'vitest';
import { readFigures } from '../../src/core/figures/figures';
import { TopicMatcher } from '../../src/core/figures/topics';
import { fixtureStatcite } from './helpers';

const statcite = fixtureStatcite();
const topics = new TopicMatcher(statcite.index);

function bestFor(sentence: string): string | undefined {
  const figure = readFigures(sentence).find((f) => f.kind !== 'number');
  expect(figure, sentence).toBeDefined();
  return topics.bestMatch(figure!, sentence)?.id;
}

describe('TopicMatcher', () => {
  it('finds the statistic a figure states when the sentence shares its topic', () => {
    expect(bestFor('Kuluttajista 84 % pitää asiakaspalvelua avaintekijänä.')).toBe('zendesk-2019-purchase-decision-fi');
    expect(bestFor('56 % kuluttajista turhautuu automaattisiin puhelinjärjestelmiin.')).toBe('zendesk-2019-automated-phone-fi');
    expect(bestFor('84%的消费者认为客户服务是购买决策的关键因素。')).toBe('purchase-decision-zh');
    expect(bestFor('Лояльный клиент в 10 раз ценнее первой покупки.')).toBe('loyal-customer-value-ru');
  });

  it('needs the same value', () => {
    expect(bestFor('Kuluttajista 83 % pitää asiakaspalvelua avaintekijänä.')).toBeUndefined();
  });

  it('needs at least two words in common, not one', () => {
    expect(bestFor('Junista 84 % oli myöhässä.')).toBeUndefined();
    expect(bestFor('Kuluttajista 84 % ajaa autoa.')).toBeUndefined();
  });

  it('needs the kind of figure to fit the unit', () => {
    expect(bestFor('Лояльный клиент ценнее первой покупки на 10 %.')).toBeUndefined();
  });
});
