// The statements of one article as the matcher sees them: each sentence with its content words,
// quantities, the entities it mentions (as alias-aware keys) and the quotes inside it.
import type { Analysis, Entity, Span } from '../types';
import { sentenceTerms, type Quantity } from './terms';

export interface Statement extends Span {
  /** Position in the article's sentence list. */
  index: number;
  text: string;
  /** Stemmed content words. */
  words: string[];
  quantities: Quantity[];
  /** Alias-aware keys of the entities mentioned ("ent:putin", "ent:vladimir putin"). */
  entityKeys: string[];
  /** Canonical names of the PERSON entities mentioned, for name conflicts. */
  persons: string[];
  /** Text between the quote marks of every quote inside the sentence. */
  quotes: string[];
  /** Every term the matcher scores, deduplicated: words, quantity terms and entity keys. */
  terms: string[];
}

// Capitals and seats of government stand for their country in news copy ("Pyongyang has denied",
// "Washington and Seoul say"): each also answers to the country's key. Only the usual ones.
const SEAT_OF = new Map<string, string>(Object.entries({
  pyongyang: 'north korea', moscow: 'russia', kremlin: 'russia', washington: 'united states', 'white house': 'united states',
  us: 'united states', usa: 'united states', america: 'united states', seoul: 'south korea', kyiv: 'ukraine', kiev: 'ukraine',
  beijing: 'china', london: 'united kingdom', uk: 'united kingdom', britain: 'united kingdom', paris: 'france', berlin: 'germany',
  tokyo: 'japan', tehran: 'iran', jerusalem: 'israel', ankara: 'turkey', 'new delhi': 'india', hanoi: 'vietnam',
  un: 'united nations', nato: 'nato',
}));

/** Entity keys are normalised names: lower case, no dots ("U.S." = "US"), single spaces. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[.’']/g, '').replace(/\s+/g, ' ').trim();
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

/** Alias keys plus the country a capital or seat of government stands for. */
export function entityKeys(e: Pick<Entity, 'type' | 'name' | 'aliases'>): string[] {
  const keys = new Set(aliasKeys(e));
  for (const a of [e.name, ...e.aliases]) {
    const seat = SEAT_OF.get(nameKey(a));
    if (seat) keys.add('ent:' + seat);
  }
  return [...keys];
}

export function articleStatements(text: string, analysis: Pick<Analysis, 'sentences' | 'entities' | 'quotes'>): Statement[] {
  const mentions = analysis.entities
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e })))
    .sort((x, y) => x.start - y.start);
  const keysOf = new Map<Entity, string[]>();
  const quotes = [...analysis.quotes].sort((x, y) => x.start - y.start);
  const out: Statement[] = [];
  let mi = 0;
  let qi = 0;
  analysis.sentences.forEach((s, index) => {
    const sentence = text.slice(s.start, s.end);
    const { words, quantities } = sentenceTerms(sentence);
    while (mi < mentions.length && mentions[mi]!.end <= s.start) mi++;
    const ents = new Set<Entity>();
    for (let j = mi; j < mentions.length && mentions[j]!.start < s.end; j++) ents.add(mentions[j]!.entity);
    const eKeys = new Set<string>();
    const persons: string[] = [];
    for (const e of ents) {
      let k = keysOf.get(e);
      if (!k) keysOf.set(e, (k = entityKeys(e)));
      for (const key of k) eKeys.add(key);
      if (e.type === 'PERSON') persons.push(e.name);
    }
    while (qi < quotes.length && quotes[qi]!.end <= s.start) qi++;
    const quoted: string[] = [];
    for (let j = qi; j < quotes.length && quotes[j]!.start < s.end; j++) {
      const q = quotes[j]!;
      quoted.push(text.slice(Math.max(q.content.start, s.start), Math.min(q.content.end, s.end)));
    }
    const terms = new Set<string>(words);
    for (const q of quantities) terms.add(q.term);
    for (const k of eKeys) terms.add(k);
    out.push({
      start: s.start,
      end: s.end,
      index,
      text: sentence,
      words,
      quantities,
      entityKeys: [...eKeys],
      persons,
      quotes: quoted,
      terms: [...terms],
    });
  });
  return out;
}
