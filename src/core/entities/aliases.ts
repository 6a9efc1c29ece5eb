// Alias grouping: decides which mentions name the same thing.
// People: a full name starts a group; a shorter form ("Putin", "Kim") joins the compatible
// full name that has been mentioned most so far (ties: the most recent), so "Kim" after
// "Kim Jong Un … his father Kim Jong Il" stays with Kim Jong Un. Organisations and places:
// same name up to periods and a leading "the", known short forms (U.S., USSR, U.N.), and
// acronyms that spell the initials of a longer name (NATO).
import { ENTITY_TYPES, type EntityType } from '../types';

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

/**
 * The type of a known long form, whatever the tagger guessed for its mentions: "Soviet Union" and
 * "United Kingdom" end in a word that mostly names organisations, but they are countries.
 */
const KNOWN_TYPES = new Map<string, EntityType>([
  ['United States', 'PLACE'],
  ['United Kingdom', 'PLACE'],
  ['Soviet Union', 'PLACE'],
  ['North Korea', 'PLACE'],
  ['United Arab Emirates', 'PLACE'],
  ['United Nations', 'ORG'],
  ['European Union', 'ORG'],
]);

const INITIAL_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', '&', 'de']);

// Names repeat many times in a long text: normalise each distinct spelling once.
const keyCache = new Map<string, string>();
const wordsCache = new Map<string, string[]>();

/** Lower case, periods dropped, apostrophes unified, a leading "the" removed, spaces collapsed. */
export function key(name: string): string {
  let k = keyCache.get(name);
  if (k === undefined) {
    const lower = name.toLowerCase();
    k = isPlainKey(lower) ? lower : normalKey(lower);
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(name, k);
  }
  return k;
}

/**
 * Whether a lower-cased name is its own key already: no period or curly apostrophe, no white
 * space but single spaces between words, no leading "the ". Most names are.
 */
function isPlainKey(s: string): boolean {
  if (s.length === 0 || s.startsWith('the ')) return s.length === 0;
  let prevSpace = true; // a leading space is not plain
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    if (c === 46 || c === 0x2019 || isSpaceChar(c)) return false;
    prevSpace = false;
  }
  return !prevSpace;
}

/**
 * The key of a lower-cased name in one pass, equal to
 * s.replace(/[.]/g, '').replace(/’/g, "'").replace(/\s+/g, ' ').replace(/^the /, '').trim():
 * a dropped period does not end a run of white space, which becomes one space.
 */
function normalKey(s: string): string {
  let out = '';
  let from = 0; // start of the characters not yet copied
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      out += s.slice(from, i);
      from = i + 1;
    } else if (c === 0x2019) {
      out += s.slice(from, i) + "'";
      from = i + 1;
      inSpace = false;
    } else if (isSpaceChar(c)) {
      out += s.slice(from, i);
      if (!inSpace) out += ' ';
      from = i + 1;
      inSpace = true;
    } else {
      inSpace = false;
    }
  }
  out += s.slice(from);
  if (out.startsWith('the ')) out = out.slice(4);
  return out.trim();
}

/** White space as a regular expression's \s sees it (the same set trim() removes). */
function isSpaceChar(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function words(name: string): string[] {
  let w = wordsCache.get(name);
  if (w === undefined) {
    const k = key(name);
    // A key has single spaces between words only: without a hyphen, splitting on spaces is enough.
    w = k.includes('-') ? k.split(/[\s-]+/).filter(Boolean) : k === '' ? [] : k.split(' ');
    if (wordsCache.size > 50_000) wordsCache.clear();
    wordsCache.set(name, w);
  }
  return w;
}

function initials(name: string): string {
  return firstLetters(words(name), true);
}

/**
 * The first letter of each word, run together ("Federal Bureau of Investigation" → "FBI" with
 * `skip`, "FBoI" without). A loop rather than filter/map/join: the arrays those make differ in
 * their internal kind from call to call, and the optimised code of the callers was thrown away
 * and compiled again on meeting a new one.
 */
function firstLetters(ws: readonly string[], skip: boolean): string {
  let out = '';
  for (const w of ws) if (!(skip && INITIAL_SKIP.has(w)) && w.length > 0) out += w[0];
  return out;
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/[.]/g, '');
  return letters.length >= 2 && letters.length <= 7 && /^[A-Z][A-Z&]+$/.test(letters);
}

/** A group while grouping: the words of the name it was created with, and whether it is a live full name. */
interface Rec {
  group: AliasGroup;
  words: string[];
  /** The key slot the group was created under. */
  slot: KeySlot;
  live: boolean;
}

/** The groups of one normalised name (see `key`), one per kind of name. */
interface KeySlot {
  person: Rec | undefined;
  name: Rec | undefined;
  norp: Rec | undefined;
}

/** What grouping needs of one distinct mention text, worked out once per call. */
interface TextInfo {
  key: string;
  words: string[];
  slot: KeySlot;
  /** The person groups a short form of this text may join (after pass 1), computed on first use. */
  compatible: Rec[] | null;
}

const NONE: Rec[] = [];

function kindGroup(slot: KeySlot, type: EntityType): Rec | undefined {
  return type === 'PERSON' ? slot.person : type === 'NORP' ? slot.norp : slot.name;
}

function setKindGroup(slot: KeySlot, type: EntityType, rec: Rec): void {
  if (type === 'PERSON') slot.person = rec;
  else if (type === 'NORP') slot.norp = rec;
  else slot.name = rec;
}

export function groupAliases(mentions: NamedMention[]): AliasGroup[] {
  const recs: Rec[] = [];
  // Groups by normalised name, and each distinct mention text's facts: one lookup per mention,
  // whatever the number of maps the rules consult.
  const slots = new Map<string, KeySlot>();
  const infos = new Map<string, TextInfo>();
  const slotOf = (k: string): KeySlot => {
    let slot = slots.get(k);
    if (!slot) slots.set(k, (slot = { person: undefined, name: undefined, norp: undefined }));
    return slot;
  };
  const infoOf = (text: string): TextInfo => {
    let info = infos.get(text);
    if (!info) {
      const k = key(text);
      infos.set(text, (info = { key: k, words: words(text), slot: slotOf(k), compatible: null }));
    }
    return info;
  };
  const people: Rec[] = [];
  // Person groups by their first and last word, and long organisation names by their initials:
  // indexes that keep grouping linear in the number of mentions.
  const peopleByWord = new Map<string, Rec[]>();
  const byInitials = new Map<string, Rec>();

  const add = (rec: Rec, m: NamedMention): void => {
    const g = rec.group;
    g.mentions.push(m);
    for (const r of m.roles) if (!g.roles.includes(r)) g.roles.push(r);
  };
  const create = (m: NamedMention, slot: KeySlot, w: string[]): Rec => {
    const rec: Rec = { group: { type: m.type, name: m.text, mentions: [], roles: [] }, words: w, slot, live: false };
    recs.push(rec);
    setKindGroup(slot, m.type, rec);
    return rec;
  };

  // Pass 1: every multi-word person name is a group of its own (Kim Jong Un, Kim Jong Il).
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const info = infoOf(m.text);
    if (info.slot.person) continue;
    const w = info.words;
    if (w.length < 2) continue;
    const rec = create(m, info.slot, w);
    people.push(rec);
    for (const x of w[0] === w[w.length - 1] ? [w[0]!] : [w[0]!, w[w.length - 1]!]) {
      const list = peopleByWord.get(x);
      if (list) list.push(rec);
      else peopleByWord.set(x, [rec]);
    }
  }
  // A name contained in a longer one with the same surname joins it (George Bush → George W. Bush).
  for (const g of people) {
    const w = g.words;
    const sameSurname = peopleByWord.get(w[w.length - 1]!) ?? NONE;
    const longer = sameSurname.find((o) => {
      const ow = o.words;
      return o !== g && ow.length > w.length && ow[ow.length - 1] === w[w.length - 1] && isSubsequence(w, ow);
    });
    if (longer) g.slot.person = longer;
  }
  for (const g of people) g.live = g.slot.person === g;

  // Pass 2: in reading order.
  for (const m of mentions) {
    const info = infoOf(m.text);
    if (m.type === 'PERSON') {
      const own = info.slot.person;
      const short = info.words;
      if (own && short.length > 1) {
        add(own, m);
        continue;
      }
      let compatible = info.compatible;
      if (!compatible) {
        const bySurname = peopleByWord.get(short[short.length - 1]!) ?? NONE;
        compatible = info.compatible = short.length === 1 ? bySurname : bySurname.concat(peopleByWord.get(short[0]!) ?? NONE);
      }
      let best: Rec | undefined;
      let firstLater: Rec | undefined;
      let bestScore = -1;
      let bestLast = -1;
      for (const g of compatible) {
        if (!g.live || !fitsName(short, g.words)) continue;
        const ms = g.group.mentions;
        if (ms.length === 0) {
          if (!firstLater) firstLater = g;
          continue;
        }
        const last = ms[ms.length - 1]!.start;
        if (ms.length > bestScore || (ms.length === bestScore && last > bestLast)) {
          best = g;
          bestScore = ms.length;
          bestLast = last;
        }
      }
      // Nobody compatible mentioned yet (a headline "Putin" before "Vladimir Putin"): the one named later.
      add(best ?? firstLater ?? own ?? create(m, info.slot, short), m);
      continue;
    }
    const k = info.key;
    const known = m.type === 'NORP' ? undefined : KNOWN_ALIASES.get(k);
    const slot = known ? slotOf(key(known)) : info.slot;
    let g = kindGroup(slot, m.type);
    if (!g && m.type !== 'NORP' && isAcronym(m.text)) {
      g = byInitials.get(k);
      if (g) setKindGroup(slot, m.type, g);
    }
    if (!g) {
      g = create(m, slot, info.words);
      if (known) g.group.name = known;
      const w = g.words;
      if (m.type !== 'NORP' && w.length > 1) {
        // NATO skips "of the", VOA keeps "of": index both spellings.
        for (const ini of [initials(m.text), firstLetters(w, false)]) if (ini.length > 1 && !byInitials.has(ini)) byInitials.set(ini, g);
      }
    }
    add(g, m);
  }
  // A longer form seen after its acronym ("NATO … North Atlantic Treaty Organization"): merge the acronym group in.
  for (const rec of recs) {
    const g = rec.group;
    if (g.type === 'PERSON' || g.type === 'NORP' || g.mentions.length === 0 || !isAcronym(g.name)) continue;
    const longer = byInitials.get(key(g.name));
    if (longer && longer !== rec) {
      for (const m of g.mentions) add(longer, m);
      g.mentions.length = 0;
    }
  }

  const kept: AliasGroup[] = [];
  for (const rec of recs) if (rec.group.mentions.length > 0) kept.push(rec.group);
  for (const g of kept) {
    // Mentions arrive in reading order; only an acronym merge appends out of order.
    if (!sortedByStart(g.mentions)) g.mentions.sort((a, b) => a.start - b.start);
    if (g.type !== 'PERSON') {
      if (!KNOWN_ALIASES.has(key(g.name))) g.name = fullest(g.mentions, infoOf);
      g.type = KNOWN_TYPES.get(g.name) ?? majorityType(g.mentions);
    } else {
      g.name = fullest(g.mentions, infoOf);
    }
  }
  return kept.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
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

function fullest(ms: NamedMention[], infoOf: (text: string) => { key: string; words: string[] }): string {
  let best = ms[0]!.text;
  let bestInfo = infoOf(best);
  for (const m of ms) {
    if (m.text === best) continue;
    const info = infoOf(m.text);
    const a = info.words.length;
    if (a > bestInfo.words.length || (a === bestInfo.words.length && info.key.length > bestInfo.key.length)) {
      best = m.text;
      bestInfo = info;
    }
  }
  return best;
}

function majorityType(ms: NamedMention[]): EntityType {
  // Counts by type in ENTITY_TYPES order; the first type to take the lead keeps ties.
  const counts = ENTITY_TYPES.map(() => 0);
  let best = ms[0]!.type;
  let bestIndex = ENTITY_TYPES.indexOf(best);
  for (const m of ms) {
    const t = ENTITY_TYPES.indexOf(m.type);
    const c = ++counts[t]!;
    if (c > counts[bestIndex]!) {
      best = m.type;
      bestIndex = t;
    }
  }
  return best;
}
