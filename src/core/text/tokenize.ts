// A single-pass charCode tokenizer shared by the analysis steps that need words.
// It allocates typed arrays only (no substrings), so it stays linear and fast on any input:
// one long line, binary bytes or a run of quote marks all cost one look at each character.

import { hashSetOf } from './hashTable';
import { codeUnits } from './codes';

/** Token kinds. */
export const WORD = 1;
export const NUMBER = 2;
export const PUNCT = 3;

/** Token flags (bit set). */
export const F_CAP = 1; // first character is an upper-case letter
export const F_ALLCAPS = 2; // every letter upper case, at least two letters
export const F_DIGIT = 4; // contains a digit
export const F_DOT = 8; // contains a period (U.S., J., St.)
export const F_HYPHEN = 16; // contains a hyphen
export const F_LINE_START = 32; // first token on its line
export const F_APOS = 64; // contains an apostrophe (O'Brien)
export const F_POSSESSIVE = 128; // the token is a possessive 's / ’s
export const F_NONASCII = 256; // contains a letter outside ASCII
export const F_LETTERS = 512; // a word of ASCII letters only (no digit, mark or accent)

export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  flags: Uint16Array;
  /** Hash of the lower-cased token. */
  lower: Int32Array;
  /** Hash of the token as written (case kept), as exactHash computes it. */
  exact: Int32Array;
  /** The UTF-16 code units of the whole text (see codeUnits), for callers that read characters around tokens. */
  codes: Uint16Array;
  /** Hash of the word shape (Xx, X.X., dd-dd), runs collapsed. */
  shape: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/** Hash of a lower-case ASCII/Unicode string, equal to the `lower` hash of a token spelled like it. */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = hashStep(h, lowerCode(s.charCodeAt(i)));
  return h;
}

/** hashString of text[start, end), without making the string. */
export function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = hashStep(h, lowerCode(text.charCodeAt(i)));
  return h;
}

// Case tables for the Latin, Greek and Cyrillic blocks (the letters news text is mostly written
// in), so the per-character loop only falls back to a Map for rarer scripts.
const TABLE_SIZE = 0x530;
const LOWER_TABLE = new Uint16Array(TABLE_SIZE);
const CASE_TABLE = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  const lo = ch.toLowerCase();
  LOWER_TABLE[c] = lo.length === 1 ? lo.charCodeAt(0) : c;
  CASE_TABLE[c] = lo !== ch.toUpperCase() ? (ch === ch.toUpperCase() ? 1 : 2) : 0;
}

const lowerCache = new Map<number, number>();
function lowerCode(c: number): number {
  if (c < TABLE_SIZE) return LOWER_TABLE[c];
  let v = lowerCache.get(c);
  if (v === undefined) {
    v = String.fromCharCode(c).toLowerCase().charCodeAt(0);
    lowerCache.set(c, v);
  }
  return v;
}

const caseCache = new Map<number, number>();
/** 1 = upper-case letter, 2 = lower-case letter, 0 = not a cased letter (computed once per code). */
function caseOf(c: number): number {
  if (c < TABLE_SIZE) return CASE_TABLE[c];
  if (c >= 0x2000 && c <= 0x206f) return 0; // general punctuation: curly quotes, dashes
  let v = caseCache.get(c);
  if (v === undefined) {
    const ch = String.fromCharCode(c);
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    v = lo !== up ? (ch === up ? 1 : 2) : isOtherLetter(c) ? 2 : 0;
    caseCache.set(c, v);
  }
  return v;
}

/** Uncased letters (CJK, Arabic, Hebrew, Devanagari…) count as lower-case word characters. */
function isOtherLetter(c: number): boolean {
  return (
    (c >= 0x0590 && c <= 0x1fff) ||
    (c >= 0x3040 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x202f;
}

// Shape classes, folded into the shape hash with runs collapsed.
const SH_UPPER = 1, SH_LOWER = 2, SH_DIGIT = 3;

// Multi-letter abbreviations that keep their period (Mr. Smith, St. Louis, Calif.): without it
// the period would look like a sentence end in the middle of a name.
const DOTTED = hashSetOf(
  ['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'sgt', 'rep', 'sen', 'gov', 'prof', 'rev', 'mt', 'ft', 'inc', 'corp', 'ltd', 'co', 'bros', 'calif', 'fla', 'mass', 'conn', 'wash', 'ariz', 'colo', 'penn', 'capt', 'cmdr', 'adm', 'maj', 'pres', 'supt'].map(hashString),
);

let cap = 0;
let starts = new Int32Array(0);
let ends = new Int32Array(0);
let kinds = new Uint8Array(0);
let flagsArr = new Uint16Array(0);
let lowers = new Int32Array(0);
let exacts = new Int32Array(0);
let shapes = new Int32Array(0);

function ensure(n: number): void {
  if (n <= cap) return;
  const next = Math.max(n, cap * 2, 1024);
  const grow = <T extends Int32Array | Uint8Array | Uint16Array>(a: T, make: (k: number) => T): T => {
    const b = make(next);
    b.set(a.subarray(0, cap) as never);
    return b;
  };
  starts = grow(starts, (k) => new Int32Array(k));
  ends = grow(ends, (k) => new Int32Array(k));
  kinds = grow(kinds, (k) => new Uint8Array(k));
  flagsArr = grow(flagsArr, (k) => new Uint16Array(k));
  lowers = grow(lowers, (k) => new Int32Array(k));
  exacts = grow(exacts, (k) => new Int32Array(k));
  shapes = grow(shapes, (k) => new Int32Array(k));
  cap = next;
}

/**
 * Splits text into words, numbers and single punctuation marks. Possessive 's / ’s becomes a
 * token of its own; dotted abbreviations (U.S., D.C., J.) keep their periods; hyphenated and
 * apostrophe words (Leif-Eric, O'Brien) stay whole.
 */
export function tokenize(text: string): Tokens {
  const codes = codeUnits(text);
  return snapshot(scan(text, codes), codes);
}

/**
 * The same tokens as views of the tokenizer's scratch buffers, without copying them: valid only
 * until the next call of tokenize or tokenizeTransient (see scans()). For one pass over one text
 * (analyze), where copying a few megabytes of arrays per megabyte of text would be wasted.
 */
export function tokenizeTransient(text: string): Tokens {
  const codes = codeUnits(text);
  const count = scan(text, codes);
  return {
    count,
    codes,
    start: starts.subarray(0, count),
    end: ends.subarray(0, count),
    kind: kinds.subarray(0, count),
    flags: flagsArr.subarray(0, count),
    lower: lowers.subarray(0, count),
    exact: exacts.subarray(0, count),
    shape: shapes.subarray(0, count),
  };
}

/**
 * Fills the scratch buffers with the tokens of `text` and returns their count. Nothing follows the
 * loop: optimised code entered in the middle of it on a first long text has no type feedback for
 * whatever comes after, and would fall back to the interpreter there on every later text.
 */
let scanCount = 0;

/** How many texts the scratch buffers have held: transient tokens are valid while this is unchanged. */
export function scans(): number {
  return scanCount;
}

function scan(text: string, codes: Uint16Array): number {
  scanCount++;
  const n = text.length;
  let count = 0;
  let lineStart = true;
  let i = 0;
  while (i < n) {
    let c = codes[i]!;
    if (isSpace(c)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) lineStart = true;
      i++;
      continue;
    }
    if (count >= cap) ensure(count + 1);
    const start = i;
    let cls = caseOf(c);
    let flags = lineStart ? F_LINE_START : 0;
    lineStart = false;
    if (cls === 0 && !(c >= 48 && c <= 57)) {
      // Possessive 's / ’s directly after a word.
      if (isApostrophe(c) && i + 1 < n && (codes[i + 1]! | 32) === 115 && count > 0 && ends[count - 1] === i && kinds[count - 1] !== PUNCT && !(i + 2 < n && caseOf(codes[i + 2]!) !== 0)) {
        i += 2;
        flags |= F_POSSESSIVE;
      } else {
        i++;
        // Surrogate pairs (emoji) stay one token.
        if (c >= 0xd800 && c <= 0xdbff && i < n) i++;
      }
      starts[count] = start;
      ends[count] = i;
      kinds[count] = PUNCT;
      flagsArr[count] = flags;
      const h = hashStep(FNV_OFFSET, c);
      lowers[count] = h;
      exacts[count] = i - start === 1 ? h : exactHashOf(codes, start, i);
      shapes[count] = hashStep(FNV_OFFSET, c);
      count++;
      continue;
    }
    // A word or a number.
    let lower = FNV_OFFSET;
    // The hash as written, kept only from the first character whose lower case differs (until
    // then it equals `lower`): most words need one hash, capitalised ones two.
    let exact = FNV_OFFSET;
    let exactDiffers = false;
    let shape = FNV_OFFSET;
    let lastShape = 0;
    let uppers = 0;
    let lowersN = 0;
    let digits = 0;
    let segLen = 0; // letters since the last period, for U.S. style abbreviations
    let dotted = false;
    let other = false; // a character other than an ASCII letter
    const firstUpper = cls === 1;
    while (i < n) {
      c = codes[i]!;
      // Lower-case ASCII letters are most of the characters of news text: the same steps as the
      // general path below, without its table lookups and branches.
      if (c >= 97 && c <= 122) {
        if (lastShape !== SH_LOWER) {
          shape = hashStep(shape, SH_LOWER);
          lastShape = SH_LOWER;
        }
        // The whole run of lower-case letters in one tight loop.
        const runStart = i;
        if (exactDiffers) {
          do {
            lower = Math.imul(lower ^ c, FNV_PRIME);
            exact = Math.imul(exact ^ c, FNV_PRIME);
            if (++i >= n) break;
            c = codes[i]!;
          } while (c >= 97 && c <= 122);
        } else {
          do {
            lower = Math.imul(lower ^ c, FNV_PRIME);
            if (++i >= n) break;
            c = codes[i]!;
          } while (c >= 97 && c <= 122);
        }
        lowersN += i - runStart;
        segLen += i - runStart;
        if (i >= n) break;
      }
      if (c === 32) break; // the usual end of a word, decided without the look-ahead below
      cls = caseOf(c);
      let sh: number;
      if (cls === 1) {
        uppers++;
        sh = SH_UPPER;
      } else if (cls === 2) {
        lowersN++;
        sh = SH_LOWER;
      } else if (c >= 48 && c <= 57) {
        digits++;
        sh = SH_DIGIT;
      } else {
        const next = i + 1 < n ? codes[i + 1]! : 0;
        const nextIsWordChar = caseOf(next) !== 0 || (next >= 48 && next <= 57);
        if (isApostrophe(c)) {
          // Possessive: stop here, the 's becomes its own token.
          if ((next | 32) === 115 && !(i + 2 < n && caseOf(codes[i + 2]!) !== 0)) break;
          if (!nextIsWordChar) break;
          flags |= F_APOS;
          sh = c;
        } else if (isHyphen(c)) {
          if (!nextIsWordChar) break;
          flags |= F_HYPHEN;
          sh = 45;
        } else if (c === 46) {
          if (segLen === 1 && cls === 0 && uppers + lowersN > 0 && digits === 0) {
            // U.S. / D.C. / J. : the period belongs to the abbreviation.
            dotted = true;
            flags |= F_DOT;
            sh = 46;
          } else if (digits > 0 && next >= 48 && next <= 57) {
            sh = 46; // 3.5
          } else if (uppers + lowersN > 1 && !dotted && DOTTED.has(lower)) {
            other = true;
            flags |= F_DOT;
            lower = hashStep(lower, 46);
            if (exactDiffers) exact = hashStep(exact, 46);
            shape = hashStep(shape, 46);
            i++;
            break;
          } else break;
        } else if ((c === 44 || c === 58) && digits > 0 && next >= 48 && next <= 57) {
          sh = c; // 17,000 and 10:30
        } else if (c >= 0xdc00 && c <= 0xdfff) {
          break;
        } else if (c >= 0x300 && c <= 0x36f) {
          sh = SH_LOWER; // combining accents continue the letter before them
        } else break;
      }
      const lc = lowerCode(c);
      if (lc !== c && !exactDiffers) {
        exactDiffers = true;
        exact = exactHashOf(codes, start, i);
      }
      lower = hashStep(lower, lc);
      if (exactDiffers) exact = hashStep(exact, c);
      if (sh !== lastShape) {
        shape = hashStep(shape, sh);
        lastShape = sh;
      }
      if (c >= 128 && cls !== 0) flags |= F_NONASCII;
      if (c >= 128 || sh > SH_LOWER) other = true;
      segLen = sh === SH_UPPER || sh === SH_LOWER ? segLen + 1 : sh === 46 ? 0 : segLen;
      i++;
    }
    if (i === start) i++; // never stall
    if (firstUpper) flags |= F_CAP;
    if (uppers >= 2 && lowersN === 0) flags |= F_ALLCAPS;
    if (digits > 0) flags |= F_DIGIT;
    if (!other && digits === 0) flags |= F_LETTERS;
    starts[count] = start;
    ends[count] = i;
    kinds[count] = uppers + lowersN === 0 ? NUMBER : WORD;
    flagsArr[count] = flags;
    lowers[count] = lower;
    exacts[count] = exactDiffers ? exact : lower;
    shapes[count] = shape;
    count++;
  }
  return count;
}

/** Copies of the scratch buffers, so a caller may keep the tokens while the buffers serve the next text. */
function snapshot(count: number, codes: Uint16Array): Tokens {
  return {
    count,
    codes,
    start: starts.slice(0, count),
    end: ends.slice(0, count),
    kind: kinds.slice(0, count),
    flags: flagsArr.slice(0, count),
    lower: lowers.slice(0, count),
    exact: exacts.slice(0, count),
    shape: shapes.slice(0, count),
  };
}

function exactHashOf(codes: Uint16Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = hashStep(h, codes[i]!);
  return h;
}

/** Hash of a word as written (case kept); computed on demand, only for the words the tagger scores. */
export function exactHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = hashStep(h, text.charCodeAt(i));
  return h;
}

/** Hash of the last `k` characters of a token, lower-cased (suffix features); `codes` from codeUnits. */
export function suffixHash(codes: Uint16Array, start: number, end: number, k: number): number {
  let h = hashStep(FNV_OFFSET, k);
  for (let i = Math.max(start, end - k); i < end; i++) h = hashStep(h, lowerCode(codes[i]!));
  return h;
}

/** Hash of the first `k` characters of a token, lower-cased (prefix features); `codes` from codeUnits. */
export function prefixHash(codes: Uint16Array, start: number, end: number, k: number): number {
  let h = hashStep(FNV_OFFSET, 100 + k);
  const stop = Math.min(end, start + k);
  for (let i = start; i < stop; i++) h = hashStep(h, lowerCode(codes[i]!));
  return h;
}
