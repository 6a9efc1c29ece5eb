// Live tracking: keep claim positions in step with edits made in the editor, without re-searching.
// Edits before a claim move it; edits after it leave it alone; an edit that touches the claim's
// own text cannot be followed by arithmetic, so the claim is flagged for anchor() instead of being
// given a position that might cover the wrong words.

import { AnnotationTarget } from './types';

/** One edit, as an editor reports it: text[start, end) was replaced by newLength characters. */
export interface TextChange {
  start: number;
  end: number;
  newLength: number;
}

export interface ShiftResult<A> {
  /** A copy with `target.position` moved (the quote selector is never rewritten here). */
  annotation: A;
  /** True when an edit touched the claim text: call anchor() before trusting the position. */
  needsReanchor: boolean;
}

/**
 * Applies `changes` in order; each change is in the coordinates of the text left by the previous
 * ones (VS Code's `contentChanges` of one event arrive in an order that makes this hold).
 * An insertion exactly at a claim's start moves the claim; one exactly at its end does not grow it.
 */
export function shiftForEdits<A extends { target: AnnotationTarget }>(annotations: readonly A[], changes: readonly TextChange[]): ShiftResult<A>[] {
  return annotations.map((annotation) => {
    let { start, end } = annotation.target.position;
    let needsReanchor = false;
    for (const c of changes) {
      const delta = c.newLength - (c.end - c.start);
      if (c.end <= start && !(c.start === c.end && c.start === end && start === end)) {
        start += delta;
        end += delta;
      } else if (c.start >= end) {
        continue;
      } else {
        // The edit overlaps the claim or lands inside it.
        needsReanchor = true;
        const map = (p: number, atEnd: boolean) => (p <= c.start ? p : p >= c.end ? p + delta : atEnd ? c.start + c.newLength : c.start);
        start = map(start, false);
        end = Math.max(start, map(end, true));
      }
    }
    const moved = start !== annotation.target.position.start || end !== annotation.target.position.end;
    const copy = moved ? { ...annotation, target: { ...annotation.target, position: { start, end } } } : annotation;
    return { annotation: copy, needsReanchor };
  });
}
