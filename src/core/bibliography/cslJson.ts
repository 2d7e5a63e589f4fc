import type { BibliographyEntry } from './entry';
import type { ExistingEntry } from './existing';

/** CSL JSON item for an entry. `document` is CSL's type for a work of no more specific kind: the index knows no kind. */
export function toCslItem(e: BibliographyEntry): Record<string, unknown> {
  const dateParts = e.date ? e.date.split('-').map(Number) : e.year !== undefined ? [e.year] : undefined;
  return {
    id: e.key,
    type: 'document',
    ...(e.author ? { author: [{ literal: e.author }] } : {}),
    ...(dateParts ? { issued: { 'date-parts': [dateParts] } } : {}),
    ...(e.title ? { title: e.title } : {}),
    ...(e.language ? { language: e.language } : {}),
    ...(e.note ? { note: e.note } : {}),
  };
}

/** A CSL JSON bibliography (an array of items), as Pandoc and Quarto read it. */
export function toCslJson(entries: readonly BibliographyEntry[]): string {
  return JSON.stringify(entries.map(toCslItem), null, 2) + '\n';
}

/** The result of reading a bibliography file: its entries, or why it could not be read. */
export type ReadBibliography = { readonly entries: ExistingEntry[]; readonly error?: undefined } | { readonly entries: ExistingEntry[]; readonly error: string };

/** Reads a CSL JSON bibliography; items without an id are skipped, anything that is not an array is an error. */
export function readCslJson(text: string): ReadBibliography {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { entries: [], error: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!Array.isArray(data)) return { entries: [], error: 'a CSL JSON bibliography is an array of items' };
  const entries: ExistingEntry[] = [];
  for (const item of data) {
    if (!item || typeof item !== 'object') continue;
    const i = item as Record<string, unknown>;
    if (typeof i.id !== 'string' && typeof i.id !== 'number') continue;
    const author = Array.isArray(i.author) ? nameOf(i.author[0]) : undefined;
    const year = yearOf(i.issued);
    entries.push({ key: String(i.id), ...(author ? { author } : {}), ...(year !== undefined ? { year } : {}), ...(typeof i.title === 'string' ? { title: i.title } : {}) });
  }
  return { entries };
}

function nameOf(name: unknown): string | undefined {
  if (!name || typeof name !== 'object') return undefined;
  const n = name as Record<string, unknown>;
  if (typeof n.literal === 'string') return n.literal;
  return [n.given, n.family].filter((p): p is string => typeof p === 'string').join(' ') || undefined;
}

function yearOf(issued: unknown): number | undefined {
  if (!issued || typeof issued !== 'object') return undefined;
  const i = issued as Record<string, unknown>;
  const parts = i['date-parts'];
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? Number(parts[0][0]) : Number.NaN;
  if (Number.isInteger(first)) return first;
  const raw = typeof i.raw === 'string' ? /\b(\d{4})\b/.exec(i.raw) : null;
  return raw ? Number(raw[1]) : undefined;
}
