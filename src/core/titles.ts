// Titles in quotation marks: the names of shows, films, books, ads and slogans (ABC’s “This Week”,
// a memo titled “The Facts”). They are quoted, but nobody said them, so they are not quotes: a
// reviewer should not see Clinton credited with “Good Morning America”.
import type { Span } from './types';

// Small words a title keeps in lower case ("Game of Thrones", "Orange is the New Black").
const TITLE_SMALL_WORDS = new Set('a an and as at by for from in is it of on or the to vs with'.split(' '));

// The word before the opening mark that names what follows as a work or a label.
const WORK_NOUNS = new Set(
  ('show shows program programme series film movie documentary book novel memoir song album play musical podcast ' +
    'column editorial essay article episode sitcom ad advert commercial spot memo hashtag initiative slogan ' +
    'titled entitled called dubbed nicknamed named').split(' '),
);

// The word after the closing mark that makes it a title: “Orange is the New Black” star.
const AFTER_NOUNS = new Set('star stars host hosts co-host actor actress creator producer episode season'.split(' '));

// Verbs whose object is a work or a programme: "edits “Eat The Press”", "hosted “The Apprentice”".
const WORK_VERBS = new Set('edits edited hosts hosted anchors anchored produces produced directed starred starring'.split(' '));

// "an appearance on “Meet the Press”", "stars in “Girls”": a preposition after a word that places
// someone on a programme or in a work.
const BEFORE_PREPOSITION = new Set(
  'appearance appearances appeared appearing interview interviews aired airing broadcast star stars starred starring'.split(' '),
);
const PLACING_PREPOSITIONS = new Set(['on', 'in', 'with']);

// Lower-case owners of a programme: "Fox News channel’s “Sunday Morning Futures”", "television’s “Scandal”".
const MEDIA_POSSESSIVE = /^(channel|network|television|station|radio|newspaper|magazine)['’]s$/i;

const MAX_TITLE_WORDS = 8;
const MAX_TITLE_CHARS = 120;

/** Whether the quoted stretch names a work or a label rather than reporting speech. */
export function isTitleQuote(text: string, quote: Span, content: Span): boolean {
  if (content.end - content.start > MAX_TITLE_CHARS) return false;
  if (!isTitleCase(text.slice(content.start, content.end))) return false;
  const beforeAt = wordStartBefore(text, quote.start);
  const before = text.slice(beforeAt, wordEndBefore(text, quote.start));
  const lower = before.toLowerCase();
  if (WORK_NOUNS.has(lower) || WORK_VERBS.has(lower) || isCapitalisedPossessive(before) || MEDIA_POSSESSIVE.test(before)) return true;
  if (PLACING_PREPOSITIONS.has(lower)) {
    const placing = text.slice(wordStartBefore(text, beforeAt), wordEndBefore(text, beforeAt)).toLowerCase();
    if (BEFORE_PREPOSITION.has(placing)) return true;
  }
  return AFTER_NOUNS.has(wordAfter(text, quote.end).toLowerCase());
}

/** Every word capitalised except small inner words, at most eight words, no clause inside. */
function isTitleCase(content: string): boolean {
  const words = content.replace(/[\s.,!?;:]+$/, '').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const c = w.charCodeAt(0);
    const capital = (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && w[0] !== w[0]!.toLowerCase());
    if (capital) continue;
    if (i === 0 || !TITLE_SMALL_WORDS.has(w.replace(/[^a-z]/g, ''))) return false;
  }
  return !/[.!?]\s+\S/.test(content);
}

// "CNN’s", "ABC's", "Fox News Channel’s": a programme of a broadcaster or a slogan of a person.
function isCapitalisedPossessive(word: string): boolean {
  return /^[A-Z][\w.&-]*['’]s$/.test(word);
}

/** Where the word before `at` ends, skipping white space and one comma or colon. */
function wordEndBefore(text: string, at: number): number {
  let e = at;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  if (e > 0 && (text[e - 1] === ',' || text[e - 1] === ':')) e--;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** Where the word before `at` starts. */
function wordStartBefore(text: string, at: number): number {
  let s = wordEndBefore(text, at);
  while (s > 0 && /[\p{L}\p{N}’'.&-]/u.test(text[s - 1]!)) s--;
  return s;
}

/** The word after `at`, skipping white space. */
function wordAfter(text: string, at: number): string {
  let s = at;
  while (s < text.length && (text[s] === ' ' || text[s] === '\t')) s++;
  let e = s;
  while (e < text.length && /[\p{L}-]/u.test(text[e]!)) e++;
  return text.slice(s, e);
}
