// Turns a sentence into the terms two reports of the same fact are likely to share: content words
// (lower-cased, stop-words dropped, lightly stemmed so "visited"/"visits"/"visit" meet), and
// normalised numbers and dates ("nine" = "9", "Tuesday" = "day:tue", "1961" = "year:1961"), so
// "first trip in 24 years" and "first to North Korea in 24 years" share "ord:1", "num:24", "year".
import { scanWords, SpellingTable } from './wordTokens';

/** A number, date or ordinal found in a sentence, with the word it counts when there is one. */
export interface Quantity {
  /** The normalised term: "num:24", "year:1961", "day:tue", "month:9", "ord:1". */
  term: string;
  /** "num", "year", "day", "month" or "ord". */
  kind: string;
  /** The stemmed word after a plain number ("years", "people"), so "24 years" only conflicts with another count of years. */
  unit: string;
  /** The words as written, for reports. */
  text: string;
}

export interface SentenceTerms {
  words: string[];
  quantities: Quantity[];
}

/** A lookup table without Object.prototype behind it: "constructor" is a word, not a key. */
function table<V>(entries: Record<string, V>): Map<string, V> {
  return new Map(Object.entries(entries));
}

const STOP_WORDS = new Set(
  (
    'a an the and or but nor so yet for of to in on at by with from as into onto over under about after before since until ' +
    'than then that this these those there here who whom whose which what when where why how is are was were be been being ' +
    'am has have had having do does did doing will would shall should can could may might must it its it’s he him his she her ' +
    'hers they them their theirs we us our ours you your i me my mine also not no only just very more most such own same ' +
    'other another any each every both all some few many much said says say told according while if because though although ' +
    'through during between among against up down out off again further once whether either neither per via upon within without ' +
    'now even still however just mr mrs ms new one'
  ).split(/\s+/),
);

const NUMBER_WORDS = table<number>({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
});

const ORDINALS = table<number>({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: -1,
});

const WEEKDAYS = table<string>({
  monday: 'mon', tuesday: 'tue', wednesday: 'wed', thursday: 'thu', friday: 'fri', saturday: 'sat', sunday: 'sun',
});

const MONTHS = table<number>({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
});

// British and American spellings of the words news copy uses most.
const SPELLING = table<string>({
  programme: 'program', defence: 'defense', honour: 'honor', offence: 'offense', favour: 'favor', labour: 'labor',
  centre: 'center', organisation: 'organization', travelled: 'traveled', traveller: 'traveler',
});

// Words news copy uses interchangeably for the same event, folded onto one term after stemming, so
// "trip" meets "visit" and "assistance" meets "help". Kept short: each entry is a near synonym.
const SAME_AS = table<string>({
  trip: 'visit', travel: 'visit', traveled: 'visit', tour: 'visit', arriv: 'visit',
  provid: 'supply', supply: 'supply', send: 'supply', sent: 'supply', deliver: 'supply',
  assistance: 'help', assist: 'help', aid: 'help',
  accusation: 'accus', accus: 'accus',
  agreement: 'treaty', pact: 'treaty', deal: 'treaty',
});

// Words before a number word that make it point back rather than count.
const ANAPHORIC_BEFORE = new Set(['the', 'these', 'those', 'both', 'its', 'their', 'his', 'her', 'our', 'all']);

// Words before a short month name that make it a date ("in May", "since March").
const MONTH_PREPOSITIONS = new Set(['in', 'on', 'since', 'by', 'until', 'from', 'early', 'late', 'mid', 'last', 'next', 'this', 'of']);

// Word tokens are what /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?/gu matches (wordTokens.ts reads them).

/** Light suffix stripping: enough to meet inflections, never so much that unrelated words collide. */
export function stem(word: string): string {
  let w = SPELLING.get(word) ?? word;
  if (w.endsWith('’s') || w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ations') && w.length > 9) w = w.slice(0, -6);
  else if (w.endsWith('ation') && w.length > 8) w = w.slice(0, -5);
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  // Doubled final consonant left by -ed/-ing: "planned" -> "plann" -> "plan".
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[aeiouls]/.test(w[w.length - 1]!)) w = w.slice(0, -1);
  return w;
}

export function isStopWord(lowerWord: string): boolean {
  return STOP_WORDS.has(lowerWord);
}

/** Content words and quantities of one sentence. */
export function sentenceTerms(sentence: string): SentenceTerms {
  const words: string[] = [];
  const quantities: Quantity[] = [];
  const tokens = tokenInfos(sentence);
  const tokenAt = (k: number): string | undefined => tokens[k]?.raw;
  for (let i = 0; i < tokens.length; i++) {
    const info = tokens[i]!;
    const q = info.mayCount ? quantityOf(info.raw, info.lower, tokenAt, i) : null;
    if (q) {
      quantities.push(q);
      continue;
    }
    for (const t of info.terms) words.push(t);
  }
  return { words, quantities };
}

/** What a token's spelling alone says: looked up once per spelling, not once per table. */
interface TokenInfo {
  /** The token as written, a final full stop dropped. */
  raw: string;
  lower: string;
  /** The terms it gives as a content word. */
  terms: readonly string[];
  /** Whether it can be a quantity: it starts with a digit or is in one of the number, ordinal, weekday or month tables. */
  mayCount: boolean;
}

// Words repeat across a workspace far more than they vary: reading each spelling once saves most
// of the work of indexing. Bounded, so a workspace of odd tokens cannot grow it without end.
const spellings = new SpellingTable<TokenInfo>((raw) => {
  const lower = raw.toLowerCase();
  const c = raw.charCodeAt(0);
  const mayCount = (c >= 48 && c <= 57) || NUMBER_WORDS.has(lower) || ORDINALS.has(lower) || WEEKDAYS.has(lower) || MONTHS.has(lower);
  return { raw, lower, terms: wordTerms(lower), mayCount };
}, 200_000);

/** The word tokens of a text (a final full stop dropped), each with what its spelling says. */
function tokenInfos(text: string): TokenInfo[] {
  const out: TokenInfo[] = [];
  scanWords(text, 0, text.length, (start, end) => out.push(spellings.get(text, start, end)));
  return out;
}

/** The word tokens of a text as written, a final full stop dropped ("U.S." is "U.S"). */
export function wordTokens(text: string): string[] {
  return tokenInfos(text).map((t) => t.raw);
}

/**
 * Each content word of a sentence as written, with the term it gives: for saying in plain words
 * which terms two statements share ("sanctioned" rather than "sanction").
 */
export function surfaceTerms(sentence: string): [term: string, surface: string][] {
  const out: [string, string][] = [];
  for (const info of tokenInfos(sentence)) for (const t of info.terms) out.push([t, info.raw]);
  return out;
}

function wordTerms(lower: string): readonly string[] {
  if (STOP_WORDS.has(lower)) return [];
  // Split hyphenated compounds too ("most-sanctioned" meets "sanctioned", "Soviet-era" meets "Soviet").
  const parts = lower.includes('-') ? lower.split('-') : [lower];
  const out: string[] = [];
  for (const p of parts) {
    const clean = p.replace(/[.'’]/g, '');
    if (clean.length < 2 || STOP_WORDS.has(clean)) continue;
    const st = stem(clean);
    out.push(SAME_AS.get(clean) ?? SAME_AS.get(st) ?? st);
  }
  return out;
}

function quantityOf(raw: string, lower: string, tokenAt: (k: number) => string | undefined, i: number): Quantity | null {
  const c = raw.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    if (/^\d[\d,]*(?:\.\d+)?$/.test(raw)) {
      const value = Number(raw.replace(/,/g, ''));
      if (raw.length === 4 && value >= 1800 && value <= 2100 && !raw.includes(',')) return { term: `year:${value}`, kind: 'year', unit: '', text: raw };
      return counted(`num:${value}`, raw, tokenAt(i + 1));
    }
    if (/^\d{4}s$/.test(lower)) return { term: `decade:${lower}`, kind: 'year', unit: '', text: raw };
    return null;
  }
  // Every other quantity is a word from one of the tables: one cheap look-up rules most words out.
  const n = NUMBER_WORDS.get(lower);
  // "one" is too often a pronoun ("one of the few") to count on its own, and a small number after a
  // definite word points back at things already named ("the two countries", "these three men"): neither counts.
  if (n !== undefined) return lower === 'one' || ANAPHORIC_BEFORE.has(tokenAt(i - 1)?.toLowerCase() ?? '') ? null : counted(`num:${n}`, raw, tokenAt(i + 1));
  const o = ORDINALS.get(lower);
  if (o !== undefined) return lower === 'last' ? null : { term: `ord:${o}`, kind: 'ord', unit: '', text: raw };
  const d = WEEKDAYS.get(lower);
  if (d) return { term: `day:${d}`, kind: 'day', unit: '', text: raw };
  // Month names only when capitalised ("May" the month, not "may" the verb), and short ones only
  // where a date is likely.
  const month = MONTHS.get(lower);
  if (month !== undefined && c >= 65 && c <= 90) {
    const sure = lower.length > 4 || /^\d/.test(tokenAt(i + 1) ?? '') || MONTH_PREPOSITIONS.has(tokenAt(i - 1)?.toLowerCase() ?? '');
    if (sure || (lower.length > 3 && i > 0)) return { term: `month:${month}`, kind: 'month', unit: '', text: raw };
  }
  return null;
}

/** A number with the word it counts ("24 years"), when the next word is one. */
function counted(term: string, raw: string, next: string | undefined): Quantity {
  const unitWord = next && /^\p{L}/u.test(next) && !STOP_WORDS.has(next.toLowerCase()) ? next : '';
  return { term, kind: 'num', unit: unitWord ? stem(unitWord.toLowerCase()) : '', text: unitWord ? `${raw} ${unitWord}` : raw };
}
