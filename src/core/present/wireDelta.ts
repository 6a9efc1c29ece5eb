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
// (the old analysis is spent: its kept objects are the new one's).
import type { Analysis, Entity, Mention, Span, Structure, TextSpan } from '../types';
import { mentionsInOrder, setMentionsInOrder } from './mentionOrder';
import { editBetween, type TextEdit } from '../text/textEdit';

export { mentionsInOrder } from './mentionOrder';

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

/** How offsets move through the edit that turned `oldText` into `newText`. */
export interface Move {
  editEnd: number;
  shift: number;
}

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
  for (const key of STRUCTURE_LISTS) (structure as Record<string, ListPatch<unknown>>)[key] = listPatch(prev.structure[key], st[key], move, newText);
  const delta: WireDelta = {
    length: next.length,
    editEnd: move.editEnd,
    shift: move.shift,
    headline: st.headline,
    structure,
    sentences: listPatch(prev.sentences, next.sentences, move, newText),
    quotes: listPatch(prev.quotes, next.quotes, move, newText),
    claims: listPatch(prev.claims, next.claims, move, newText),
    entities: listPatch(prev.entities.map(head), next.entities.map(head), move, newText),
    mentions: listPatch(mentionsInOrder(prev), mentionsInOrder(next), move, newText),
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
  for (const key of STRUCTURE_LISTS) (structure as unknown as Record<string, unknown[]>)[key] = applyPatch(prev.structure[key], delta.structure[key], move, text);
  const mentions = applyPatch(mentionsInOrder(prev), delta.mentions, move, text);
  const byEntity = new Map<string, Mention[]>();
  for (const m of mentions) {
    let list = byEntity.get(m.entityId);
    if (!list) byEntity.set(m.entityId, (list = []));
    list.push(m);
  }
  const entities = applyPatch(prev.entities.map(head), delta.entities, move, text).map((e): Entity => ({ ...e, mentions: byEntity.get(e.id) ?? [] }));
  const analysis: Analysis = {
    length: delta.length,
    structure,
    sentences: applyPatch(prev.sentences, delta.sentences, move, text),
    quotes: applyPatch(prev.quotes, delta.quotes, move, text),
    entities,
    claims: applyPatch(prev.claims, delta.claims, move, text),
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

function listPatch<T>(prev: readonly T[], next: readonly T[], move: Move, text: string): ListPatch<T> {
  let keep = 0;
  const max = Math.min(prev.length, next.length);
  while (keep < max && sameMoved(prev[keep], next[keep], undefined, move)) keep++;
  let tail = 0;
  while (tail < max - keep && sameMoved(prev[prev.length - 1 - tail], next[next.length - 1 - tail], undefined, move)) tail++;
  let still = 0;
  while (still < keep && !reaches(prev[still], undefined, move.editEnd)) still++;
  return { still, keep, tail, items: next.slice(keep, next.length - tail).map((item) => withoutTexts(item, text)) };
}

/** Whether some offset of `item` is at or after `editEnd` (so moving it changes it). */
function reaches(item: unknown, key: string | undefined, editEnd: number): boolean {
  if (typeof item === 'number') return isOffset(key) && item >= editEnd;
  if (item === null || typeof item !== 'object') return false;
  if (Array.isArray(item)) return item.some((x) => reaches(x, undefined, editEnd));
  const rec = item as Record<string, unknown>;
  for (const k in rec) if (reaches(rec[k], k, editEnd)) return true;
  return false;
}

function applyPatch<T>(prev: readonly T[], patch: ListPatch<T>, move: Move, text: string): T[] {
  const out = new Array<T>(patch.keep + patch.items.length + patch.tail);
  let k = 0;
  for (let i = 0; i < patch.still; i++) out[k++] = prev[i]!;
  for (let i = patch.still; i < patch.keep; i++) out[k++] = moved(prev[i]!, move);
  for (const item of patch.items) out[k++] = withTexts(item, text);
  for (let i = prev.length - patch.tail; i < prev.length; i++) out[k++] = moved(prev[i]!, move);
  return out;
}

const isOffset = (key: string | undefined) => key === 'start' || key === 'end';

function moveOffset(v: number, move: Move): number {
  return v >= move.editEnd ? v + move.shift : v;
}

/** Whether `a` moved through the edit equals `b`, field by field. */
function sameMoved(a: unknown, b: unknown, key: string | undefined, move: Move): boolean {
  if (typeof a === 'number') return isOffset(key) ? b === moveOffset(a, move) : a === b;
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') return a === b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameMoved(a[i], b[i], undefined, move)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    // Numbers and texts compared here rather than in a call each: tens of thousands of items are
    // compared after every keystroke in a long article.
    const va = ra[k];
    const vb = rb[k];
    if (typeof va === 'number') {
      if (vb !== (isOffset(k) ? moveOffset(va, move) : va)) return false;
    } else if (typeof va === 'object' && va !== null) {
      if (!sameMoved(va, vb, k, move)) return false;
    } else if (va !== vb || (va === undefined && !(k in rb))) return false;
    n++;
  }
  for (const _ in rb) n--;
  return n === 0;
}

/**
 * `item` moved through the edit, in place: copying every item after a keystroke (tens of
 * thousands on a long article) would cost the receiving thread more than everything else it does.
 */
function moved<T>(item: T, move: Move): T {
  if (item === null || typeof item !== 'object') return item;
  if (Array.isArray(item)) {
    for (const x of item) if (typeof x === 'object') moved(x as unknown, move);
    return item;
  }
  const rec = item as Record<string, unknown>;
  for (const k in rec) {
    const v = rec[k];
    if (typeof v === 'number') {
      if (v >= move.editEnd && isOffset(k)) rec[k] = v + move.shift;
    } else if (typeof v === 'object' && v !== null) moved(v, move);
  }
  return item;
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
