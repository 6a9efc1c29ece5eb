// A definite description that repeats a role the article gave one person: "Kremlin chief Vladimir
// Putin … the Kremlin chief said" is Putin again. It links only when exactly one person holds the
// role and only after the role was given; a bare one-word role ("the president", "the spokesman")
// names too many people to link.
import { F_CAP, WORD, hashString, type Tokens } from '../text/tokenize';
import type { Entity, Mention } from '../types';
import type { NamedMention } from './aliases';
import { ROLE_HEADS, ROLE_MODIFIERS } from './roles';

const THE = hashString('the');
const OF = hashString('of');
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that'].map(hashString));

/** One role as the article wrote it before names, with the mentions it was given to. */
interface Role {
  /** The lower-case hashes of its tokens. */
  words: number[];
  holders: NamedMention[];
  /** Where the first naming with the role ends: a description before it is not linked. */
  givenAt: number;
}

/** The roles given before names, by the hash of their first word. */
export class GivenRoles {
  private readonly byFirstWord = new Map<number, Role[]>();

  /**
   * Records the role at tokens from..head, given to `holder`. Roles of one word are left out, and
   * so is a role after a determiner: "the federal judge Trump was referring to" is a relative
   * clause, not a naming.
   */
  add(tok: Tokens, from: number, head: number, holder: NamedMention): void {
    if (head === from || (from > 0 && DETERMINERS.has(tok.lower[from - 1]!))) return;
    const words = Array.from(tok.lower.subarray(from, head + 1));
    let list = this.byFirstWord.get(words[0]!);
    if (!list) this.byFirstWord.set(words[0]!, (list = []));
    let role = list.find((r) => sameWords(r.words, words));
    if (!role) list.push((role = { words, holders: [], givenAt: holder.end }));
    role.holders.push(holder);
  }

  get size(): number {
    return this.byFirstWord.size;
  }

  /** Each role's one holder entity, or null when the role went to more than one entity. */
  resolve(entityOf: (m: NamedMention) => Entity | undefined): ResolvedRoles {
    const out: ResolvedRoles = new Map();
    for (const [first, list] of this.byFirstWord) {
      const resolved: ResolvedRole[] = [];
      for (const r of list) {
        let holder: Entity | null | undefined;
        for (const m of r.holders) {
          const e = entityOf(m);
          if (!e || (holder !== undefined && holder !== e)) holder = null;
          else if (holder === undefined) holder = e;
          if (holder === null) break;
        }
        if (holder) resolved.push({ words: r.words, holder, givenAt: r.givenAt });
      }
      // Longest first, so "the Russian Foreign Minister" is tried before "the Russian Foreign".
      resolved.sort((a, b) => b.words.length - a.words.length);
      if (resolved.length) out.set(first, resolved);
    }
    return out;
  }
}

interface ResolvedRole {
  words: number[];
  holder: Entity;
  givenAt: number;
}

type ResolvedRoles = Map<number, ResolvedRole[]>;

function sameWords(a: readonly number[], b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** A description found: tokens first..last (after "the") naming `holder`. */
export interface Description {
  start: number;
  end: number;
  holder: Entity;
}

/** Every "the <role>" after its role was given, not followed by a name or a longer role. */
export function findDescriptions(tok: Tokens, roles: ResolvedRoles): Description[] {
  const out: Description[] = [];
  if (roles.size === 0) return out;
  const { lower } = tok;
  for (let i = 0; i + 1 < tok.count; i++) {
    if (lower[i] !== THE) continue;
    const candidates = roles.get(lower[i + 1]!);
    if (!candidates) continue;
    for (const r of candidates) {
      const last = i + r.words.length;
      if (last >= tok.count || tok.start[i + 1]! < r.givenAt || !matches(tok, i + 1, r.words) || continues(tok, last + 1)) continue;
      out.push({ start: tok.start[i + 1]!, end: tok.end[last]!, holder: r.holder });
      i = last;
      break;
    }
  }
  return out;
}

function matches(tok: Tokens, at: number, words: readonly number[]): boolean {
  for (let k = 0; k < words.length; k++) if (tok.lower[at + k] !== words[k]) return false;
  return true;
}

/**
 * Whether token j carries the phrase on past the role: a name ("the Kremlin chief Vladimir
 * Putin", a naming of its own), a longer role ("the Kremlin chief economist") or "of" ("the
 * foreign minister of Poland", maybe somebody else).
 */
function continues(tok: Tokens, j: number): boolean {
  if (j >= tok.count || tok.kind[j] !== WORD) return false;
  const w = tok.lower[j]!;
  return (tok.flags[j]! & F_CAP) !== 0 || w === OF || ROLE_HEADS.has(w) || ROLE_MODIFIERS.has(w);
}

/**
 * Adds each description to its holder as a mention. A description overlapping a person's
 * mention is dropped; names of places and bodies inside one ("Kremlin" in "the Kremlin chief")
 * give way to it, and an entity left with no mention goes. Returns the entities in order of
 * first mention.
 */
export function addDescriptions(entities: Entity[], descriptions: readonly Description[], text: string): Entity[] {
  if (descriptions.length === 0) return entities;
  const overPerson = new Uint8Array(descriptions.length);
  for (const e of entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions) {
      const k = overlapping(m, descriptions);
      if (k >= 0) overPerson[k] = 1;
    }
  }
  const kept = descriptions.filter((_, k) => overPerson[k] === 0);
  if (kept.length === 0) return entities;
  for (const e of entities) {
    if (e.mentions.some((m) => overlapping(m, kept) >= 0)) e.mentions = e.mentions.filter((m) => overlapping(m, kept) < 0);
  }
  const holders = new Set<Entity>();
  for (const d of kept) {
    d.holder.mentions.push({ start: d.start, end: d.end, text: text.slice(d.start, d.end), entityId: d.holder.id });
    holders.add(d.holder);
  }
  for (const e of holders) e.mentions.sort((a, b) => a.start - b.start);
  return entities.filter((e) => e.mentions.length > 0).sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

function overlaps(m: { start: number; end: number }, d: Description): boolean {
  return m.start < d.end && d.start < m.end;
}

/** The index of the description m overlaps (they are sorted by start and apart), or -1. */
function overlapping(m: Mention, ds: readonly Description[]): number {
  let lo = 0;
  let hi = ds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ds[mid]!.end <= m.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ds.length && overlaps(m, ds[lo]!) ? lo : -1;
}
