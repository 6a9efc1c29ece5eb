// The statements of one article as the matcher sees them: each sentence of the article's own text
// (never page residue, datelines, bylines or photo captions) with its content words, quantities, the
// entities it mentions (as alias-aware keys), the quotes inside it and who they are credited to.
import type { Analysis, Entity, Span, Structure } from '../types';
import { countryOf } from './countries';
import { sentenceTerms, type Quantity, type SentenceTerms } from './terms';

export interface Statement extends Span {
  /** Position in the article's statement list (its sentences less residue). */
  index: number;
  text: string;
  /** Stemmed content words. */
  words: string[];
  quantities: Quantity[];
  /** Alias-aware keys of the entities mentioned ("ent:putin", "ent:vladimir putin"). */
  entityKeys: string[];
  /** Canonical names of the PERSON entities mentioned, for name conflicts. */
  persons: string[];
  /** Every entity mentioned: its canonical name (for reasons), that name's nameKey, and its keys. */
  entities: { name: string; key: string; keys: string[] }[];
  /** Text between the quote marks of every quote inside the sentence. */
  quotes: string[];
  /** Who the quotes inside the sentence are credited to: the entity's name, else the speaker as written. */
  speakers: string[];
  /** The attribution cues of those quotes, lower-cased ("said", "told"). */
  cues: string[];
  /** Every term the matcher scores, deduplicated: words, quantity terms and entity keys. */
  terms: string[];
}

// Reasons and conflicts ask for the keys of the same few names pair after pair. Bounded.
const nameKeys = new Map<string, string>();
const NAME_KEY_LIMIT = 50_000;

/** Entity keys are normalised names: lower case, no dots ("U.S." = "US"), single spaces. */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    if (nameKeys.size > NAME_KEY_LIMIT) nameKeys.clear();
    nameKeys.set(name, (key = name.toLowerCase().replace(/[.’']/g, '').replace(/\s+/g, ' ').trim()));
  }
  return key;
}


/**
 * The keys an entity's own names give it: each alias, and for a two-word person name the surname,
 * so an article that only says "Putin" meets one that says "Vladimir Putin". Longer names keep
 * only their aliases ("Kim Jong Un" must not answer to "Un", the UN's key).
 */
export function aliasKeys(e: Pick<Entity, 'type' | 'name' | 'aliases'>): string[] {
  const keys = new Set<string>();
  for (const a of [e.name, ...e.aliases]) keys.add('ent:' + nameKey(a));
  if (e.type === 'PERSON') {
    const parts = nameKey(e.name).split(' ');
    if (parts.length === 2) keys.add('ent:' + parts[1]);
  }
  return [...keys];
}

/**
 * Alias keys plus the country a place or organisation name stands for: its capital, abbreviation,
 * other name or seat of government (countries.ts). A person's name never does ("Washington" the man).
 */
export function entityKeys(e: Pick<Entity, 'type' | 'name' | 'aliases'>): string[] {
  const keys = new Set(aliasKeys(e));
  if (e.type === 'PERSON') return [...keys];
  for (const a of [e.name, ...e.aliases]) {
    const country = countryOf(nameKey(a));
    if (country) keys.add('ent:' + country);
  }
  return [...keys];
}

export type StatementSource = Pick<Analysis, 'sentences' | 'entities' | 'quotes'> & { structure?: Structure };

/** Spans that are not the article's own report: page residue, datelines, bylines, photo captions. */
function notReport(structure: Structure | undefined): Span[] {
  if (!structure) return [];
  return [...structure.residue, ...structure.datelines, ...structure.bylines, ...structure.captions].sort((x, y) => x.start - y.start);
}

/**
 * The terms of each sentence text met so far. Articles on the same event often carry the same
 * sentences (wire copy, a quote repeated in full), and two articles compared share one of these:
 * a sentence met again costs one look-up. Nothing in a statement changes the arrays it gets.
 */
export type SentenceTermsCache = Map<string, SentenceTerms>;

export function articleStatements(text: string, analysis: StatementSource, termsCache?: SentenceTermsCache): Statement[] {
  const excluded = notReport(analysis.structure);
  let ei = 0;
  const mentions = analysis.entities
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e })))
    .sort((x, y) => x.start - y.start);
  // Each entity's keys and name key, worked out once for the article rather than in every sentence naming it.
  const keysOf = new Map<Entity, { keys: string[]; key: string }>();
  const roleTerms = new Map<string, string[]>();
  const quotes = [...analysis.quotes].sort((x, y) => x.start - y.start);
  const out: Statement[] = [];
  let mi = 0;
  let qi = 0;
  // Indexed loops throughout: this runs once per sentence of both articles, much of it before V8
  // optimises it, and there every for-of loop allocates an iterator and a result per step.
  const sentences = analysis.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    // A sentence inside (or overlapping) residue is never offered as a statement.
    while (ei < excluded.length && excluded[ei]!.end <= s.start) ei++;
    if (ei < excluded.length && excluded[ei]!.start < s.end) continue;
    const index = out.length;
    const sentence = text.slice(s.start, s.end);
    let termsOfSentence = termsCache?.get(sentence);
    if (!termsOfSentence) {
      termsOfSentence = sentenceTerms(sentence);
      termsCache?.set(sentence, termsOfSentence);
    }
    const { words: allWords, quantities } = termsOfSentence;
    while (mi < mentions.length && mentions[mi]!.end <= s.start) mi++;
    // A sentence names a few entities, keys, speakers and terms: lists kept free of repeats cost less than sets.
    const ents: Entity[] = [];
    for (let j = mi; j < mentions.length && mentions[j]!.start < s.end; j++) addOnce(ents, mentions[j]!.entity);
    const eKeys: string[] = [];
    const persons: string[] = [];
    const entities: Statement['entities'] = [];
    for (let n = 0; n < ents.length; n++) {
      const e = ents[n]!;
      let k = keysOf.get(e);
      if (!k) keysOf.set(e, (k = { keys: entityKeys(e), key: nameKey(e.name) }));
      for (let kk = 0; kk < k.keys.length; kk++) addOnce(eKeys, k.keys[kk]!);
      entities.push({ name: e.name, key: k.key, keys: k.keys });
      if (e.type === 'PERSON') persons.push(e.name);
    }
    // A title next to a name ("Ukraine's Foreign Minister", "North Korean leader") says who someone is,
    // not what happened: its words do not make two statements alike.
    let roleWords: Set<string> | undefined;
    for (let n = 0; n < ents.length; n++) {
      const roles = ents[n]!.roles;
      for (let ri = 0; ri < roles.length; ri++) {
        const r = roles[ri]!;
        if (!sentence.includes(r)) continue;
        let rw = roleTerms.get(r);
        if (!rw) roleTerms.set(r, (rw = sentenceTerms(r).words));
        for (let wi = 0; wi < rw.length; wi++) (roleWords ??= new Set()).add(rw[wi]!);
      }
    }
    const words = roleWords?.size ? allWords.filter((w) => !roleWords.has(w)) : allWords;
    while (qi < quotes.length && quotes[qi]!.end <= s.start) qi++;
    const quoted: string[] = [];
    const speakers: string[] = [];
    const cues: string[] = [];
    for (let j = qi; j < quotes.length && quotes[j]!.start < s.end; j++) {
      const q = quotes[j]!;
      quoted.push(text.slice(Math.max(q.content.start, s.start), Math.min(q.content.end, s.end)));
      if (q.speaker) addOnce(speakers, q.speaker.entityId ? nameOfId(q.speaker.entityId) : q.speaker.text);
      if (q.cue) addOnce(cues, q.cue.text.toLowerCase());
    }
    const terms: string[] = [];
    for (let n = 0; n < words.length; n++) addOnce(terms, words[n]!);
    for (let n = 0; n < quantities.length; n++) addOnce(terms, quantities[n]!.term);
    for (let n = 0; n < eKeys.length; n++) addOnce(terms, eKeys[n]!);
    out.push({
      start: s.start,
      end: s.end,
      index,
      text: sentence,
      words,
      quantities,
      entityKeys: eKeys,
      persons,
      entities,
      quotes: quoted,
      speakers,
      cues,
      terms,
    });
  }
  return out;
}

/** Adds `x` to `list` unless it is there: the list keeps the order things were first added in, as a set does. */
function addOnce<T>(list: T[], x: T): void {
  if (!list.includes(x)) list.push(x);
}

/** "PERSON:John Kirby" -> "John Kirby". */
function nameOfId(id: string): string {
  const colon = id.indexOf(':');
  return colon >= 0 ? id.slice(colon + 1) : id;
}
