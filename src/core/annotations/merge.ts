// Three-way merge of two edited copies of one sidecar (e.g. two reviewers, or a git merge), at the
// level of whole annotations matched by id. No review is ever lost: when both sides changed the
// same annotation differently, both versions are kept, flagged `conflict: true`, and reported.

import { freshId, IdGenerator } from './ids';
import { Annotation } from './types';

export interface MergeConflict {
  /** The id both sides edited; theirs keeps it. */
  id: string;
  /** The id given to our version (equal to `id` when only one version survives). */
  mineId: string;
  kind: 'both-changed' | 'changed-and-deleted' | 'added-twice';
  message: string;
}

export interface MergeResult {
  annotations: Annotation[];
  conflicts: MergeConflict[];
}

/**
 * Merges by id. `newId` names our copy when both sides changed an annotation differently.
 * Order: theirs, with our additions after, in our order.
 */
export function merge(base: readonly Annotation[], mine: readonly Annotation[], theirs: readonly Annotation[], newId: IdGenerator): MergeResult {
  const byId = (list: readonly Annotation[]) => new Map(list.map((a) => [a.id, a]));
  const baseById = byId(base);
  const mineById = byId(mine);
  const theirsById = byId(theirs);
  const taken = new Set<string>([...baseById.keys(), ...mineById.keys(), ...theirsById.keys()]);
  const out: Annotation[] = [];
  const conflicts: MergeConflict[] = [];
  const keepBoth = (ours: Annotation, their: Annotation, kind: MergeConflict['kind']) => {
    const mineId = freshId(newId, taken);
    taken.add(mineId);
    out.push({ ...their, conflict: true }, { ...ours, id: mineId, conflict: true });
    conflicts.push({ id: their.id, mineId, kind, message: `Both sides changed the annotation on "${clip(their.target.selector.exact)}" differently; both versions are kept (${their.id} and ${mineId}).` });
  };

  for (const their of theirs) {
    const ours = mineById.get(their.id);
    const original = baseById.get(their.id);
    if (original === undefined) {
      // Added by them; maybe also by us under the same id.
      if (ours === undefined || same(ours, their)) out.push(their);
      else keepBoth(ours, their, 'added-twice');
    } else if (ours === undefined) {
      // We deleted it: honour that unless they changed it meanwhile.
      if (same(their, original)) continue;
      out.push({ ...their, conflict: true });
      conflicts.push({ id: their.id, mineId: their.id, kind: 'changed-and-deleted', message: `The annotation on "${clip(their.target.selector.exact)}" was deleted on one side and changed on the other; the changed version is kept.` });
    } else if (same(ours, their) || same(ours, original)) {
      out.push(their);
    } else if (same(their, original)) {
      out.push(ours);
    } else {
      keepBoth(ours, their, 'both-changed');
    }
  }
  for (const ours of mine) {
    if (theirsById.has(ours.id)) continue;
    const original = baseById.get(ours.id);
    if (original === undefined) out.push(ours); // added by us
    else if (!same(ours, original)) {
      // They deleted it, we changed it: keep ours.
      out.push({ ...ours, conflict: true });
      conflicts.push({ id: ours.id, mineId: ours.id, kind: 'changed-and-deleted', message: `The annotation on "${clip(ours.target.selector.exact)}" was deleted on one side and changed on the other; the changed version is kept.` });
    }
    // else: they deleted it and we left it alone -> deleted.
  }
  return { annotations: out, conflicts };
}

/** Deep equality of two annotations (key order ignored). */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return same(a, b);
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
