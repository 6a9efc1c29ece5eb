// Alias grouping: decides which mentions name the same thing.
// People: a full name starts a group; a shorter form ("Putin", "Kim") joins the compatible
// full name that has been mentioned most so far (ties: the most recent), so "Kim" after
// "Kim Jong Un … his father Kim Jong Il" stays with Kim Jong Un. Organisations and places:
// same name up to periods and a leading "the", known short forms (U.S., USSR, U.N.), and
// acronyms that spell the initials of a longer name (NATO).
import type { EntityType } from '../types';

export interface NamedMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  roles: string[];
}

export interface AliasGroup {
  type: EntityType;
  name: string;
  mentions: NamedMention[];
  roles: string[];
}

/** Short forms whose long form cannot be derived from the letters. Keys are normalised (see `key`). */
const KNOWN_ALIASES = new Map<string, string>(Object.entries({
  us: 'United States', usa: 'United States', 'united states of america': 'United States', 'united states': 'United States', america: 'United States',
  uk: 'United Kingdom', britain: 'United Kingdom', 'great britain': 'United Kingdom', 'united kingdom': 'United Kingdom',
  ussr: 'Soviet Union', 'soviet union': 'Soviet Union',
  un: 'United Nations', 'united nations': 'United Nations',
  eu: 'European Union', 'european union': 'European Union',
  dprk: 'North Korea', 'north korea': 'North Korea',
  uae: 'United Arab Emirates', 'united arab emirates': 'United Arab Emirates',
}));

const INITIAL_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', '&', 'de']);

// Names repeat many times in a long text: normalise each distinct spelling once.
const keyCache = new Map<string, string>();
const wordsCache = new Map<string, string[]>();

/** Lower case, periods dropped, apostrophes unified, a leading "the" removed, spaces collapsed. */
export function key(name: string): string {
  let k = keyCache.get(name);
  if (k === undefined) {
    k = name.toLowerCase().replace(/[.]/g, '').replace(/’/g, "'").replace(/\s+/g, ' ').replace(/^the /, '').trim();
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(name, k);
  }
  return k;
}

function words(name: string): string[] {
  let w = wordsCache.get(name);
  if (w === undefined) {
    w = key(name).split(/[\s-]+/).filter(Boolean);
    if (wordsCache.size > 50_000) wordsCache.clear();
    wordsCache.set(name, w);
  }
  return w;
}

function initials(name: string): string {
  return words(name).filter((w) => !INITIAL_SKIP.has(w)).map((w) => w[0]).join('');
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/[.]/g, '');
  return letters.length >= 2 && letters.length <= 7 && /^[A-Z][A-Z&]+$/.test(letters);
}

const NONE: AliasGroup[] = [];

export function groupAliases(mentions: NamedMention[]): AliasGroup[] {
  const groups: AliasGroup[] = [];
  // One map per kind of name, keyed by the cached normalised string (no key concatenation per mention).
  const byKind = { PERSON: new Map<string, AliasGroup>(), NAME: new Map<string, AliasGroup>(), NORP: new Map<string, AliasGroup>() };
  const kindOf = (t: EntityType): Map<string, AliasGroup> => (t === 'PERSON' ? byKind.PERSON : t === 'NORP' ? byKind.NORP : byKind.NAME);
  const people: AliasGroup[] = [];
  const nameWords = new Map<AliasGroup, string[]>();
  // Person groups by their first and last word, and long organisation names by their initials:
  // indexes that keep grouping linear in the number of mentions.
  const peopleByWord = new Map<string, AliasGroup[]>();
  const byInitials = new Map<string, AliasGroup>();

  const add = (g: AliasGroup, m: NamedMention): void => {
    g.mentions.push(m);
    for (const r of m.roles) if (!g.roles.includes(r)) g.roles.push(r);
  };
  const create = (m: NamedMention, k: string): AliasGroup => {
    const g: AliasGroup = { type: m.type, name: m.text, mentions: [], roles: [] };
    groups.push(g);
    kindOf(m.type).set(k, g);
    nameWords.set(g, words(m.text));
    return g;
  };

  // Pass 1: every multi-word person name is a group of its own (Kim Jong Un, Kim Jong Il).
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const k = key(m.text);
    if (byKind.PERSON.has(k)) continue;
    const w = words(m.text);
    if (w.length < 2) continue;
    const g = create(m, k);
    people.push(g);
    for (const x of new Set([w[0], w[w.length - 1]])) {
      const list = peopleByWord.get(x);
      if (list) list.push(g);
      else peopleByWord.set(x, [g]);
    }
  }
  // A name contained in a longer one with the same surname joins it (George Bush → George W. Bush).
  for (const g of people) {
    const w = nameWords.get(g)!;
    const sameSurname = peopleByWord.get(w[w.length - 1]) ?? [];
    const longer = sameSurname.find((o) => {
      const ow = nameWords.get(o)!;
      return o !== g && ow.length > w.length && ow[ow.length - 1] === w[w.length - 1] && isSubsequence(w, ow);
    });
    if (longer) byKind.PERSON.set(key(g.name), longer);
  }
  const live = new Set(people.filter((g) => byKind.PERSON.get(key(g.name)) === g));
  const isLive = (g: AliasGroup): boolean => live.has(g);

  // Pass 2: in reading order.
  for (const m of mentions) {
    if (m.type === 'PERSON') {
      const k = key(m.text);
      const own = byKind.PERSON.get(k);
      const short = words(m.text);
      if (own && short.length > 1) {
        add(own, m);
        continue;
      }
      const bySurname = peopleByWord.get(short[short.length - 1]) ?? NONE;
      const compatible = short.length === 1 ? bySurname : bySurname.concat(peopleByWord.get(short[0]) ?? NONE);
      let best: AliasGroup | undefined;
      let firstLater: AliasGroup | undefined;
      let bestScore = -1;
      let bestLast = -1;
      for (const g of compatible) {
        if (!isLive(g) || !fitsName(short, nameWords.get(g)!)) continue;
        if (g.mentions.length === 0) {
          if (!firstLater) firstLater = g;
          continue;
        }
        const last = g.mentions[g.mentions.length - 1].start;
        if (g.mentions.length > bestScore || (g.mentions.length === bestScore && last > bestLast)) {
          best = g;
          bestScore = g.mentions.length;
          bestLast = last;
        }
      }
      // Nobody compatible mentioned yet (a headline "Putin" before "Vladimir Putin"): the one named later.
      add(best ?? firstLater ?? own ?? create(m, k), m);
      continue;
    }
    const k = key(m.text);
    const known = m.type === 'NORP' ? undefined : KNOWN_ALIASES.get(k);
    const groupKey = known ? key(known) : k;
    const map = kindOf(m.type);
    let g = map.get(groupKey);
    if (!g && m.type !== 'NORP' && isAcronym(m.text)) {
      g = byInitials.get(k);
      if (g) map.set(groupKey, g);
    }
    if (!g) {
      g = create(m, groupKey);
      if (known) g.name = known;
      const w = nameWords.get(g)!;
      if (m.type !== 'NORP' && w.length > 1) {
        // NATO skips "of the", VOA keeps "of": index both spellings.
        for (const ini of [initials(m.text), w.map((x) => x[0]).join('')]) if (ini.length > 1 && !byInitials.has(ini)) byInitials.set(ini, g);
      }
    }
    add(g, m);
  }
  // A longer form seen after its acronym ("NATO … North Atlantic Treaty Organization"): merge the acronym group in.
  for (const g of groups) {
    if (g.type === 'PERSON' || g.type === 'NORP' || g.mentions.length === 0 || !isAcronym(g.name)) continue;
    const longer = byInitials.get(key(g.name));
    if (longer && longer !== g) {
      for (const m of g.mentions) add(longer, m);
      g.mentions.length = 0;
    }
  }

  const kept = groups.filter((g) => g.mentions.length > 0);
  for (const g of kept) {
    // Mentions arrive in reading order; only an acronym merge appends out of order.
    if (!sortedByStart(g.mentions)) g.mentions.sort((a, b) => a.start - b.start);
    if (g.type !== 'PERSON') {
      g.type = majorityType(g.mentions);
      if (!KNOWN_ALIASES.has(key(g.name))) g.name = fullest(g.mentions);
    } else {
      g.name = fullest(g.mentions);
    }
  }
  return kept.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}

export function sortedByStart(ms: readonly { start: number }[]): boolean {
  for (let k = 1; k < ms.length; k++) if (ms[k].start < ms[k - 1].start) return false;
  return true;
}

function fitsName(short: string[], full: string[]): boolean {
  if (short.length === 0 || short.length >= full.length) return false;
  if (short.length === 1) return short[0] === full[0] || short[0] === full[full.length - 1];
  return isSubsequence(short, full);
}

function isSubsequence(a: string[], b: string[]): boolean {
  let j = 0;
  for (let i = 0; i < b.length && j < a.length; i++) if (a[j] === b[i]) j++;
  return j === a.length;
}

function fullest(ms: NamedMention[]): string {
  let best = ms[0].text;
  let bestWords = words(best).length;
  for (const m of ms) {
    if (m.text === best) continue;
    const a = words(m.text).length;
    if (a > bestWords || (a === bestWords && key(m.text).length > key(best).length)) {
      best = m.text;
      bestWords = a;
    }
  }
  return best;
}

function majorityType(ms: NamedMention[]): EntityType {
  const counts = new Map<EntityType, number>();
  let best = ms[0].type;
  for (const m of ms) {
    const c = (counts.get(m.type) ?? 0) + 1;
    counts.set(m.type, c);
    if (c > (counts.get(best) ?? 0)) best = m.type;
  }
  return best;
}
