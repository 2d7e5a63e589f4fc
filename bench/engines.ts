// The searches compared, each behind the same two calls. Peers get the same folded text statcite searches (except
// the naive fuse.js baseline, which is fuse.js with its default options on three raw fields), and a tokenizer that
// makes each Han character a token, so CJK is searchable at all.
import uFuzzy from '@leeoniya/ufuzzy';
import { Index as FlexIndex } from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { fold, tokens } from '../src/core/text/fold';
import type { LoadedStatistic } from '../src/core/index/indexFile';
import * as search from '../src/core/search/search';
import { FUSE_OPTIONS, toEntry, type Entry } from '../src/core/search/searchEntries';
import { foldFast } from '../src/core/text/searchText';
import { searchableText } from './queries';

export const ENGINES = ['statcite', 'fuse-tokens', 'statcite-plain', 'fuse-default', 'ufuzzy', 'minisearch', 'flexsearch', 'includes'] as const;
export type EngineName = (typeof ENGINES)[number];

export const ENGINE_LABELS: Record<EngineName, string> = {
  statcite: 'statcite (FuseStatisticSearch)',
  'fuse-tokens': 'fuse.js useTokenSearch over the whole index (reference)',
  'statcite-plain': 'fuse.js, statcite options, no prefilter',
  'fuse-default': 'fuse.js, default options, 3 keys',
  ufuzzy: 'uFuzzy (intraMode 1)',
  minisearch: 'MiniSearch (fuzzy 0.2, prefix)',
  flexsearch: 'FlexSearch (forward)',
  includes: 'linear `includes` scan',
};

export interface Engine {
  build(stats: readonly LoadedStatistic[]): void;
  /** Record indexes, best first, at most `limit`. */
  search(query: string, lang: string, limit: number): number[];
}

type SearchCtor = new (stats: readonly LoadedStatistic[], options?: { prefilter?: boolean }) => search.StatisticSearch;

function statcite(prefilter: boolean): Engine {
  let s: search.StatisticSearch;
  const indexOf = new Map<LoadedStatistic, number>();
  return {
    build(stats) {
      stats.forEach((st, i) => indexOf.set(st, i));
      s = new (search.FuseStatisticSearch as SearchCtor)(stats, { prefilter });
    },
    search: (q, lang, limit) => s.search(q, { lang, limit }).hits.map((h) => indexOf.get(h.statistic)!),
  };
}

const UFUZZY_UNICODE = {
  unicode: true,
  interSplit: "[^\\p{L}\\d']+",
  intraSplit: '\\p{Ll}\\p{Lu}',
  intraBound: '\\p{L}\\d|\\d\\p{L}|\\p{Ll}\\p{Lu}',
  intraChars: "[\\p{L}\\d']",
  intraContr: "'\\p{L}{1,2}\\b",
};

export function createEngine(name: EngineName): Engine {
  switch (name) {
    case 'statcite':
      return statcite(true);
    case 'statcite-plain':
      return statcite(false);
    case 'fuse-tokens': {
      // The relevance reference: fuse.js's own token search (statcite's options and tokenizer) over every statistic,
      // counting document frequencies itself; no prefilter, no figure handling, no language tie-break.
      let fuse: Fuse<Entry>;
      return {
        build: (stats) => void (fuse = new Fuse(stats.map(toEntry), FUSE_OPTIONS)),
        search: (q, _lang, limit) => fuse.search(foldFast(q).trim(), { limit }).map((r) => r.refIndex),
      };
    }
    case 'fuse-default': {
      let fuse: Fuse<LoadedStatistic>;
      return {
        build: (stats) => void (fuse = new Fuse(stats as LoadedStatistic[], { keys: ['quote', 'en', 'source.publisher'] })),
        search: (q, _lang, limit) => fuse.search(q, { limit }).map((r) => r.refIndex),
      };
    }
    case 'ufuzzy': {
      let haystack: string[] = [];
      const uf = new uFuzzy({ ...UFUZZY_UNICODE, intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });
      return {
        build: (stats) => void (haystack = stats.map(searchableText)),
        search(q, _lang, limit) {
          const [idxs, info, order] = uf.search(haystack, fold(q), 0, 1000);
          if (info && order) return order.slice(0, limit).map((i) => info.idx[i]!);
          return (idxs ?? []).slice(0, limit);
        },
      };
    }
    case 'minisearch': {
      const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize: (s) => tokens(s), searchOptions: { prefix: true, fuzzy: 0.2 } });
      return {
        build: (stats) => mini.addAll(stats.map((s, id) => ({ id, text: searchableText(s) }))),
        search: (q, _lang, limit) => mini.search(q).slice(0, limit).map((r) => r.id as number),
      };
    }
    case 'flexsearch': {
      const flex = new FlexIndex({ tokenize: 'forward', encode: (s: string) => tokens(s) });
      return {
        build: (stats) => stats.forEach((s, i) => flex.add(i, searchableText(s))),
        search: (q, _lang, limit) => flex.search(q, { limit, suggest: true }) as number[],
      };
    }
    case 'includes': {
      let texts: string[] = [];
      return {
        build: (stats) => void (texts = stats.map(searchableText)),
        search(q, _lang, limit) {
          const words = fold(q).split(/\s+/).filter(Boolean);
          const out: number[] = [];
          for (let i = 0; i < texts.length && out.length < limit; i++) if (words.every((w) => texts[i]!.includes(w))) out.push(i);
          return out;
        },
      };
    }
  }
}
