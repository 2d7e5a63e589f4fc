import { fold } from '../text/fold';
import { HAN, WORD, charClass } from '../text/searchText';

/** Separates a record's fields in the text the prefilter reads. */
export const FIELD_SEPARATOR = '\u0000';

/** Tokens are compared on their first this many characters (a longer one is not a word anyone types). */
export const MAX_TOKEN = 64;

const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
const UNKNOWN = -1;
const REMOVED = -2;
const SEVERAL = -3;
/** A bit set on a scanned token that is its whole field. */
export const WHOLE_FIELD = 0x80;

// The fold of each UTF-16 code unit on its own, worked out by `fold` the first time the unit is seen: a code unit,
// REMOVED (a mark) or SEVERAL (a ligature or compatibility form that folds to more than one, in `foldedToSeveral`).
// Folding code unit by code unit equals folding the text except for the Greek final sigma, which only decides
// whether a query token is found exactly or with one typo.
const folded = new Int32Array(0x10000).fill(UNKNOWN);
const foldedToSeveral = new Map<number, string>();

function foldUnit(code: number): number {
  const f = fold(String.fromCharCode(code));
  const value = f.length === 0 ? REMOVED : f.length === 1 ? f.charCodeAt(0) : SEVERAL;
  if (value === SEVERAL) foldedToSeveral.set(code, f);
  folded[code] = value;
  return value;
}

/**
 * Every distinct folded token of the index, each with a number. Building a 100k-record index reads about three
 * million tokens: the scanner folds, splits and hashes the raw text in one pass and compares with stored terms in
 * place, so only new terms become strings (a fold per field, then a string and a Map look-up per token, took
 * seconds).
 */
export class Vocabulary {
  readonly terms: string[] = [];
  /** What the last `scan` found: term numbers and, per token, its field number plus WHOLE_FIELD. */
  ids = new Int32Array(256);
  fields = new Uint8Array(256);
  private hashes = new Int32Array(1024);
  private table = new Int32Array(4096).fill(EMPTY);
  private readonly token = new Uint16Array(MAX_TOKEN);
  private length = 0;
  private hash = FNV_OFFSET;
  private count = 0;
  private field = 0;
  private fieldTokens = 0;
  private fieldSeparated = false;
  /** The Han character just read, for pairs; -1 after anything else. */
  private lastHan = -1;

  /** The number of a folded token, if it is a term. */
  get(token: string): number | undefined {
    this.length = 0;
    this.hash = FNV_OFFSET;
    for (let i = 0; i < token.length && i < MAX_TOKEN; i++) this.push(token.charCodeAt(i));
    const id = this.find(false);
    return id === EMPTY ? undefined : id;
  }

  /**
   * Reads raw text whose fields are separated by FIELD_SEPARATOR and returns how many tokens `ids`/`fields` now hold:
   * the tokens of its fold, as `forEachToken` finds them, new ones added to the vocabulary.
   */
  scan(raw: string): number {
    this.count = this.field = this.fieldTokens = this.length = 0;
    this.fieldSeparated = false;
    this.lastHan = -1;
    const token = this.token;
    for (let i = 0; i < raw.length; i++) {
      const code = raw.charCodeAt(i);
      let f = folded[code]!;
      if (f === UNKNOWN) f = foldUnit(code);
      if (f > 0 && charClass(f) === WORD) {
        // Inline, the case of nearly every character: a letter or digit that starts or continues a token.
        let length = this.length;
        if (length === 0) this.hash = FNV_OFFSET;
        if (length < MAX_TOKEN) {
          token[length++] = f;
          this.hash = Math.imul(this.hash ^ f, FNV_PRIME);
          this.length = length;
        }
        this.lastHan = -1;
        continue;
      }
      if (code === 0) this.endField();
      else if (f >= 0) this.step(f);
      else if (f === SEVERAL) for (const c of foldedToSeveral.get(code)!) this.step(c.charCodeAt(0));
    }
    this.endField();
    return this.count;
  }

  private step(code: number): void {
    const c = charClass(code);
    if (c === WORD) {
      this.lastHan = -1;
      if (this.length === 0) this.hash = FNV_OFFSET;
      if (this.length < MAX_TOKEN) this.push(code);
      return;
    }
    this.endToken();
    if (c === HAN) {
      this.hash = FNV_OFFSET;
      this.push(code);
      this.endToken();
      if (this.lastHan >= 0) {
        this.hash = FNV_OFFSET;
        this.push(this.lastHan);
        this.push(code);
        this.endToken();
      }
      this.lastHan = code;
      return;
    }
    this.fieldSeparated = true;
    this.lastHan = -1;
  }

  private push(code: number): void {
    this.token[this.length++] = code;
    this.hash = Math.imul(this.hash ^ code, FNV_PRIME);
  }

  private endToken(): void {
    if (this.length === 0) return;
    if (this.count === this.ids.length) {
      const ids = new Int32Array(this.count * 2);
      ids.set(this.ids);
      this.ids = ids;
      const fields = new Uint8Array(this.count * 2);
      fields.set(this.fields);
      this.fields = fields;
    }
    this.ids[this.count] = this.find(true);
    this.fields[this.count++] = this.field;
    this.fieldTokens++;
    this.length = 0;
  }

  private endField(): void {
    this.endToken();
    this.lastHan = -1;
    if (this.fieldTokens === 1 && !this.fieldSeparated) this.fields[this.count - 1]! |= WHOLE_FIELD;
    this.field++;
    this.fieldTokens = 0;
    this.fieldSeparated = false;
  }

  /** The number of the token in `token`, added when new and `add` is set. */
  private find(add: boolean): number {
    const mask = this.table.length - 1;
    for (let slot = this.hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]!;
      if (id === EMPTY) return add ? this.insert(slot) : EMPTY;
      if (this.hashes[id] === this.hash && this.isToken(this.terms[id]!)) return id;
    }
  }

  private isToken(term: string): boolean {
    if (term.length !== this.length) return false;
    for (let i = 0; i < term.length; i++) if (term.charCodeAt(i) !== this.token[i]) return false;
    return true;
  }

  private insert(slot: number): number {
    const id = this.terms.length;
    this.terms.push(String.fromCharCode(...this.token.subarray(0, this.length)));
    if (id === this.hashes.length) {
      const next = new Int32Array(id * 2);
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[id] = this.hash;
    this.table[slot] = id;
    // At most half full, so that probes stay short.
    if (this.terms.length * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(EMPTY);
    const mask = this.table.length - 1;
    for (let id = 0; id < this.terms.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (this.table[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.table[slot] = id;
    }
  }
}
