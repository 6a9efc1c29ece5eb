// Offsets ↔ line and character, for the few places that must say where an offset is without an
// editor's document at hand (sidecar error positions, workspace mentions sent to the editor).

/** The offset at which each line starts: 0, then one past each \n (a \r before it stays on its line). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line of `offset` and its 0-based character on that line, by binary search over `starts`. */
export function lineAndCharacter(starts: readonly number[], offset: number): [line: number, character: number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [lo, offset - starts[lo]!];
}
