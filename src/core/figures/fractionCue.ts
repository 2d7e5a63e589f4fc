/**
 * A one-pass test for the words a fraction is written with, for a paragraph's figure readers to skip what cannot hold
 * one: any of `cues` ("half", "kymmenestä"), or a `link` ("in", "/") followed by white space and a digit or one of
 * `wholes` ("ten"), all matched case-insensitively as a `/iu` regular expression matches them. A regular expression
 * with this many alternatives tries each at every character; this automaton (Aho–Corasick) reads each character once.
 */
export function fractionCueTest(cues: readonly string[], links: readonly string[], wholes: readonly string[]): (text: string) => boolean {
  const found = fractionCueFamilies([cues], links, wholes);
  return (text) => found(text, true) !== 0;
}

/**
 * The same pass, telling which words it found: bit `1 << i` for a word of `families[i]`, bit `1 << families.length`
 * for a link followed by a whole. Each bit is set exactly when that family's `/iu` regular expression would match
 * (`(?:in|of|…)\s*(?:\d|ten|…)` for the last). With `any`, it stops at the first word found (the bits found so far).
 */
export function fractionCueFamilies(families: ReadonlyArray<readonly string[]>, links: readonly string[], wholes: readonly string[]): (text: string, any?: boolean) => number {
  if (families.length > 7) throw new Error('fractionCueFamilies: at most 7 families');
  const automaton = new Automaton();
  families.forEach((cues, i) => {
    for (const w of cues) automaton.add(w, { cue: 1 << i });
  });
  for (const w of links) automaton.add(w, { link: true });
  // A whole is found by the bits of a 16-bit mask (see `starts`).
  for (const w of wholes) if (w.length > 16) throw new Error(`fractionCueTest: "${w}" is longer than 16 letters`);
  for (const w of wholes) automaton.add(w, { wholeLength: w.length });
  automaton.finish();
  const { classOf, goto, classes } = automaton;
  const flags = automaton.flags();
  const cueBits = Uint8Array.from(automaton.cue);
  const wholeStarts = automaton.wholeStarts();
  const pairBit = 1 << families.length;
  const all = (pairBit << 1) - 1;
  return (text, any = false) => scan(text, goto, classOf, classes, flags, cueBits, wholeStarts, pairBit, any ? all : 0, all);
}

/**
 * The automaton's pass over `text`: the family bits found, stopping once one of `stop` or all of `all` is found. Its
 * tables are parameters, not closure variables: the loop runs about twice as fast with them in locals.
 */
function scan(
  text: string,
  goto: Uint16Array,
  classOf: Uint8Array,
  classes: number,
  flags: Uint8Array,
  cueBits: Uint8Array,
  wholeStarts: Uint16Array,
  pairBit: number,
  stop: number,
  all: number,
): number {
  let state = 0;
  let found = 0;
  // Bit j: a whole may start j characters back from here, right after a link and the white space after it. Links
  // may overlap ("nofive" ends both "no" and "of"), so several may be open at once.
  let starts = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let next = 0;
    if (starts & 1) {
      if (c >= 48 && c <= 57) {
        found |= pairBit;
        if (found & stop || found === all) return found;
      } else if (isSpace(c)) next = 1;
    }
    state = goto[state * classes + classOf[c]!]!;
    const out = flags[state]!;
    if (out !== 0) {
      if (out & CUE) found |= cueBits[state]!;
      if (starts & wholeStarts[state]!) found |= pairBit;
      if (found & stop || found === all) return found;
      if (out & LINK) next = 1;
    }
    starts = ((starts << 1) | next) & 0xffff;
  }
  return found;
}

const CUE = 1;
const LINK = 2;
const WHOLE = 4;

/** What `/\s/u` matches. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// Characters that `/iu` folds to another letter besides its upper and lower case: the Kelvin sign, the long s and
// the old Cyrillic letter forms (checked against every character by the tests).
const OTHER_FOLDS: Record<string, string> = { '\u212a': 'k', '\u017f': 's', '\u1c80': 'в', '\u1c81': 'д', '\u1c82': 'о', '\u1c83': 'с', '\u1c84': 'т', '\u1c85': 'т', '\u1c86': 'ъ', '\u1c87': 'ѣ', '\u1c88': 'ꙋ' };

interface Output {
  /** The bits of the families the word is a cue of. */
  cue?: number;
  link?: boolean;
  wholeLength?: number;
}

class Automaton {
  /** Each character's letter class, case folded; 0 for characters in no word. */
  readonly classOf = new Uint8Array(0x10000);
  classes = 1;
  goto = new Uint16Array(0);
  readonly cue: number[] = [0];
  readonly linkEnd: boolean[] = [false];
  readonly wholeLengths: Array<number[] | undefined> = [undefined];
  private readonly children: Array<Map<number, number>> = [new Map()];

  add(word: string, output: Output): void {
    let state = 0;
    for (const ch of word.toLowerCase()) {
      const k = this.letter(ch);
      let next = this.children[state]!.get(k);
      if (next === undefined) {
        next = this.children.push(new Map()) - 1;
        this.cue.push(0);
        this.linkEnd.push(false);
        this.wholeLengths.push(undefined);
        this.children[state]!.set(k, next);
      }
      state = next;
    }
    if (output.cue) this.cue[state]! |= output.cue;
    if (output.link) this.linkEnd[state] = true;
    if (output.wholeLength) (this.wholeLengths[state] ??= []).push(output.wholeLength);
  }

  /** Fills `goto` breadth first, each state taking the outputs of its longest proper suffix that is a state. */
  finish(): void {
    const states = this.children.length;
    const classes = this.classes;
    const goto = new Uint16Array(states * classes);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (const [k, next] of this.children[0]!) {
      goto[k] = next;
      queue.push(next);
    }
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      const f = fail[state]!;
      this.cue[state]! |= this.cue[f]!;
      this.linkEnd[state] ||= this.linkEnd[f]!;
      const inherited = this.wholeLengths[f];
      if (inherited) this.wholeLengths[state] = [...(this.wholeLengths[state] ?? []), ...inherited];
      for (let k = 0; k < classes; k++) {
        const next = this.children[state]!.get(k);
        if (next === undefined) goto[state * classes + k] = goto[f * classes + k]!;
        else {
          goto[state * classes + k] = next;
          fail[next] = goto[f * classes + k]!;
          queue.push(next);
        }
      }
    }
    this.goto = goto;
  }

  /** Each state's outputs as CUE, LINK and WHOLE bits: one small array to read per character. */
  flags(): Uint8Array {
    return Uint8Array.from(this.cue, (cue, s) => (cue !== 0 ? CUE : 0) | (this.linkEnd[s] ? LINK : 0) | (this.wholeLengths[s] ? WHOLE : 0));
  }

  /** For each state, the bits of `starts` a whole ending there starts at (bit n - 1 for a whole of n letters). */
  wholeStarts(): Uint16Array {
    return Uint16Array.from(this.wholeLengths, (lengths) => (lengths ?? []).reduce((bits, n) => bits | (1 << (n - 1)), 0));
  }

  private letter(ch: string): number {
    const code = ch.charCodeAt(0);
    if (this.classOf[code]) return this.classOf[code]!;
    const k = this.classes++;
    for (const variant of [ch, ch.toUpperCase(), ch.toLowerCase()]) if (variant.length === 1) this.classOf[variant.charCodeAt(0)] = k;
    for (const [other, folded] of Object.entries(OTHER_FOLDS)) if (folded === ch) this.classOf[other.charCodeAt(0)] = k;
    return k;
  }
}
