// Sentence splitting inside one block of text (a paragraph, a headline, a caption).
// A sentence ends at . ! ? … (plus any closing quotes or brackets) followed by white space and an
// upper-case letter, a digit or an opening quote. Abbreviations (U.S., Mr., Jan., initials) keep
// their period. One pass over the characters, a look-back of at most a few letters per period.
import type { Span } from './types';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'st', 'jr', 'sr', 'lt', 'col', 'sgt', 'capt', 'cmdr',
  'adm', 'maj', 'rev', 'pres', 'supt', 'mt', 'ft', 'inc', 'corp', 'co', 'ltd', 'bros', 'no', 'nos', 'vs', 'v', 'gov',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'calif', 'fla', 'mass', 'conn',
  'ariz', 'colo', 'penn', 'ill', 'tenn', 'wis', 'minn', 'mich', 'okla', 'ore', 'nev', 'ky', 'va', 'ga', 'md', 'mo',
  'pa', 'la', 'ala', 'ark', 'del', 'kan', 'neb', 'miss', 'wyo', 'vt', 'wash', 'approx', 'est', 'dept', 'univ', 'assn',
  'ave', 'blvd', 'rd', 'hon', 'msgr', 'fr', 'op', 'al', 'pp', 'vol', 'ch', 'fig', 'e.g', 'i.e', 'a.m', 'p.m',
]);

// The sentence-ending characters, each searched for on its own: indexOf of one character is a
// native scan, and the four of them together cost less than a character-class regex search that
// is entered again at every period.
const ENDERS = ['.', '!', '?', '\u2026'];

// The last search for each ender is remembered across calls (blocks of one text are split in order),
// so a text with few sentence ends is scanned once in all rather than once per block.
let searchedText: string | null = null;
// For each ender: where its last search started, and the position found (-1: none after that start).
const searchedFrom = [0, 0, 0, 0];
const foundAt = [-1, -1, -1, -1];

/** Index of the first sentence-ending character at or after `from`, or -1. */
function nextEnder(text: string, from: number): number {
  // Positions of another text: every ender is searched again.
  if (searchedText !== text) searchedFrom.fill(Infinity);
  // Kept even when only equal: a text equal to the last one but another string object (the same
  // document read again) would otherwise be compared character by character on every call.
  searchedText = text;
  let first = -1;
  for (let k = 0; k < ENDERS.length; k++) {
    let at = foundAt[k]!;
    // A remembered result answers when its search started at or before `from` and found nothing
    // before `from`: it is then the first occurrence at or after `from` too.
    if (from < searchedFrom[k]! || (at !== -1 && at < from)) {
      at = text.indexOf(ENDERS[k]!, from);
      searchedFrom[k] = from;
      foundAt[k] = at;
    }
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  return first;
}

// The longest abbreviation above, so the look-back stays bounded.
const MAX_ABBREV = 6;

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff || c === 11 || c === 12 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x202f;
}

function isClosing(c: number): boolean {
  // ” " ’ ' ) ] »
  return c === 0x201d || c === 34 || c === 0x2019 || c === 39 || c === 41 || c === 93 || c === 0xbb;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

function isUpper(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/** Could start a sentence: an upper-case letter, a digit, an opening quote or bracket. */
function opensSentence(c: number): boolean {
  return isUpper(c) || (c >= 48 && c <= 57) || c === 0x201c || c === 34 || c === 0x2018 || c === 39 || c === 40 || c === 91 || c === 0xab;
}

/** True when the period at `dot` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number, blockStart: number): boolean {
  const limit = Math.max(blockStart, dot - MAX_ABBREV - 2);
  let i = dot - 1;
  while (i >= limit && (isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i--;
  // The word runs further back than any abbreviation: an ordinary word.
  if (i >= blockStart && i === limit - 1 && (isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) return false;
  const from = i + 1;
  if (from >= dot) return false;
  // Initials and dotted acronyms: J. / U.S. / U.N. / D.C.
  if (dot - from === 1 && isUpper(text.charCodeAt(from))) return true;
  // Most words are ASCII letters: looked up without a substring.
  const ascii = asciiAbbreviation(text, from, dot);
  if (ascii >= 0) return ascii === 1;
  const word = text.slice(from, dot);
  if (word.includes('.')) return /^(\p{L}\.)+\p{L}$/u.test(word);
  return ABBREVIATIONS.has(word.toLowerCase());
}

// The abbreviations by the FNV hash of their letters, for asciiAbbreviation.
const ABBREVIATION_OF_HASH = new Map<number, string>();
for (const a of ABBREVIATIONS) {
  if (a.includes('.')) continue;
  const h = lowerHash(a, 0, a.length);
  if (ABBREVIATION_OF_HASH.has(h)) throw new Error(`abbreviations ${a} and ${ABBREVIATION_OF_HASH.get(h)} share a hash`);
  ABBREVIATION_OF_HASH.set(h, a);
}

function lowerHash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ (s.charCodeAt(i) | 32), 0x01000193) | 0;
  return h;
}

/** For a word of ASCII letters in text[from, to): 1 when it is a listed abbreviation, 0 when not; -1 for any other word. */
function asciiAbbreviation(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return -1;
  }
  const a = ABBREVIATION_OF_HASH.get(lowerHash(text, from, to));
  if (a === undefined || a.length !== to - from) return 0;
  for (let i = from; i < to; i++) if ((text.charCodeAt(i) | 32) !== a.charCodeAt(i - from)) return 0;
  return 1;
}

// Words that open a sentence and never follow an abbreviation inside one: "… at 7 p.m. He says".
const SENTENCE_PRONOUNS = new Set(['He', 'She', 'They', 'We', 'It', 'I']);
// Abbreviations that stand before a name, where a capitalised word always follows.
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'st', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'rev', 'pres', 'supt', 'hon', 'msgr', 'fr']);

/** The word at `k` is a subject pronoun ("He", "They") followed by a space. */
function opensWithPronoun(text: string, k: number, end: number): boolean {
  let e = k;
  while (e < end && e - k < 5 && isLetter(text.charCodeAt(e))) e++;
  return e < end && isSpaceCode(text.charCodeAt(e)) && SENTENCE_PRONOUNS.has(text.slice(k, e));
}

/** The abbreviation ending at the period `dot` is a title before a name ("Sen.", "Dr."). */
function isTitle(text: string, dot: number, blockStart: number): boolean {
  let i = dot - 1;
  while (i >= blockStart && dot - i <= 5 && isLetter(text.charCodeAt(i))) i--;
  return TITLES.has(text.slice(i + 1, dot).toLowerCase());
}

// A line longer than this is not hard-wrapped text, whose lines stay under 80 characters or so.
const UNWRAPPED_LINE = 100;

/**
 * Splits [start, end) into sentences, trimmed of surrounding white space. A line break also ends a
 * sentence when the line before it is too long to be hard-wrapped, ends in a letter or a digit and
 * the next line opens with a capital: scraped text that lost a sentence's final period ("… before
 * the polls\nTrump, in Kentucky, said …").
 */
export function splitSentences(text: string, start: number, end: number, out: Span[] = []): Span[] {
  let from = start;
  let lineStart = start;
  for (let nl = text.indexOf('\n', start); nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1)) {
    if (nl - lineStart > UNWRAPPED_LINE && endsUnpunctuated(text, lineStart, nl) && opensLine(text, nl + 1, end)) {
      splitRange(text, from, nl, out);
      from = nl + 1;
    }
    lineStart = nl + 1;
  }
  return splitRange(text, from, end, out);
}

/** The line [lineStart, nl) ends in a letter or digit, with no sentence end or joining mark. */
function endsUnpunctuated(text: string, lineStart: number, nl: number): boolean {
  let i = nl - 1;
  while (i > lineStart && isSpaceCode(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  return isLetter(c) || (c >= 48 && c <= 57);
}

/** The next line opens with a capital letter. */
function opensLine(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  return i < end && isUpper(text.charCodeAt(i));
}

function splitRange(text: string, start: number, end: number, out: Span[]): Span[] {
  let s = start;
  while (s < end && isSpaceCode(text.charCodeAt(s))) s++;
  let i = s;
  while (i < end) {
    // Jump to the next sentence-ending character.
    const at = nextEnder(text, i);
    if (at === -1 || at >= end) break;
    i = at;
    const c = text.charCodeAt(i);
    {
      let j = i + 1;
      // Runs like "?!" or "..." end together.
      while (j < end && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63)) j++;
      while (j < end && isClosing(text.charCodeAt(j))) j++;
      if (j >= end) break;
      if (!isSpaceCode(text.charCodeAt(j))) {
        i = j;
        continue;
      }
      let k = j;
      while (k < end && isSpaceCode(text.charCodeAt(k))) k++;
      if (k >= end) break;
      if (opensSentence(text.charCodeAt(k)) && !(c === 46 && j === i + 1 && isAbbreviation(text, i, s) && !(opensWithPronoun(text, k, end) && !isTitle(text, i, s)))) {
        out.push({ start: s, end: j });
        s = k;
      }
      i = k;
    }
  }
  let e = end;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
  return out;
}
