import { applyEdits, modify } from 'jsonc-parser';
import { readFigures } from '../figures/figures';
import { slugify } from '../index/sourceKey';
import type { StatisticInput, Unit } from '../index/statistic';
import { indexSchemas } from '../index/statisticSchema';

/** What a selected sentence suggests for a new record: its first figure's value and a fitting unit. */
export function suggestFromSentence(sentence: string): { value?: number; valueMax?: number; unit: Unit; figure?: string } {
  const figure = readFigures(sentence)[0];
  if (!figure) return { unit: '%' };
  const unit: Unit = figure.kind === 'percent' ? '%' : figure.kind === 'multiplier' ? 'x' : figure.kind === 'money' ? (figure.scale >= 1e9 ? 'USD billion' : figure.scale >= 1e6 ? 'USD million' : 'USD') : 'count';
  return { value: figure.value, ...(figure.valueMax !== undefined ? { valueMax: figure.valueMax } : {}), unit, figure: figure.text };
}

export interface NewRecordInput {
  readonly quote: string;
  readonly lang: string;
  readonly value: number;
  readonly unit: Unit;
  readonly figure?: string;
  readonly en: string;
  readonly publisher?: string;
  readonly year?: number;
  readonly document: string;
  readonly documentTitle: string;
  readonly existingIds: ReadonlySet<string>;
}

/** Builds a record in the index format, with a readable id that is not taken yet; validated by the schema. */
export function buildRecord(input: NewRecordInput): StatisticInput {
  const words = slugify(input.en).split('-').slice(0, 4).join('-');
  const base = [input.publisher && slugify(input.publisher), input.year, words || 'statistic', slugify(input.lang)].filter(Boolean).join('-');
  let id = base;
  for (let n = 2; input.existingIds.has(id); n++) id = `${base}-${n}`;
  const record: StatisticInput = {
    id,
    value: input.value,
    unit: input.unit,
    ...(input.figure && input.quote.includes(input.figure) ? { figure: input.figure } : {}),
    quote: input.quote.trim(),
    lang: input.lang,
    en: input.en.trim(),
    source: input.publisher ? { publisher: input.publisher, ...(input.year !== undefined ? { year: input.year } : {}) } : null,
    via: { title: input.documentTitle, lang: input.lang, document: input.document },
    sameAs: [],
    tags: [],
  };
  indexSchemas().statistic.parse(record);
  return record;
}

/** The text of an index file with `record` appended to its statistics, keeping the file's formatting. */
export function appendRecord(fileText: string, record: StatisticInput): string {
  const base = fileText.trim() ? fileText : '{\n  "statistics": []\n}\n';
  const edits = modify(base, ['statistics', -1], record, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: base.includes('\r\n') ? '\r\n' : '\n' }, isArrayInsertion: true });
  return applyEdits(base, edits);
}
