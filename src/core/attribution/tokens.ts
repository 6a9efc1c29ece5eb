// The word window around a quote: tokens with quotes folded into single tokens, and the sentence and
// paragraph helpers the attribution rules share.
import type { Span } from '../types';
import { PRONOUNS } from './words';

// Characters of context looked at on each side of a quote.
export const WINDOW = 320;
// Quotes on each side a window may reach across.
export const NEAR_QUOTES = 3;
import { T_PUNCT, T_QUOTE, T_WORD, type Tok } from './tokenKinds';
export { T_PUNCT, T_QUOTE, T_WORD, type Tok };

// The kind of each code unit below U+2012, one byte each: a table read costs less than the
// comparisons in the tokenizer's innermost loop. WORD: digits, lower-case Latin letters, the two
// non-breaking hyphens U+2010 and U+2011; WORD_MAYBE_UPPER: A-Z and everything from U+00C0 below
// U+2000 except × and ÷ (an accented letter may be a capital: the word is lower-cased to be sure).
const WORD = 1;
const WORD_MAYBE_UPPER = 2;
const CODE_KINDS = new Uint8Array(0x2012);
for (let c = 0; c < CODE_KINDS.length; c++) {
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000)) CODE_KINDS[c] = WORD_MAYBE_UPPER;
  else if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 0x2010 || c === 0x2011) CODE_KINDS[c] = WORD;
}

/** WORD, WORD_MAYBE_UPPER or 0 (not a word character). */
function codeKind(c: number): number {
  return c < 0x2012 ? CODE_KINDS[c]! : 0;
}

function isWordCode(c: number): boolean {
  return codeKind(c) !== 0;
}

function isUpperCode(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/** Binary search: index of the first quote whose end is after `pos`. */
function firstQuoteEndingAfter(quotes: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** End (after the ")") of a parenthesis of at most four words opening at `open`, or -1. */
function shortAsideEnd(text: string, open: number, to: number, quoteStart: number): number {
  const limit = Math.min(to, quoteStart, open + 40);
  let words = 0;
  let inWord = false;
  for (let j = open + 1; j < limit; j++) {
    const d = text.charCodeAt(j);
    if (d === 41) return j + 1;
    if (d === 40 || d === 10) return -1;
    const w = isWordCode(d);
    if (w && !inWord && ++words > 4) return -1;
    inWord = w;
  }
  return -1;
}

/**
 * Token storage reused from one window to the next: a window is tokenized for every quote, so
 * fresh token objects per word would be most of attribution's allocation. Each buffer's tokens are
 * valid until it is filled again; the quote's own window and the neighbouring sentences a fallback
 * looks at use different buffers.
 */
class TokBuffer {
  private readonly pool: Tok[] = [];
  private n = 0;

  reset(): void {
    this.n = 0;
  }

  push(start: number, end: number, kind: number, lower: string, cap: boolean, quote: number): void {
    const t = this.pool[this.n];
    if (t) {
      t.start = start;
      t.end = end;
      t.kind = kind;
      t.lower = lower;
      t.cap = cap;
      t.quote = quote;
    } else {
      this.pool.push({ start, end, kind, lower, cap, quote });
    }
    this.n++;
  }

  /**
   * The window's tokens as an array of their own: one copy of the pool's first n entries, where
   * shortening and regrowing one shared array would reallocate it for every window.
   */
  finish(): Tok[] {
    return this.pool.slice(0, this.n);
  }
}

export const WINDOW_TOKS = new TokBuffer();
const NEAR_TOKS = new TokBuffer();

// Abbreviations whose period stays with the word (Mr., Sen., Jr.).
const TITLE_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'prof', 'rev', 'st', 'jr', 'sr']);

// What the contracted ending of a pronoun stands for ("he’d" = he would or had, "she’s" = she has or is).
const CONTRACTED_AUX: Record<string, string> = { d: 'would', s: 'has', ll: 'will', ve: 'have', re: 'are', m: 'am' };

/** For a pronoun with a contracted auxiliary ("he’d", "they’ve"), the pronoun's length; else 0. */
const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** "Nov. 8": a month's abbreviation before a day keeps its period inside the phrase. */
function monthBeforeDay(text: string, lower: string, dot: number): boolean {
  if (!MONTH_ABBREVIATIONS.has(lower)) return false;
  const d = text.charCodeAt(dot + 2);
  return text.charCodeAt(dot + 1) === 32 && d >= 48 && d <= 57;
}

function pronounContraction(lower: string): number {
  const a = lower.indexOf('’') >= 0 ? lower.indexOf('’') : lower.indexOf("'");
  if (a <= 0 || !PRONOUNS.has(lower.slice(0, a)) || lower.slice(0, a) === 'it') return 0;
  return CONTRACTED_AUX[lower.slice(a + 1)] === undefined ? 0 : a;
}

/** The auxiliary split off a pronoun ("’d" of "he’d"): part of one written word, so not counted as one. */
export function isContractedAux(toks: Tok[], k: number): boolean {
  const prev = toks[k - 1];
  return !!prev && prev.kind === T_WORD && toks[k]!.kind === T_WORD && prev.end === toks[k]!.start;
}

/** Words, punctuation and whole quotes (one token each) in [from, to). */
export function tokenizeWindow(text: string, from: number, to: number, quotes: readonly Span[], buf: TokBuffer = NEAR_TOKS): Tok[] {
  buf.reset();
  let qi = firstQuoteEndingAfter(quotes, from);
  let i = from;
  while (i < to) {
    while (qi < quotes.length && quotes[qi]!.end <= i) qi++;
    const q = quotes[qi];
    if (q && q.start <= i) {
      buf.push(q.start, q.end, T_QUOTE, '', false, qi);
      i = q.end;
      continue;
    }
    const c = text.charCodeAt(i);
    if (isWordCode(c)) {
      let j = i + 1;
      let upper = c >= 65 && c <= 90;
      let dotted = false;
      let apostrophe = false;
      while (j < to) {
        const d = text.charCodeAt(j);
        const kind = codeKind(d);
        if (kind !== 0) {
          if (kind === WORD_MAYBE_UPPER) upper = true;
          j++;
        } else if ((d === 46 || d === 39 || d === 0x2019 || d === 45 || d === 38) && j + 1 < to && isWordCode(text.charCodeAt(j + 1)) && !(q && q.start === j)) {
          if (d === 46) dotted = true;
          else if (d === 39 || d === 0x2019) apostrophe = true;
          j++;
        } else break;
      }
      const raw = text.slice(i, j);
      const lower = upper || c >= 0xc0 ? raw.toLowerCase() : raw;
      const split = apostrophe && j - i <= 7 ? pronounContraction(lower) : 0;
      if (split > 0) {
        // "he’d asked", "she’s said": the pronoun is the subject, the rest an auxiliary.
        buf.push(i, i + split, T_WORD, lower.slice(0, split), isUpperCode(c), -1);
        buf.push(i + split, j, T_WORD, CONTRACTED_AUX[lower.slice(split + 1)]!, false, -1);
        i = j;
        continue;
      }
      // Keep the period of initials and dotted abbreviations (U.S., J., Mr.).
      if (j < to && text.charCodeAt(j) === 46 && (j - i === 1 || dotted || TITLE_ABBREVIATIONS.has(lower) || monthBeforeDay(text, lower, j))) {
        buf.push(i, j + 1, T_WORD, lower + '.', isUpperCode(c), -1);
        i = j + 1;
        continue;
      }
      buf.push(i, j, T_WORD, lower, isUpperCode(c), -1);
      i = j;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      i++;
      continue;
    }
    if (c === 40) {
      // A short aside between a name and its verb ("Warren (D-Mass.) said", "Lee (pictured) told")
      // is left out so the name stays next to its verb.
      const close = shortAsideEnd(text, i, to, q ? q.start : to);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    buf.push(i, i + 1, T_PUNCT, text[i]!, false, -1);
    i++;
  }
  return buf.finish();
}

export function tokenAt(toks: Tok[], pos: number): number {
  for (let k = 0; k < toks.length; k++) if (toks[k]!.start === pos) return k;
  return -1;
}

export function isClauseEnd(t: Tok | undefined): boolean {
  return !t || t.kind === T_QUOTE || (t.kind === T_PUNCT && (t.lower === '.' || t.lower === ';' || t.lower === '!' || t.lower === '?'));
}

export function quoteToken(toks: Tok[], qi: number): number {
  for (let k = 0; k < toks.length; k++) if (toks[k]!.kind === T_QUOTE && toks[k]!.quote === qi) return k;
  return -1;
}

/** Index of the sentence containing `pos` (sentences sorted), or the one before it. */
export function sentenceAt(sentences: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

// Sentences sentenceAtFrom steps over before it falls back to a binary search.
const SHORT_WALK = 8;

/**
 * sentenceAt for positions visited in increasing order: steps on from `hint` (the answer for an
 * earlier position), since the next quote is mostly in the same or a nearby sentence. A position
 * before the hint's sentence, or more than a few sentences on, gets a binary search.
 */
export function sentenceAtFrom(sentences: readonly Span[], pos: number, hint: number): number {
  if (hint < 0 || hint >= sentences.length || sentences[hint]!.start > pos) return sentenceAt(sentences, pos);
  for (let k = hint, steps = 0; steps < SHORT_WALK; k++, steps++) {
    if (k + 1 >= sentences.length || sentences[k + 1]!.start > pos) return k;
  }
  return sentenceAt(sentences, pos);
}

export function blankLineBetween(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10 && ++newlines === 2) return true;
  return false;
}

export function quoteBefore(toks: Tok[], end: number): boolean {
  for (let k = 0; k < end; k++) if (toks[k]!.kind === T_QUOTE) return true;
  return false;
}
