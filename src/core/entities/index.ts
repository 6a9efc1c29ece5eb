// Named-entity recognition and alias grouping.
// Contract: findEntities(text) returns alias groups (Entity) whose mentions are sorted by start,
// never overlap, and carry no trailing punctuation or possessive ’s.
import { ENTITY_TYPES, type Entity, type EntityType, type Mention } from '../types';
import { F_CAP, hashString, tokenize, type Tokens } from '../text/tokenize';
import { tagTokens, type TokenSpan } from './tagger';
import { currentModels } from '../models';
import { HONORIFICS, ROLE_HEADS, TITLE_ABBREVIATIONS, roleAfter, roleStartBefore, roleText, type RoleContext } from './roles';
import { GivenRoles, addDescriptions, findDescriptions } from './descriptions';
import { groupAliases, sortedByStart, type AliasGroup, type NamedMention } from './aliases';
import { isNationality } from './nationality';
import { inPartyTag, partyTagAfter } from './partyTags';
import { HashTable, hashSetOf } from '../text/hashTable';

const NO_ROLES: string[] = [];

// Sentence-initial words the tagger sometimes pulls into a name ("As Russia continues …").
const LEADING_FUNCTION_WORDS = hashSetOf('as in at on but and if when while after before since with from by according both meanwhile then so also yet although though because under over during until despite like back read'.split(' ').map(hashString));

const TYPE_OF_TAG: readonly (EntityType | 'MISC' | null)[] = [null, 'PERSON', 'ORG', 'PLACE', 'MISC'];

/** A typed mention span before grouping, with the tokens it covers; its roles are filled in later. */
export interface RawMention extends NamedMention {
  first: number;
  last: number;
}

/**
 * Typed mention spans before grouping (titles stripped, MISC narrowed to NORP). `labels` are the
 * tagger's labels of `tok`, when the caller has them already (the incremental analysis).
 */
export function findMentions(text: string, tok: Tokens = tokenize(text), labels: Uint8Array = tagTokens(text, tok, currentModels().tagger)): RawMention[] {
  const out: RawMention[] = [];
  const surfaces = new Surfaces(text, tok.codes);
  // The BIO spans of labelsToSpans, read straight off the labels: an I- continues the span just
  // before it of the same type, anything else non-O starts one.
  let first = -1;
  let type = 0;
  for (let i = 0; i <= labels.length; i++) {
    const l = i < labels.length ? labels[i]! : O_LABEL;
    const t = (l + 1) >> 1;
    if (l !== O_LABEL && (l & 1) === 0 && first >= 0 && type === t) continue;
    // "(D-Mo.)" after a legislator's name is a detail of the person, not a place.
    if (first >= 0 && !inPartyTag(text, tok, first)) addMention(surfaces, tok, first, i - 1, type, out);
    first = l === O_LABEL ? -1 : i;
    type = t;
  }
  return out;
}

const O_LABEL = 0;

/** The mention(s) of the tagged span of tokens first..last of tag type `tag`, if any. */
function addMention(surfaces: Surfaces, tok: Tokens, first: number, last: number, tag: number, out: RawMention[]): void {
  let t = TYPE_OF_TAG[tag];
  if (!t) return;
  while (first < last && LEADING_FUNCTION_WORDS.has(tok.lower[first]!)) first++;
  if (LEADING_FUNCTION_WORDS.has(tok.lower[first]!)) return;
  if (first === last && TITLE_ABBREVIATIONS.has(tok.lower[first]!)) return;
  // "National Assembly Chairman Tran Thanh Man": an organisation, a title, then a person.
  if (t !== 'PERSON') {
    for (let j = first; j < last; j++) {
      if (ROLE_HEADS.has(tok.lower[j]!) && tok.flags[j + 1]! & F_CAP) {
        if (j > first) out.push(rawMention(surfaces, tok.start[first]!, tok.end[j - 1]!, t === 'MISC' ? 'ORG' : t, first, j - 1));
        first = j + 1;
        t = 'PERSON';
        break;
      }
    }
  }
  if (t === 'PERSON') {
    // Titles and honorifics stay out of the name: "President Putin" → "Putin".
    while (first < last && (ROLE_HEADS.has(tok.lower[first]!) || HONORIFICS.has(tok.lower[first]!))) first++;
    if (ROLE_HEADS.has(tok.lower[first]!) || HONORIFICS.has(tok.lower[first]!)) return;
  }
  const start = tok.start[first]!;
  const end = tok.end[last]!;
  if (t === 'MISC') {
    const surface = surfaces.text(start, end);
    if (surfaces.isNationality(surface)) out.push({ start, end, text: surface, type: 'NORP', roles: NO_ROLES, first, last });
    return;
  }
  out.push(rawMention(surfaces, start, end, t, first, last));
}

function rawMention(surfaces: Surfaces, start: number, end: number, type: EntityType, first: number, last: number): RawMention {
  return { start, end, text: surfaces.text(start, end), type, roles: NO_ROLES, first, last };
}

/**
 * The mention texts of one document, one string per distinct spelling: a name mentioned a hundred
 * times is one string, so the maps keyed by mention text later (type counts, alias groups) find
 * it by identity instead of comparing characters, and a hundred copies are never made.
 */
class Surfaces {
  private readonly byHash = new HashTable(256);
  /** Interned strings and where each was first read (index 0 unused: 0 means absent in byHash). */
  private readonly strings: string[] = [''];
  private readonly starts: number[] = [0];
  private readonly nationality = new Map<string, boolean>();
  constructor(
    private readonly source: string,
    private readonly codes: Uint16Array,
  ) {}

  /** source.slice(start, end), the same string for the same characters. */
  text(start: number, end: number): string {
    const codes = this.codes;
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ codes[i]!, FNV_PRIME);
    const k = this.byHash.get(h);
    if (k === 0) {
      const s = this.source.slice(start, end);
      this.byHash.add(h, this.strings.length);
      this.strings.push(s);
      this.starts.push(start);
      return s;
    }
    const s = this.strings[k]!;
    if (s.length === end - start && sameCodes(codes, this.starts[k]!, start, end - start)) return s;
    // Another spelling with the same hash: a string of its own, not interned.
    return this.source.slice(start, end);
  }

  /** isNationality, once per distinct spelling. */
  isNationality(surface: string): boolean {
    let yes = this.nationality.get(surface);
    if (yes === undefined) this.nationality.set(surface, (yes = isNationality(surface)));
    return yes;
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function sameCodes(codes: Uint16Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (codes[a + k] !== codes[b + k]) return false;
  return true;
}

/**
 * One name, one type within a document: a surface form tagged with different types takes its
 * most frequent one, and a single word that is the surname of a person named in full is that person.
 */
function harmoniseTypes(raw: RawMention[]): void {
  // One record per distinct surface form: its type counts, and (filled in the second pass)
  // whether it is the surname of a full person name.
  const byText = new Map<string, SurfaceTypes>();
  const surnames = new Set<string>();
  // Each mention's record, so the second pass needs no second lookup by name.
  const recordOf: SurfaceTypes[] = new Array<SurfaceTypes>(raw.length);
  for (let r = 0; r < raw.length; r++) {
    const m = raw[r]!;
    const s = m.text;
    let rec = byText.get(s);
    if (!rec) byText.set(s, (rec = { counts: ENTITY_TYPES.map(() => 0), surnameAdded: false, isSurname: -1 }));
    rec.counts[ENTITY_TYPES.indexOf(m.type)]++;
    recordOf[r] = rec;
    if (m.type === 'PERSON' && m.last > m.first && !rec.surnameAdded) {
      rec.surnameAdded = true;
      surnames.add(s.slice(s.lastIndexOf(' ') + 1));
    }
  }
  for (let r = 0; r < raw.length; r++) {
    const m = raw[r]!;
    const rec = recordOf[r]!;
    if (m.first === m.last) {
      if (rec.isSurname < 0) rec.isSurname = surnames.has(m.text) ? 1 : 0;
      if (rec.isSurname === 1) {
        m.type = 'PERSON';
        continue;
      }
    }
    const c = rec.counts;
    let best = ENTITY_TYPES.indexOf(m.type);
    for (let t = 0; t < c.length; t++) if (c[t]! > c[best]!) best = t;
    m.type = ENTITY_TYPES[best]!;
  }
}

interface SurfaceTypes {
  /** Mentions of the surface form by type, in ENTITY_TYPES order. */
  counts: number[];
  /** Whether its last word went into the surname set already. */
  surnameAdded: boolean;
  /** 1 when it is the surname of a full person name, 0 when not, -1 not looked up yet. */
  isSurname: number;
}

/** Groups mentions into aliases: groupAliases, or the incremental analysis' reuse of earlier groups (which must give the same). */
export type GroupMentions = (mentions: NamedMention[]) => AliasGroup[];

export function findEntities(text: string, tok: Tokens = tokenize(text), labels?: Uint8Array, group: GroupMentions = groupAliases): Entity[] {
  const raw = findMentions(text, tok, labels);
  harmoniseTypes(raw);
  const inNamedMention = new Uint8Array(tok.count);
  for (const m of raw) if (m.type !== 'PERSON') inNamedMention.fill(1, m.first, m.last + 1);
  const roleCtx: RoleContext = { text, tok, inNamedMention };
  // The mentions go to grouping as they are, with the roles of people added.
  const given = new GivenRoles();
  for (const m of raw) {
    if (m.type !== 'PERSON') continue;
    const from = roleStartBefore(roleCtx, m.first);
    const before = from < 0 ? null : roleText(roleCtx, from, m.first - 1);
    if (from >= 0) given.add(tok, from, m.first - 1, m);
    const after = roleAfter(roleCtx, m.last);
    const party = partyTagAfter(text, tok, m.last);
    if (before || after || party) m.roles = [before, after, party].filter((r): r is string => r !== null);
  }
  // Which entity each role's holders went to, for descriptions that repeat the role.
  const holderEntity = new Map<NamedMention, Entity>();
  const entities: Entity[] = [];
  const byId = new Map<string, Entity>();
  for (const g of group(raw)) {
    const id = `${g.type}:${g.name}`;
    const toMention = (m: NamedMention): Mention => ({ start: m.start, end: m.end, text: m.text, entityId: id });
    let e = byId.get(id);
    if (!e) {
      // Most ids have one group: its mentions in one array of the right size.
      e = { id, type: g.type, name: g.name, aliases: [], roles: [], mentions: g.mentions.map(toMention) };
      byId.set(id, e);
      entities.push(e);
    } else {
      for (const m of g.mentions) e.mentions.push(toMention(m));
    }
    for (const r of g.roles) if (!e.roles.includes(r)) e.roles.push(r);
    if (given.size > 0 && g.type === 'PERSON') for (const m of g.mentions) if (m.roles.length > 0) holderEntity.set(m, e);
  }
  const described = addDescriptions(entities, findDescriptions(tok, given.resolve((m) => holderEntity.get(m))), text);
  for (const e of described) {
    if (!sortedByStart(e.mentions)) e.mentions.sort((a, b) => a.start - b.start);
    e.aliases = aliasesOf(e);
  }
  return described;
}

export type { TokenSpan };

/** The entity's name and the distinct texts of its mentions, in that order. */
function aliasesOf(e: Entity): string[] {
  const ms = e.mentions;
  if (ms.length === 1) return ms[0]!.text === e.name ? [e.name] : [e.name, ms[0]!.text];
  const forms = new Set<string>([e.name]);
  for (const m of ms) forms.add(m.text);
  return [...forms];
}
