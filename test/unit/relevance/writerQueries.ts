/**
 * Queries a writer types to find a statistic of the bundled index, written from the seed articles (../shared/seeds)
 * and data/*.stats.json as a writer would phrase them, in the language of the document they write: several words in
 * any order, words the record lacks, inflected forms, typos, English words for a record in another language, a
 * publisher plus a topic. `ids`: the statistic meant (for an English query, the same finding in any language).
 * The issue's own failing examples (issue 14) are marked.
 */
export interface WriterQuery {
  readonly q: string;
  /** The document's language, as completion passes it. */
  readonly lang: string;
  readonly ids: readonly string[];
}

const fi = (q: string, id: string): WriterQuery => ({ q, lang: 'fi', ids: [id] });
const zh = (q: string, id: string): WriterQuery => ({ q, lang: 'zh', ids: [id] });
const lv = (q: string, id: string): WriterQuery => ({ q, lang: 'lv', ids: [id] });
const et = (q: string, id: string): WriterQuery => ({ q, lang: 'et', ids: [id] });
const ru = (q: string, id: string): WriterQuery => ({ q, lang: 'ru', ids: [id] });
const en = (q: string, ...ids: string[]): WriterQuery => ({ q, lang: 'en', ids });

export const WRITER_QUERIES: readonly WriterQuery[] = [
  // Finnish
  fi('puhelin asiakastuki', 'cfi-group-2019-phone-preferred-fi'), // issue 14
  fi('kuluttajat vaihtavat tuotemerkkiä huonon asiakaspalvelun takia', 'microsoft-dynamics-2018-switched-brand-fi'),
  fi('asiakaspalvelu ostopäätös zendesk', 'zendesk-2019-purchase-decision-fi'),
  fi('automaattiset puhelinjärjestelmät turhauttavat', 'zendesk-2019-automated-phone-systems-fi'),
  fi('asiakaskokemuksen hallinnan markkinat 2020 miljardia', 'grand-view-research-2020-cx-management-market-fi'),
  fi('CAGR asiakaskokemus kasvu 2027', 'customer-experience-market-cagr-2020-2027-fi'),
  fi('uskollisuus tuotemerkki asiakaspalvelu tärkeää', 'microsoft-dynamics-2018-brand-loyalty-fi'),
  fi('oikea ihminen automaatio pwc', 'pwc-2018-prefer-real-person-fi'),
  fi('lopettavat ostamisen huonon kokemuksen jälkeen', 'hubspot-2019-stop-buying-after-bad-experiences-fi'),
  fi('pysäköintiliput toistaa tiedot', 'hubspot-repeating-information-fi'),
  fi('ongelma ratkaistu yhdellä kerralla statista', 'statista-2019-one-session-resolution-fi'),
  fi('asiantuntevat asiakaspalvelun edustajat', 'customer-service-knowledgeable-reps-fi'),
  fi('kuluttajat jakavat huonot kokemukset muille', 'salesforce-2018-share-bad-experiences-fi'),
  fi('hyvät kokemukset jakaminen salesforce', 'salesforce-2018-share-good-experiences-fi'),
  fi('valmiita ostamaan enemmän hyvä asiakaspalvelu', 'hubspot-2019-pay-more-fi'),
  fi('odotukset asiakaspalvelulta kasvaneet edellisvuodesta', 'customer-service-higher-expectations-fi'),
  fi('asiakaspalvelu kolmanneksi tärkein tekijä hinta', 'customer-service-third-purchase-factor-fi'),
  fi('asiakaspalvelulla ei merkitystä ostopäätökseen', 'zendesk-2019-purchase-decision-not-important-fi'),
  fi('asiakaskokemusten hallinta markkina 6,5 miljardia', 'grand-view-research-2019-cx-management-market-fi'),
  fi('markkinan kasvu edelliseen vuoteen verrattuna prosenttia', 'grand-view-research-2020-cx-market-growth-fi'),
  fi('perinteinen puhelu asiakastuen edustajat', 'cfi-group-2019-phone-preferred-fi'),
  fi('yli puolet turhautuu automaattisiin puhelinjärjestelmiin', 'zendesk-2019-automated-phone-systems-fi'),
  fi('kuluttjat pitävät asiakaspalvelua avaintekijänä', 'zendesk-2019-purchase-decision-fi'),
  fi('huono asiakaspalvelu kilpailija 60 prosenttia', 'microsoft-dynamics-2018-switched-brand-fi'),
  // Chinese
  zh('客户 电话', 'customer-service-phone-preferred-zh'), // issue 14
  zh('自动电话沮丧', 'customer-service-automated-phone-systems-zh'), // issue 14
  zh('消费者 购买 关键因素 客户服务', 'customer-service-purchase-decision-zh'),
  zh('品牌忠诚度 客户服务 至关重要', 'customer-service-brand-loyalty-zh'),
  zh('放弃品牌 竞争对手 服务差', 'customer-service-switched-brand-zh'),
  zh('真实的人 自动化 互动', 'customer-service-prefer-real-person-zh'),
  zh('不良体验 停止购买', 'customer-service-stop-buying-after-bad-experiences-zh'),
  zh('发放罚单 重复信息', 'hubspot-repeating-information-zh'),
  zh('一次解决问题 体验', 'customer-service-one-session-resolution-zh'),
  zh('专业客户服务代表', 'customer-service-knowledgeable-reps-zh'),
  zh('分享不良体验 十分之六', 'customer-service-share-bad-experiences-zh'),
  zh('分享良好经验 72%', 'customer-service-share-good-experiences-zh'),
  zh('愿意 多买 品牌 良好服务', 'customer-service-pay-more-zh'),
  zh('期望 比上一年更高', 'customer-service-higher-expectations-zh'),
  zh('美国人 每月 联系 客服', 'customer-service-us-monthly-contact-zh'),
  zh('第三重要因素 价格', 'customer-service-third-purchase-factor-zh'),
  zh('不重要 购买决定 3%', 'customer-service-purchase-decision-not-important-zh'),
  zh('HubSpot 调查 消费者 讨厌', 'hubspot-repeating-information-zh'),
  zh('传统电话 客户支持代表', 'customer-service-phone-preferred-zh'),
  zh('自动电话系统 祸根', 'customer-service-automated-phone-systems-zh'),
  zh('62% 分享 不良经历', 'customer-service-share-bad-experiences-heading-zh'),
  // Latvian
  lv('patērētāji sagaida pārstāvi pirmajā mēģinājumā', 'ecommerce-news-2021-first-contact-lv'),
  lv('briti gaida atbildi piecās minūtēs', 'ecommerce-news-2021-uk-five-minute-response-lv'),
  lv('ASV pircēji stāsta 15 cilvēkiem', 'american-express-bad-experience-word-of-mouth-lv'),
  lv('atkārtots pirkums pozitīva pieredze salesforce', 'salesforce-research-connected-customer-repeat-purchase-lv'),
  lv('zendesk cx trends 2022 klienti', 'zendesk-2022-cx-trends-sample-size-lv'),
  lv('e-pasts tīmekļa veidlapas populārākie', 'zendesk-2022-email-web-form-growth-lv'),
  lv('tiešsaistes tērzēšana otrais veids', 'zendesk-2022-live-chat-second-channel-lv'),
  lv('whatsapp pieaugums zīmoli', 'zendesk-2022-whatsapp-growth-lv'),
  lv('tālrunis pieaugums 24%', 'zendesk-2022-phone-growth-lv'),
  lv('tērzēšanas roboti apmierināti genesys', 'genesys-2021-chatbot-satisfaction-lv'),
  lv('csa research dzimtā valoda', 'csa-research-2020-native-language-lv'),
  lv('aptauja 29 valstīs', 'csa-research-2020-countries-lv'),
  lv('bieži uzdotie jautājumi video pamācības hyken', 'hyken-customer-amazement-self-service-lv'),
  lv('zīmoli godīgāki apvienotā karaliste', 'freshworks-2021-uk-honesty-lv'),
  lv('personīgās vērtības zīmoli 77%', 'freshworks-2021-uk-personal-values-lv'),
  lv('empātija klientu apkalpošana freshworks', 'freshworks-2021-uk-empathy-lv'),
  lv('lielbritānija tālrunis saruna eptica', 'eptica-2020-uk-phone-preference-lv'),
  lv('amerikāņi izvēlas uzņēmumu klientu apkalpošana', 'microsoft-2020-us-customer-service-brand-choice-lv'),
  lv('ieteiks zīmolu ļoti labu qualtrics', 'qualtrics-2020-us-recommend-lv'),
  lv('francūži tērzēšanas roboti iecienītākais', 'statista-2020-france-chatbot-preference-lv'),
  lv('ātra atbilde francūži statista', 'statista-2020-france-fast-answer-lv'),
  lv('pieklājīgi aģenti francūži', 'statista-2020-france-polite-agents-lv'),
  lv('informēti katrā posmā vaicājums', 'statista-2020-france-status-updates-lv'),
  lv('csa research aptaujāja patērētājus 8709', 'csa-research-2020-respondents-lv'),
  // Estonian
  et('e-kaubandus kasvas pandeemia', 'galloway-nyt-ecommerce-growth-et'),
  et('küsitluses osales inimest', 'estonia-eshop-survey-respondents-et'),
  et('vanusevahemik küsitlus vastajad', 'estonia-eshop-survey-age-range-et'),
  et('e-poe kliendid eelistavad live chat', 'estonia-eshop-live-chat-preference-et'),
  et('telefoni teel teenindus valis', 'estonia-eshop-phone-preference-et'),
  et('emaili eelistus e-poe kliendid', 'estonia-eshop-email-preference-et'),
  et('personaalne online vestlus kayako', 'kayako-2021-personal-online-chat-preference-et'),
  et('kordusost online klienditugi', 'kayako-2021-repeat-purchase-et'),
  et('ettevõtted arvavad kliendid eelistavad telefoni', 'kayako-2021-companies-think-phone-preferred-et'),
  et('live chat lojaalsus müük ettevõtted', 'kayako-2021-live-chat-loyalty-sales-et'),
  et('pole valmis live chat conversocial', 'conversocial-2019-not-ready-live-chat-et'),
  et('pandeemia online kliendituge rohkem päringuid', 'zendesk-2021-pandemic-online-support-more-requests-et'),
  et('vestlusrobot ei asenda klienditeenindajat', '99firmad-2020-chatbot-no-replacement-et'),
  et('mõistlik ooteaeg live chat', '99firmad-2020-live-chat-wait-time-et'),
  et('1000 e-poe ostjat vastused', '99firmad-2020-survey-respondents-et'),
  et('vestlusi päevas eesti e-poodides', 'estonia-eshop-daily-chats-et'),
  et('klient tahab vastust minuti jooksul', 'chat-response-time-expectation-et'),
  et('klienditugi kordusots', 'kayako-2021-repeat-purchase-et'),
  et('galloway new york times', 'galloway-nyt-ecommerce-growth-et'),
  et('99firmad chatbot', '99firmad-2020-chatbot-no-replacement-et'),
  et('ettevõtted pole valmis vestlustuge pakkuma', 'conversocial-2019-not-ready-live-chat-et'),
  // Russian
  ru('потребители отказываются сотрудничать плохой сервис', 'bad-service-churn-ru'),
  ru('доверительные отношения решение о покупке', 'trust-purchase-decision-ru'),
  ru('довольный покупатель рассказывает знакомым', 'good-experience-tells-9-ru'),
  ru('плохой опыт делятся 16 людьми', 'bad-experience-tells-16-ru'),
  ru('взаимодействие с персоналом время бренду', 'service-interaction-brand-time-ru'),
  ru('грубость некомпетентность персонала', 'rude-staff-brand-abandonment-ru'),
  ru('готовы платить больше первоклассный опыт', 'pay-more-for-experience-ru'),
  ru('лояльные клиенты в 10 раз дороже', 'loyal-customer-value-10x-ru'),
  ru('привлечь нового клиента дороже чем удержать', 'acquisition-vs-retention-cost-ru'),
  ru('рекомендуют бренд друзьям интернет-пользователи', 'online-users-recommend-brand-ru'),
  ru('тайный покупатель интернет-магазины высокий уровень', 'mystery-shopping-online-stores-ru'),
  ru('компании уверены высококлассный опыт', 'companies-think-superior-experience-ru'),
  ru('клиенты расценивают опыт высококлассный 8%', 'customers-agree-superior-experience-ru'),
  ru('саппорт конкуренция лояльные 20%', 'loyal-customers-20-percent-ru'),
  ru('отказываютя от бренда грубость', 'rude-staff-brand-abandonment-ru'),
  ru('mystery shopping 10%', 'mystery-shopping-online-stores-ru'),
  ru('стоимость привлечения клиента удержание', 'acquisition-vs-retention-cost-ru'),
  ru('отсутствие обслуживания отказываются компании 86%', 'bad-service-churn-ru'),
  ru('первая покупка лояльный клиент стоимость', 'loyal-customer-value-10x-ru'),
  ru('положительный опыт 9 знакомым', 'good-experience-tells-9-ru'),
  // English (a writer's English words for a record in any language)
  en('honesty brands uk', 'freshworks-2021-uk-honesty-lv'), // issue 14
  en('rude incompetent staff stop buying brand', 'rude-staff-brand-abandonment-ru'), // issue 14
  en('custmer servise purchse decision zendesk', 'zendesk-2019-purchase-decision-fi'), // issue 14
  en('customers prefer phone', 'cfi-group-2019-phone-preferred-fi', 'customer-service-phone-preferred-zh'), // issue 14
  en('consumers switch brand poor service competitor', 'microsoft-dynamics-2018-switched-brand-fi', 'customer-service-switched-brand-zh'),
  en('willing to pay more better customer experience', 'hubspot-2019-pay-more-fi', 'customer-service-pay-more-zh', 'pay-more-for-experience-ru'),
  en('ecommerce grew tenfold pandemic', 'galloway-nyt-ecommerce-growth-et'),
  en('live chat wait time minutes reasonable', '99firmad-2020-live-chat-wait-time-et'),
  en('whatsapp brands increase zendesk', 'zendesk-2022-whatsapp-growth-lv'),
  en('chatbot satisfaction genesys', 'genesys-2021-chatbot-satisfaction-lv'),
  en('native language buy again', 'csa-research-2020-native-language-lv'),
  en('acquiring new customer cost retention', 'acquisition-vs-retention-cost-ru'),
  en('loyal customers worth ten times first purchase', 'loyal-customer-value-10x-ru'),
  en('americans contact customer service every month', 'customer-service-us-monthly-contact-zh'),
  en('parking tickets repeat information hubspot', 'hubspot-repeating-information-fi', 'hubspot-repeating-information-zh'),
  en('customer experience management market 2020 billion', 'grand-view-research-2020-cx-management-market-fi'),
  en('tell people bad experience american express', 'american-express-bad-experience-word-of-mouth-lv'),
  en('french consumers polite agents', 'statista-2020-france-polite-agents-lv'),
  en('companies not ready live chat', 'conversocial-2019-not-ready-live-chat-et'),
  en('mystery shopping online stores service level', 'mystery-shopping-online-stores-ru'),
  en('british consumers reply five minutes', 'ecommerce-news-2021-uk-five-minute-response-lv', 'ecommerce-news-2021-uk-response-window-lv'),
  en('still prefer real person automation', 'pwc-2018-prefer-real-person-fi', 'customer-service-prefer-real-person-zh'),
  en('self service faq video tutorials', 'hyken-customer-amazement-self-service-lv'),
  en('recommend brand very good service us customers', 'qualtrics-2020-us-recommend-lv'),
  en('expectatons higher than last year customer service', 'customer-service-higher-expectations-fi', 'customer-service-higher-expectations-zh'),
];
