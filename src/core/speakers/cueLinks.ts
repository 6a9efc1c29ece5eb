// What links a candidate to a quote through the words around it: the word on either side of the
// candidate, a verb of saying next to it or between it and the quote, "according to", a colon
// introduction. Read by the candidate filter (candidates.ts), which must decide before features are
// made, and by the features (features.ts), so both read the same words the same way.
import type { Span } from '../types';
import { CUE_WORDS } from '../attribution/words';
import { hashSetOf } from '../text/hashTable';
import { hashRange, hashString } from '../text/tokenize';

export const PREPOSITIONS = new Set(['of', 'for', 'to', 'with', 'about', 'from', 'against', 'on', 'at', 'in', 'than', 'like', 'and', 'or']);
// Cue verbs common enough to be weighed each on its own; the rest count as "a cue".
const COMMON_CUES = new Set(['said', 'says', 'told', 'added', 'wrote', 'asked', 'explained', 'continued', 'according', 'tweeted', 'noted', 'argued', 'called', 'insisted', 'declared', 'stated']);

export const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 160;

/** The next word after `pos` (lower case) or the punctuation mark found first; '' at a line end. */
export function nextToken(text: string, pos: number): string {
  let i = pos;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i >= text.length || text[i] === '\n') return '';
  if (!isLetter(text.charCodeAt(i))) return text[i]!;
  let j = i;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  return text.slice(i, j).toLowerCase();
}

/** The word before `pos` (lower case) or the punctuation mark found first; '' at a line start. */
export function prevToken(text: string, pos: number): string {
  let i = pos;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  if (i <= 0 || text[i - 1] === '\n') return '';
  if (!isLetter(text.charCodeAt(i - 1))) return text[i - 1]!;
  let j = i;
  while (j > 0 && isLetter(text.charCodeAt(j - 1))) j--;
  return text.slice(j, i).toLowerCase();
}

/** Where the word before `pos` starts. */
export function startOfPrevWord(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  while (i > 0 && isLetter(text.charCodeAt(i - 1))) i--;
  return i;
}

/** A verb of saying as a feature value: itself when common, else 'cue'; null for any other word. */
export function cueName(w: string): string | null {
  if (COMMON_CUES.has(w)) return w;
  return CUE_WORDS.has(w) ? 'cue' : null;
}

// The hashes of the cue words let cueIn pass over the other words without making a lower-cased
// string of each (CUE_WORDS is complete once its module has run).
const CUE_HASHES = hashSetOf([...CUE_WORDS].map(hashString));

/** Whether a cue verb stands between two positions (looked at only across a short gap). */
export function cueIn(text: string, from: number, to: number): boolean {
  if (to - from > 120) return false;
  let i = from;
  while (i < to) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && isLetter(text.charCodeAt(i))) i++;
    if (i - start > 2 && CUE_HASHES.has(hashRange(text, start, i)) && CUE_WORDS.has(text.slice(start, i).toLowerCase())) return true;
  }
  return false;
}

export interface CueLinks {
  /** The word (or mark) right after and right before the candidate. */
  next: string;
  prev: string;
  /** Those words as verbs of saying (cueName), if they are. */
  nextCue: string | null;
  prevCue: string | null;
  /** "according to" the candidate. */
  accordingTo: boolean;
  /** The candidate introduces the quote after it with a colon. */
  colonIntro: boolean;
  /** A verb of saying stands between the candidate and the quote. */
  cueBetween: boolean;
}

/** How the words around a candidate (before or after the quote, never inside it) tie it to the quote. */
export function cueLinks(text: string, quote: Span, c: Span): CueLinks {
  const next = nextToken(text, c.end);
  const prev = prevToken(text, c.start);
  const nextCue = cueName(next);
  const prevCue = cueName(prev);
  const accordingTo = !prevCue && prev === 'to' && prevToken(text, startOfPrevWord(text, c.start)) === 'according';
  const before = c.end <= quote.start;
  const colonIntro = before && quote.start - c.end < 200 && /:\s*$/.test(text.slice(c.end, quote.start));
  const cueBetween = before ? cueIn(text, c.end, quote.start) : cueIn(text, quote.end, c.start);
  return { next, prev, nextCue, prevCue, accordingTo, colonIntro, cueBetween };
}

/** No verb of saying ties the candidate to the quote: none next to it, none between, no "according to", no colon. */
export function noCue(l: CueLinks): boolean {
  return !l.nextCue && !l.prevCue && !l.cueBetween && !l.accordingTo && !l.colonIntro;
}

/**
 * A noun governed by a preposition with no verb of saying near it ("with signs of “Welcome
 * home!”"): without a verb of saying only the subject of a sentence can be a quote's source, so
 * this is no candidate (candidates.ts); the rules' own pick is never dropped, and weighs it as a feature.
 */
export function governedWithoutCue(text: string, quote: Span, c: Span): boolean {
  // The preposition first: most candidates stop there, without reading the gap to the quote.
  if (!PREPOSITIONS.has(prevToken(text, c.start))) return false;
  return noCue(cueLinks(text, quote, c));
}
