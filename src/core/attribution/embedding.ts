// A quote set inside a clause with no verb of saying: the clause subject, when it is a name, a pronoun
// or a description of a source.
import { fixedPhrase, namingParticiple } from './cues';
import type { RawAttribution } from './raw';
import { T_PUNCT, T_QUOTE, T_WORD, type Tok } from './tokens';
import { CUE_WORDS, DETERMINERS, INTRO, IRREGULAR_PAST, PRONOUNS, SKIP_BEFORE_CUE, STOP, TIME_TAILS, isNegation, isWeekday } from './words';

// Capitalised words that open a sentence without being its subject.
const SENTENCE_ADVERBS = new Set(['only', 'such', 'thus', 'even', 'still', 'hence', 'perhaps', 'maybe', 'instead', 'indeed', 'yes', 'no', 'well', 'now', 'here', 'there']);

// Words that join a sentence to the one before without saying who speaks.
export const JOINERS = new Set(['but', 'and', 'then', 'so', 'yet', 'still', 'also', 'or']);

// Adverbs that, set off by a comma, link a sentence to the one before without naming anyone:
// "Trump said. Instead, “…”".
export const LINKING_ADVERBS = new Set(['instead', 'indeed', 'later', 'again', 'meanwhile', 'finally', 'however', 'now', 'otherwise', 'rather']);

// Subject pronouns that can open a clause.
export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/**
 * A quote set inside a clause with no verb of saying: "Bush referred to Rubio as “a bright leader”",
 * "She declared “What a night!”". The words are the clause subject's, when that subject is a name
 * or a pronoun followed straight away by its verb. Descriptions are taken only when their head
 * names a source (SOURCE_HEADS: "the ad", "a friend"); others ("the plan", "the number") are too
 * often the topic rather than the source.
 */
export function embeddingClauseSubject(toks: Tok[], qt: number): RawAttribution | null {
  // "A blog, called the “Feed,” …", "the so-called “…”": the quote names something; nobody says it.
  const named = toks[qt - 1]?.lower === 'the' ? qt - 2 : qt - 1;
  if (named >= 0 && (namingParticiple(toks, named) || fixedPhrase(toks, named))) return null;
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
    // "Hastily blaming the storm, Alder …": an adverb and a participle open a phrase before the subject.
    // "Featuring songs by Lynn, “…”": so does a participle itself.
    const participial = t.cap && toks[start + 1]?.kind === T_WORD && !toks[start + 1]!.cap && ((t.lower.endsWith('ly') && toks[start + 1]!.lower.endsWith('ing')) || (t.lower.endsWith('ing') && t.lower.length > 5));
    if (!(INTRO.has(t.lower) || (STOP.has(t.lower) && !PRONOUNS.has(t.lower)) || shortPhrase || timePhrase || participial)) break;
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
export const TASTE_VERBS = new Set(['like', 'likes', 'liked', 'love', 'loves', 'loved', 'enjoy', 'enjoys', 'enjoyed', 'watch', 'watches', 'watched', 'prefer', 'prefers', 'preferred']);

// Head nouns of descriptions that can be the source of quoted words: people in a role, bodies,
// publications and documents. "The plan", "the number" are topics and stay out.
export const SOURCE_HEADS = new Set(
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
export function sourceDescriptionEnd(toks: Tok[], det: number, qt: number): number {
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
