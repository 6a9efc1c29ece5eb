// Ties speaker mentions to entities: a mention naming an entity links to it, a description
// ("a U.S. Embassy spokesperson") links to nobody, and a pronoun ("he said") resolves backwards to the
// last quoted person or the nearest preceding PERSON of compatible gender.
import type { Entity, Span, Speaker } from './types';
import { radixOrder } from './text/radixOrder';

// How far back a pronoun may look for its antecedent, in characters.
const PRONOUN_REACH = 2500;

const PRONOUN_GENDER = new Map<string, 'm' | 'f' | 'p' | 'x'>([
  ['he', 'm'],
  ['she', 'f'],
  ['they', 'p'],
  ['we', 'p'],
  ['i', 'x'],
  ['you', 'x'],
  ['it', 'x'],
]);

// Common female given names, for "she" agreement. Anything not listed counts as unknown (compatible with both).
const FEMALE_NAMES = new Set(
  `hillary carly nancy elizabeth mary sarah theresa angela marine kamala michelle melania ivanka nikki condoleezza
  madeleine susan jennifer jessica ashley emily anna maria laura karen linda barbara patricia margaret helen sandra
  donna carol ruth sharon lisa kimberly deborah amy rebecca julia emma olivia sophia kate catherine christine claudia
  ursula jacinda liz ruth janet loretta sally samantha valerie debbie dianne diane tammy kirsten elise jill ann anne
  joni martha susana maxine nikki megan tulsi marsha yulia tsai park sheikh aung jacqueline gina kristi lauren`.split(/\s+/),
);
const MALE_TITLES = /^(mr|sir|king|prince|lord|father|brother)\b/i;
const FEMALE_TITLES = /^(mrs|ms|miss|madam|queen|princess|lady|dame|sister)\b/i;

/**
 * Every entity mention of the article sorted by start, as parallel arrays: built once per analysis
 * over tens of thousands of mentions, so without an object per mention.
 */
export class MentionIndex {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly owners: Entity[];

  constructor(entities: readonly Entity[]) {
    let n = 0;
    for (const e of entities) n += e.mentions.length;
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.owners = new Array<Entity>(n);
    // Copied into flat typed arrays, then put in text order by a radix sort on the start (stable,
    // linear in the mentions, with no comparator call or object per mention).
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const owner = new Int32Array(n);
    let i = 0;
    for (let e = 0; e < entities.length; e++) {
      for (const m of entities[e]!.mentions) {
        starts[i] = m.start;
        ends[i] = m.end;
        owner[i++] = e;
      }
    }
    const order = radixOrder(starts);
    for (let k = 0; k < n; k++) {
      const at = order[k]!;
      this.starts[k] = starts[at]!;
      this.ends[k] = ends[at]!;
      this.owners[k] = entities[owner[at]!]!;
    }
  }

  get length(): number {
    return this.starts.length;
  }

  /** Index of the first mention ending after `pos`. Mentions never overlap, so ends are sorted too. */
  firstEndingAfter(pos: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  found(i: number): { entity: Entity; mention: Span } {
    return { entity: this.owners[i]!, mention: { start: this.starts[i]!, end: this.ends[i]! } };
  }
}

/** Gender of a PERSON entity from its name or roles: 'm', 'f' or undefined when unknown. */
export function genderOf(e: Entity): 'm' | 'f' | undefined {
  for (const r of e.roles) {
    if (FEMALE_TITLES.test(r)) return 'f';
    if (MALE_TITLES.test(r)) return 'm';
  }
  const first = e.name.split(/\s+/)[0]?.toLowerCase().replace(/\.$/, '') ?? '';
  if (FEMALE_NAMES.has(first)) return 'f';
  return undefined;
}

/** The head word of a speaker mention: the last word before "of"/"at"/",", e.g. "Pollak" in "Joel Pollak of Breitbart". */
function headEnd(text: string, span: Span): number {
  const s = text.slice(span.start, span.end);
  const m = /\s(of|at|for|from|with|in|during|on)\s/.exec(s);
  return m ? span.start + m.index : span.end;
}

/** The entity a named speaker mention refers to, preferring a PERSON mention covering its head (ending at `head`). */
function entityForSpan(span: Span, head: number, ms: MentionIndex): { entity: Entity; mention: Span } | null {
  let best = -1;
  for (let i = ms.firstEndingAfter(span.start); i < ms.length && ms.starts[i]! < span.end; i++) {
    // The mention must reach the head word, the speaker's last word before any "of …" tail.
    if (ms.ends[i]! >= head - 1 && ms.starts[i]! < head) {
      if (best < 0 || (ms.owners[i]!.type === 'PERSON' && ms.owners[best]!.type !== 'PERSON')) best = i;
    }
  }
  return best >= 0 ? ms.found(best) : null;
}

function isCapitalised(text: string, pos: number): boolean {
  const ch = text[pos] ?? '';
  return ch !== ch.toLowerCase();
}

/** Whether the head's last word (ending at `head`) is a name: "the Kremlin", "Yuri Ushakov" but not "Kremlin officials". */
function endsWithName(text: string, span: Span, head: number): boolean {
  let i = head - 1;
  while (i > span.start && !isSpaceCode(text.charCodeAt(i - 1))) i--;
  return isCapitalised(text, i);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export interface LinkedSpeaker extends Speaker {
  /** For a resolved pronoun, the mention it was resolved to. */
  antecedent?: Span;
}

/**
 * Resolves each speaker span (null = unattributed) in text order. Quotes are sorted, so the "last
 * speaker" for a pronoun is the previous resolved one.
 */
export function linkSpeakers(
  text: string,
  spans: readonly (Span | null)[],
  quotes: readonly Span[],
  entities: readonly Entity[],
  ms: MentionIndex = new MentionIndex(entities),
): (LinkedSpeaker | null)[] {
  const out: (LinkedSpeaker | null)[] = [];
  // Gender learnt from earlier pronouns that resolved to an entity.
  const learnt = new Map<string, 'm' | 'f'>();
  // Gender from names and roles, worked out once per entity: the backward search asks it of every
  // person it passes.
  const genders = new Map<Entity, 'm' | 'f' | undefined>();
  const genderKnown = (e: Entity): 'm' | 'f' | undefined => {
    const g = learnt.get(e.id);
    if (g) return g;
    if (!genders.has(e)) genders.set(e, genderOf(e));
    return genders.get(e);
  };
  let lastPerson: { entity: Entity; mention: Span; at: number } | null = null;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (!span) {
      out.push(null);
      continue;
    }
    const written = text.slice(span.start, span.end);
    const lower = written.toLowerCase();
    const pg = PRONOUN_GENDER.get(lower);
    if (pg) {
      let antecedent: { entity: Entity; mention: Span } | null = null;
      if (pg === 'm' || pg === 'f') {
        const compatible = (e: Entity): boolean => {
          const g = genderKnown(e);
          return g === undefined || g === pg;
        };
        if (lastPerson && span.start - lastPerson.at < PRONOUN_REACH && compatible(lastPerson.entity)) antecedent = lastPerson;
        else {
          const at = Math.min(span.start, quotes[i]?.start ?? span.start);
          // A person known to match ("she" and a woman's name) beats a nearer one of unknown gender.
          const known = (e: Entity): boolean => genderKnown(e) === pg;
          antecedent = (pg === 'f' ? nearestPerson(ms, at, known) : null) ?? nearestPerson(ms, at, compatible);
        }
        if (antecedent) learnt.set(antecedent.entity.id, pg);
      }
      out.push({
        start: span.start,
        end: span.end,
        text: written,
        entityId: antecedent ? antecedent.entity.id : null,
        kind: 'pronoun',
        ...(antecedent ? { antecedent: { start: antecedent.mention.start, end: antecedent.mention.end } } : {}),
      });
      if (antecedent) lastPerson = { ...antecedent, at: span.end };
      continue;
    }
    if (lower === 'who' || lower === 'which') {
      // "Obama, who called …": the relative pronoun stands for the mention right before its comma.
      const ante = mentionEndingBefore(text, ms, span.start);
      out.push({ start: span.start, end: span.end, text: written, entityId: ante ? ante.entity.id : null, kind: 'pronoun', ...(ante ? { antecedent: ante.mention } : {}) });
      if (ante && ante.entity.type === 'PERSON') lastPerson = { ...ante, at: span.end };
      continue;
    }
    const head = headEnd(text, span);
    const isName = endsWithName(text, span, head);
    const named = isName ? entityForSpan(span, head, ms) : personDescribed(text, ms, span);
    out.push({
      start: span.start,
      end: span.end,
      text: written,
      entityId: named ? named.entity.id : null,
      kind: isName ? 'name' : 'description',
    });
    if (named && named.entity.type === 'PERSON') lastPerson = { ...named, at: span.end };
  }
  return out;
}

/**
 * "the Kremlin chief said": a description the entity finder already took as a mention of a person
 * (a role that person was named with) links to that person.
 */
function personDescribed(text: string, ms: MentionIndex, span: Span): { entity: Entity; mention: Span } | null {
  const i = ms.firstEndingAfter(span.end - 1);
  if (i >= ms.ends.length || ms.ends[i] !== span.end || ms.starts[i]! < span.start) return null;
  // The mention must be the whole phrase but for its article: in "a spokesman for Hillary Clinton"
  // the spokesman speaks, not Clinton.
  if (!/^((the|a|an)\s+)?$/i.test(text.slice(span.start, ms.starts[i]!))) return null;
  const found = ms.found(i);
  return found.entity.type === 'PERSON' ? found : null;
}

/** The closest PERSON mention ending before `pos`, within reach, that passes `ok`. */
function nearestPerson(ms: MentionIndex, pos: number, ok: (e: Entity) => boolean): { entity: Entity; mention: Span } | null {
  for (let i = ms.firstEndingAfter(pos) - 1; i >= 0; i--) {
    if (pos - ms.ends[i]! > PRONOUN_REACH) break;
    const e = ms.owners[i]!;
    if (e.type === 'PERSON' && ok(e)) return ms.found(i);
  }
  return null;
}

/** The entity mention ending just before `pos`, across a comma, a closing parenthesis and spaces. */
function mentionEndingBefore(text: string, ms: MentionIndex, pos: number): { entity: Entity; mention: Span } | null {
  let i = pos;
  while (i > 0 && /[\s,)]/.test(text[i - 1]!)) {
    if (text[i - 1] === ')') {
      // "Sen. Claire McCaskill (D-Mo.), who": step over a short aside.
      const open = text.lastIndexOf('(', i - 1);
      if (open < 0 || i - open > 40) return null;
      i = open;
      continue;
    }
    i--;
  }
  const k = ms.firstEndingAfter(i - 1);
  return k < ms.length && ms.ends[k] === i ? ms.found(k) : null;
}
