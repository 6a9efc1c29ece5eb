// The speaker mention next to a cue: the subject before it or the inverted subject after it, past
// asides, time phrases, datelines and sentence adverbs.
import type { Span } from '../types';
import { T_PUNCT, T_QUOTE, T_WORD, type Tok, tokenAt } from './tokens';
import { CARRIERS, CUE_WORDS, DETERMINERS, FORESEEING, HEAD_PREPOSITIONS, INTRO, IRREGULAR_PAST, LY_NOUNS, NOUN_MARKERS, PRONOUNS, RELATIVES, RETORT, STOP, isNegation, isPronoun, isWeekday, skippableBeforeCue, TIME_TAILS } from './words';

// Longest speaker mention, in words.
export const MAX_NP = 9;

/** The speaker written before the cue: "Kremlin aide Yuri Ushakov [was quoted as saying]". */
export function subjectBefore(toks: Tok[], cueFrom: number, floor: number, depth = 0, noSkip = false): Span | null {
  let k = cueFrom - 1;
  for (let phrases = 0; !noSkip && phrases < 3; phrases++) {
    while (k >= floor && skippableBeforeCue(toks[k]!)) k--;
    // "Trump at the time said", "Beck, who has in the past described": a time phrase between
    // subject and verb is skipped like an adverb.
    const p = timePhraseStart(toks, k, floor);
    if (p >= 0) {
      k = p - 1;
      continue;
    }
    // "officials started to portray", "he went on to say": the verb before "to" is the subject's.
    if (k - 1 >= floor && toks[k]!.lower === 'to' && LEAD_IN_VERBS.has(toks[k - 1]!.lower)) {
      k -= toks[k - 1]!.lower === 'on' ? 3 : 2;
      continue;
    }
    break;
  }
  if (k < floor || toks[k]!.kind !== T_WORD) return null;
  if (isPronoun(toks[k]!) || isRelativeSubject(toks, k)) {
    const p = toks[k]!;
    return { start: p.start, end: p.end };
  }
  const last = k;
  let first = k + 1;
  while (k >= floor && last - k < MAX_NP) {
    const t = toks[k]!;
    if (t.kind !== T_WORD) break;
    if (CUE_WORDS.has(t.lower) && k !== last) break;
    // "what’s today called": a contracted clause opener is never inside a mention.
    if (EXPLETIVES.has(t.lower) || /^(what|who|where|how|which)['’]s$/.test(t.lower)) break;
    // "Ruiz issued a statement": a verb before a determiner ends the phrase, which is its object.
    if (k !== last && !t.cap && (t.lower.endsWith('ed') || IRREGULAR_PAST.has(t.lower)) && DETERMINERS.has(toks[k + 1]!.lower)) {
      // Before a noun of saying ("Sanders delivered a snappy retort", "the crowd reprised the
      // chant") the verb's subject spoke; a participle's caller decides about objects itself.
      if (depth < 2) return subjectBefore(toks, k, floor, 2);
      break;
    }
    // A capitalised stop word inside the clause is a name: "Will Doyle", "May Smith".
    if (isNegation(t.lower) || (STOP.has(t.lower) && !(t.cap && k > floor && toks[k + 1]?.cap && k < last)) || PRONOUNS.has(t.lower)) {
      // "Moscow and Pyongyang", "Joel Pollak of Breitbart California": joiners between names.
      const left = toks[k - 1];
      if ((t.lower === 'of' || t.lower === 'and' || t.lower === 'for') && left && left.kind === T_WORD && left.cap && toks[k + 1]?.cap) {
        k--;
        continue;
      }
      break;
    }
    if (t.lower === 'and' || t.lower === 'of' || t.lower === 'for') {
      const left = toks[k - 1];
      if (!(left && left.kind === T_WORD && left.cap && toks[k + 1]?.cap)) break;
    }
    first = k;
    k--;
  }
  // A mention starts with a name, a determiner or a noun, never with a bare joiner.
  while (first <= last && /^(and|of|for)$/.test(toks[first]!.lower)) first++;
  if (first > last) return null;
  while (first <= last && openingAdverb(toks, first)) first++;
  if (first > last) return null;
  // "to discuss internal strategy said", "will focus", "they believe speak": a lower-case word after
  // "to", a modal or a subject pronoun is a verb, so the phrase is no subject.
  const lead = toks[first - 1];
  if (lead && lead.kind === T_WORD && !toks[first]!.cap && !DETERMINERS.has(toks[first]!.lower) && (lead.lower === 'to' || FORESEEING.has(lead.lower) || (isPronoun(lead) && lead.lower !== 'it' && lead.lower !== 'you'))) return null;
  if (verbOpening(toks, first, last)) {
    // "those surveyed said": the pronoun before the participle is the head.
    if (toks[first - 1]?.lower === 'those' && first === last) return { start: toks[first - 1]!.start, end: toks[last]!.end };
    // "the guru who founded the site tweeted": the relative pronoun is the verb's subject.
    if (first - 1 >= floor && isRelativeSubject(toks, first - 1)) return { start: toks[first - 1]!.start, end: toks[first - 1]!.end };
    return null;
  }
  // Lower-case-only runs longer than a few words are more likely clause text than a description.
  let capCount = 0;
  for (let j = first; j <= last; j++) if (toks[j]!.cap) capCount++;
  if (capCount === 0 && last - first >= 4) return null;
  // "A spokesman for the campaign said", "Trump at the time said": the phrase found follows a
  // preposition, and the head noun before it is the speaker; the mention covers both.
  const prep = toks[first - 1];
  if (prep && first - 1 > floor && HEAD_PREPOSITIONS.has(prep.lower) && !prep.cap && depth < 2) {
    const head = toks[first - 2]!;
    if (head.kind === T_WORD && !STOP.has(head.lower) && !CUE_WORDS.has(head.lower) && !PRONOUNS.has(head.lower) && !isNegation(head.lower) && !(head.lower.endsWith('ed') && !head.cap)) {
      const outer = subjectBefore(toks, first - 1, floor, depth + 1, true);
      if (outer) return { start: outer.start, end: toks[last]!.end };
    }
  }
  return { start: toks[first]!.start, end: toks[last]!.end };
}

// Adverbs that open a sentence ("First, she …", "Likewise, a paper …", "Even before …").
const OPENING_ADVERBS = new Set(['first', 'even', 'likewise', 'instead', 'meanwhile', 'finally', 'similarly', 'moreover', 'indeed', 'still', 'yet', 'then', 'later', 'now', 'again', 'however', 'also', 'recently', 'previously', 'earlier', 'already', 'eventually', 'ultimately', 'afterward', 'afterwards', 'otherwise', 'thus', 'hence', 'initially']);

/** A capitalised sentence adverb, or "Most" before one ("Most recently"): no part of a mention. */
function openingAdverb(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  if (t.kind !== T_WORD || !t.cap) return false;
  // "Early in his campaign," but "Early described it" (a name).
  if (t.lower === 'early') return toks[k + 1]?.lower === 'in' || toks[k + 1]?.lower === ',';
  if (OPENING_ADVERBS.has(t.lower)) return true;
  if (/(edly|ously|ively|fully)$/.test(t.lower)) return true;
  // "Hastily politicizing the tragedy, …": an -ly word before a participle.
  const next = toks[k + 1];
  if (t.lower.endsWith('ly') && next && next.kind === T_WORD && !next.cap && next.lower.endsWith('ing')) return true;
  return t.lower === 'most' && /ly$/.test(toks[k + 1]?.lower ?? '');
}

/**
 * A phrase opening with a verb rather than a noun: "issued a statement", "performing a popular play",
 * "who founded the site", a lone "surveyed". A modifier before a name or a noun stays ("retired
 * Gen. Mick Lee", "unnamed officials").
 */
function verbOpening(toks: Tok[], first: number, last: number): boolean {
  const t = toks[first]!;
  if (t.cap || !(t.lower.endsWith('ed') || t.lower.endsWith('ing') || IRREGULAR_PAST.has(t.lower))) return false;
  if (t.lower.endsWith('ing') && t.lower.length <= 5) return false;
  if (first === last) return true;
  const next = toks[first + 1]!;
  const prev = toks[first - 1];
  return DETERMINERS.has(next.lower) || NOUN_MARKERS.has(next.lower) || (!!prev && RELATIVES.has(prev.lower));
}

// Verbs taking the verb of saying as an infinitive: "began to describe", "went on to say".
const LEAD_IN_VERBS = new Set(
  `started starts start begin begins began begun continued continues tried tries try decided decides
  appeared appears seemed seems chose chooses went goes on wanted wants sought seeks rushed moved`.split(/\s+/),
);

// Nouns of time that, with a preposition, make an adverbial phrase: "at the time", "in recent weeks".
const TIME_NOUNS = new Set(
  `past time times moment week weeks month months year years day days night weekend morning afternoon evening decade
  decades while interview interviews statement speech`.split(/\s+/),
);
const TIME_PREPOSITIONS = new Set(['in', 'at', 'for', 'over', 'during', 'on', 'earlier', 'later']);
const TIME_DETERMINERS = new Set(['last', 'this', 'that', 'next', 'recent']);

/**
 * Start of a time phrase ending at token `end` ("at the time", "in the past", "in recent weeks",
 * "last week", "in 2008", "in an interview"), or -1. Lower-case words only, at most four.
 */
function timePhraseStart(toks: Tok[], end: number, floor: number): number {
  const last = toks[end];
  if (!last || end < floor || last.kind !== T_WORD || last.cap) return -1;
  if (last.lower === 'ago') return agoPhraseStart(toks, end, floor);
  const year = /^(1[89]|20)\d\d$/.test(last.lower);
  if (!TIME_NOUNS.has(last.lower) && !year) return -1;
  for (let k = end - 1; k >= floor && k >= end - 3; k--) {
    const t = toks[k]!;
    if (t.kind !== T_WORD || t.cap) return -1;
    if (TIME_PREPOSITIONS.has(t.lower)) return k;
    if (TIME_DETERMINERS.has(t.lower) && k === end - 1 && !year) return k;
    if (!DETERMINERS.has(t.lower) && !TIME_DETERMINERS.has(t.lower) && !/^(first|same|early|the)$/.test(t.lower)) return -1;
  }
  return -1;
}

/** "two weeks ago", "less than a year ago": start of the phrase ending in "ago" at `end`, or -1. */
function agoPhraseStart(toks: Tok[], end: number, floor: number): number {
  let k = end - 1;
  if (k < floor || !TIME_NOUNS.has(toks[k]!.lower)) return -1;
  while (k - 1 >= floor && end - k < 6 && toks[k - 1]!.kind === T_WORD && !toks[k - 1]!.cap && AGO_WORDS.test(toks[k - 1]!.lower)) k--;
  return k < end - 1 ? k : -1;
}
const AGO_WORDS = /^(\d+|a|an|few|several|many|some|two|three|four|five|six|seven|eight|nine|ten|less|more|than|about|nearly|almost|just|only|over|under)$/;

/**
 * "who" or "which" opening a relative clause whose verb is the cue: "Obama, who called". The pronoun is the mention; the speaker linker resolves it to the noun before.
 */
function isRelativeSubject(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  if (!RELATIVES.has(t.lower) || t.cap) return false;
  const before = toks[k - 1];
  if (!before) return false;
  // Without a comma the clause restricts a noun ("a surrogate who said"), and the news convention
  // credits the sentence's own subject; a clause set off by a comma describes a speaker of its own.
  // A dash or a parenthesis sets a clause off as a comma does: "Trump - who previously said".
  return t.lower !== 'that' && (before.lower === ',' || before.lower === '-' || before.lower === '—' || before.lower === '–' || before.lower === '(');
}

/** The speaker written after the cue: "said Leif-Eric Easley, professor…", "according to Kremlin officials". */
export function subjectAfter(toks: Tok[], cueTo: number, ceil: number): Span | null {
  let k = cueTo;
  if (k >= ceil || toks[k]!.kind !== T_WORD) return null;
  if (isPronoun(toks[k]!)) return { start: toks[k]!.start, end: toks[k]!.end };
  // "Now Donald Trump …", "Instead, he was …": the subject follows the opening adverb.
  if (openingAdverb(toks, k)) {
    k++;
    if (toks[k]?.lower === ',') k++;
    return k < ceil && !openingAdverb(toks, k) ? subjectAfter(toks, k, ceil) : null;
  }
  const first = k;
  let last = -1;
  while (k < ceil && k - first < MAX_NP) {
    const t = toks[k]!;
    if (t.kind !== T_WORD) break;
    // A past-tense verb or a negation ends the phrase ("Rick Santorum turned", "the results aren’t"),
    // unless a determiner makes it a modifier ("a retired general").
    if (k > first && !t.cap && (isNegation(t.lower) || ((t.lower.endsWith('ed') || IRREGULAR_PAST.has(t.lower)) && !DETERMINERS.has(toks[k - 1]!.lower) && !(k - 1 > first && afterHeadAdverb(toks[k - 1]!))))) break;
    // An adverb or a retort after the head ends the phrase ("Clinton immediately posted", "Trump
    // later blamed", "Trump shot back"), unless a determiner makes it a modifier ("a previously
    // undisclosed email").
    if (k > first && !t.cap && (afterHeadAdverb(t) || (RETORT.has(t.lower) && toks[k + 1]?.lower === 'back')) && !DETERMINERS.has(toks[k - 1]!.lower)) break;
    // "Mr. Trump tries to turn …", "Clinton shook her head": a lower-case word before an
    // infinitive or the start of an object is the clause's verb.
    if (k > first && !t.cap && verbByWhatFollows(toks, k)) break;
    const nameLike = t.cap && k === first && !isWeekday(t.lower) && !PRONOUNS.has(t.lower) && !EXPLETIVES.has(t.lower) && t.lower !== 'last' && t.lower !== 'this';
    // "Today" after a capitalised word is part of a name ("USA Today").
    const timeWord = /^(yesterday|today|tonight|last)$/.test(t.lower) && !(t.cap && k > first && toks[k - 1]!.cap);
    if (!nameLike && (STOP.has(t.lower) || EXPLETIVES.has(t.lower) || CUE_WORDS.has(t.lower) || isWeekday(t.lower) || timeWord)) {
      const right = toks[k + 1];
      if ((t.lower === 'of' || t.lower === 'for') && right && right.kind === T_WORD && (right.cap || right.lower === 'the')) {
        k++;
        continue;
      }
      if ((t.lower === 'by' || t.lower === 'from') && last >= 0 && CARRIERS.has(toks[last]!.lower)) {
        return subjectAfter(toks, k + 1, ceil);
      }
      break;
    }
    last = k;
    k++;
  }
  if (last < 0) return null;
  const c0 = toks[first]!.lower.charCodeAt(0);
  if (!toks[first]!.cap && !DETERMINERS.has(toks[first]!.lower) && !(c0 >= 48 && c0 <= 57)) {
    // "former Rep. George Miller", "retired Sen. Judd Gregg": a modifier before a name.
    let named = false;
    for (let j = first + 1; j <= last; j++) if (toks[j]!.cap) named = true;
    if (!named) return null;
  }
  return { start: toks[first]!.start, end: toks[last]!.end };
}

const OBJECT_STARTS = new Set(['him', 'her', 'them', 'his', 'their', 'its', 'many', 'some', 'no']);

/** Whether the lower-case word at `k` inside a phrase reads as a verb from the words after it. */
function verbByWhatFollows(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  const next = toks[k + 1];
  if (!next || next.kind !== T_WORD || next.cap || STOP.has(t.lower) || HEAD_PREPOSITIONS.has(t.lower) || t.lower === 'and' || t.lower === 'or') return false;
  // "Trump tries to turn": a third-person verb right after a name, before an infinitive.
  if (next.lower === 'to') return toks[k - 1]!.cap && /[^s]s$/.test(t.lower) && toks[k + 2]?.kind === T_WORD && !toks[k + 2]!.cap && !NOUN_MARKERS.has(toks[k + 2]!.lower);
  return NOUN_MARKERS.has(next.lower) || OBJECT_STARTS.has(next.lower);
}

// Adverbs that follow a subject before its verb; "-ly" words other than nouns count as well.
const HEAD_ADVERBS = new Set(['later', 'earlier', 'however', 'both', 'also', 'then', 'subsequently', 'once', 'again', 'still', 'meanwhile', 'instead', 'never', 'often', 'first']);

// "There’s still time for Cruz": an expletive opening a clause is no subject.
const EXPLETIVES = new Set(['there', 'there’s', "there's", 'it’s', "it's", 'that’s', "that's", 'here’s', "here's"]);

function afterHeadAdverb(t: Tok): boolean {
  const w = t.lower;
  return HEAD_ADVERBS.has(w) || (w.length > 3 && w.endsWith('ly') && !LY_NOUNS.has(w));
}

/**
 * The subject before an aside set off by commas between it and the verb: "Trump, in Kentucky,
 * said", "the leadership, who, on a press call Friday, criticized". The aside opens with a
 * preposition and has no verb of saying.
 */
export function subjectBeforeAside(toks: Tok[], cueFrom: number): Span | null {
  if (toks[cueFrom - 1]?.lower !== ',') return null;
  let k = cueFrom - 2;
  while (k >= 0 && cueFrom - 2 - k < 8 && toks[k]!.kind === T_WORD && !CUE_WORDS.has(toks[k]!.lower)) k--;
  const open = toks[k];
  const first = toks[k + 1];
  if (!open || open.lower !== ',' || !first || k + 1 > cueFrom - 2 || !ASIDE_OPENERS.has(first.lower)) return null;
  if (isRelativeSubject(toks, k - 1)) return { start: toks[k - 1]!.start, end: toks[k - 1]!.end };
  let floor = k - 1;
  while (floor >= 0 && toks[floor]!.kind === T_WORD) floor--;
  return subjectBefore(toks, k, floor + 1);
}

// Prepositions opening an aside between a subject and its verb.
const ASIDE_OPENERS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'from', 'speaking', 'like', 'unlike', 'meanwhile', 'however', 'too', 'though', 'for', 'once', 'again', 'also', 'instead']);

/** Number of tokens a span covers. */
export function spanWords(toks: Tok[], sp: Span): number {
  let n = 0;
  for (let k = tokenAt(toks, sp.start); k >= 0 && k < toks.length && toks[k]!.start < sp.end; k++) n++;
  return n;
}

// Words after which a noun phrase is the subject of a participle or a clause ("with Gorka noting").
const SUBJECT_OPENERS = new Set(['with', 'without', 'and', 'but', 'or', 'while', 'as', 'when', 'because', 'after', 'before', 'since', 'though', 'although', 'if', 'so', 'yet', 'whereas', 'then']);
export const PROGRESSIVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'am']);

/**
 * Whether the phrase found before a participle cue is an object in the clause ("posted a message on
 * Twitter reading", "emailed supporters saying") rather than the participle's own subject ("with
 * Gorka noting") or the subject of a progressive verb ("the campaign is claiming").
 */
export function objectBefore(toks: Tok[], cueFrom: number, np: Span): boolean {
  const aux = toks[cueFrom - 1];
  if (aux && PROGRESSIVE.has(aux.lower)) return false;
  const k = tokenAt(toks, np.start);
  const left = toks[k - 1];
  return !!left && left.kind === T_WORD && !SUBJECT_OPENERS.has(left.lower);
}

/** The subject at the start of the clause holding token `at`: after the last quote or sentence start. */
export function clauseSubject(toks: Tok[], at: number): Span | null {
  let k = at - 1;
  while (k >= 0 && toks[k]!.kind !== T_QUOTE && toks[k]!.lower !== ';' && toks[k]!.lower !== ':') k--;
  // A quote ending the clause right before a participle ("a defense of “New York values,” saying")
  // is part of that clause: its subject lies before the quote.
  if (k > 0 && toks[k]!.kind === T_QUOTE && k >= at - 2 && toks[at]!.lower.endsWith('ing')) {
    k--;
    while (k >= 0 && toks[k]!.kind !== T_QUOTE && toks[k]!.lower !== ';' && toks[k]!.lower !== ':') k--;
  }
  let start = afterDateline(toks, k + 1, at);
  for (let tries = 0; tries < 2; tries++) {
    while (start < at && toks[start]!.kind === T_PUNCT) start++;
    while (start < at && /^(and|but|so|then|yet|still|indeed|also|meanwhile|however)$/.test(toks[start]!.lower)) start++;
    while (start < at && toks[start]!.kind === T_PUNCT) start++;
    if (start >= at) return null;
    const t = toks[start]!;
    // An introductory clause ("When he returned, …", "In a statement, …", "Hours later, …"): the
    // subject follows its comma.
    let c = start;
    while (c < at && toks[c]!.lower !== ',') c++;
    const intro = (STOP.has(t.lower) && !PRONOUNS.has(t.lower)) || INTRO.has(t.lower) || (t.cap && /(ed|ing)$/.test(t.lower) && !toks[start + 1]?.cap) || (c < at && c - start <= 4 && TIME_TAILS.has(toks[c - 1]!.lower));
    if (intro) {
      if (c >= at) return null;
      start = skipPlaceTail(toks, c, at);
      continue;
    }
    return subjectAfter(toks, start, at);
  }
  return null;
}

/**
 * After the comma closing an introductory phrase that ends in a place, the rest of the place name
 * ("Speaking in Salem, New Hampshire, Trump went …"): skipped when a capitalised subject follows.
 */
function skipPlaceTail(toks: Tok[], comma: number, at: number): number {
  const placeEnd = toks[comma - 1];
  if (!placeEnd || !placeEnd.cap) return comma + 1;
  let j = comma + 1;
  while (j < at && j - comma <= 3 && toks[j]!.kind === T_WORD && toks[j]!.cap) j++;
  const next = toks[j + 1];
  // "After his rally in San Jose, California the candidate went": a determiner opens the subject.
  if (j > comma + 1 && j < at && toks[j]!.kind === T_WORD && !toks[j]!.cap && (toks[j]!.lower === 'the' || toks[j]!.lower === 'a')) return j;
  if (j > comma + 1 && j < at && toks[j]!.lower === ',' && next && next.kind === T_WORD && next.cap && !DETERMINERS.has(next.lower) && j + 1 < at) return j + 1;
  return comma + 1;
}

/**
 * Past a dateline opening the paragraph: "WASHINGTON (AP) — ", "Washington (AFP) – ",
 * "LA CROSSE, Wisc. — ". Only capitalised words, commas and numbers may come before the dash.
 */
function afterDateline(toks: Tok[], start: number, at: number): number {
  for (let j = start; j < at && j < start + 8; j++) {
    const t = toks[j]!;
    if (t.kind === T_PUNCT && (t.lower === '—' || t.lower === '–' || t.lower === '-')) return j > start ? j + 1 : start;
    const placeWord = t.kind === T_WORD && (t.cap || (t.lower.charCodeAt(0) >= 48 && t.lower.charCodeAt(0) <= 57)) && !STOP.has(t.lower) && !INTRO.has(t.lower) && !isWeekday(t.lower);
    if (!placeWord && t.lower !== ',' && t.lower !== '.') return start;
  }
  return start;
}
