// The analysis of an edited text as a change to the analysis the receiver already holds, for
// passing between threads. After a keystroke in a long article nearly every quote, sentence,
// claim and mention is the same as before, only moved by the edit's length: sending them all
// again costs the receiving thread (the editor's) tens of milliseconds to decode and rebuild on
// every keystroke. Each list travels instead as how many items to keep from the start and from
// the end of the old list, moved through the edit, and the new items in between; texts the
// receiver can slice from its own copy of the text travel empty.
//
// Correct by construction: an old item is kept only when, moved through the edit, it is equal,
// field by field, to the new one (moving adds the edit's length to every `start` and `end` at or
// after the end of the replaced stretch); the receiver moves kept items the same way, in place
// (the old analysis is spent: its kept objects are the new one's). wireItems.ts compares and moves
// each kind of item.
import type { Analysis, Entity, Mention, Span, Structure, TextSpan } from '../types';
import { mentionsInOrder, setMentionsInOrder } from './mentionOrder';
import { editBetween, type TextEdit } from '../text/textEdit';
import { moveNothing, moveQuote, moveSpan, sameClaim, sameHead, sameMention, sameQuote, sameSpan, sameTextSpan, type MoveInPlace, type Move, type SameMoved } from './wireItems';

export { mentionsInOrder } from './mentionOrder';
export type { Move } from './wireItems';

/** A list as the old list's first `keep` and last `tail` items, moved, with `items` in between. */
export interface ListPatch<T> {
  /** The first this many items lie wholly before the edit: they stay as they are. */
  still: number;
  keep: number;
  tail: number;
  items: T[];
}

/** An entity without its mentions (they travel in one list, in text order). */
export type EntityHead = Omit<Entity, 'mentions'>;

export interface WireDelta {
  length: number;
  /** Offsets at or after this one (in the old text) move by `shift`; the others stay. */
  editEnd: number;
  shift: number;
  headline: TextSpan | null;
  structure: { [K in Exclude<keyof Structure, 'headline'>]: ListPatch<Structure[K][number]> };
  sentences: ListPatch<Span>;
  quotes: ListPatch<Analysis['quotes'][number]>;
  claims: ListPatch<Analysis['claims'][number]>;
  entities: ListPatch<EntityHead>;
  /** Every mention of every entity, by start. */
  mentions: ListPatch<Mention>;
}

const STRUCTURE_LISTS = ['subheadings', 'datelines', 'bylines', 'captions', 'residue', 'paragraphs'] as const;
/** How the items of each structure list compare (paragraphs are bare spans; the others carry their text). */
const sameStructureItem = (key: (typeof STRUCTURE_LISTS)[number]): SameMoved<Span> => (key === 'paragraphs' ? sameSpan : (sameTextSpan as SameMoved<Span>));

/** The edit between two texts, as their common start and end. */
export function moveBetween(oldText: string, newText: string): Move {
  const { tail } = editBetween(oldText, newText);
  return { editEnd: oldText.length - tail, shift: newText.length - oldText.length };
}

/** How offsets move through `edit`, which turned `oldText` into a text `newLength` long. */
export function moveThrough(oldText: string, edit: TextEdit, newLength: number): Move {
  return { editEnd: oldText.length - edit.tail, shift: newLength - oldText.length };
}

/**
 * `next` (the analysis of `newText`) as a change to `prev` (of `oldText`), or undefined when it
 * cannot be sent so (an entity's mentions out of text order: the receiver rebuilds them in order).
 * `edit`, when the caller knows it, is how `oldText` became `newText` (saves comparing them).
 */
export function toDelta(prev: Analysis, oldText: string, next: Analysis, newText: string, edit?: TextEdit): WireDelta | undefined {
  if (!mentionsInTextOrder(next)) return undefined;
  unsliceable = false;
  const move = edit ? moveThrough(oldText, edit, newText.length) : moveBetween(oldText, newText);
  const st = next.structure;
  const structure = {} as WireDelta['structure'];
  for (const key of STRUCTURE_LISTS) (structure as Record<string, ListPatch<unknown>>)[key] = listPatch<Span>(prev.structure[key], st[key], move, newText, sameStructureItem(key));
  const delta: WireDelta = {
    length: next.length,
    editEnd: move.editEnd,
    shift: move.shift,
    headline: st.headline,
    structure,
    sentences: listPatch(prev.sentences, next.sentences, move, newText, sameSpan),
    quotes: listPatch(prev.quotes, next.quotes, move, newText, sameQuote),
    claims: listPatch(prev.claims, next.claims, move, newText, sameClaim),
    entities: listPatch(prev.entities, next.entities, move, newText, sameHead, head),
    mentions: listPatch(mentionsInOrder(prev), mentionsInOrder(next), move, newText, sameMention),
  };
  return unsliceable ? undefined : delta;
}

/** Set when a span to send has an empty text that is not its slice: the receiver would fill it in. */
let unsliceable = false;

/**
 * The analysis of `text` from `prev` (of the text before the edit) and the change sent. The items
 * kept are `prev`'s own objects, moved through the edit in place: `prev` is spent, and only the
 * analysis returned is to be read from then on.
 */
export function fromDelta(prev: Analysis, delta: WireDelta, text: string): Analysis {
  const move: Move = { editEnd: delta.editEnd, shift: delta.shift };
  const structure = { headline: delta.headline } as Structure;
  for (const key of STRUCTURE_LISTS) (structure as unknown as Record<string, unknown[]>)[key] = applyPatch<Span>(prev.structure[key], delta.structure[key], move, text, moveSpan);
  const mentions = applyPatch(mentionsInOrder(prev), delta.mentions, move, text, moveSpan);
  const byEntity = new Map<string, Mention[]>();
  for (const m of mentions) {
    let list = byEntity.get(m.entityId);
    if (!list) byEntity.set(m.entityId, (list = []));
    list.push(m);
  }
  // Kept entities are prev's own objects (their mentions came through the mention list, moved
  // once there): each is handed its mentions in place; a new one gets its mentions added.
  const entities = applyPatch(prev.entities as EntityHead[], delta.entities, move, text, moveNothing) as Entity[];
  for (const e of entities) e.mentions = byEntity.get(e.id) ?? [];
  const analysis: Analysis = {
    length: delta.length,
    structure,
    sentences: applyPatch(prev.sentences, delta.sentences, move, text, moveSpan),
    quotes: applyPatch(prev.quotes, delta.quotes, move, text, moveQuote),
    entities,
    claims: applyPatch(prev.claims, delta.claims, move, text, moveSpan),
  };
  setMentionsInOrder(analysis, mentions);
  return analysis;
}

const heads = new WeakMap<Entity, EntityHead>();

function head(entity: Entity): EntityHead {
  let h = heads.get(entity);
  if (!h) {
    const { mentions: _mentions, ...rest } = entity;
    heads.set(entity, (h = rest));
  }
  return h;
}

/** True when each entity's mentions are in text order, and no two mentions start at one offset. */
function mentionsInTextOrder(analysis: Analysis): boolean {
  for (const e of analysis.entities) for (let i = 1; i < e.mentions.length; i++) if (e.mentions[i]!.start <= e.mentions[i - 1]!.start) return false;
  const all = mentionsInOrder(analysis);
  for (let i = 1; i < all.length; i++) if (all[i]!.start === all[i - 1]!.start) return false;
  return true;
}

/**
 * `next` as a change to `prev`, its items compared by `same`; `sentAs` gives the item to send (an
 * entity without its mentions, which travel in a list of their own).
 */
function listPatch<T, S = T>(prev: readonly T[], next: readonly T[], move: Move, text: string, same: SameMoved<T>, sentAs?: (item: T) => S): ListPatch<S> {
  let keep = 0;
  // The first kept item with an offset the edit moves: the items before it stay as they are.
  let still = -1;
  const max = Math.min(prev.length, next.length);
  const moves = { moved: false };
  while (keep < max) {
    moves.moved = false;
    if (!same(prev[keep]!, next[keep]!, move, moves)) break;
    if (moves.moved && still < 0) still = keep;
    keep++;
  }
  if (still < 0) still = keep;
  let tail = 0;
  while (tail < max - keep && same(prev[prev.length - 1 - tail]!, next[next.length - 1 - tail]!, move, moves)) tail++;
  const changed = next.slice(keep, next.length - tail);
  return { still, keep, tail, items: changed.map((item) => withoutTexts(sentAs ? sentAs(item) : (item as unknown as S), text)) };
}

/** The list `patch` describes, from `prev`'s items (moved in place by `moveItem`) and the ones sent. */
function applyPatch<T>(prev: readonly T[], patch: ListPatch<T>, move: Move, text: string, moveItem: MoveInPlace<T>): T[] {
  const out = new Array<T>(patch.keep + patch.items.length + patch.tail);
  let k = 0;
  for (let i = 0; i < patch.still; i++) out[k++] = prev[i]!;
  for (let i = patch.still; i < patch.keep; i++) {
    moveItem(prev[i]!, move);
    out[k++] = prev[i]!;
  }
  for (const item of patch.items) out[k++] = withTexts(item, text);
  for (let i = prev.length - patch.tail; i < prev.length; i++) {
    moveItem(prev[i]!, move);
    out[k++] = prev[i]!;
  }
  return out;
}

/** A span's text travels empty when it is exactly its slice of the text (its start and end say it). */
function isSlicedSpan(rec: Record<string, unknown>, text: string): boolean {
  return typeof rec.text === 'string' && typeof rec.start === 'number' && typeof rec.end === 'number' && rec.text.length > 0 && rec.text === text.slice(rec.start, rec.end);
}

/** `item` with the text of every span in it that is exactly its slice left empty. */
function withoutTexts<T>(item: T, text: string): T {
  if (item === null || typeof item !== 'object') return item;
  if (Array.isArray(item)) return item.map((x: unknown) => withoutTexts(x, text)) as T;
  const rec = item as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in rec) out[k] = typeof rec[k] === 'object' ? withoutTexts(rec[k], text) : rec[k];
  // A text that is not its slice goes as it is; an empty one that is not would be taken for one.
  if (isSlicedSpan(rec, text)) out.text = '';
  else if (rec.text === '' && typeof rec.start === 'number' && typeof rec.end === 'number' && rec.end > rec.start) unsliceable = true;
  return out as T;
}

/** The inverse of withoutTexts, in place: every span's empty text is its slice of the text. */
function withTexts<T>(item: T, text: string): T {
  if (item === null || typeof item !== 'object') return item;
  if (Array.isArray(item)) {
    for (const x of item) withTexts(x, text);
    return item;
  }
  const rec = item as Record<string, unknown>;
  for (const k in rec) if (typeof rec[k] === 'object') withTexts(rec[k], text);
  if (rec.text === '' && typeof rec.start === 'number' && typeof rec.end === 'number') rec.text = text.slice(rec.start, rec.end);
  return item;
}
