import { parseMarkdown } from '../markdown/markdown';
import { pandocCitations } from '../markdown/pandocCitations';
import type { SourceKey } from '../index/sourceKey';
import type { ExistingEntry } from '../bibliography/existing';
import type { SourceResolver } from './resolveSource';

/**
 * The index sources a document cites, in order of first citation: footnote definitions that resolve to a source, and
 * Pandoc citation keys that are a source key or whose entry in the document's bibliography (`entries`) names one.
 */
export function citedSourceKeys(text: string, resolver: SourceResolver, entries: readonly ExistingEntry[] = []): SourceKey[] {
  const md = parseMarkdown(text);
  const keys = new Set<SourceKey>();
  const referenced = new Set(md.references.map((r) => r.id));
  for (const def of md.definitions) {
    if (!referenced.has(def.id)) continue;
    const source = resolver.resolve(def);
    if (source) keys.add(source.key);
  }
  const byKey = new Map(entries.map((e) => [e.key, e]));
  for (const citation of pandocCitations(md, text)) {
    const source = resolveCitationKey(citation.key, resolver, byKey.get(citation.key));
    if (source) keys.add(source);
  }
  return [...keys];
}

/**
 * The index source a Pandoc citation key cites: the key itself when it is a source key, otherwise the source its
 * bibliography entry names (by publisher and year, or title), as a footnote definition's text would.
 */
export function resolveCitationKey(key: string, resolver: SourceResolver, entry: ExistingEntry | undefined): SourceKey | undefined {
  const text = entry ? [entry.author, entry.year, entry.title].filter((p) => p !== undefined).join(', ') : '';
  return resolver.resolve({ label: key, text })?.key;
}
