// Speaker attribution: for each quote, the attribution cue (said, told, according to, was quoted as
// saying…) and the speaker mention written next to it, before or after the quote, in either order
// ("Ushakov said" / "said Leif-Eric Easley"). Works on a bounded window of words around the quote
// (its own sentence, capped), so the cost per quote is constant whatever the input.
import type { Entity, Quote, Span, TextSpan } from './types';
import type { QuoteSpan } from './quotes';
import { linkSpeakers } from './pronouns';

// Characters of context looked at on each side of a quote.
const WINDOW = 320;
// Quotes on each side a window may reach across.
const NEAR_QUOTES = 3;
// Longest speaker mention, in words.
const MAX_NP = 9;

// Verbs of saying and their relatives (writing, naming, praising, accusing), as bare forms: every
// inflection (-s, -ed, -ing) is derived below, irregular past forms are listed with the base.
const CUE_VERBS = `say:said tell:told add write:wrote call dismiss warn ask explain note argue insist state declare claim continue
  reply respond recall announce boast vow urge describe acknowledge admit concede suggest predict promise tweet post observe
  remark conclude caution complain praise criticize criticise wish label dub brand term joke quip shout yell scream whisper
  pledge counter charge allege maintain emphasize emphasise stress reiterate confirm report wonder thunder lament muse testify
  plead chant sing:sang read:read blast slam decry tout hail deride mock proclaim demand opine echo exclaim confess reveal
  thank invite coin cite quote mention characterize recount assert contend retort brag vent rail attack applaud welcome
  denounce condemn reject ridicule deem question beg hope forecast:forecast disclose inform assure remind advise text email
  mutter remember interrupt accuse blame fume scoff snap:snapped sneer predict lash pen:penned repeat agree disagree write:written
  speak:spoke gush rave grumble insist summarize summarise implore estimate calculate answer promise guarantee
  show:shown find:found publish propose support oppose defend imply protest beam boom interject exult gripe bemoan chide
  scold admonish rebuke assail crow enthuse marvel concur clarify portray retaliate`;

function inflections(base: string, past?: string): string[] {
  const forms = [base];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  forms.push(/(s|sh|ch|x|z|o)$/.test(base) ? base + 'es' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ies' : base + 's');
  forms.push(stem + 'ing');
  if (past) forms.push(past);
  else forms.push(/[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ied' : base.endsWith('e') ? base + 'd' : base + 'ed');
  return forms;
}

const CUE_WORDS = new Set<string>();
for (const entry of CUE_VERBS.split(/\s+/)) {
  const [base, past] = entry.split(':');
  for (const f of inflections(base!, past)) CUE_WORDS.add(f);
}
// Forms the simple rules above get wrong.
for (const f of ['boom', 'beam', 'beaming', 'beams', 'crow', 'gripe', 'emails', 'questions', 'attacks']) CUE_WORDS.delete(f);
for (const f of ['labelled', 'labelling', 'dubbed', 'dubbing', 'slammed', 'slamming', 'snapping', 'penning', 'bragged', 'bragging', 'quipped', 'quipping', 'saying', 'telling']) CUE_WORDS.add(f);
for (const f of ['state', 'states', 'post', 'posts', 'note', 'notes', 'report', 'reports', 'quote', 'quotes', 'text', 'email', 'question', 'counter', 'charge', 'charges', 'attack', 'hope', 'welcome', 'forecast', 'answer', 'blast', 'call', 'calls', 'echo', 'read', 'reads', 'remark', 'remarks', 'comment', 'claim', 'claims', 'promise', 'promises', 'wish', 'vow', 'vows', 'brand', 'term', 'label', 'tweet', 'tweets', 'plea', 'lash', 'stress', 'pen', 'thanks', 'estimate', 'praise', 'blame', 'mock']) CUE_WORDS.delete(f);
for (const base of ['show', 'find', 'publish', 'propose', 'support', 'oppose', 'defend', 'imply', 'protest']) {
  // Their bare and -ing forms are nouns or modifiers too often ("to bolster support").
  CUE_WORDS.delete(base);
  CUE_WORDS.delete(base.replace(/e$/, '') + 'ing');
}
CUE_WORDS.delete('protests');
// Bare present forms that are nouns far more often than verbs were removed above; keep the verbs that matter.
for (const f of ['says', 'calls', 'claims', 'tweets', 'reads', 'notes', 'reports']) CUE_WORDS.add(f);

// Words opening an introductory phrase before the subject: "Of Carson, Levine said".
const INTRO = new Set(['of', 'in', 'at', 'on', 'for', 'with', 'after', 'before', 'during', 'asked', 'speaking', 'reached', 'told', 'like', 'unlike', 'later', 'earlier', 'outside', 'inside', 'near', 'among', 'across', 'until', 'amid', 'despite', 'following', 'according', 'under', 'as', 'while', 'when', 'if', 'although', 'though', 'because']);

const PUT = new Set(['put', 'puts']);
// A verb never follows these directly.
// "fewer pledged delegates", "no stated reason": a word after one of these modifies a noun.
const COMPARATIVES = new Set(['fewer', 'more', 'less', 'no', 'any']);
const NOUN_MARKERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those']);
const RETORT = new Set(['shot', 'shoots', 'fired', 'fires', 'hit', 'hits', 'pushed', 'pushes', 'chimed']);
const POINT = new Set(['point', 'points', 'pointed', 'pointing']);

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you']);

// Words that cannot be inside a speaker mention: clause openers, prepositions, auxiliaries.
const STOP = new Set(
  `that which who whom whose when while as because but or if after before since though although where so than to in on at
  with from for by into about over under during per not is was were are be been being has had have will would can could
  should may might must did do does against between through without within upon via like unlike among amid despite toward
  towards whether what how why then there here this these those also it its him them me us there's yet`.split(/\s+/),
);

// Words allowed between the speaker and the cue ("Kirby also said", "the ministry has said on Monday").
const SKIP_BEFORE_CUE = new Set(
  `also has had have was is would will then later previously recently reportedly repeatedly once again further simply flatly
  publicly privately quickly first often always never just already even still initially subsequently bluntly angrily
  today yesterday tonight monday tuesday wednesday thursday friday saturday sunday on earlier last week night morning
  afternoon evening separately similarly likewise herself himself themselves now finally too instead actually
  currently formerly once quickly later openly privately jokingly angrily proudly frankly candidly however both meanwhile since`.split(/\s+/),
);

// Modal verbs between a subject and its verb of saying ("a spokesman could only quip").
const MODALS = new Set(['could', 'can', 'should', 'might', 'must', 'may', 'shall']);

// Nouns ending in -ly, which are never adverbs between a subject and its verb.
const LY_NOUNS = new Set(['family', 'ally', 'rally', 'assembly', 'supply', 'daily', 'weekly', 'monthly', 'quarterly', 'anomaly', 'homily', 'monopoly', 'bully', 'folly', 'july', 'italy', 'reply']);

/** A word that may stand between a subject and its verb of saying: "also", "has", "could", "increasingly". */
function skippableBeforeCue(t: Tok): boolean {
  if (t.kind !== T_WORD) return false;
  if (t.cap) return (SKIP_BEFORE_CUE.has(t.lower) && (isWeekday(t.lower) || t.lower === 'on'));
  if (SKIP_BEFORE_CUE.has(t.lower) || MODALS.has(t.lower)) return true;
  return t.lower.length > 3 && t.lower.endsWith('ly') && !LY_NOUNS.has(t.lower);
}

// Relative pronouns that can be the subject of a verb of saying ("Obama, who called …").
const RELATIVES = new Set(['who', 'which']);

// Prepositions joining a speaker's head noun to a phrase: "a spokesman for the campaign".
const HEAD_PREPOSITIONS = new Set(['for', 'of', 'at', 'in', 'from', 'with', 'during', 'on']);

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'some', 'one', 'two', 'several', 'many', 'other', 'another', 'both', 'each', 'most', 'few']);

// "said a statement by X" / "according to a report from X": the source is X.
const CARRIERS = new Set(['statement', 'report', 'release', 'memo', 'letter', 'tweet', 'post', 'message', 'note', 'email', 'filing', 'transcript']);

const T_WORD = 1;
const T_PUNCT = 2;
const T_QUOTE = 3;

interface Tok extends Span {
  kind: number;
  lower: string;
  cap: boolean;
  /** For quote tokens: index into the quote list. */
  quote: number;
}

interface Cue {
  /** Token range of the cue words. */
  from: number;
  to: number;
  /** The speaker follows the cue ("according to X"). */
  forward: boolean;
}

/** A quote's attribution before entity linking. */
export interface RawAttribution {
  speaker: Span | null;
  cue: Span | null;
  /** Taken over from an earlier quote (a quote continuing the same speaker's words). */
  inherited: boolean;
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000) || c === 0x2010 || c === 0x2011;
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
  readonly toks: Tok[] = [];
  private n = 0;

  reset(): void {
    this.n = 0;
  }

  push(start: number, end: number, kind: number, lower: string, cap: boolean, quote: number): void {
    let t = this.pool[this.n];
    if (t) {
      t.start = start;
      t.end = end;
      t.kind = kind;
      t.lower = lower;
      t.cap = cap;
      t.quote = quote;
    } else {
      t = { start, end, kind, lower, cap, quote };
      this.pool.push(t);
    }
    this.toks[this.n++] = t;
  }

  finish(): Tok[] {
    this.toks.length = this.n;
    return this.toks;
  }
}

const WINDOW_TOKS = new TokBuffer();
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
function isContractedAux(toks: Tok[], k: number): boolean {
  const prev = toks[k - 1];
  return !!prev && prev.kind === T_WORD && toks[k]!.kind === T_WORD && prev.end === toks[k]!.start;
}

/** Words, punctuation and whole quotes (one token each) in [from, to). */
function tokenizeWindow(text: string, from: number, to: number, quotes: readonly Span[], buf: TokBuffer = NEAR_TOKS): Tok[] {
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
        if (isWordCode(d)) {
          if (d >= 65 && d <= 90) upper = true;
          else if (d >= 0xc0) upper = true; // may be an accented capital: lower-cased below
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

// What a word can open, so findCues looks each word up once: a one-word cue, or the first word of
// a phrasal one ("according to", "quoted as saying", "pointed out", "put it", "shot back", "went on").
const CUE_ONE = 1;
const CUE_ACCORDING = 2;
const CUE_QUOTED = 4;
const CUE_POINT = 8;
const CUE_PUT = 16;
const CUE_RETORT = 32;
const CUE_WENT = 64;
const CUE_OPENERS = new Map<string, number>();
function addOpener(word: string, bit: number): void {
  CUE_OPENERS.set(word, (CUE_OPENERS.get(word) ?? 0) | bit);
}
for (const w of CUE_WORDS) addOpener(w, CUE_ONE);
addOpener('according', CUE_ACCORDING);
addOpener('quoted', CUE_QUOTED);
for (const w of POINT) addOpener(w, CUE_POINT);
for (const w of PUT) addOpener(w, CUE_PUT);
for (const w of RETORT) addOpener(w, CUE_RETORT);
addOpener('went', CUE_WENT);
// Words that are nouns or other verbs inside a clause but verbs of saying where they end one next to
// a quote: "“…,” a voice-over in the ad states.", "The sign read: “…”".
const CUE_EDGE = 128;
for (const w of ['states', 'read']) addOpener(w, CUE_EDGE);

const QUOTED_AS = new Set(['saying', 'telling', 'stating']);
const QUOTED_AUX = new Set(['was', 'is', 'were', 'are', 'been', 'being']);

function findCues(toks: Tok[], text?: string): Cue[] {
  const cues: Cue[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== T_WORD) continue;
    const bits = CUE_OPENERS.get(t.lower);
    if (bits === undefined) continue;
    const next = toks[k + 1]?.lower;
    if (bits & CUE_ACCORDING && next === 'to') {
      cues.push({ from: k, to: k + 2, forward: true });
      k++;
    } else if (bits & CUE_QUOTED && next === 'as' && QUOTED_AS.has(toks[k + 2]?.lower ?? '')) {
      const aux = toks[k - 1];
      const from = aux && QUOTED_AUX.has(aux.lower) ? k - 1 : k;
      cues.push({ from, to: k + 3, forward: false });
      k += 2;
    } else if ((bits & CUE_POINT && next === 'out') || (bits & CUE_PUT && next === 'it') || (bits & CUE_WENT && next === 'on') || (bits & CUE_RETORT && (next === 'back' || (t.lower === 'chimed' && next === 'in')))) {
      // "pointed out", "as X put it", "went on", "shot back", "fired back", "chimed in"
      cues.push({ from: k, to: k + 2, forward: false });
      k++;
    } else if (bits & CUE_EDGE && !t.cap && atQuoteEdge(toks, k, text)) {
      cues.push({ from: k, to: k + 1, forward: false });
    } else if (bits & CUE_ONE && passiveByCue(toks, k) > 0) {
      // "has been called “…” by X", "measures added by Republicans": the agent after "by" spoke.
      const by = passiveByCue(toks, k);
      cues.push({ from: by, to: by + 1, forward: true });
    } else if (bits & CUE_ONE && !(t.cap && k > 0 && toks[k - 1]!.kind === T_WORD) && !(k > 0 && (NOUN_MARKERS.has(toks[k - 1]!.lower) || COMPARATIVES.has(toks[k - 1]!.lower) || isPossessive(toks[k - 1]!))) && !infinitiveAfter(t.lower, next) && !isPassive(toks, k) && !isNounOf(toks, k) && !afterAdjective(toks, k)) {
      // A capitalised word inside a clause is a name ("United States"), not a verb; after a
      // determiner or a possessive it is a noun or a modifier ("the claims", "Rubio’s proposed credit").
      cues.push({ from: k, to: k + 1, forward: false });
    }
  }
  return cues;
}

/**
 * A word with a subject before it and, after it, a quote, a colon before one, or the end of a
 * sentence opened by a quote ending in a comma: "the sign read “…”", "“…,” the ad states."
 */
function atQuoteEdge(toks: Tok[], k: number, text: string | undefined): boolean {
  const prev = toks[k - 1];
  if (!prev || prev.kind !== T_WORD || STOP.has(prev.lower) || prev.lower === 'to') return false;
  const next = toks[k + 1];
  if (next?.kind === T_QUOTE || (next?.lower === ':' && toks[k + 2]?.kind === T_QUOTE)) return true;
  if (!text || (next && !(next.kind === T_PUNCT && next.lower === '.'))) return false;
  for (let j = k - 1; j >= 0 && j >= k - 8; j--) {
    // The quote's words end in a comma: “…,” the ad states.
    if (toks[j]!.kind === T_QUOTE) return /,\W*$/.test(text.slice(Math.max(toks[j]!.start, toks[j]!.end - 3), toks[j]!.end));
    if (toks[j]!.kind !== T_WORD && toks[j]!.lower !== ',') return false;
  }
  return false;
}

/**
 * The "by" of a passive verb of saying's agent, right after the verb or after the quote it names
 * ("was called “…” by critics", "a phrase coined by Reagan"), or -1. The agent must look like a
 * mention (a name or a determiner), so "said by phone" is not one.
 */
function passiveByCue(toks: Tok[], k: number): number {
  const t = toks[k]!;
  if (t.cap || !AGENT_PARTICIPLES.has(t.lower)) return -1;
  let by = k + 1;
  if (toks[by]?.kind === T_QUOTE) by++;
  if (toks[by]?.lower !== 'by') return -1;
  const agent = toks[by + 1];
  if (!agent || agent.kind !== T_WORD || !(agent.cap || DETERMINERS.has(agent.lower))) return -1;
  if (PRONOUNS.has(agent.lower) || isWeekday(agent.lower)) return -1;
  return by;
}
// Participles whose agent is the one who said the words: "maintained by" or "supported by" names
// no speaker.
const AGENT_PARTICIPLES = new Set(
  `called labeled labelled dubbed termed branded coined described characterized characterised written penned said told asked
  uttered tweeted posted shouted chanted yelled declared proclaimed dismissed derided mocked hailed echoed added quoted`.split(/\s+/),
);

/** "Rubio’s", "the senators’": a possessive, so the word after it modifies a noun. */
function isPossessive(t: Tok): boolean {
  if (t.kind !== T_WORD) return false;
  const w = t.lower;
  return w.endsWith('’s') || w.endsWith("'s") || w.endsWith('s’') || w.endsWith("s'");
}

// Verbs of saying that also take an infinitive of another act ("would continue to investigate",
// "agreed to meet"): followed by "to", they are not saying anything. A promise or a vow to do
// something ("vowed to “bomb the hell” out of …") is still a speech act, and stays a cue.
const INFINITIVE_TAKERS = new Set(
  `continue continues continued continuing agree agrees agreed agreeing hope hopes hoped hoping wish wishes wished wishing
  offer offers offered offering`.split(/\s+/),
);

function infinitiveAfter(cue: string, next: string | undefined): boolean {
  return next === 'to' && INFINITIVE_TAKERS.has(cue);
}

const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being']);

/**
 * "has been called the “Trump of the East”", "Blumenthal was asked, “…”": a verb of saying in the
 * passive has for subject the one spoken about or to, never the speaker.
 */
function isPassive(toks: Tok[], k: number): boolean {
  const w = toks[k]!.lower;
  // "is shown saying", "is seen speaking" stay: the subject is seen speaking.
  if (!(w.endsWith('ed') || w === 'said' || w === 'told' || w === 'written' || w === 'found' || w === 'read')) return false;
  let j = k - 1;
  while (j >= 0 && toks[j]!.kind === T_WORD && !toks[j]!.cap && (toks[j]!.lower.endsWith('ly') || /^(also|often|once|now|still|even|long|never|not|widely)$/.test(toks[j]!.lower))) j--;
  const aux = toks[j];
  return !!aux && aux.kind === T_WORD && BE_FORMS.has(aux.lower);
}

/** "a thunderous chant", "his top shows": a bare or -s form after a determiner and an adjective is a noun. */
function afterAdjective(toks: Tok[], k: number): boolean {
  const w = toks[k]!.lower;
  if (w.endsWith('ed') || w.endsWith('ing') || k < 2) return false;
  const adj = toks[k - 1]!;
  const det = toks[k - 2]!;
  return adj.kind === T_WORD && !adj.cap && (NOUN_MARKERS.has(det.lower) || isPossessive(det)) && (ADJECTIVES.has(adj.lower) || /(ous|ful|ic|est)$/.test(adj.lower));
}
const ADJECTIVES = new Set(['top', 'new', 'big', 'loud', 'brief', 'short', 'long', 'latest', 'last', 'first', 'final', 'angry', 'sharp', 'public', 'private', 'usual', 'familiar']);

/** "loud chants of “no”", "near-constant calls of …": an -s form after a modifier and before "of" is a noun. */
function isNounOf(toks: Tok[], k: number): boolean {
  if (toks[k + 1]?.lower !== 'of' || !toks[k]!.lower.endsWith('s')) return false;
  const before = toks[k - 1];
  if (!before || before.kind !== T_WORD || before.cap) return false;
  const b = before.lower;
  return b.includes('-') || /(ous|ful|ive|ing|ed)$/.test(b) || NOUN_MODIFIERS.has(b);
}

// Adjectives seen before a noun of speech ("loud chants", "new claims").
const NOUN_MODIFIERS = new Set(['loud', 'constant', 'new', 'public', 'private', 'angry', 'frequent', 'similar', 'earlier', 'recent', 'many', 'several', 'some', 'more', 'such']);

function isPronoun(t: Tok): boolean {
  return t.kind === T_WORD && PRONOUNS.has(t.lower);
}

/** The speaker written before the cue: "Kremlin aide Yuri Ushakov [was quoted as saying]". */
function subjectBefore(toks: Tok[], cueFrom: number, floor: number, depth = 0, noSkip = false): Span | null {
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

/** "won't", "doesn’t": a verb phrase, never part of a speaker mention. */
function isNegation(w: string): boolean {
  return w.endsWith("n't") || w.endsWith('n’t');
}

function isWeekday(w: string): boolean {
  return /^(mon|tues|wednes|thurs|fri|satur|sun)day$/.test(w);
}

/** The speaker written after the cue: "said Leif-Eric Easley, professor…", "according to Kremlin officials". */
function subjectAfter(toks: Tok[], cueTo: number, ceil: number): Span | null {
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

// Adverbs that follow a subject before its verb; "-ly" words other than nouns count as well.
const HEAD_ADVERBS = new Set(['later', 'earlier', 'however', 'both', 'also', 'then', 'subsequently', 'once', 'again', 'still', 'meanwhile', 'instead', 'never', 'often', 'first']);

// "There’s still time for Cruz": an expletive opening a clause is no subject.
const EXPLETIVES = new Set(['there', 'there’s', "there's", 'it’s', "it's", 'that’s', "that's", 'here’s', "here's"]);

function afterHeadAdverb(t: Tok): boolean {
  const w = t.lower;
  return HEAD_ADVERBS.has(w) || (w.length > 3 && w.endsWith('ly') && !LY_NOUNS.has(w));
}

interface Found {
  speaker: Span | null;
  cue: Span;
}

// Words before each token of the current window, reused from window to window.
let wordsBefore = new Int32Array(256);

/** The cue and speaker for quote token `qt` inside `toks` (one sentence, quotes as single tokens). */
function attributeInWindow(toks: Tok[], qt: number, text: string): Found | null {
  const cues = findCues(toks, text);
  if (cues.length === 0) return null;
  // Nearest cue first, counting the words between cue and quote; a cue behind the quote (in the
  // writer's own clause: “…,” X said) wins a tie. The first cue with a speaker is taken.
  if (wordsBefore.length < toks.length + 1) wordsBefore = new Int32Array(2 * toks.length + 2);
  wordsBefore[0] = 0;
  for (let k = 0; k < toks.length; k++) wordsBefore[k + 1] = wordsBefore[k]! + (toks[k]!.kind === T_WORD && !isContractedAux(toks, k) ? 1 : 0);
  const ranked = cues
    .map((cue) => ({ cue, d: cue.from > qt ? wordsBefore[cue.from]! - wordsBefore[qt + 1]! - 0.5 + (opensClause(toks, qt + 1, cue.from) || reportsOwnClause(toks, cue) ? 8 : 0) : wordsBefore[qt]! - wordsBefore[cue.to]! }))
    .sort((x, y) => x.d - y.d);
  // “…,” the senator said. — an attribution closing the sentence right after the quote credits it,
  // whatever verb of saying comes before the quote ("Nothing the president said “…,” X said").
  const closing = closingCue(toks, qt, cues, text);
  if (closing && ranked[0]!.cue !== closing) {
    const found = speakerForCue(toks, qt, closing);
    if (found.speaker) return found;
  }
  for (const { cue } of ranked.slice(0, 3)) {
    const found = speakerForCue(toks, qt, cue);
    if (found.speaker) return outerSpeaker(toks, qt, cues, found) ?? found;
  }
  return null;
}

/** A cue in a short "X said." / "said X." clause that follows the quote after a comma and ends the sentence. */
function closingCue(toks: Tok[], qt: number, cues: Cue[], text: string): Cue | null {
  let k = qt + 1;
  // The quote's own words end in a comma (“…,”), or a comma follows it.
  if (toks[k]?.lower === ',') k++;
  else if (!/,\W*$/.test(text.slice(Math.max(toks[qt]!.start, toks[qt]!.end - 3), toks[qt]!.end))) return null;
  const from = k;
  if (toks[k] && (CLAUSE_OPENERS.has(toks[k]!.lower) || SUBORDINATORS.has(toks[k]!.lower))) return null;
  while (k < toks.length && toks[k]!.kind === T_WORD && k - from <= 6) k++;
  const end = toks[k];
  if (k === from || !(end === undefined || (end.kind === T_PUNCT && end.lower === '.'))) return null;
  for (const cue of cues) if (!cue.forward && cue.from >= from && cue.to <= k) return cue;
  return null;
}

// Words opening a new clause; a cue after one of them belongs to that clause, not to the quote before.
const CLAUSE_OPENERS = new Set(['although', 'though', 'while', 'because', 'whereas', 'whom', 'which', 'when', 'if', 'unless', 'since', 'but']);

// Words that open a reported clause right after a verb of saying: "he said there’s no precedent".
const CLAUSE_SUBJECTS = new Set(['that', 'there', 'he', 'she', 'they', 'we', 'i', 'would', 'will', 'could', 'was', 'is', 'were', 'might']);

/**
 * A verb of saying after the quote that goes on to report words of its own ("…, he said there’s
 * no precedent", "provisions he said would restrict …") does not attribute the quote before it.
 */
function reportsOwnClause(toks: Tok[], cue: Cue): boolean {
  let k = cue.to;
  while (k < toks.length && toks[k]!.kind === T_WORD && (isWeekday(toks[k]!.lower) || /^(today|yesterday|tonight|on|also|later)$/.test(toks[k]!.lower))) k++;
  const n = toks[k];
  return !!n && n.kind === T_WORD && !n.cap && CLAUSE_SUBJECTS.has(n.lower.replace(/['’]s$/, '')) && !isContractedAux(toks, k);
}

function opensClause(toks: Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (toks[k]!.kind === T_WORD && CLAUSE_OPENERS.has(toks[k]!.lower)) return true;
  // “…” and Lee calling it …: "and" right after the quote opens another subject's clause.
  const and = toks[from]?.lower === ',' ? from + 1 : from;
  return and < to - 1 && toks[and]!.lower === 'and' && (toks[and + 1]!.cap || isPronoun(toks[and + 1]!));
}

// Verbs that report speech outright; a sentence led by one of them reports everything after it.
const SAYING = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'stated', 'argued', 'argues', 'explained', 'insisted', 'noted', 'declared', 'announced', 'warned', 'claimed', 'testified', 'assured', 'assures', 'insists', 'claims', 'explains', 'notes', 'warns', 'declares', 'announces', 'acknowledged', 'admitted', 'conceded', 'recalled', 'predicted']);

/**
 * A speaker found inside a reported clause often stands in for the sentence's own speaker: in
 * "Rubio said that Trump, whom he called a “con artist,” …" and "Bush said history has shown the
 * need for a “stable government”" the words are Rubio's and Bush's. When the cue found comes after
 * an earlier verb of saying in the same sentence (no quote between them), and the cue found is
 * either weak (not a verb of saying) or has a pronoun or a lower-case description as its subject,
 * the earlier verb's subject is the speaker.
 */
function outerSpeaker(toks: Tok[], qt: number, cues: Cue[], found: Found): Found | null {
  const sp = found.speaker!;
  const at = toks.findIndex((t) => t.start === sp.start);
  const cueAt = toks.findIndex((t) => t.start === found.cue.start);
  if (at < 0 || cueAt < 0 || cueAt > qt) return null;
  // "Obama said Americans will say “no”": a speech act the speaker foresees is not a report of it.
  const weakCue = !SAYING.has(toks[cueAt]!.lower) || isHypothetical(toks, cueAt);
  const weakSubject = isPronoun(toks[at]!) || !toks[at]!.cap;
  if (!weakCue && !weakSubject) return null;
  if (ownClause(toks, at, cueAt)) return null;
  for (let c = cues.length - 1; c >= 0; c--) {
    const cue = cues[c]!;
    if (cue.forward || cue.to > Math.min(at, cueAt) || !SAYING.has(toks[cue.from]!.lower)) continue;
    // A quote between the two cues is usually a speaker's own sentence, except that a pronoun
    // subject inside the reported clause ("whom he called") still stands for the outer speaker.
    let between = false;
    for (let k = cue.to; k < qt; k++) if (toks[k]!.kind === T_QUOTE) between = true;
    if (between && !isPronoun(toks[at]!)) continue;
    // "Ryan said …, though he said “…”": a concessive clause is not part of what the first verb reports.
    if (isPronoun(toks[at]!) && CONCESSIVE.has(toks[at - 1]?.lower ?? '')) return null;
    const outer = speakerForCue(toks, qt, cue);
    if (!outer.speaker || outer.speaker.end > sp.start) continue;
    // "Ever since Sanders announced his bid, he’s said …": a verb of saying in an introductory
    // clause does not report the main clause.
    const o = tokenAt(toks, outer.speaker.start);
    if (o > 0 && SUBORDINATORS.has(toks[o - 1]!.lower)) continue;
    return outer;
  }
  return null;
}

/**
 * A verb of saying in a clause of its own rather than in a reported one: set off by commas
 * (“…, he said, …”) or opening a clause joined by "and" / "but" ("and it says …").
 */
function ownClause(toks: Tok[], at: number, cueAt: number): boolean {
  const before = toks[at - 1];
  if (before && (before.lower === 'and' || before.lower === 'but')) return true;
  return !!before && before.lower === ',' && toks[cueAt + 1]?.lower === ',';
}

// Words opening a clause that stands beside a report rather than inside it.
const CONCESSIVE = new Set(['though', 'although', 'but', 'whereas', 'yet']);

// Words opening an introductory clause before the main one.
const SUBORDINATORS = new Set(['since', 'when', 'after', 'before', 'as', 'while', 'if', 'because', 'although', 'though', 'once', 'until', 'unless', 'whenever']);

const FORESEEING = new Set(['will', 'would', 'could', 'should', 'might', 'may', 'must', 'can', 'to']);

/** A verb of saying after a modal or "to" ("will say", "would call it", "to say"): not said yet. */
function isHypothetical(toks: Tok[], cueAt: number): boolean {
  let k = cueAt - 1;
  while (k >= 0 && toks[k]!.kind === T_WORD && /^(not|never|also|just|only|still|then)$/.test(toks[k]!.lower)) k--;
  const m = toks[k];
  return !!m && m.kind === T_WORD && FORESEEING.has(m.lower);
}

function speakerForCue(toks: Tok[], qt: number, best: Cue): Found {
  const cueSpan = { start: toks[best.from]!.start, end: toks[best.to - 1]!.end };
  if (best.forward) return { speaker: subjectAfter(toks, best.to, toks.length), cue: cueSpan };
  // Clause bounds for the subject: the nearest punctuation or quote before the cue.
  let floor = best.from - 1;
  while (floor >= 0 && toks[floor]!.kind === T_WORD) floor--;
  floor++;
  const participle = best.to - best.from === 1 && toks[best.from]!.lower.endsWith('ing');
  // A participle's phrase is checked for being an object below, so it is not extended there.
  const before = subjectBefore(toks, best.from, floor, participle ? 2 : 0);
  const prev = toks[best.from - 1];
  // "…, Spicer said, adding “…”": a participle right after a parenthetical verb of saying shares its subject.
  if (participle && !before && toks[best.from - 1]?.lower === ',' && best.from >= 2) {
    const said = toks[best.from - 2]!;
    if (said.kind === T_WORD && CUE_WORDS.has(said.lower) && !said.lower.endsWith('ing')) {
      let f = best.from - 3;
      while (f >= 0 && toks[f]!.kind === T_WORD) f--;
      const sp = subjectBefore(toks, best.from - 2, f + 1);
      if (sp && f >= 0 && toks[f]!.lower === ',') return { speaker: sp, cue: cueSpan };
    }
  }
  // "Trump posted a message on Twitter reading “…”": a participle after an object describes the
  // clause's subject, not the object.
  if (before && participle && objectBefore(toks, best.from, before)) {
    // "X called a report suggesting … “outrageous”": the participle describes the object of a
    // verb of saying, whose cue and subject the quote goes with.
    const verb = tokenAt(toks, before.start) - 1;
    if (verb > 0 && toks[verb]!.kind === T_WORD && CUE_WORDS.has(toks[verb]!.lower) && !toks[verb]!.lower.endsWith('ing')) {
      const outer = speakerForCue(toks, qt, { from: verb, to: verb + 1, forward: false });
      if (outer.speaker) return outer;
    }
    const clause = coordinatedPronoun(toks, best.from) ?? clauseSubject(toks, best.from);
    if (clause) return { speaker: clause, cue: cueSpan };
  }
  if (before) return { speaker: before, cue: cueSpan };
  const tagged = !participle ? subjectBeforeDroppedAside(toks, best.from) : null;
  if (tagged) return { speaker: tagged, cue: cueSpan };
  // "for news accounts to portray", "calls for the party to respond": an infinitive whose subject
  // was not found is someone else's act, not the clause subject's words.
  if (!before && prev?.lower === 'to' && forSubject(toks, best.from - 1)) return { speaker: null, cue: cueSpan };
  const aside = !before && !participle ? subjectBeforeAside(toks, best.from) : null;
  if (aside) return { speaker: aside, cue: cueSpan };
  // Inverted order right after the quote: “…,” said X / “…” said X / “…” about it, said X. A
  // participle never inverts (“…,” saying X): it goes with the clause's subject.
  if (!participle && (!prev || prev.kind === T_QUOTE || (prev.lower === ',' && toks[best.from - 2]?.kind === T_QUOTE))) {
    return { speaker: subjectAfter(toks, best.to, toks.length), cue: cueSpan };
  }
  // "The paradox, says Carl Olsen, historian at the library, is …": a parenthetical verb of saying
  // with its subject after it.
  if (!participle && prev?.lower === ',' && SAYING.has(toks[best.from]!.lower) && !OBJECT_TAKERS.has(toks[best.from]!.lower)) {
    const after = subjectAfter(toks, best.to, toks.length);
    let e = best.to;
    while (after && e < toks.length && toks[e]!.end < after.end) e++;
    const close = toks[e + 1];
    if (after && toks[best.to]!.cap && close?.lower === ',') return { speaker: after, cue: cueSpan };
  }
  // "the effort stalled, and he has battled …, calling": a participle goes with the nearest
  // coordinated clause's pronoun subject.
  const coordinated = participle ? coordinatedPronoun(toks, best.from) : null;
  if (coordinated) return { speaker: coordinated, cue: cueSpan };
  // The cue belongs to the clause's subject further back: "X, an adviser to Y, said",
  // "Clinton posted a comment, saying", "the email goes on to say"; failing that, "…, said X".
  const clause = clauseSubject(toks, best.from);
  if (clause) return { speaker: clause, cue: cueSpan };
  if (prev && prev.lower === ',' && best.from > qt && !participle) {
    const after = subjectAfter(toks, best.to, toks.length);
    if (after && toks.some((t, k) => k >= best.to && t.start < after.end && t.cap)) return { speaker: after, cue: cueSpan };
  }
  return { speaker: null, cue: cueSpan };
}

// Verbs of saying followed by whom they address, not by their subject ("told POLITICO").
const OBJECT_TAKERS = new Set(['told', 'tells', 'warned', 'warns', 'assured', 'assures', 'informed', 'reminded']);

/**
 * "Gov. John Kasich (R-OH), said": a comma after a short aside, which the tokens leave out, parts
 * the name from its verb; the name is the subject however long the phrase opening the sentence.
 */
function subjectBeforeDroppedAside(toks: Tok[], cueFrom: number): Span | null {
  const comma = cueFrom - 1;
  const name = toks[comma - 1];
  if (toks[comma]?.lower !== ',' || !name || name.kind !== T_WORD || !name.cap || toks[comma]!.start - name.end < 3) return null;
  let floor = comma - 1;
  while (floor >= 0 && toks[floor]!.kind === T_WORD) floor--;
  const sp = subjectBefore(toks, comma, floor + 1, 0, true);
  return sp && toks[tokenAt(toks, sp.start)]!.cap ? sp : null;
}

/** The pronoun after the nearest "and" / "but" before `at` in the same clause, or null. */
function coordinatedPronoun(toks: Tok[], at: number): Span | null {
  for (let k = at - 1; k > 0; k--) {
    const t = toks[k]!;
    if (t.kind === T_QUOTE || t.lower === ';' || t.lower === ':' || t.lower === '.') return null;
    if ((t.lower === 'and' || t.lower === 'but') && toks[k - 1]!.lower === ',') {
      const p = toks[k + 1];
      return p && isPronoun(p) && p.lower !== 'it' && p.lower !== 'you' ? { start: p.start, end: p.end } : null;
    }
  }
  return null;
}

/** "for news accounts to": "for" and a short phrase before the "to" at `to`. */
function forSubject(toks: Tok[], to: number): boolean {
  for (let k = to - 1; k >= 0 && k >= to - 4 && toks[k]!.kind === T_WORD; k--) if (toks[k]!.lower === 'for') return k < to - 1;
  return false;
}

/**
 * The subject before an aside set off by commas between it and the verb: "Trump, in Kentucky,
 * said", "the leadership, who, on a press call Friday, criticized". The aside opens with a
 * preposition and has no verb of saying.
 */
function subjectBeforeAside(toks: Tok[], cueFrom: number): Span | null {
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

// Verbs a writer uses to credit another outlet with a report: "…, the Tribune reported".
const REPORTED = new Set(['reported', 'reports', 'reporting']);

function tokenAt(toks: Tok[], pos: number): number {
  for (let k = 0; k < toks.length; k++) if (toks[k]!.start === pos) return k;
  return -1;
}

function isClauseEnd(t: Tok | undefined): boolean {
  return !t || t.kind === T_QUOTE || (t.kind === T_PUNCT && (t.lower === '.' || t.lower === ';' || t.lower === '!' || t.lower === '?'));
}

/**
 * The outlet or document the writer cites for the words: "“…,” Sanders said, according to CNN",
 * "…, said Kristen Day, reports USA Today", "According to pool reports, Obama said “…”". News
 * convention credits the quote to the cited source, the link in the chain the writer vouches for.
 */
function citedSource(toks: Tok[], found: Found): Found | null {
  const cueAt = tokenAt(toks, found.cue.start);
  const spAt = tokenAt(toks, found.speaker!.start);
  if (cueAt < 0 || spAt < 0 || toks[cueAt]!.lower === 'according') return null;
  const after = Math.max(cueAt, spAt);
  // Quoted words inside the reported clause do not end it: "Trump said he was “happy to see” that
  // Khan won, according to The New York Times".
  for (let k = after + 1; k < toks.length && (toks[k]!.kind === T_QUOTE || !isClauseEnd(toks[k])); k++) {
    if (toks[k]!.lower !== ',') continue;
    const n = toks[k + 1];
    if (!n || n.kind !== T_WORD) continue;
    if (n.lower === 'according' && toks[k + 2]?.lower === 'to') {
      const sp = subjectAfter(toks, k + 3, toks.length);
      if (sp) return { speaker: sp, cue: { start: n.start, end: toks[k + 2]!.end } };
    }
    if (REPORTED.has(n.lower)) {
      // ", reports USA Today."
      const sp = subjectAfter(toks, k + 2, toks.length);
      if (sp && isClauseEnd(toks[tokenAt(toks, sp.start) + spanWords(toks, sp)])) return { speaker: sp, cue: { start: n.start, end: n.end } };
    }
    // ", the Chicago Tribune reports."
    for (let r = k + 2; r < toks.length && r <= k + MAX_NP + 2 && toks[r]!.kind === T_WORD; r++) {
      if (!REPORTED.has(toks[r]!.lower) || !isClauseEnd(toks[r + 1])) continue;
      const sp = subjectBefore(toks, r, k + 1);
      if (sp && sp.start === n.start) return { speaker: sp, cue: { start: toks[r]!.start, end: toks[r]!.end } };
    }
  }
  // "According to pool reports, Obama said “…”": the phrase opens the speaker's clause.
  let j = Math.min(cueAt, spAt) - 1;
  while (j >= 0 && toks[j]!.kind !== T_QUOTE && !isClauseEnd(toks[j])) j--;
  const a = toks[j + 1];
  if (a && a.lower === 'according' && toks[j + 2]?.lower === 'to') {
    // The source runs to the comma: "According to White House pool reports, …".
    let comma = j + 3;
    while (comma < spAt && toks[comma]!.kind === T_WORD) comma++;
    if (comma > j + 3 && comma - j - 3 <= MAX_NP && toks[comma]!.lower === ',') {
      return { speaker: { start: toks[j + 3]!.start, end: toks[comma - 1]!.end }, cue: { start: a.start, end: toks[j + 2]!.end } };
    }
  }
  return null;
}

/** Number of tokens a span covers. */
function spanWords(toks: Tok[], sp: Span): number {
  let n = 0;
  for (let k = tokenAt(toks, sp.start); k >= 0 && k < toks.length && toks[k]!.start < sp.end; k++) n++;
  return n;
}

// Words after which a noun phrase is the subject of a participle or a clause ("with Gorka noting").
const SUBJECT_OPENERS = new Set(['with', 'without', 'and', 'but', 'or', 'while', 'as', 'when', 'because', 'after', 'before', 'since', 'though', 'although', 'if', 'so', 'yet', 'whereas', 'then']);
const PROGRESSIVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'am']);

/**
 * Whether the phrase found before a participle cue is an object in the clause ("posted a message on
 * Twitter reading", "emailed supporters saying") rather than the participle's own subject ("with
 * Gorka noting") or the subject of a progressive verb ("the campaign is claiming").
 */
function objectBefore(toks: Tok[], cueFrom: number, np: Span): boolean {
  const aux = toks[cueFrom - 1];
  if (aux && PROGRESSIVE.has(aux.lower)) return false;
  const k = tokenAt(toks, np.start);
  const left = toks[k - 1];
  return !!left && left.kind === T_WORD && !SUBJECT_OPENERS.has(left.lower);
}

/** The subject at the start of the clause holding token `at`: after the last quote or sentence start. */
function clauseSubject(toks: Tok[], at: number): Span | null {
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

// Last words of a short time phrase opening a sentence: "Hours later, …", "Two days ago, …".
const TIME_TAILS = new Set(['later', 'earlier', 'ago', 'afterward', 'afterwards']);

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

function quoteToken(toks: Tok[], qi: number): number {
  for (let k = 0; k < toks.length; k++) if (toks[k]!.kind === T_QUOTE && toks[k]!.quote === qi) return k;
  return -1;
}

/** Index of the sentence containing `pos` (sentences sorted), or the one before it. */
function sentenceAt(sentences: readonly Span[], pos: number): number {
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

/**
 * Finds cue and speaker mention for every quote. `sentences` cover every block (sorted);
 * `blockOf` gives each sentence's block so fallbacks stay in the same or the previous paragraph.
 */
export function attributeRaw(text: string, quotes: readonly QuoteSpan[], sentences: readonly Span[], blocks: readonly Span[]): RawAttribution[] {
  const out: RawAttribution[] = [];
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi]!;
    const s0 = sentenceAt(sentences, q.start);
    const s1 = sentenceAt(sentences, Math.max(q.start, q.end - 1));
    // The window also stops a few quotes away, so a line packed with quotes costs no more per quote.
    const far = quotes[qi - NEAR_QUOTES];
    const farAfter = quotes[qi + NEAR_QUOTES];
    const from = Math.max(s0 >= 0 ? sentences[s0]!.start : q.start, q.start - WINDOW, blocks[q.block]!.start, far ? far.start : 0);
    const to = Math.min(s1 >= 0 ? Math.max(sentences[s1]!.end, q.end) : q.end, q.end + WINDOW, farAfter ? farAfter.end : q.end + WINDOW);
    const toks = tokenizeWindow(text, Math.min(from, q.start), Math.max(to, q.end), quotes, WINDOW_TOKS);
    const qt = quoteToken(toks, qi);
    let found = qt >= 0 ? attributeInWindow(toks, qt, text) : null;
    if (found && found.speaker) found = citedSource(toks, found) ?? found;
    if (found && found.speaker) {
      out.push({ speaker: found.speaker, cue: found.cue, inherited: false });
      continue;
    }
    const fallback = fallbackAttribution(text, qi, quotes, out, sentences, s0, s1, toks, qt) ?? (qt > 0 ? (colonLabel(toks, qt) ?? coordinatedPredicate(toks, qt, out[qi - 1]) ?? invertedCueBefore(toks, qt) ?? colonIntroducer(toks, qt - 1) ?? passiveAgent(toks, qt) ?? embeddingClauseSubject(toks, qt)) : null);
    if (fallback) out.push(fallback);
    // A cue with nobody to credit (“Described as …”) is not an attribution.
    else out.push({ speaker: null, cue: null, inherited: false });
  }
  return out;
}

/**
 * A quote with no speaker in its own sentence: a preceding "X said:" sentence, a quote that carries
 * on the previous quote's words, or a short "X said." sentence right after.
 */
function fallbackAttribution(
  text: string,
  qi: number,
  quotes: readonly QuoteSpan[],
  done: RawAttribution[],
  sentences: readonly Span[],
  s0: number,
  s1: number,
  toks: Tok[],
  qt: number,
): RawAttribution | null {
  const q = quotes[qi]!;
  if (qt < 0) return null;
  // A quote opening its sentence, perhaps after a joining word ("But “…”", "Then, “…”").
  let wordsBefore = 0;
  for (let k = 0; k < qt; k++) if (toks[k]!.kind === T_WORD && !(k === 0 && (JOINERS.has(toks[k]!.lower) || (LINKING_ADVERBS.has(toks[k]!.lower) && toks[1]?.lower === ',')))) wordsBefore++;
  if (wordsBefore > 0) return null;
  // 1. The sentence before ends with a colon: "Cruz continued:".
  if (s0 > 0) {
    const prev = sentences[s0 - 1]!;
    if (q.start - prev.end < 8 && text.charCodeAt(prev.end - 1) === 58) {
      const from = Math.max(prev.start, prev.end - WINDOW);
      const pt = tokenizeWindow(text, from, prev.end, quotes);
      const cues = findCues(pt);
      for (let c = cues.length - 1; c >= 0; c--) {
        const cue = cues[c]!;
        let floor = cue.from - 1;
        while (floor >= 0 && pt[floor]!.kind === T_WORD) floor--;
        // "Stated Stone:": a verb of saying opening the sentence has its speaker after it.
        const sp = cue.forward ? subjectAfter(pt, cue.to, pt.length) : (subjectBefore(pt, cue.from, floor + 1) ?? (cue.from === 0 && pt[0]!.start === prev.start ? subjectAfter(pt, cue.to, pt.length) : null));
        if (sp) return { speaker: sp, cue: { start: pt[cue.from]!.start, end: pt[cue.to - 1]!.end }, inherited: false };
      }
      const introduced = colonIntroducer(pt, pt.length - 1);
      if (introduced) return introduced;
    }
  }
  // 1b. “…,” Trump barked. — a name and a verb of any kind right after the quote.
  const trailing = trailingSpeechClause(text, q, toks, qt);
  if (trailing) return trailing;
  // 1c. A sign-off line right after the quote: "“…” ¶ — Bernie Sanders."
  const signed = dashSignature(text, q, quotes);
  if (signed) return signed;
  // 2. “…?” Borger asked. — the question mark ended the sentence before the cue.
  const endMark = text.charCodeAt(q.end - 2);
  if (endMark === 63 || endMark === 33) {
    const viaNext = nextSentenceCue(text, q, sentences, s1, quotes);
    if (viaNext) return viaNext;
  }
  // 3. The previous quote, in the same or the previous paragraph, is by a known speaker and nothing
  //    but the quotes' own sentences lies between them.
  if (qi > 0) {
    const pq = quotes[qi - 1]!;
    const pa = done[qi - 1]!;
    if (pa.speaker && q.block - pq.block <= 1 && q.start - pq.end < 400 && (quoteSentenceEnd(text, sentences, pq) >= s0 - 1 || narrationBetween(text, sentences, pq, q, quotes))) {
      return { speaker: pa.speaker, cue: pa.cue, inherited: true };
    }
  }
  // 4. A short "X said." sentence right after the quote.
  const viaNext = nextSentenceCue(text, q, sentences, s1, quotes);
  if (viaNext) return viaNext;
  // 5. The sentence before, in the same paragraph, credits someone: "Magel said at the rally. “But …”"
  //    A blank line between them starts a new paragraph, and crediting across it would be a guess.
  if (s0 > 0 && q.start - sentences[s0 - 1]!.end < 4 && !blankLineBetween(text, sentences[s0 - 1]!.end, q.start)) {
    const prev = sentences[s0 - 1]!;
    const pt = tokenizeWindow(text, Math.max(prev.start, prev.end - WINDOW), prev.end, quotes);
    const cues = findCues(pt);
    for (let c = cues.length - 1; c >= 0; c--) {
      const found = speakerForCue(pt, -1, cues[c]!);
      if (found.speaker) return { speaker: found.speaker, cue: found.cue, inherited: true };
    }
  }
  return null;
}

/**
 * The last sentence belonging to quote `q`: the one it ends in, or the "Hannity pressed." that a
 * question or exclamation mark split off right after it. A quote further back is separated from
 * the next one by sentences of their own, whose people may be the ones speaking next.
 */
function quoteSentenceEnd(text: string, sentences: readonly Span[], q: Span): number {
  const s = sentenceAt(sentences, q.end - 1);
  const next = sentences[s + 1];
  const mark = text.charCodeAt(q.end - 2);
  return s >= 0 && next && (mark === 63 || mark === 33) && sentences[s]!.end <= q.end && next.start - q.end < 4 && !blankLineBetween(text, q.end, next.start) ? s + 1 : s;
}

/**
 * Quotes `a` and `b` share a paragraph and the sentences between them only narrate, with no verb of
 * saying and no other quote: "“Oh gosh,” Woolson said. The towns lie far from any city. “That’s a
 * tough area.”" — the paragraph's speaker is still talking.
 */
function narrationBetween(text: string, sentences: readonly Span[], a: QuoteSpan, b: QuoteSpan, quotes: readonly Span[]): boolean {
  if (a.block !== b.block) return false;
  const own = sentences[quoteSentenceEnd(text, sentences, a)];
  if (!own || own.end > b.start) return false;
  const toks = tokenizeWindow(text, own.end, b.start, quotes);
  if (toks.some((t) => t.kind === T_QUOTE) || findCues(toks).length > 0) return false;
  // "Betsy Ebeling shook her head. “…”": a sentence about someone else named may pass them the word.
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const opens = k === 0 || /^[.!?]$/.test(toks[k - 1]!.lower);
    if (opens && t.kind === T_WORD && t.cap && toks[k + 1]?.cap && !DETERMINERS.has(t.lower)) return false;
  }
  return true;
}

/**
 * A name standing alone before a colon that opens the quote: "Jeffrey M. Jones: “Gallup finds …”",
 * the digest and transcript way of crediting a quote. The name must open its clause.
 */
function colonLabel(toks: Tok[], qt: number): RawAttribution | null {
  const colon = toks[qt - 1]!;
  if (colon.lower !== ':') return null;
  let first = qt - 2;
  const last = first;
  while (first >= 0 && qt - 2 - first < 6) {
    const t = toks[first]!;
    if (t.kind === T_WORD && t.cap && !STOP.has(t.lower) && !DETERMINERS.has(t.lower)) first--;
    else if (t.kind === T_WORD && t.lower === 'and' && first > 0 && toks[first - 1]!.cap) first--;
    else break;
  }
  first++;
  if (first > last || toks[first]!.lower === 'and') return null;
  first = roleLabelStart(toks, first);
  const before = toks[first - 1];
  // Only a label: nothing but a dash, a quote or the start of the window before it.
  if (before && !(before.kind === T_QUOTE || /^[-–—.]$/.test(before.lower))) return null;
  return { speaker: { start: toks[first]!.start, end: toks[last]!.end }, cue: { start: colon.start, end: colon.end }, inherited: false };
}

/**
 * The start of a role title in lower case before the name of a colon label: "Former secretary of
 * state Hillary Rodham Clinton:". The title must open with a capital (it opens the line) and hold
 * only nouns and "of": no verb, so "Asked about it, Clinton:" stays out. `name` when there is none.
 */
function roleLabelStart(toks: Tok[], name: number): number {
  let k = name - 1;
  while (k >= 0 && name - k <= 5) {
    const t = toks[k]!;
    if (t.kind !== T_WORD || CUE_WORDS.has(t.lower) || /(ed|ing|ly)$/.test(t.lower) || DETERMINERS.has(t.lower) || PRONOUNS.has(t.lower)) return name;
    if (STOP.has(t.lower) && t.lower !== 'of') return name;
    if (t.cap) return k < name - 1 && toks[k + 1]!.lower !== 'of' ? k : name;
    k--;
  }
  return name;
}

/**
 * The clause ending in the colon at `colon` introduces the quote after it, and whoever that clause
 * names as its subject or source says the words: "Trump went even further: “…”", "Article 33
 * affirms: “…”", "From the report: “…”", "Here’s Clinton in 1992: “…”".
 */
function colonIntroducer(toks: Tok[], colon: number): RawAttribution | null {
  if (colon < 1 || toks[colon]!.lower !== ':') return null;
  return colonSourcePhrase(toks, colon) ?? embeddingClauseSubject(toks, colon) ?? colonVerbSubject(toks, colon);
}

/**
 * The subject before the first past-tense verb of the colon clause, when that subject ends in a
 * name: "Republican presidential nominee Donald Trump issued the following statement:".
 */
function colonVerbSubject(toks: Tok[], colon: number): RawAttribution | null {
  let start = colon - 1;
  while (start >= 0 && toks[start]!.kind === T_WORD) start--;
  start++;
  for (let v = start + 1; v < colon; v++) {
    const t = toks[v]!;
    if (t.kind !== T_WORD || t.cap || !(t.lower.endsWith('ed') || IRREGULAR_PAST.has(t.lower))) continue;
    if (!toks[v - 1]!.cap || STOP.has(t.lower) || TASTE_VERBS.has(t.lower)) return null;
    const sp = subjectBefore(toks, v, start);
    return sp ? { speaker: sp, cue: { start: t.start, end: t.end }, inherited: false } : null;
  }
  return null;
}

/**
 * A clause that is only a pointer to the source: "From the report:", "More from Blumenthal and
 * Cohen:", "Here’s Clinton in December 1992:", "Here is the senator:". The source follows the
 * opening words.
 */
function colonSourcePhrase(toks: Tok[], colon: number): RawAttribution | null {
  let start = colon - 1;
  while (start >= 0 && toks[start]!.kind === T_WORD) start--;
  start++;
  if (start > 0 && toks[start - 1]!.kind !== T_QUOTE && !/^[-–—.!?]$/.test(toks[start - 1]!.lower)) return null;
  let k = start;
  if (toks[k]?.lower === 'more') k++;
  if (toks[k]?.lower === 'from') k++;
  else if (k === start && (toks[k]?.lower === 'here’s' || toks[k]?.lower === "here's")) k++;
  else if (k === start && toks[k]?.lower === 'here' && toks[k + 1]?.lower === 'is') k += 2;
  else return null;
  if (k >= colon) return null;
  const sp = subjectAfter(toks, k, colon);
  if (!sp) return null;
  return { speaker: sp, cue: { start: toks[colon]!.start, end: toks[colon]!.end }, inherited: false };
}

/**
 * A verb of saying opening its clause before the quote, with the speaker after it: "Because of the
 * schedule, explained Rosenberg, “with this over by March …”", "In other words, explained the
 * moderator: “…”". The speaker phrase must fill the words between the cue and the quote.
 */
function invertedCueBefore(toks: Tok[], qt: number): RawAttribution | null {
  const sep = toks[qt - 1]!;
  if (sep.lower !== ',' && sep.lower !== ':') return null;
  let k = qt - 2;
  while (k >= 0 && toks[k]!.kind === T_WORD) k--;
  // toks[k] opens the clause: the start of the window, a comma or a sentence mark.
  if (k >= 0 && !/^[,.;!?—–-]$/.test(toks[k]!.lower)) return null;
  const cue = findCues(toks).find((c) => c.from === k + 1 && !c.forward);
  if (!cue || toks[cue.from]!.cap !== (k < 0) || !/(ed|wrote|said|told)$/.test(toks[cue.to - 1]!.lower)) return null;
  const sp = subjectAfter(toks, cue.to, qt - 1);
  if (!sp || sp.end !== toks[qt - 2]!.end) return null;
  return { speaker: sp, cue: { start: toks[cue.from]!.start, end: toks[cue.to - 1]!.end }, inherited: false };
}

// Words that may end the short clause after a quote: the clause ends or an adverbial phrase starts.
const CLAUSE_TAIL = new Set(['.', ',', ';', 'on', 'in', 'at', 'during', 'with', 'as', 'to', 'before', 'after', 'while', 'when', 'from', 'into', 'over', 'and']);

/**
 * “Go back to your seat,” Trump barked. — whatever the verb, a name or pronoun and a past-tense
 * verb right after a quote that ends on a comma, question or exclamation mark report the quote's
 * words; the verb list of the cue finder cannot hold every verb a writer uses there.
 */
function trailingSpeechClause(text: string, q: Span, toks: Tok[], qt: number): RawAttribution | null {
  const mark = text.charCodeAt(q.end - 2);
  if (mark !== 44 && mark !== 63 && mark !== 33) return null;
  return subjectAndVerb(toks, qt + 1);
}

/**
 * A name (capitalised words) or a subject pronoun at `from`, then a past-tense verb ending the
 * clause or followed by an adverbial phrase: "Trump barked", "Hannity pressed on Monday".
 */
function subjectAndVerb(toks: Tok[], from: number): RawAttribution | null {
  const first = toks[from];
  if (!first || first.kind !== T_WORD) return null;
  let last: number;
  let described = false;
  if (SUBJECT_PRONOUNS.has(first.lower)) last = from;
  // “…,” it read. — "it" is a document, a sign or an organisation only with a verb of writing.
  else if (first.lower === 'it') return IT_VERBS.has(toks[from + 1]?.lower ?? '') && CLAUSE_TAIL.has(toks[from + 2]?.lower ?? '.') ? { speaker: { start: first.start, end: first.end }, cue: { start: toks[from + 1]!.start, end: toks[from + 1]!.end }, inherited: false } : null;
  else if (first.lower === 'the' || first.lower === 'a' || first.lower === 'an') {
    // "the email read", "the newspaper admitted": a description of a source.
    last = sourceDescriptionEnd(toks, from, toks.length);
    if (last < 0) last = describedName(toks, from);
    if (last < 0) return invertedTrailing(toks, from);
    described = true;
  } else if (!first.cap) return invertedTrailing(toks, from);
  else {
    if (DETERMINERS.has(first.lower) || isWeekday(first.lower)) return null;
    const sp = subjectAfter(toks, from, toks.length);
    if (!sp) return null;
    last = from;
    while (toks[last + 1] && toks[last + 1]!.end <= sp.end) last++;
    for (let j = from; j <= last; j++) if (!toks[j]!.cap) return null;
  }
  let v = last + 1;
  // "Todd was shocked" describes a state, not speech.
  while (toks[v] && skippableBeforeCue(toks[v]!)) if (PROGRESSIVE.has(toks[v++]!.lower)) return null;
  const verb = toks[v];
  if (!verb || !pastVerb(verb) && !(described && /[^s]s$/.test(verb.lower) && verb.kind === T_WORD && !verb.cap && !STOP.has(verb.lower))) return null;
  const after = toks[v + 1];
  if (after && after.kind !== T_QUOTE && !CLAUSE_TAIL.has(after.lower)) return null;
  return { speaker: { start: first.start, end: toks[last]!.end }, cue: { start: verb.start, end: verb.end }, inherited: false };
}

// Verbs with which "it" after a quote is the text or body that carries the words.
const IT_VERBS = new Set(['read', 'reads', 'said', 'says', 'stated', 'states', 'added', 'adds', 'continued', 'continues', 'concluded', 'concludes']);

/**
 * "an angry Hollande", "a defiant Trump": an article, one or two lower-case words and a name. The
 * last token of the name, or -1.
 */
function describedName(toks: Tok[], det: number): number {
  let k = det + 1;
  while (k <= det + 2 && toks[k]?.kind === T_WORD && !toks[k]!.cap && !STOP.has(toks[k]!.lower) && !CUE_WORDS.has(toks[k]!.lower)) k++;
  if (k === det + 1 || toks[k]?.kind !== T_WORD || !toks[k]!.cap) return -1;
  while (toks[k + 1]?.kind === T_WORD && toks[k + 1]!.cap) k++;
  return k;
}

/** A lower-case past-tense verb: "barked", "read", "went". */
function pastVerb(t: Tok): boolean {
  return t.kind === T_WORD && !t.cap && !STOP.has(t.lower) && (t.lower.endsWith('ed') || IRREGULAR_PAST.has(t.lower) || t.lower === 'read');
}

/**
 * “…,” read the statement. / “…?” reacted Trump. — the verb first, then a name or the description
 * of a source ending the clause.
 */
function invertedTrailing(toks: Tok[], from: number): RawAttribution | null {
  const verb = toks[from]!;
  if (!pastVerb(verb)) return null;
  const n = from + 1;
  const t = toks[n];
  if (!t || t.kind !== T_WORD) return null;
  let last: number;
  if (t.lower === 'the' || t.lower === 'a' || t.lower === 'an') last = sourceDescriptionEnd(toks, n, toks.length);
  else {
    if (!t.cap || DETERMINERS.has(t.lower) || isWeekday(t.lower) || PRONOUNS.has(t.lower)) return null;
    last = n;
    while (toks[last + 1]?.kind === T_WORD && toks[last + 1]!.cap) last++;
  }
  if (last < 0) return null;
  const after = toks[last + 1];
  if (after && after.kind !== T_QUOTE && !CLAUSE_TAIL.has(after.lower)) return null;
  return { speaker: { start: t.start, end: toks[last]!.end }, cue: { start: verb.start, end: verb.end }, inherited: false };
}

/**
 * "Bush called Rubio “a bright leader” but described his skills as a “work in progress”": a second
 * verb joined to the clause of the quote before shares that clause's subject, so the speaker found
 * for the earlier quote says this one too.
 */
function coordinatedPredicate(toks: Tok[], qt: number, prev: RawAttribution | undefined): RawAttribution | null {
  if (!prev || !prev.speaker) return null;
  let k = qt - 1;
  while (k >= 0 && toks[k]!.kind !== T_QUOTE) {
    if (toks[k]!.kind === T_PUNCT && toks[k]!.lower !== ',') return null;
    k--;
  }
  if (k < 0 || prev.speaker.end > toks[k]!.start) return null;
  let j = k + 1;
  if (toks[j]?.lower === ',') j++;
  if (toks[j]?.lower !== 'and' && toks[j]?.lower !== 'but') return null;
  j++;
  while (j < qt && skippableBeforeCue(toks[j]!)) j++;
  const verb = toks[j];
  if (!verb || j >= qt || verb.kind !== T_WORD || verb.cap || STOP.has(verb.lower) || !(verb.lower.endsWith('ed') || CUE_WORDS.has(verb.lower) || IRREGULAR_PAST.has(verb.lower))) return null;
  return { speaker: prev.speaker, cue: { start: verb.start, end: verb.end }, inherited: false };
}

// Participles that, with an agent after "by", report what the agent called or asked something.
const NAMING_PARTICIPLES = new Set(['seen', 'known', 'viewed', 'regarded', 'considered', 'branded', 'dubbed', 'termed', 'nicknamed', 'labeled', 'labelled']);

function namingParticiple(t: Tok | undefined): boolean {
  return !!t && t.kind === T_WORD && !t.cap && (NAMING_PARTICIPLES.has(t.lower) || (t.lower.endsWith('ed') && CUE_WORDS.has(t.lower)));
}

/**
 * A passive clause names the speaker as its agent: "an option seen by organizers as a “lifeboat”",
 * "was asked by moderator Gerard Baker whether “…”", "has been called “strategic ambiguity” by
 * Joshua Hendrick". The clause's subject is what was named or asked, not the speaker.
 */
function passiveAgent(toks: Tok[], qt: number): RawAttribution | null {
  // After the quote: called “…” by X.
  const by = toks[qt + 1];
  if (by && by.lower === 'by') {
    for (let p = qt - 1; p >= 0 && p >= qt - 3 && toks[p]!.kind === T_WORD; p--) {
      if (!namingParticiple(toks[p])) continue;
      const sp = agentAfter(toks, qt + 2, toks.length);
      if (sp) return { speaker: sp, cue: { start: toks[p]!.start, end: toks[p]!.end }, inherited: false };
    }
  }
  // Before the quote: seen by X as “…”, asked by X whether “…”; nothing but words between.
  let k = qt - 1;
  while (k >= 0 && qt - k <= 16 && (toks[k]!.kind === T_WORD || toks[k]!.lower === ',')) {
    if (toks[k]!.lower === 'by' && namingParticiple(toks[k - 1])) {
      const sp = agentAfter(toks, k + 1, qt);
      if (sp) return { speaker: sp, cue: { start: toks[k - 1]!.start, end: toks[k]!.end }, inherited: false };
    }
    k--;
  }
  return null;
}

/** The agent after "by": a name or description, or a bare plural of people ("by organizers"). */
function agentAfter(toks: Tok[], from: number, ceil: number): Span | null {
  const sp = subjectAfter(toks, from, ceil);
  if (sp) return sp;
  const t = toks[from];
  return t && from < ceil && t.kind === T_WORD && SOURCE_HEADS.has(t.lower) && t.lower.endsWith('s') ? { start: t.start, end: t.end } : null;
}

/**
 * A quote signed on the line after it with a dash and a name: "“…” ¶ - Bernie Sanders." or
 * "—President Obama, tweeting after the speech." The dash line is short and opens with the name,
 * the way collections of quotes and fact checks credit each entry.
 */
function dashSignature(text: string, q: Span, quotes: readonly Span[]): RawAttribution | null {
  let i = q.end;
  const limit = Math.min(text.length, q.end + 6);
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) i++;
  if (i === q.end || !/[\n]/.test(text.slice(q.end, i))) return null;
  const dash = text.charCodeAt(i);
  if (dash !== 45 && dash !== 0x2013 && dash !== 0x2014) return null;
  let end = text.indexOf('\n', i);
  if (end < 0) end = text.length;
  if (end - i > 120) return null;
  const lt = tokenizeWindow(text, i, end, quotes);
  if (lt.length < 2 || lt[1]!.kind !== T_WORD || !lt[1]!.cap) return null;
  const sp = subjectAfter(lt, 1, lt.length);
  if (!sp) return null;
  const next = lt.find((t) => t.start >= sp.end);
  if (next && next.lower !== ',' && next.lower !== '.') return null;
  return { speaker: sp, cue: { start: lt[0]!.start, end: lt[0]!.end }, inherited: false };
}

// Capitalised words that open a sentence without being its subject.
const SENTENCE_ADVERBS = new Set(['only', 'such', 'thus', 'even', 'still', 'hence', 'perhaps', 'maybe', 'instead', 'indeed', 'yes', 'no', 'well', 'now', 'here', 'there']);

const IRREGULAR_PAST = new Set(['wore', 'went', 'came', 'saw', 'took', 'made', 'gave', 'got', 'put', 'set', 'kept', 'saw', 'sent', 'spent', 'left', 'brought', 'thought', 'felt', 'held', 'won', 'lost', 'ran', 'began', 'became', 'struck', 'threw', 'drew', 'hit', 'led', 'meant', 'sought', 'stood']);

// Words that join a sentence to the one before without saying who speaks.
const JOINERS = new Set(['but', 'and', 'then', 'so', 'yet', 'still', 'also', 'or']);

// Adverbs that, set off by a comma, link a sentence to the one before without naming anyone:
// "Trump said. Instead, “…”".
const LINKING_ADVERBS = new Set(['instead', 'indeed', 'later', 'again', 'meanwhile', 'finally', 'however', 'now', 'otherwise', 'rather']);

// Subject pronouns that can open a clause.
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/**
 * A quote set inside a clause with no verb of saying: "Bush referred to Rubio as “a bright leader”",
 * "She declared “What a night!”". The words are the clause subject's, when that subject is a name
 * or a pronoun followed straight away by its verb. Descriptions are taken only when their head
 * names a source (SOURCE_HEADS: "the ad", "a friend"); others ("the plan", "the number") are too
 * often the topic rather than the source.
 */
function embeddingClauseSubject(toks: Tok[], qt: number): RawAttribution | null {
  let k = qt - 1;
  while (k >= 0 && toks[k]!.kind !== T_QUOTE && toks[k]!.lower !== ';' && toks[k]!.lower !== ':' && toks[k]!.lower !== '(' && !contrastClause(toks, k)) k--;
  let start = k >= 0 && toks[k]!.lower === ',' ? k + 2 : k + 1;
  for (let tries = 0; tries < 3; tries++) {
    while (start < qt && (toks[start]!.kind === T_PUNCT || /^(and|but|so|yet|still|also|meanwhile|however|then|now)$/.test(toks[start]!.lower))) start++;
    if (start >= qt) return null;
    const t = toks[start]!;
    // An introductory phrase: the subject follows its comma. Besides prepositions and clause
    // openers, a short lower-case phrase closed by a comma is one ("back on home soil, he …").
    let c = start;
    while (c < qt && toks[c]!.lower !== ',') c++;
    const shortPhrase = t.kind === T_WORD && !t.cap && !DETERMINERS.has(t.lower) && !PRONOUNS.has(t.lower) && c < qt && c - start >= 2 && c - start <= 5;
    // "Thirteen years earlier, she …", "Two days later, …": a time phrase, capitalised or not.
    const timePhrase = c < qt && c - start >= 2 && c - start <= 4 && TIME_TAILS.has(toks[c - 1]!.lower);
    if (!(INTRO.has(t.lower) || (STOP.has(t.lower) && !PRONOUNS.has(t.lower)) || shortPhrase || timePhrase)) break;
    if (c >= qt) return null;
    start = c + 1;
  }
  const first = toks[start];
  if (!first || first.kind !== T_WORD || start >= qt) return null;
  let last = start;
  const described = DETERMINERS.has(first.lower) ? sourceDescriptionEnd(toks, start, qt) : -1;
  if (described >= 0) {
    // "The ad targets “…”", "the Daily News focuses on “…”": a description of a source.
    last = described;
  } else if (SUBJECT_PRONOUNS.has(first.lower)) {
    // "he", "she": the pronoun alone.
  } else {
    if (!first.cap || STOP.has(first.lower) || DETERMINERS.has(first.lower) || PRONOUNS.has(first.lower) || isWeekday(first.lower) || INTRO.has(first.lower) || CUE_WORDS.has(first.lower)) return null;
    while (last + 1 < qt && last - start < 5) {
      const n = toks[last + 1]!;
      if (n.kind === T_WORD && n.cap) last++;
      else if (n.kind === T_WORD && (n.lower === 'of' || n.lower === 'and') && toks[last + 2]?.cap && last + 2 < qt) last += 2;
      else break;
    }
    // "Hoff’s letter", "Clinton’s response": a name's document or reply is the source.
    const held = toks[last + 1];
    if (/['’]s$/.test(toks[last]!.lower) && held && last + 1 < qt && held.kind === T_WORD && (SOURCE_HEADS.has(held.lower) || REPLY_NOUNS.has(held.lower))) last++;
    // "Trump’s attacks on …": any other word after a possessive is the noun it owns, not a verb.
    else if (/['’]s?$/.test(toks[last]!.lower) && /['’]/.test(toks[last]!.lower)) return null;
  }
  // The next word is the clause's verb: lower-case, not a clause opener or preposition.
  let v = last + 1;
  // "Lewandowski, Trump’s former campaign manager, ripped …": past an apposition set off by commas.
  if (first.cap && toks[v]?.lower === ',') {
    v = appositionEnd(toks, v, qt);
    // A clause nested between the verb and the quote has a subject of its own ("won because of
    // Obama’s suggestion that she was “likable enough”").
    for (let j = v; j < qt; j++) if (NESTED_CLAUSE.has(toks[j]!.lower)) return null;
  }
  while (v < qt && toks[v]!.kind === T_WORD && SKIP_BEFORE_CUE.has(toks[v]!.lower) && !toks[v]!.cap) v++;
  // "Clinton’s response was: “…”": the reply is the quote itself.
  const be = toks[v - 1]!;
  if (v === qt && v - 1 > last && REPLY_NOUNS.has(toks[last]!.lower) && (be.lower === 'was' || be.lower === 'is')) return { speaker: { start: first.start, end: toks[last]!.end }, cue: { start: be.start, end: be.end }, inherited: false };
  const verb = toks[v];
  if (!verb || v >= qt || verb.kind !== T_WORD || verb.cap || (STOP.has(verb.lower) && !/^(is|was|has|had|have|would|will|did|does|do)$/.test(verb.lower)) || isNegation(verb.lower)) return null;
  if (!/[a-z]/.test(verb.lower) || DETERMINERS.has(verb.lower) || PRONOUNS.has(verb.lower)) return null;
  // Without a tagger, only words that must be verbs are taken: past forms, verbs of saying,
  // auxiliaries and -s forms ("she calls"); "Only six", "Such sentiments" are not clauses.
  const pronounSubject = SUBJECT_PRONOUNS.has(first.lower);
  const verbLike =
    verb.lower.endsWith('ed') ||
    CUE_WORDS.has(verb.lower) ||
    IRREGULAR_PAST.has(verb.lower) ||
    /^(is|was|has|had|have|would|will|did|does|do)$/.test(verb.lower) ||
    /[^s]s$/.test(verb.lower);
  if (!verbLike || (!pronounSubject && SENTENCE_ADVERBS.has(first.lower)) || TASTE_VERBS.has(verb.lower)) return null;
  return { speaker: { start: first.start, end: toks[last]!.end }, cue: { start: verb.start, end: verb.end }, inherited: false };
}

const CONTRAST_OPENERS = new Set(['although', 'though', 'whereas', 'but']);

/**
 * ", although she …", ", but Harlow …": a comma and a clause opener followed by a new subject start
 * a clause of its own, whose subject is the one nearest the quote.
 */
function contrastClause(toks: Tok[], k: number): boolean {
  if (toks[k]!.lower !== ',' || !CONTRAST_OPENERS.has(toks[k + 1]?.lower ?? '')) return false;
  const subject = toks[k + 2];
  return !!subject && (SUBJECT_PRONOUNS.has(subject.lower) || (subject.kind === T_WORD && subject.cap));
}

// Nouns for what someone said, owned by a name before them ("Clinton’s response was: …").
const REPLY_NOUNS = new Set(['response', 'reply', 'answer', 'message', 'words', 'remarks', 'comments', 'retort']);

/**
 * The token after an apposition that opens with the comma at `comma` and closes with the next
 * comma ("…, the head of the agency, …"), or after a stray comma before the verb ("Kasich (R-OH),
 * said"). Returns `comma` itself when there is no such apposition; the caller then finds no verb.
 */
function appositionEnd(toks: Tok[], comma: number, qt: number): number {
  for (let c = comma + 1; c < qt && c - comma <= 16; c++) {
    const t = toks[c]!;
    if (t.lower === ',') return c + 1;
    // "R-Ky.,": the period of an abbreviation closing the apposition.
    if (t.kind !== T_WORD && !(t.lower === '.' && toks[c + 1]?.lower === ',')) return comma;
  }
  const after = toks[comma + 1];
  return after && after.kind === T_WORD && !after.cap && CUE_WORDS.has(after.lower) ? comma + 1 : comma;
}

const NESTED_CLAUSE = new Set(['because', 'that', 'when', 'while', 'since', 'although', 'though', 'if', 'whether']);

// Verbs of taste: what someone likes or watches is a title, not their words ("she enjoys “Veep”").
const TASTE_VERBS = new Set(['like', 'likes', 'liked', 'love', 'loves', 'loved', 'enjoy', 'enjoys', 'enjoyed', 'watch', 'watches', 'watched', 'prefer', 'prefers', 'preferred']);

// Head nouns of descriptions that can be the source of quoted words: people in a role, bodies,
// publications and documents. "The plan", "the number" are topics and stay out.
const SOURCE_HEADS = new Set(
  ('ad ads campaign report statement statements website site newspaper paper article editorial column memo study poll survey ' +
    'letter post tweet video group committee organization organisation agency department administration network channel ' +
    'magazine outlet book senator candidate spokesman spokeswoman spokesperson official officials lawmaker lawmakers critics ' +
    'supporters opponents aide aides adviser advisers advisor lawyer lawyers attorney president governor mayor leader leaders ' +
    'secretary minister analyst analysts expert experts author writer reporter commentator host anchor judge court lawsuit ' +
    'complaint filing release announcement op-ed blog page petition resolution platform bill order document documents ' +
    // People speaking for themselves or for a crowd: "a friend referred to him as …".
    'friend friends neighbor neighbors neighbour neighbours relative relatives voter voters resident residents supporter ' +
    'protester protesters protestor protestors organizer organizers organiser organisers fan fans member members delegate ' +
    'delegates activist activists colleague colleagues relative witness witnesses ' +
    // Things that carry written words: "the email read", "the sign read".
    'email e-mail message sign banner').split(' '),
);

/**
 * The last token of a description that names a source, starting at its determiner: "the ad",
 * "a campaign spokesman", "the Daily News". Up to four words, ending on a source noun or, after
 * "the", on a run of capitalised words. -1 when the words do not describe a source.
 */
function sourceDescriptionEnd(toks: Tok[], det: number, qt: number): number {
  const capitalRun = toks[det]!.lower === 'the';
  let allCaps = true;
  for (let k = det + 1; k < qt && k - det <= 4; k++) {
    const t = toks[k]!;
    if (t.kind !== T_WORD || STOP.has(t.lower) || CUE_WORDS.has(t.lower)) return -1;
    allCaps &&= t.cap;
    const next = toks[k + 1];
    const nextIsWord = !!next && k + 1 < qt && next.kind === T_WORD;
    if (SOURCE_HEADS.has(t.lower) && !(nextIsWord && next!.cap && allCaps)) return k;
    // "The Rove ad": a capitalised modifier before the source noun does not end the description.
    if (capitalRun && allCaps && !(nextIsWord && (next!.cap || SOURCE_HEADS.has(next!.lower)))) return k;
  }
  return -1;
}

function blankLineBetween(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10 && ++newlines === 2) return true;
  return false;
}

function quoteBefore(toks: Tok[], end: number): boolean {
  for (let k = 0; k < end; k++) if (toks[k]!.kind === T_QUOTE) return true;
  return false;
}

/** "X said." or "said X." opening the sentence right after the quote. */
function nextSentenceCue(text: string, q: Span, sentences: readonly Span[], s1: number, quotes: readonly Span[]): RawAttribution | null {
  const next = sentences[s1 + 1];
  if (next && next.start - q.end < 4 && next.end - next.start < 160) {
    const nt = tokenizeWindow(text, next.start, next.end, quotes);
    const cue = findCues(nt)[0];
    // A cue after a quote of its own (“…?” ¶ “Mexico!” the crowd shouted) credits that quote, and
    // a sentence in the next paragraph reports something new ("“…?” ¶ The crowd applauded.").
    if (cue && cue.from <= 5 && !cue.forward && !quoteBefore(nt, cue.from) && !blankLineBetween(text, q.end, next.start)) {
      const sp = subjectBefore(nt, cue.from, 0) ?? (cue.from === 0 ? subjectAfter(nt, cue.to, nt.length) : null);
      if (sp) return { speaker: sp, cue: { start: nt[cue.from]!.start, end: nt[cue.to - 1]!.end }, inherited: false };
    }
    // “…?” Hannity pressed. — a question or exclamation ends the sentence before its speaker. The
    // short sentence must follow in the same paragraph and hold nothing but subject and verb.
    const mark = text.charCodeAt(q.end - 2);
    if (!cue && (mark === 63 || mark === 33) && !blankLineBetween(text, q.end, next.start)) {
      const found = subjectAndVerb(nt, 0);
      const end = found && nt.findIndex((t) => t.start >= found.cue!.end);
      if (found && (end === -1 || nt[end!]!.lower === '.' || (nt[end!]!.lower.endsWith('ly') && nt[end! + 1]?.lower === '.'))) return found;
    }
  }
  return null;
}

/** Quotes with speaker mentions resolved against the entity list (names, descriptions, pronouns). */
export function attributeQuotes(
  text: string,
  quotes: readonly QuoteSpan[],
  sentences: readonly Span[],
  blocks: readonly Span[],
  entities: readonly Entity[],
): Quote[] {
  const raw = attributeRaw(text, quotes, sentences, blocks);
  const speakers = linkSpeakers(text, raw.map((r) => r.speaker), quotes, entities);
  return quotes.map((q, i): Quote => {
    const r = raw[i]!;
    const cue: TextSpan | null = r.cue ? { start: r.cue.start, end: r.cue.end, text: text.slice(r.cue.start, r.cue.end) } : null;
    return {
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      content: q.content,
      partial: q.partial,
      speaker: speakers[i] ?? null,
      cue,
    };
  });
}
