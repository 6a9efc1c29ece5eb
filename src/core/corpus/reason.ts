// Why two statements were paired, in plain words: the people, places and organisations both name
// (with the other's name when it differs: "North Korea = Pyongyang"), the numbers and dates both
// give, a quote credited to the same speaker, and the rarest words they share. A reviewer reads this
// instead of a bare score.
import { nameKey, type Statement } from './statements';
import { sentenceTerms, surfaceTerms } from './terms';

export interface PairReason {
  /** Entities both statements name, as the first names them ("North Korea = Pyongyang" when the second says it otherwise). */
  entities: string[];
  /** Numbers and dates both give, as the first writes them. */
  numbers: string[];
  /** Someone both statements quote or credit. */
  speaker?: string;
  /** The attribution cue both use ("said", "told"). */
  cue?: string;
  /** The weightiest other words both use, as the first writes them. */
  words: string[];
  /** The above as one sentence. */
  text: string;
}

/** How many shared words the reason lists. */
const MAX_WORDS = 4;
const MAX_ENTITIES = 4;

export interface SharedEvidence {
  /** Entity pairs (as each statement names them) answering to a common key, each entity in at most one pair. */
  entities: [a: string, b: string][];
  /** Quantities of the first statement the second gives too. */
  numbers: string[];
  /** Shared content-word terms that are not part of a shared entity's name. */
  words: string[];
}

/** What two statements have in common, each thing counted once (a name is not also a shared word). */
export function sharedEvidence(a: Statement, b: Statement): SharedEvidence {
  // Called for every pair one-to-one matching might keep: plain loops over the statements' few
  // names, numbers and words, without sets or closures to build each time.
  const entities: [string, string][] = [];
  if (a.entities.length && b.entities.length) {
    const usedA = a.entities.map(() => false);
    const usedB = b.entities.map(() => false);
    // Same name first, then other names for the same thing ("North Korea" and "Pyongyang").
    for (let pass = 0; pass < 2; pass++) {
      const sameName = pass === 0;
      for (let i = 0; i < a.entities.length; i++) {
        if (usedA[i]) continue;
        const e = a.entities[i]!;
        for (let j = 0; j < b.entities.length; j++) {
          const f = b.entities[j]!;
          if (usedB[j] || !(sameName ? f.key === e.key : sharesKey(f.keys, e.keys))) continue;
          usedA[i] = true;
          usedB[j] = true;
          entities.push([e.name, f.name]);
          break;
        }
      }
    }
  }
  const numbers: string[] = [];
  const qa = a.quantities;
  for (let i = 0; i < qa.length; i++) {
    const q = qa[i]!;
    if (!numbers.includes(q.text) && holdsQuantity(b, q.term)) numbers.push(q.text);
  }
  const words: string[] = [];
  const wa = a.words;
  for (let i = 0; i < wa.length; i++) {
    const w = wa[i]!;
    if (!words.includes(w) && b.words.includes(w) && !namesWord(a, w) && !namesWord(b, w)) words.push(w);
  }
  return { entities, numbers, words };
}

function holdsQuantity(s: Statement, term: string): boolean {
  for (let i = 0; i < s.quantities.length; i++) if (s.quantities[i]!.term === term) return true;
  return false;
}

function sharesKey(x: readonly string[], y: readonly string[]): boolean {
  for (let i = 0; i < x.length; i++) if (y.includes(x[i]!)) return true;
  return false;
}

/** Whether `word` is a word of the name of an entity the statement mentions. */
function namesWord(s: Statement, word: string): boolean {
  for (let i = 0; i < s.entities.length; i++) if (wordsOfName(s.entities[i]!.name).includes(word)) return true;
  return false;
}

// The same names come back in sentence after sentence. Bounded, as the term cache is.
const nameWordsCache = new Map<string, readonly string[]>();
const NAME_CACHE_LIMIT = 50_000;

/** The word terms of a name ("Vladimir Putin": "vladimir", "putin"). */
function wordsOfName(name: string): readonly string[] {
  let words = nameWordsCache.get(name);
  if (!words) {
    if (nameWordsCache.size > NAME_CACHE_LIMIT) nameWordsCache.clear();
    nameWordsCache.set(name, (words = sentenceTerms(name).words));
  }
  return words;
}

/** How many distinct things two statements share: names, numbers and other words. */
export function evidenceCount(e: SharedEvidence): number {
  return e.entities.length + e.numbers.length + e.words.length;
}

export function explainPair(a: Statement, b: Statement, weightOf: (term: string) => number, evidence = sharedEvidence(a, b)): PairReason {
  const entities = evidence.entities.map(([x, y]) => (nameKey(x).includes(nameKey(y)) || nameKey(y).includes(nameKey(x)) ? x : `${x} = ${y}`));
  const numbers = evidence.numbers;
  const speaker = a.speakers.find((s) => b.speakers.some((t) => samePerson(s, t)));
  const cue = a.cues.find((c) => b.cues.includes(c));
  const sharedWords = [...evidence.words].sort((x, y) => weightOf(y) - weightOf(x) || (x < y ? -1 : 1)).slice(0, MAX_WORDS);
  const words = sharedWords.length ? asWritten(sharedWords, a.text) : [];
  const parts: string[] = [];
  if (entities.length) parts.push(`both name ${list(entities.slice(0, MAX_ENTITIES))}${entities.length > MAX_ENTITIES ? ` and ${entities.length - MAX_ENTITIES} more` : ''}`);
  if (numbers.length) parts.push(`both give ${list(numbers)}`);
  if (speaker) parts.push(`both cite ${speaker}${cue ? ` (“${cue}”)` : ''}`);
  else if (cue) parts.push(`the same cue (“${cue}”)`);
  if (words.length) parts.push(`shared words: ${words.join(', ')}`);
  const text = parts.length ? capitalise(parts.join('; ')) + '.' : 'Similar wording.';
  return { entities, numbers, ...(speaker ? { speaker } : {}), ...(cue ? { cue } : {}), words, text };
}

/** Each term as first written in the text ("sanctioned" for "sanction"), or the term itself. */
function asWritten(terms: readonly string[], text: string): string[] {
  const out = [...terms];
  const done = terms.map(() => false);
  let left = terms.length;
  for (const [term, raw] of surfaceTerms(text)) {
    for (let k = 0; k < terms.length; k++) {
      if (!done[k] && terms[k] === term) {
        out[k] = raw;
        done[k] = true;
        left--;
      }
    }
    if (left === 0) break;
  }
  return out;
}

/** The same person when every word of one name is in the other ("Kirby", "John Kirby"). */
function samePerson(x: string, y: string): boolean {
  const a = nameKey(x).split(' ');
  const b = nameKey(y).split(' ');
  return a.every((w) => b.includes(w)) || b.every((w) => a.includes(w));
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
