// The word tokens of a sentence as the regular expression /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?/gu
// finds them (a final full stop then dropped: "U.S." is "U.S"), read character by character, and
// each spelling looked up in a table by a hash of its characters. Two long articles hold some
// three hundred thousand tokens and a few tens of thousands of spellings: a token already seen
// costs no substring, no match object and no string hashing, which was most of the cost of
// reading terms for a comparison.

/** 1 for the ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
/** Other characters of the Basic Multilingual Plane, learnt as met: 0 not yet seen, 1 a letter or digit, 2 not. */
const BMP_WORD = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** How many UTF-16 units the letter or digit at `i` takes (1, or 2 for one outside the BMP), 0 for anything else. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  // NaN past the end: not a word character.
  if (c !== c) return 0;
  let known = BMP_WORD[c]!;
  if (known === 0) BMP_WORD[c] = known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** . ' ’ - : join two runs of letters and digits into one token ("U.S", "don't", "Soviet-era"). */
function isJoiner(c: number): boolean {
  return c === 46 || c === 39 || c === 0x2019 || c === 45;
}

/**
 * Calls `each(start, end)` for every word token of text[from, to), end before a final full stop.
 * The same tokens, in the same order, as the regular expression above.
 */
export function scanWords(text: string, from: number, to: number, each: (start: number, end: number) => void): void {
  let i = from;
  while (i < to) {
    const n = wordCharAt(text, i);
    if (n === 0 || i + n > to) {
      // Step over a whole surrogate pair: its second half is never a token's start.
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    const start = i;
    i += n;
    for (;;) {
      let m: number;
      while (i < to && (m = wordCharAt(text, i)) > 0 && i + m <= to) i += m;
      if (i + 1 < to && isJoiner(text.charCodeAt(i)) && (m = wordCharAt(text, i + 1)) > 0 && i + 1 + m <= to) {
        i += 1;
        continue;
      }
      break;
    }
    each(start, i);
    // The optional final full stop belongs to the match, not to the token.
    if (i < to && text.charCodeAt(i) === 46) i++;
  }
}

/** 1 for the characters /\s/u matches (they are all in the BMP), learnt as met: 0 not yet seen, 2 not. */
const SPACE = new Uint8Array(0x10000);
const IS_SPACE = /^\s$/u;

function isSpace(c: number): boolean {
  let known = SPACE[c]!;
  if (known === 0) SPACE[c] = known = IS_SPACE.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/**
 * Calls `each(start, end)` for every token of a word diff: a word as above (without a final full
 * stop) or any other character but a space, as /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu finds them.
 */
export function scanDiffTokens(text: string, each: (start: number, end: number) => void): void {
  const to = text.length;
  let i = 0;
  while (i < to) {
    const n = wordCharAt(text, i);
    if (n === 0) {
      const c = text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      // Outside the BMP nothing is a space.
      if (pair === 2 || !isSpace(c)) each(i, i + pair);
      i += pair;
      continue;
    }
    const start = i;
    i += n;
    for (;;) {
      let m: number;
      while (i < to && (m = wordCharAt(text, i)) > 0) i += m;
      if (i + 1 < to && isJoiner(text.charCodeAt(i)) && wordCharAt(text, i + 1) > 0) {
        i += 1;
        continue;
      }
      break;
    }
    each(start, i);
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Values by spelling, looked up by a stretch of a text: no substring is made for a spelling already in. */
export class SpellingTable<V> {
  private keys: (string | undefined)[] = [];
  private values: (V | undefined)[] = [];
  private hashes = new Int32Array(0);
  private mask = -1;
  private count = 0;

  constructor(
    /** The value for a spelling not yet in the table. */
    private readonly make: (spelling: string) => V,
    /** Above this many spellings the table starts again, so odd text cannot grow it without end. */
    private readonly limit: number,
  ) {
    this.reset(1024);
  }

  get size(): number {
    return this.count;
  }

  /** The value for text[start, end). */
  get(text: string, start: number, end: number): V {
    let h = FNV_OFFSET;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
    const length = end - start;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === h && key.length === length && sameChars(key, text, start)) return this.values[slot]!;
    }
    if (this.count >= this.limit) this.reset(1024);
    else if (2 * (this.count + 1) > this.keys.length) this.grow();
    const spelling = text.slice(start, end);
    const value = this.make(spelling);
    let slot = h & this.mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.keys[slot] = spelling;
    this.values[slot] = value;
    this.hashes[slot] = h;
    this.count++;
    return value;
  }

  private reset(capacity: number): void {
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.count = 0;
  }

  private grow(): void {
    const { keys, values, hashes } = this;
    this.reset(keys.length * 2);
    for (let s = 0; s < keys.length; s++) {
      const key = keys[s];
      if (key === undefined) continue;
      let slot = hashes[s]! & this.mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = values[s];
      this.hashes[slot] = hashes[s]!;
      this.count++;
    }
  }
}

function sameChars(key: string, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
