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

const MAX_TITLE_WORDS = 8;
const MAX_TITLE_CHARS = 120;

/** Whether the quoted stretch names a work or a label rather than reporting speech. */
export function isTitleQuote(text: string, quote: Span, content: Span): boolean {
  if (content.end - content.start > MAX_TITLE_CHARS) return false;
  if (!isTitleCase(text.slice(content.start, content.end))) return false;
  const before = wordBefore(text, quote.start);
  if (WORK_NOUNS.has(before.toLowerCase()) || isCapitalisedPossessive(before)) return true;
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

/** The word before `at`, skipping white space and one comma or colon. */
function wordBefore(text: string, at: number): string {
  let e = at;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  if (e > 0 && (text[e - 1] === ',' || text[e - 1] === ':')) e--;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  let s = e;
  while (s > 0 && /[\p{L}\p{N}’'.&-]/u.test(text[s - 1]!)) s--;
  return text.slice(s, e);
}

/** The word after `at`, skipping white space. */
function wordAfter(text: string, at: number): string {
  let s = at;
  while (s < text.length && (text[s] === ' ' || text[s] === '\t')) s++;
  let e = s;
  while (e < text.length && /[\p{L}-]/u.test(text[e]!)) e++;
  return text.slice(s, e);
}
