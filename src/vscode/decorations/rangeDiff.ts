// Which of a style's ranges need sending again after an edit: the ranges last sent, carried through
// the edit as the editor carries its decorations, compared with the new analysis' ranges.
// Plain offsets, no vscode API, so it is tested in plain Node.
import type { Span } from '../../core/types';

/**
 * Moves `ranges` (sorted [start, end] offsets) through one change: `removed` characters at `offset`
 * replaced by `inserted` ones. False when the change touches a range (inside it or at an edge).
 */
export function carryRanges(ranges: Array<[number, number]>, offset: number, removed: number, inserted: number): boolean {
  const changeEnd = offset + removed;
  const delta = inserted - removed;
  // Ranges are sorted and do not overlap within a style, except quotes inside quotes: check them all.
  for (const r of ranges) if (r[1] >= offset && r[0] <= changeEnd) return false;
  if (delta === 0) return true;
  for (const r of ranges) {
    if (r[0] > changeEnd) {
      r[0] += delta;
      r[1] += delta;
    }
  }
  return true;
}

export function sameRanges(a: ReadonlyArray<readonly [number, number]>, b: readonly Span[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]![0] !== b[i]!.start || a[i]![1] !== b[i]!.end) return false;
  return true;
}
