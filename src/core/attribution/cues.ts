// Finding attribution cues (said, according to, was quoted as saying) in a window of tokens.
import { T_PUNCT, T_QUOTE, T_WORD, type Tok } from './tokens';
import { COMPARATIVES, CUE_WORDS, DETERMINERS, NOUN_MARKERS, POINT, PRONOUNS, PUT, RETORT, STOP, isWeekday } from './words';

export interface Cue {
  /** Token range of the cue words. */
  from: number;
  to: number;
  /** The speaker follows the cue ("according to X"). */
  forward: boolean;
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

export function findCues(toks: Tok[], text?: string): Cue[] {
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
    } else if (bits & CUE_ONE && !(t.cap && k > 0 && toks[k - 1]!.kind === T_WORD) && !(k > 0 && (NOUN_MARKERS.has(toks[k - 1]!.lower) || COMPARATIVES.has(toks[k - 1]!.lower) || isPossessive(toks[k - 1]!))) && !infinitiveAfter(t.lower, next) && !isPassive(toks, k) && !isNounOf(toks, k) && !afterAdjective(toks, k) && !adjectiveTelling(toks, k) && !namingParticiple(toks, k) && !fixedPhrase(toks, k)) {
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
  if (!(adj.kind === T_WORD && !adj.cap)) return false;
  // "with chants for the two", "of initial reports": a verb never follows a preposition directly.
  if (PREPOSITIONS.has(adj.lower)) return true;
  const modifier = ADJECTIVES.has(adj.lower) || /(ous|ful|ic|est)$/.test(adj.lower) || (adj.lower.includes('-') && /(ed|ing)$/.test(adj.lower));
  // "his recent reads", "this season's best-rated new shows", "of initial reports".
  return modifier && (NOUN_MARKERS.has(det.lower) || isPossessive(det) || PREPOSITIONS.has(det.lower) || (det.kind === T_WORD && !det.cap && det.lower.includes('-')));
}
const ADJECTIVES = new Set(['top', 'new', 'big', 'loud', 'brief', 'short', 'long', 'latest', 'last', 'first', 'final', 'angry', 'sharp', 'public', 'private', 'usual', 'familiar', 'recent', 'initial', 'early', 'earlier', 'later', 'late', 'daily', 'weekly', 'frequent', 'repeated']);
const PREPOSITIONS = new Set(['with', 'of', 'for', 'about', 'from', 'among', 'without', 'amid', 'despite', 'into', 'against', 'like']);

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

/** "Alpert’s metaphor is telling in its own right": "telling" after a linking verb, with no one told, is an adjective. */
function adjectiveTelling(toks: Tok[], k: number): boolean {
  if (toks[k]!.lower !== 'telling') return false;
  const prev = toks[k - 1]?.lower ?? '';
  const next = toks[k + 1];
  return (BE_FORMS.has(prev) || DEGREE.has(prev)) && (!next || next.kind === T_PUNCT || TELLING_AFTER.has(next.lower));
}
const DEGREE = new Set(['very', 'most', 'more', 'particularly', 'especially', 'quite', 'rather', 'perhaps', 'also']);
const TELLING_AFTER = new Set(['in', 'of', 'about', 'for', 'that', 'because', 'as', 'and', 'but']);

const NAMING = new Set(['called', 'dubbed', 'named', 'titled', 'entitled', 'nicknamed', 'billed', 'labeled', 'labelled']);

/**
 * "a popular play called “Sons of Trump”", "A blog, called the “Feed,”": a participle that gives
 * something its name right before the quote. The quote is a title, and nobody says it.
 */
export function namingParticiple(toks: Tok[], k: number): boolean {
  if (!NAMING.has(toks[k]!.lower)) return false;
  let q = k + 1;
  if (toks[q]?.lower === 'the') q++;
  if (toks[q]?.kind !== T_QUOTE) return false;
  // "A blog, called …": set off by a comma, after any article.
  const comma = toks[k - 1]?.lower === ',';
  const noun = toks[comma ? k - 2 : k - 1];
  if (!noun || noun.kind !== T_WORD || noun.cap || PRONOUNS.has(noun.lower) || STOP.has(noun.lower)) return false;
  // Otherwise an indefinite noun phrase before it: "a group called", "a new website called".
  for (let j = (comma ? k - 3 : k - 2); j >= 0 && j >= k - 5; j--) {
    const w = toks[j]!;
    if (w.kind !== T_WORD || (w.cap && j > 0 && toks[j - 1]!.kind === T_WORD)) return false;
    if (w.lower === 'a' || w.lower === 'an' || (comma && w.lower === 'the')) return true;
    if (STOP.has(w.lower)) return false;
  }
  return false;
}

/** "so-called", "easier said than done": a verb of saying inside a set phrase reports nothing. */
export function fixedPhrase(toks: Tok[], k: number): boolean {
  const w = toks[k]!.lower;
  if (w === 'called') return toks[k - 1]?.lower === 'so' || (toks[k - 1]?.lower === '-' && toks[k - 2]?.lower === 'so');
  return w === 'said' && toks[k + 1]?.lower === 'than';
}
