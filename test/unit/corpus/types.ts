/**
 * A labelled sentence for the figure corpus (see README.md beside this file).
 * - `fair`: cites a source that states this figure, rounded or hedged as a careful writer would: no value-mismatch.
 * - `wrong`: cites a source that never states this figure (wrong number, hedge the wrong way, rounded too far,
 *   wrong scale or kind): value-mismatch expected.
 * - `uncited`: states an indexed statistic with no citation: uncited-statistic expected.
 * - `plain`: states a figure that is no indexed statistic, with no citation: no uncited-statistic.
 */
export type Verdict = 'fair' | 'wrong' | 'uncited' | 'plain';

/** [verdict, the sentence as a writer writes it, its footnote definition(s) ('' when uncited), why]. */
export type Case = readonly [Verdict, string, string, string];

/** Definitions as writers write them: publisher and year, sometimes a report title, sometimes only the article. */
export const DEF = {
  zendesk2019: '[^1]: Zendesk, CX Trends 2019.',
  hubspot2019: '[^1]: HubSpot (2019).',
  msd2018: '[^1]: Microsoft Dynamics 365, State of Global Customer Service, 2018.',
  pwc2018: '[^1]: PwC 2018.',
  statista2019: '[^1]: Statista, 2019.',
  salesforce2018: '[^1]: Salesforce 2018.',
  cfi2019: '[^1]: CFI Group (2019).',
  gvr2020: '[^1]: Grand View Research, 2020.',
  ecommerce2021: '[^1]: Ecommerce News, 2021.',
  amex: '[^1]: American Express.',
  sfResearch: '[^1]: Salesforce Research.',
  zendesk2022: '[^1]: Zendesk, CX Trends 2022.',
  genesys2021: '[^1]: Genesys 2021.',
  csa2020: '[^1]: CSA Research, 2020.',
  hyken: '[^1]: Steph Hyken.',
  freshworks2021: '[^1]: Freshworks (2021).',
  eptica2020: '[^1]: Eptica, 2020.',
  microsoft2020: '[^1]: Microsoft, 2020.',
  qualtrics2020: '[^1]: Qualtrics XM institūts, 2020.',
  statista2020: '[^1]: Statista 2020.',
  galloway: '[^1]: Scott Galloway, New York Times.',
  kayako2021: '[^1]: Kayako, 2021.',
  conversocial2019: '[^1]: Conversocial 2019.',
  zendesk2021: '[^1]: Zendesk 2021.',
  firmad2020: '[^1]: 99Firmad, 2020.',
  ruArticle: '[^1]: «Плохое обслуживание является главной причиной отсутствия лояльных клиентов вашего бизнеса».',
  zhArticle: '[^1]: 《跨境电商B2C品牌独立站如何做好客户服务?》,硕瑞独立站建设,2020。',
  etArticle: '[^1]: TranslateWise LLC, „TRENDID ONLINE KLIENDITOE VALLAS JA KÜSITLUSE KOKKUVÕTE“.',
} as const;
