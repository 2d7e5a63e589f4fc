import type { SourceResolver } from './resolveSource';

/** What locating a citation needs of the core (the composition root's `Statcite` is one). */
export interface CitationContext {
  readonly resolver: SourceResolver;
}
