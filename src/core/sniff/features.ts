// Turns the head of a plain-text file into the sparse feature vector the article classifier
// weighs: the hand-written news signals, bucketed counts and layout statistics (how lines begin
// and end, how long they are, how much is digits, code punctuation or capitals), and hashed word
// unigrams, bigrams and word shapes. Everything is hashed into one table of 2^bits weights.
import { firstNonBlankLine, newsSignals, proseParagraphCount, type Signal } from './signals';

export interface SparseFeatures {
  /** Weight indexes (one may repeat when two features share a bucket). */
  index: Int32Array;
  value: Float32Array;
  signals: Signal[];
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashText(seed: number, s: string): number {
  let h = FNV_OFFSET ^ seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function combine(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b, 0x85ebca6b) ^ (b >>> 13), 0xc2b2ae35);
}

// Seeds keep the kinds of features apart in the table: the word "said" and the shape "x" never
// share a hash by construction, only by chance collision.
const SEED_DENSE = 1;
const SEED_WORD = 2;
const SEED_SHAPE = 3;
const SEED_LINE = 4;

const SAID = /\b(?:said|says|told|added|according to)\b/g;
const QUOTE_MARK = /[“”"]/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/g;
const EMAIL = /[\w.+-]@[\w-]+\.\w/g;
const VERSION = /\bv?\d+\.\d+(?:\.\d+)+\b/g;
const MONTH_OR_DAY = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const CODE_CHARS = /[{}[\]<>=;|\\$#@_*`^~]/g;

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** Index of the first bound the value is below, so counts and ratios become a few indicator features. */
function bucket(value: number, bounds: readonly number[]): number {
  let i = 0;
  while (i < bounds.length && value >= bounds[i]!) i++;
  return i;
}

const COUNTS = [1, 2, 3, 5, 8, 13];
const RATIOS = [0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9];

const CLASS_UPPER = 88; // X
const CLASS_LOWER = 120; // x
const CLASS_DIGIT = 100; // d

/** X for a capital, x for a small letter, d for a digit, a space for a tab, the character itself otherwise. */
function charClass(c: number): number {
  if (c >= 97 && c <= 122) return CLASS_LOWER;
  if (c >= 65 && c <= 90) return CLASS_UPPER;
  if (c >= 48 && c <= 57) return CLASS_DIGIT;
  if (c === 9) return 32;
  if (c < 128) return c;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch ? CLASS_UPPER : ch.toUpperCase() !== ch ? CLASS_LOWER : c;
}

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c | 32;
  if (c < 128) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** The character classes a line starts with (`- X`, `dd:`, `##`, `  x`): lists, logs and code start lines alike. */
function lineStartShape(line: string): string {
  let out = '';
  for (let i = 0; i < 3 && i < line.length; i++) out += String.fromCharCode(charClass(line.charCodeAt(i)));
  return out;
}

/** Index of the first line break at or after `from`, or the text's length. */
function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

/** `explain`, when given, collects a readable name for each index (for scripts that show why). */
export function sniffFeatures(head: string, bits: number, explain?: Map<number, string>): SparseFeatures {
  const shift = 32 - bits;
  const slot = (h: number): number => Math.imul(h, 0x9e3779b1) >>> shift;
  const dense: number[] = [];
  const sparse: number[] = [];
  const addDense = (name: string): void => {
    const i = slot(hashText(SEED_DENSE, name));
    dense.push(i);
    explain?.set(i, name);
  };
  const addSparse = (seed: number, name: string): void => {
    const i = slot(hashText(seed, name));
    sparse.push(i);
    explain?.set(i, name);
  };

  const signals = newsSignals(head);
  addDense('bias');
  for (const s of signals) addDense(`signal:${s}`);

  // Lines: how they start and end, how long they are.
  let lines = 0, nonBlank = 0, totalLen = 0, longLines = 0, sentenceEnds = 0, indented = 0;
  for (let at = 0; at <= head.length; ) {
    const end = lineEnd(head, at);
    let a = at, b = end;
    while (a < b && head.charCodeAt(a) <= 32) a++;
    while (b > a && head.charCodeAt(b - 1) <= 32) b--;
    lines++;
    if (b > a) {
      nonBlank++;
      totalLen += end - at;
      if (end - at > 100) longLines++;
      let last = head.charCodeAt(b - 1);
      if ((last === 34 || last === 0x201d || last === 0x2019 || last === 41) && b - 1 > a) last = head.charCodeAt(b - 2);
      if (last === 46 || last === 33 || last === 63) sentenceEnds++;
      if (a > at) indented++;
      addSparse(SEED_LINE, `start:${lineStartShape(head.slice(at, Math.min(at + 3, end)))}`);
      addSparse(SEED_LINE, `end:${lineStartShape(head.slice(Math.max(a, b - 2), b))}`);
    }
    at = end + 1;
  }
  const n = Math.max(1, nonBlank);
  const chars = Math.max(1, head.length);
  let digits = 0, upper = 0, letters = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 65 && c <= 90) { upper++; letters++; } else if (c >= 97 && c <= 122) letters++;
  }
  addDense(`length:${bucket(head.length, [100, 300, 700, 1500, 3000, 4000])}`);
  addDense(`lines:${bucket(nonBlank, [2, 4, 8, 16, 32, 64])}`);
  addDense(`blank-share:${bucket((lines - nonBlank) / Math.max(1, lines), RATIOS)}`);
  addDense(`mean-line:${bucket(totalLen / n, [20, 40, 60, 80, 120, 200, 400])}`);
  addDense(`long-lines:${bucket(longLines / n, RATIOS)}`);
  addDense(`sentence-ends:${bucket(sentenceEnds / n, RATIOS)}`);
  addDense(`indented:${bucket(indented / n, RATIOS)}`);
  addDense(`digits:${bucket(digits / chars, RATIOS)}`);
  addDense(`capitals:${bucket(upper / Math.max(1, letters), RATIOS)}`);
  addDense(`code-chars:${bucket(count(CODE_CHARS, head) / chars, [0.002, 0.005, 0.01, 0.02, 0.04, 0.08])}`);
  addDense(`said:${bucket(count(SAID, head), COUNTS)}`);
  addDense(`quote-marks:${bucket(count(QUOTE_MARK, head), COUNTS)}`);
  addDense(`urls:${bucket(count(URL, head), COUNTS)}`);
  addDense(`emails:${bucket(count(EMAIL, head), COUNTS)}`);
  addDense(`versions:${bucket(count(VERSION, head), COUNTS)}`);
  addDense(`dates:${bucket(count(MONTH_OR_DAY, head), COUNTS)}`);
  addDense(`paragraphs:${bucket(proseParagraphCount(head), COUNTS)}`);
  const first = firstNonBlankLine(head);
  addDense(`first-line:${bucket(first.length, [10, 20, 40, 80, 120, 200])}`);
  addDense(`first-line-end:${lineStartShape(first.slice(-1))}`);
  addDense(`first-line-start:${lineStartShape(first)}`);

  // Words (lower case), word pairs and word shapes, hashed as they are scanned.
  let prev = 0;
  let prevStart = 0;
  for (let i = 0; i < head.length; ) {
    if (!isWordChar(head.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET ^ SEED_WORD;
    let shape = FNV_OFFSET ^ SEED_SHAPE;
    let lastClass = -1, shapeLen = 0;
    for (; i < head.length; i++) {
      let c = head.charCodeAt(i);
      if (!isWordChar(c)) {
        // Inner apostrophes, full stops and hyphens belong to the word (don't, U.S., well-known).
        if ((c === 39 || c === 0x2019 || c === 46 || c === 45) && i + 1 < head.length && isWordChar(head.charCodeAt(i + 1))) {
          c = c === 0x2019 ? 39 : c;
        } else break;
      }
      h = Math.imul(h ^ lowerCode(c), FNV_PRIME);
      const k = charClass(c);
      if (k !== lastClass && shapeLen < 6) {
        shape = Math.imul(shape ^ k, FNV_PRIME);
        shapeLen++;
        lastClass = k;
      }
    }
    if (i - start > 24) {
      prev = 0;
      continue;
    }
    const wi = slot(h);
    sparse.push(wi, slot(shape));
    if (prev) sparse.push(slot(combine(prev, h)));
    if (explain) {
      const word = head.slice(start, i).toLowerCase().replace(/’/g, "'");
      explain.set(wi, word);
      explain.set(slot(shape), `shape of ${word}`);
      if (prev) explain.set(slot(combine(prev, h)), `${head.slice(prevStart, start).toLowerCase().trim()} ${word}`);
    }
    prev = h;
    prevStart = start;
  }
  return { ...merge(dense, sparse), signals };
}

/** Length of the sparse block: with it the words weigh about as much as a few signals together. */
export const SPARSE_NORM = 3;

/**
 * Dense features count 1 each; the sparse ones (words, pairs, shapes, line shapes) are
 * present-or-not and scaled so their block has length SPARSE_NORM, so a long file does not
 * outvote the signals. An index may appear twice (a dense feature colliding with a sparse one).
 */
function merge(dense: number[], sparse: number[]): { index: Int32Array; value: Float32Array } {
  const s = Int32Array.from(sparse).sort();
  let distinct = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) distinct++;
  const w = distinct ? SPARSE_NORM / Math.sqrt(distinct) : 0;
  const index = new Int32Array(distinct + dense.length);
  const value = new Float32Array(distinct + dense.length);
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && s[i] === s[i - 1]) continue;
    index[k] = s[i]!;
    value[k++] = w;
  }
  for (const i of dense) {
    index[k] = i;
    value[k++] = 1;
  }
  return { index, value };
}
