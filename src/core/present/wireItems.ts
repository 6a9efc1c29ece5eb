// Comparing and moving the items of an analysis' lists through an edit, one function per kind of
// item (wireDelta.ts uses them). After a keystroke in a long article every one of tens of
// thousands of items is compared with its old self on the worker and moved on the editor's thread;
// reading each item's fields by name, rather than walking its keys, makes that several times
// cheaper. Each function reads every field its type has: the `satisfies` lists below stop the
// build when a type gains a field these functions do not know (a field left out would not travel).
import type { ClaimCandidate, Entity, Mention, Quote, Span, TextSpan } from '../types';
import type { LinkedSpeaker } from '../pronouns';
import { sameStrings } from '../lists';

/** How offsets move through an edit: those at or after `editEnd` (in the old text) by `shift`. */
export interface Move {
  editEnd: number;
  shift: number;
}

/** Compares `a` (an old item) moved through the edit with `b` (a new one); notes in `moves` whether any offset of `a` moves. */
export type SameMoved<T> = (a: T, b: T, m: Move, moves: MovedFlag) => boolean;
/** Moves an old item's offsets through the edit, in place. */
export type MoveInPlace<T> = (a: T, m: Move) => void;

/** Set when a comparison met an offset the edit moves. */
export interface MovedFlag {
  moved: boolean;
}

/** The fields each kind of item has: a type with a field missing here fails to build (see `Covers`). */
type Covers<T, K extends readonly (keyof T)[]> = Exclude<keyof T, K[number]> extends never ? K : never;
const SPAN_FIELDS = ['start', 'end'] as const;
const TEXT_FIELDS = ['start', 'end', 'text'] as const;
const MENTION_FIELDS = ['start', 'end', 'text', 'entityId'] as const;
const SPEAKER_FIELDS = ['start', 'end', 'text', 'entityId', 'kind', 'antecedent'] as const;
const QUOTE_FIELDS = ['start', 'end', 'text', 'content', 'partial', 'speaker', 'cue'] as const;
const CLAIM_FIELDS = ['start', 'end', 'text', 'score', 'reasons'] as const;
const HEAD_FIELDS = ['id', 'type', 'name', 'aliases', 'roles'] as const;
export const COVERED = {
  span: SPAN_FIELDS satisfies Covers<Span, typeof SPAN_FIELDS>,
  text: TEXT_FIELDS satisfies Covers<TextSpan, typeof TEXT_FIELDS>,
  mention: MENTION_FIELDS satisfies Covers<Mention, typeof MENTION_FIELDS>,
  // A speaker is a LinkedSpeaker: a pronoun's carries the mention it was resolved to.
  speaker: SPEAKER_FIELDS satisfies Covers<LinkedSpeaker, typeof SPEAKER_FIELDS>,
  quote: QUOTE_FIELDS satisfies Covers<Quote, typeof QUOTE_FIELDS>,
  claim: CLAIM_FIELDS satisfies Covers<ClaimCandidate, typeof CLAIM_FIELDS>,
  // An entity's mentions travel in a list of their own.
  head: HEAD_FIELDS satisfies Covers<Omit<Entity, 'mentions'>, typeof HEAD_FIELDS>,
};

function sameOffset(a: number, b: number, m: Move, moves: MovedFlag): boolean {
  if (a >= m.editEnd) {
    moves.moved = true;
    return b === a + m.shift;
  }
  return b === a;
}

function moveOffset(v: number, m: Move): number {
  return v >= m.editEnd ? v + m.shift : v;
}

export const sameSpan: SameMoved<Span> = (a, b, m, moves) => sameOffset(a.start, b.start, m, moves) && sameOffset(a.end, b.end, m, moves);

export const sameTextSpan: SameMoved<TextSpan> = (a, b, m, moves) => a.text === b.text && sameSpan(a, b, m, moves);

export const sameMention: SameMoved<Mention> = (a, b, m, moves) => a.entityId === b.entityId && sameTextSpan(a, b, m, moves);

export const sameClaim: SameMoved<ClaimCandidate> = (a, b, m, moves) => a.score === b.score && sameStrings(a.reasons, b.reasons) && sameTextSpan(a, b, m, moves);

function sameSpeaker(a: LinkedSpeaker | null, b: LinkedSpeaker | null, m: Move, moves: MovedFlag): boolean {
  if (a === null || b === null) return a === b;
  if (a.entityId !== b.entityId || a.kind !== b.kind || !sameTextSpan(a, b, m, moves)) return false;
  const ante = a.antecedent;
  const bAnte = b.antecedent;
  if (ante === undefined || bAnte === undefined) return ante === bAnte && ('antecedent' in a) === ('antecedent' in b);
  return sameSpan(ante, bAnte, m, moves);
}

function sameCue(a: TextSpan | null, b: TextSpan | null, m: Move, moves: MovedFlag): boolean {
  if (a === null || b === null) return a === b;
  return sameTextSpan(a, b, m, moves);
}

export const sameQuote: SameMoved<Quote> = (a, b, m, moves) =>
  a.partial === b.partial && sameTextSpan(a, b, m, moves) && sameSpan(a.content, b.content, m, moves) && sameSpeaker(a.speaker, b.speaker, m, moves) && sameCue(a.cue, b.cue, m, moves);

/** Entities without their mentions: no offsets. */
export const sameHead: SameMoved<Omit<Entity, 'mentions'>> = (a, b) =>
  a.id === b.id && a.type === b.type && a.name === b.name && sameStrings(a.aliases, b.aliases) && sameStrings(a.roles, b.roles);

export const moveSpan: MoveInPlace<Span> = (a, m) => {
  a.start = moveOffset(a.start, m);
  a.end = moveOffset(a.end, m);
};

export const moveQuote: MoveInPlace<Quote> = (a, m) => {
  moveSpan(a, m);
  moveSpan(a.content, m);
  const speaker = a.speaker as LinkedSpeaker | null;
  if (speaker) {
    moveSpan(speaker, m);
    if (speaker.antecedent) moveSpan(speaker.antecedent, m);
  }
  if (a.cue) moveSpan(a.cue, m);
};

export const moveNothing: MoveInPlace<unknown> = () => undefined;
