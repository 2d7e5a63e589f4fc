// Vocabulary for the generated statistics: real words (the bundled index's own quotes and glosses, plus the lists
// below) at the top of each language's frequency ranking, then pseudo-words built from the language's syllables, so
// a 100k index has the long tail of rare words (names, compounds) that a real collection has.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './root';

export const LANGS = ['fi', 'zh', 'lv', 'et', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const EXTRA: Record<Lang, string> = {
  en: `customers consumers service support agents chatbot response waiting loyalty brand purchase decision experience
    satisfaction complaint refund delivery returns online shopping mobile email phone chat social media channel
    self-service knowledge automation personalization survey respondents companies revenue churn retention employees
    managers leaders marketing sales teams digital transformation artificial intelligence speed quality trust price
    recommend friends reviews ratings expectations resolution contact center first-contact omnichannel messaging
    younger older millennials shoppers buyers businesses retailers ecommerce subscription onboarding feedback
    frustrated annoyed willing expect prefer switch competitors repeat information hours minutes seconds weekly
    monthly percent majority half third quarter growth market worth billion million average report study found`,
  fi: `asiakaspalvelu asiakkaat kuluttajat yritykset palvelu tuki verkkokauppa ostopäätös kokemus tyytyväisyys
    uskollisuus brändi odottavat vastausta nopeasti puhelin sähköposti chatbot reklamaatio palautus toimitus
    työntekijät johtajat markkinointi myynti tekoäly hinta luottamus suosittelevat ystäville arvostelut odotukset
    ratkaisu yhteydenotto kanavat nuoret vanhemmat ostajat vähittäiskauppa tilaus palaute turhautuneita valmiita
    vaihtavat kilpailijaan toistamaan tietonsa tuntia minuuttia sekunnissa viikoittain kuukausittain prosenttia
    enemmistö puolet kolmasosa neljännes kasvu markkinat arvoltaan miljardia miljoonaa keskimäärin raportti tutkimus`,
  lv: `klientu apkalpošana klienti patērētāji uzņēmumi pakalpojums atbalsts interneta veikals pirkuma lēmums pieredze
    apmierinātība lojalitāte zīmols gaida atbildi ātri tālrunis e-pasts tērzēšana sūdzība atgriešana piegāde
    darbinieki vadītāji mārketings pārdošana mākslīgais intelekts cena uzticība iesaka draugiem atsauksmes
    gaidas risinājums saziņa kanāli jaunieši vecāki pircēji mazumtirdzniecība abonements atgriezeniskā saite
    neapmierināti gatavi pāriet konkurentiem atkārtot informāciju stundas minūtes sekundes nedēļā mēnesī procenti
    vairākums puse trešdaļa ceturtdaļa izaugsme tirgus vērtība miljardi miljoni vidēji ziņojums pētījums`,
  et: `klienditeenindus kliendid tarbijad ettevõtted teenus tugi veebipood ostuotsus kogemus rahulolu lojaalsus
    bränd ootavad vastust kiiresti telefon e-post vestlus kaebus tagastus tarne töötajad juhid turundus müük
    tehisintellekt hind usaldus soovitavad sõpradele arvustused ootused lahendus kontakt kanalid noored vanemad
    ostjad jaekaubandus tellimus tagasiside pettunud valmis vahetavad konkurendi kordama andmeid tundi minutit
    sekundit nädalas kuus protsenti enamik pool kolmandik veerand kasv turg väärtus miljardit miljonit keskmiselt
    aruanne uuring`,
  ru: `обслуживание клиенты потребители компании сервис поддержка интернет-магазин покупка решение опыт
    удовлетворенность лояльность бренд ожидают ответа быстро телефон почта чат жалоба возврат доставка сотрудники
    руководители маркетинг продажи искусственный интеллект цена доверие рекомендуют друзьям отзывы ожидания
    решение обращение каналы молодые покупатели розничная подписка обратная связь разочарованы готовы переходят
    конкурентам повторять информацию часов минут секунд еженедельно ежемесячно процентов большинство половина
    треть четверть рост рынок стоимость миллиардов миллионов среднем отчет исследование`,
  zh: `客户 服务 消费者 企业 支持 网店 购买 决策 体验 满意度 忠诚度 品牌 等待 回复 快速 电话 邮件 聊天 机器人
    投诉 退款 配送 退货 员工 经理 营销 销售 人工 智能 价格 信任 推荐 朋友 评价 期望 解决 联系 渠道 年轻人 买家
    零售 订阅 反馈 沮丧 愿意 转向 竞争 对手 重复 信息 小时 分钟 每周 每月 大多数 一半 三分之一 增长 市场 价值
    亿美元 平均 报告 研究 调查 显示 认为 表示 关键 因素 重要 质量 问题 公司 用户 数据 统计 在线 社交 媒体
    自动化 个性化 效率 成本 收入 流失 留存 团队 数字化 转型 渠道 全球 美国 中国 欧洲 年度 趋势 行业`,
};

const SYLLABLES: Record<Lang, string[]> = {
  en: 'con ver sa tion pro ment ex port al in ter ly ser vice data lo gic net work cloud desk hub sync flow'.split(' '),
  fi: 'ka ta lo vi sä mä ky pu hu ra ne ko jä tö nen lä si va ke ri uu aa to pa'.split(' '),
  lv: 'ka ta lī dz šā me ru ņa vē go pe sk zi ļa ku ro ai ie ču ģe'.split(' '),
  et: 'ka te lõ mä sü ko pe ra õu ja ti vä le sa mi ku öö üt'.split(' '),
  ru: 'ка то ли ва ро ме ны жи шо ду пе сть ния кой за по ре ко вё ми'.split(' '),
  zh: [...'网络平台系统管理服务技术创新发展智能数据云端移动应用商务营销渠道客户体验质量安全效率成本价值需求方案产品市场用户信息中心集团科技咨询'],
};

/** Publishers, as statistics articles name them; generated names are added for the long tail. */
export const PUBLISHERS = [
  'Zendesk', 'HubSpot', 'Microsoft Dynamics 365', 'Salesforce', 'Salesforce Research', 'Gartner', 'Forrester', 'McKinsey',
  'PwC', 'Deloitte', 'Accenture', 'Statista', 'Qualtrics', 'Genesys', 'Intercom', 'Freshworks', 'Zoho', 'Oracle', 'SAP',
  'American Express', 'Grand View Research', 'CFI Group', 'Kayako', 'Conversocial', 'Eptica', 'CSA Research', 'Bain & Company',
  'Harvard Business Review', 'Forbes', 'Shopify', 'Klarna', 'Tilastokeskus', 'Eurostat', 'Statistikaamet', 'Росстат',
  'ВЦИОМ', '艾瑞咨询', '阿里研究院', 'Centrālā statistikas pārvalde', 'Kantar', 'Nielsen', 'Ipsos', 'YouGov', 'Edelman',
];

function bundledWords(): Record<Lang, string[]> {
  const out = Object.fromEntries(LANGS.map((l) => [l, [] as string[]])) as Record<Lang, string[]>;
  const dir = join(ROOT, 'data');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.stats.json'))) {
    const { statistics } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { statistics: Array<{ quote: string; en: string; lang: string }> };
    for (const s of statistics) {
      const lang = s.lang as Lang;
      if (lang !== 'zh' && out[lang]) out[lang].push(...(s.quote.match(/\p{L}{3,}/gu) ?? []).map((w) => w.toLowerCase()));
      out.en.push(...(s.en.match(/\p{L}{3,}/gu) ?? []).map((w) => w.toLowerCase()));
    }
  }
  return out;
}

/** Each language's vocabulary, most frequent first: real words, then `pseudo` generated ones. */
export function vocabulary(random: () => number, pseudo: number): Record<Lang, string[]> {
  const bundled = bundledWords();
  const out = {} as Record<Lang, string[]>;
  for (const lang of LANGS) {
    const real = [...new Set([...EXTRA[lang].split(/\s+/).filter(Boolean), ...bundled[lang]])];
    const made = new Set<string>();
    const syl = SYLLABLES[lang];
    while (made.size < pseudo) {
      const n = lang === 'zh' ? 2 + Math.floor(random() * 2) : 2 + Math.floor(random() * 3);
      let w = '';
      for (let i = 0; i < n; i++) w += syl[Math.floor(random() * syl.length)];
      if (!real.includes(w)) made.add(w);
    }
    out[lang] = [...real, ...made];
  }
  return out;
}
