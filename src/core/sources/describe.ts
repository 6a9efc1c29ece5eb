// What kind of voice a source is, whom it speaks for and in what role, read from the entity it
// resolves to or, for an unnamed source, from the head noun of its description.
import type { Entity, EntityType, Mention } from '../types';
import type { SourceKind } from './types';

const KIND_OF_TYPE: Record<EntityType, SourceKind> = {
  PERSON: 'person',
  ORG: 'organisation',
  // A country, capital or seat of power named as the one who speaks stands for its government.
  PLACE: 'actor-place',
  // "Republicans said", "the Russians say": a named group.
  NORP: 'organisation',
};

export function kindOfEntity(e: Entity): SourceKind {
  return KIND_OF_TYPE[e.type];
}

// Head nouns of descriptions that stand for a government or a place acting as one.
const PLACE_HEADS = new Set('country countries nation nations government governments state states capital capitals city cities regime regimes administration authorities'.split(' '));
// Head nouns of descriptions of organisations.
const ORG_HEADS = new Set(
  `agency agencies ministry ministries department departments newspaper newspapers paper network networks company companies
  firm firms group groups committee committees council councils campaign campaigns party parties organisation organization
  organisations organizations office board commission court courts union unions association bank banks institute university
  foundation times post news service team coalition alliance embassy embassies military army police army broadcaster outlet
  outlets website site magazine journal channel station corporation club church centre center`.split(/\s+/),
);
const PRONOUN_PERSON = new Set(['he', 'she', 'i']);
// Pronouns that may stand for a person, a group or an institution: shown as written, kind unknown.
const PRONOUN_OTHER = new Set(['they', 'we', 'it', 'you', 'who', 'which', 'that']);
const LEADING = /^((a|an|the|some|many|several|most|few|other|both|two|three|four|five|one|another|its|his|her|their|our)\s+)+/i;
const PREPOSITION = /\s(of|for|at|in|from|with|on|to)\s/i;

export interface Described {
  kind: SourceKind;
  /** True when the head of the description is a proper noun ("Korean Central News Agency"). */
  named: boolean;
  role: string | null;
  /** Where the head part ends (offset in the article): before "of", "for", "at" and the like. */
  headEnd: number;
}

/**
 * Kind and role of a description: "a U.S. Embassy spokesperson" (anonymous, spokesperson),
 * "Western countries" (actor-place), "the ministry" (organisation), "Pyongyang's official Korean
 * Central News Agency" (a named organisation the entity finder missed). `inside` are the entity
 * mentions within the description, which make up its affiliation rather than its role.
 * `sentenceInitial`: the description opens its sentence, so the capital of its first word says
 * nothing ("Analysts said …" is a description, not a name).
 */
export function describe(written: string, offset: number, inside: readonly Mention[], sentenceInitial = false): Described {
  const pronoun = written.toLowerCase();
  // A pronoun the analysis could not resolve: "he" and "she" are people (nothing more is read into
  // them), the others could be anyone.
  const cut = PREPOSITION.exec(written);
  const headEnd = offset + (cut ? cut.index : written.length);
  if (PRONOUN_PERSON.has(pronoun)) return { kind: 'person', named: false, role: null, headEnd };
  if (PRONOUN_OTHER.has(pronoun)) return { kind: 'anonymous', named: false, role: null, headEnd };
  const headPart = cut ? written.slice(0, cut.index) : written;
  const words: string[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu;
  for (let m = re.exec(headPart); m; m = re.exec(headPart)) {
    const at = offset + m.index;
    if (inside.some((x) => x.start <= at && at < x.end)) continue;
    words.push(m[0]);
  }
  const lead = LEADING.exec(words.join(' '));
  const all = (lead ? words.join(' ').slice(lead[0].length) : words.join(' ')).split(' ').filter((w) => w && !/['’]s$/.test(w) && w.toLowerCase() !== 'and');
  // A participle after the head noun starts a modifier, not the head: "a poll released Tuesday",
  // "officials briefed on the talks".
  const participle = all.findIndex((w, i) => i > 0 && /^\p{Ll}+ed$/u.test(w) && /^\p{Ll}/u.test(all[i - 1]!));
  const rest = participle > 0 ? all.slice(0, participle) : all;
  const head = rest[rest.length - 1] ?? '';
  const lower = head.toLowerCase();
  // A capital is a sign of a name, except on the word that opens the sentence.
  const opensSentence = sentenceInitial && !lead && words[0] === head;
  const named = head !== '' && head[0] !== head[0]!.toLowerCase() && !opensSentence;
  const kind: SourceKind = PLACE_HEADS.has(lower) ? 'actor-place' : ORG_HEADS.has(lower) ? 'organisation' : 'anonymous';
  // A capitalised head names something: an organisation unless its head says otherwise.
  if (named && kind === 'anonymous') return { kind: 'organisation', named, role: null, headEnd };
  const role = named ? null : rest.filter((w) => w[0] === w[0]!.toLowerCase() || (opensSentence && w === head)).map((w) => (opensSentence && w === head ? lower : w)).join(' ') || null;
  return { kind, named, role, headEnd };
}

/**
 * Where an affiliation that begins with a mention inside an unnamed source's description ends. A
 * mention followed by capitalised words before the head noun names one of its institutions ("a
 * U.S. Embassy spokesperson": U.S. Embassy; "a Russian Foreign Ministry spokeswoman"), which the
 * entity tagger may leave out of the name: CoNLL-2003, which it learns from, tags only the place
 * in "U.S. embassy". The head noun itself (the last word before `limit`, the end of the head part
 * or the next mention) is never taken.
 */
export function affiliationEnd(text: string, end: number, limit: number): number {
  const nameWord = /^ (\p{Lu}[\p{L}\p{N}.&-]*)(?= [\p{L}\p{N}])/u;
  for (let m = nameWord.exec(text.slice(end, limit)); m; m = nameWord.exec(text.slice(end, limit))) end += m[0].length;
  return end;
}

/** Names of the organisations, places and groups of one article, to find inside roles. */
export function affiliationNames(entities: readonly Entity[]): ReadonlySet<string> {
  const names = new Set<string>();
  for (const e of entities) if (e.type !== 'PERSON') for (const a of e.aliases) names.add(a);
  return names;
}

// Longest affiliation name looked for, in words ("Ministry of Foreign Affairs of the Russian Federation").
const MAX_NAME_WORDS = 8;

/**
 * The organisation, place or group a person speaks for, from the roles the text gives them
 * ("Kremlin aide" → Kremlin, "professor at Ewha University" → Ewha University): the longest name of
 * an organisation, place or group written inside a role, looked up run of words by run of words so
 * the cost does not grow with the number of entities.
 */
export function affiliationFromRoles(roles: readonly string[], names: ReadonlySet<string>): string | null {
  let best: string | null = null;
  for (const role of roles) {
    const words = [...role.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu)];
    for (let i = 0; i < words.length; i++) {
      for (let j = i; j < words.length && j < i + MAX_NAME_WORDS; j++) {
        const from = words[i]!.index;
        const to = words[j]!.index + words[j]![0].length;
        // The run as written, and without a possessive or a trailing dot ("Ukraine’s", "Corp.").
        for (const cand of [role.slice(from, to), role.slice(from, to).replace(/['’]s$|\.$/, '')]) {
          if (names.has(cand) && (!best || cand.length > best.length)) best = cand;
        }
      }
    }
  }
  return best;
}
