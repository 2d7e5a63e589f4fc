import { DATE_FORMAT, ID_FORMAT, LANG_FORMAT, UNITS, YEAR_RANGE, type Source, type Statistic, type Via } from './statistic';

/**
 * A hand-written check of a record against the index format, for the common case of a good record: it returns what
 * the zod schema (./statisticSchema) would return — trimmed strings, defaults filled in, keys in the schema's order —
 * or undefined, and then the schema decides and explains. It must never accept what the schema rejects
 * (test/unit/statisticCheck.test.ts compares the two); rejecting more only costs time.
 */
export function checkStatistic(raw: unknown): Statistic | undefined {
  if (!isRecord(raw) || !onlyKeys(raw, STATISTIC_KEYS)) return undefined;
  const { id, value, valueMax, unit, figure } = raw;
  const quote = trimmed(raw.quote);
  const en = trimmed(raw.en);
  const lang = raw.lang;
  if (!isId(id) || !isFiniteNumber(value) || !isLang(lang) || typeof unit !== 'string' || !UNIT_NAMES.has(unit) || quote === undefined || en === undefined) return undefined;
  if ('valueMax' in raw && (!isFiniteNumber(valueMax) || valueMax < value)) return undefined;
  if ('figure' in raw && (typeof figure !== 'string' || figure.length < 1 || !quote.includes(figure))) return undefined;
  const source = raw.source === null ? null : checkSource(raw.source);
  const via = checkVia(raw.via);
  const sameAs = 'sameAs' in raw ? stringList(raw.sameAs, (s) => (isId(s) ? s : undefined)) : [];
  const tags = 'tags' in raw ? stringList(raw.tags, trimmed) : [];
  if (source === undefined || via === undefined || sameAs === undefined || tags === undefined) return undefined;
  return {
    id,
    value,
    ...('valueMax' in raw ? { valueMax: valueMax as number } : {}),
    unit: unit as Statistic['unit'],
    ...('figure' in raw ? { figure: figure as string } : {}),
    quote,
    lang,
    en,
    source,
    via,
    sameAs,
    tags,
  };
}

/** The article a record was found in (also the format of the file's `articles`). */
export function checkVia(raw: unknown): Via | undefined {
  if (!isRecord(raw) || !onlyKeys(raw, VIA_KEYS)) return undefined;
  const title = trimmed(raw.title);
  const publisher = 'publisher' in raw ? trimmed(raw.publisher) : undefined;
  const { date, lang } = raw;
  const document = trimmed(raw.document);
  if (title === undefined || document === undefined || !isLang(lang)) return undefined;
  if ('publisher' in raw && publisher === undefined) return undefined;
  if ('date' in raw && (typeof date !== 'string' || !DATE_FORMAT.pattern.test(date))) return undefined;
  return { title, ...(publisher !== undefined ? { publisher } : {}), ...('date' in raw ? { date: date as string } : {}), lang, document };
}

function checkSource(raw: unknown): Source | undefined {
  if (!isRecord(raw) || !onlyKeys(raw, SOURCE_KEYS)) return undefined;
  const publisher = trimmed(raw.publisher);
  const { year } = raw;
  const title = 'title' in raw ? trimmed(raw.title) : undefined;
  if (publisher === undefined) return undefined;
  if ('year' in raw && !(Number.isInteger(year) && (year as number) >= YEAR_RANGE.min && (year as number) <= YEAR_RANGE.max)) return undefined;
  if ('title' in raw && title === undefined) return undefined;
  return { publisher, ...('year' in raw ? { year: year as number } : {}), ...(title !== undefined ? { title } : {}) };
}

const STATISTIC_KEYS = new Set(['id', 'value', 'valueMax', 'unit', 'figure', 'quote', 'lang', 'en', 'source', 'via', 'sameAs', 'tags']);
const VIA_KEYS = new Set(['title', 'publisher', 'date', 'lang', 'document']);
const SOURCE_KEYS = new Set(['publisher', 'year', 'title']);
const UNIT_NAMES = new Set(Object.keys(UNITS));

function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** Like the schema's `.strict()`; an own `__proto__` key (JSON.parse makes one) is unknown too. */
function onlyKeys(raw: Record<string, unknown>, known: ReadonlySet<string>): boolean {
  for (const key of Object.keys(raw)) if (!known.has(key)) return false;
  return true;
}

/** `z.string().trim().min(1)`: the trimmed string, or undefined. */
function trimmed(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  return s.length ? s : undefined;
}

function isId(raw: unknown): raw is string {
  return typeof raw === 'string' && ID_FORMAT.pattern.test(raw);
}

function isLang(raw: unknown): raw is string {
  return typeof raw === 'string' && LANG_FORMAT.pattern.test(raw);
}

function isFiniteNumber(raw: unknown): raw is number {
  return typeof raw === 'number' && Number.isFinite(raw);
}

function stringList(raw: unknown, item: (s: unknown) => string | undefined): string[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: string[] = [];
  for (const s of raw) {
    const checked = item(s);
    if (checked === undefined) return undefined;
    out.push(checked);
  }
  return out;
}
