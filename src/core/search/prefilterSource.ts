/** What the prefilter is built from: per record, its fields as written, in the order of `weights`, joined by FIELD_SEPARATOR. */
export interface PrefilterSource {
  readonly count: number;
  text(record: number): string;
  /** Each record's group (its language), so that ties go to the document's. */
  readonly groups: Uint8Array;
}
