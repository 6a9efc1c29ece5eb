// Two long articles for the Compare Sources responsiveness report (compareLatency.test.ts), built
// from the seed articles alone so the suite needs no data from outside the repository.
// A "story" is one seed article retold with its people, places and numbers changed (the same
// sentence shapes, other facts); article A is stories retold from the first seed, article B shares
// every other story of A (its paragraphs shuffled under the headline, as another outlet would tell
// it) and fills the rest with stories retold from the second seed. So about half of A's statements
// have a counterpart in B, and every other sentence of A has many near-misses in B (same wording,
// other names), which the matching has to score and turn down: real work, not a copy.
// Deterministic: the same seeds give the same articles on every run.
import { prng, shuffle } from '../../scripts/seededRandom';

/** Capitalised words that are titles, institutions, calendar words or page furniture, not names: kept as written. */
const NOT_NAMES = new Set(
  (
    'The To A An And But For In On At It Its As Of By With From This That These Those He She They We I You His Her Their Our ' +
    'President Minister Prime Chairman General Secretary Council National Security International Court Criminal Union United ' +
    'States Nations Party Assembly Agency Central University Foreign Ministry Embassy Affairs House White War East West Western ' +
    'Eastern Far North South Northern Southern News Font Size Mode Content Updated Published Trending Image Read Breaking Stories ' +
    'Accessibility Top Back Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December'
  ).split(' '),
);

/** Story numbers of the second seed's retellings start here: their names are not those of A's stories. */
const OTHER_STORIES = 1_000_000;

const SYLLABLES = ['ka', 'ro', 'vin', 'tel', 'mar', 'os', 'du', 'lan', 'bre', 'sko', 'an', 'ti', 'gor', 'el', 'na', 'vy', 'ros', 'mi', 'ha', 'zen'];

/** FNV-1a of a string: a stable hash for picking replacement names and numbers. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A made-up name of two or three syllables, the same for the same word in the same story. */
function nameFor(word: string, story: number): string {
  let h = hash(`${story}:${word}`);
  let name = '';
  for (let i = 0; i < 2 + (h % 2); i++) {
    h = Math.imul(h, 0x9e3779b1) >>> 0;
    name += SYLLABLES[(h >>> 16) % SYLLABLES.length];
  }
  return name[0]!.toUpperCase() + name.slice(1);
}

/** Words of `text` that are capitalised somewhere other than at the start of a sentence or line: names. */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{Ll},;:] ?)\b[A-Z][a-z]+\b/gu)) if (!NOT_NAMES.has(m[0])) names.add(m[0]);
  return names;
}

/** `seed` retold as story number `story`: its names and numbers replaced, everything else as written. */
export function retell(seed: string, story: number, names = namesIn(seed)): string {
  return seed
    .replace(/\b[A-Z][a-z]+\b/g, (w) => (names.has(w) ? nameFor(w, story) : w))
    .replace(/\d+/g, (digits) => {
      const n = hash(`${story}#${digits}`) % 10 ** digits.length;
      return String(n).padStart(digits.length, '1');
    });
}

/** The same story as another outlet tells it: the headline first, then its paragraphs in another order. */
function reordered(story: string, rand: () => number): string {
  const [head, ...body] = story.split(/\n\s*\n/);
  return [head!, ...shuffle(body, rand)].join('\n\n');
}

export interface ComparePair {
  a: string;
  b: string;
  /** Stories in A, and how many of them B retells too. */
  stories: number;
  sharedStories: number;
}

/** Two articles of about `chars` characters each from two seed articles (see the top of this file). */
export function comparePair(first: string, second: string, chars: number): ComparePair {
  const rand = prng(chars);
  const firstNames = namesIn(first);
  const secondNames = namesIn(second);
  const a: string[] = [];
  const b: string[] = [];
  let sizeA = 0;
  let sizeB = 0;
  let sharedStories = 0;
  for (let k = 0; sizeA < chars || sizeB < chars; k++) {
    const story = retell(first, k, firstNames);
    if (sizeA < chars) {
      a.push(story);
      sizeA += story.length + 2;
    }
    if (sizeB < chars) {
      // Every other story of A is in B too; in its place otherwise, a story retold from the other seed.
      const told = k % 2 === 0 ? reordered(story, rand) : retell(second, OTHER_STORIES + k, secondNames);
      if (k % 2 === 0 && sizeA <= chars) sharedStories++;
      b.push(told);
      sizeB += told.length + 2;
    }
  }
  return { a: a.join('\n\n').slice(0, chars), b: b.join('\n\n').slice(0, chars), stories: a.length, sharedStories };
}
