// Ties speaker mentions to entities: a mention naming an entity links to it, a description
// ("a U.S. Embassy spokesperson") links to nobody, and a pronoun ("he said") resolves backwards to the
// last quoted person or the nearest preceding PERSON of compatible gender.
import type { Entity, Mention, Span, Speaker } from './types';

// How far back a pronoun may look for its antecedent, in characters.
const PRONOUN_REACH = 2500;

const PRONOUN_GENDER: Record<string, 'm' | 'f' | 'p' | 'x'> = { he: 'm', she: 'f', they: 'p', we: 'p', i: 'x', you: 'x', it: 'x' };

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

interface FlatMention extends Span {
  entity: Entity;
}

function flatten(entities: readonly Entity[]): FlatMention[] {
  const all: FlatMention[] = [];
  for (const e of entities) for (const m of e.mentions as Mention[]) all.push({ start: m.start, end: m.end, entity: e });
  all.sort((a, b) => a.start - b.start);
  return all;
}

function firstEndingAfter(ms: readonly FlatMention[], pos: number): number {
  // Mentions never overlap, so their ends are sorted like their starts.
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/** The entity a named speaker mention refers to, preferring a PERSON mention covering its head. */
function entityForSpan(text: string, span: Span, ms: readonly FlatMention[]): { entity: Entity; mention: Span } | null {
  const head = headEnd(text, span);
  let best: FlatMention | null = null;
  for (let i = firstEndingAfter(ms, span.start); i < ms.length && ms[i]!.start < span.end; i++) {
    const m = ms[i]!;
    // The mention must reach the head word, the speaker's last word before any "of …" tail.
    if (m.end >= head - 1 && m.start < head) {
      if (!best || (m.entity.type === 'PERSON' && best.entity.type !== 'PERSON')) best = m;
    }
  }
  return best ? { entity: best.entity, mention: best } : null;
}

function isCapitalised(text: string, pos: number): boolean {
  const ch = text[pos] ?? '';
  return ch !== ch.toLowerCase();
}

/** Whether the mention's last word is a name (capitalised): "the Kremlin", "Yuri Ushakov" but not "Kremlin officials". */
function endsWithName(text: string, span: Span): boolean {
  const head = headEnd(text, span);
  let i = head - 1;
  while (i > span.start && !/\s/.test(text[i - 1]!)) i--;
  return isCapitalised(text, i);
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
): (LinkedSpeaker | null)[] {
  const ms = flatten(entities);
  const out: (LinkedSpeaker | null)[] = [];
  // Gender learnt from earlier pronouns that resolved to an entity.
  const learnt = new Map<string, 'm' | 'f'>();
  let lastPerson: { entity: Entity; mention: Span; at: number } | null = null;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (!span) {
      out.push(null);
      continue;
    }
    const written = text.slice(span.start, span.end);
    const lower = written.toLowerCase();
    const pg = PRONOUN_GENDER[lower];
    if (pg) {
      let antecedent: { entity: Entity; mention: Span } | null = null;
      if (pg === 'm' || pg === 'f') {
        const compatible = (e: Entity): boolean => {
          const g = learnt.get(e.id) ?? genderOf(e);
          return g === undefined || g === pg;
        };
        if (lastPerson && span.start - lastPerson.at < PRONOUN_REACH && compatible(lastPerson.entity)) antecedent = lastPerson;
        else {
          const at = Math.min(span.start, quotes[i]?.start ?? span.start);
          // A person known to match ("she" and a woman's name) beats a nearer one of unknown gender.
          const known = (e: Entity): boolean => (learnt.get(e.id) ?? genderOf(e)) === pg;
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
      out.push({ start: span.start, end: span.end, text: written, entityId: ante ? ante.entity.id : null, kind: 'pronoun', ...(ante ? { antecedent: { start: ante.start, end: ante.end } } : {}) });
      if (ante && ante.entity.type === 'PERSON') lastPerson = { entity: ante.entity, mention: ante, at: span.end };
      continue;
    }
    const named = endsWithName(text, span) ? entityForSpan(text, span, ms) : null;
    out.push({
      start: span.start,
      end: span.end,
      text: written,
      entityId: named ? named.entity.id : null,
      kind: endsWithName(text, span) ? 'name' : 'description',
    });
    if (named && named.entity.type === 'PERSON') lastPerson = { ...named, at: span.end };
  }
  return out;
}

/** The closest PERSON mention ending before `pos`, within reach, that passes `ok`. */
function nearestPerson(ms: readonly FlatMention[], pos: number, ok: (e: Entity) => boolean): { entity: Entity; mention: Span } | null {
  for (let i = firstEndingAfter(ms, pos) - 1; i >= 0; i--) {
    const m = ms[i]!;
    if (pos - m.end > PRONOUN_REACH) break;
    if (m.entity.type === 'PERSON' && ok(m.entity)) return { entity: m.entity, mention: m };
  }
  return null;
}

/** The entity mention ending just before `pos`, across a comma, a closing parenthesis and spaces. */
function mentionEndingBefore(text: string, ms: readonly FlatMention[], pos: number): FlatMention | null {
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
  const k = firstEndingAfter(ms, i - 1);
  const m = ms[k];
  return m && m.end === i ? m : null;
}
