// Small helpers over sorted span lists.
import type { Span } from './types';

/**
 * Whether `s` lies wholly inside one of `spans`, which must be sorted and non-overlapping
 * (residue lines, paragraphs). Binary search: callers test thousands of spans per article.
 */
export function insideSorted(spans: readonly Span[], s: Span): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = spans[mid]!;
    if (r.end <= s.start) lo = mid + 1;
    else if (r.start > s.start) hi = mid - 1;
    else return s.end <= r.end;
  }
  return false;
}

/** The index of the first of `list` (sorted by start) that starts at or after `pos`; list.length if none does. */
export function firstStartingFrom(list: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in list[lo, hi) whose value is at least `value` (the list ascending). */
export function lowerBound(list: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
