/** A byte sequence that is not UTF-8, where it sits in the file and in the decoded text. */
export interface InvalidBytes {
  /** Offset of the first bad byte in the file. */
  readonly byte: number;
  /** Offset (UTF-16 units) of the U+FFFD that replaces it in the decoded text. */
  readonly offset: number;
  /** The bad bytes, as hex (`C0 AF`): a run of ill-formed sequences is one place. */
  readonly hex: string;
  /** How many bytes the run has. */
  readonly length: number;
}

/** The bytes allowed after a lead byte, per position (Unicode Table 3-7, "well-formed UTF-8 byte sequences"). */
function continuation(lead: number): Array<readonly [number, number]> | undefined {
  const tail: readonly [number, number] = [0x80, 0xbf];
  if (lead >= 0xc2 && lead <= 0xdf) return [tail];
  if (lead === 0xe0) return [[0xa0, 0xbf], tail];
  if (lead === 0xed) return [[0x80, 0x9f], tail];
  if (lead >= 0xe1 && lead <= 0xef) return [tail, tail];
  if (lead === 0xf0) return [[0x90, 0xbf], tail, tail];
  if (lead === 0xf4) return [[0x80, 0x8f], tail, tail];
  if (lead >= 0xf1 && lead <= 0xf3) return [tail, tail, tail];
  return undefined;
}

/**
 * Decodes a file's bytes as UTF-8 the way `TextDecoder` does (each maximal ill-formed subpart becomes one U+FFFD),
 * and says where every run of ill-formed sequences was, so a loader can report the byte's place and keep the rest.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; invalid: InvalidBytes[] } {
  const invalid: InvalidBytes[] = [];
  let offset = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      offset++;
      continue;
    }
    const next = continuation(b);
    let k = 0;
    while (next && k < next.length && i + 1 + k < bytes.length && bytes[i + 1 + k]! >= next[k]![0] && bytes[i + 1 + k]! <= next[k]![1]) k++;
    if (next && k === next.length) {
      i += 1 + k;
      offset += k === 3 ? 2 : 1;
      continue;
    }
    const prev = invalid.at(-1);
    const from = prev && prev.byte + prev.length === i ? prev : undefined;
    const start = from ? from.byte : i;
    const hex = [...bytes.subarray(start, i + 1 + k)].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    if (from) invalid[invalid.length - 1] = { ...from, hex, length: i + 1 + k - start };
    else invalid.push({ byte: i, offset, hex, length: 1 + k });
    i += 1 + k;
    offset++;
  }
  // The BOM is kept (ignoreBOM), so offsets match the decoded text; parseIndexFile reads past it.
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), invalid };
}
