// A text under random edits that remembers where every character came from, so a test can tell
// whether an annotation landed on (an edited version of) its own original text or somewhere else.

import type { TextChange } from '../../../src/core/annotations/shift';

/** Deterministic PRNG (mulberry32) so every failure can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class TrackedText {
  text: string;
  /**
   * origin[i] = index of text[i] in the original text; for typed-in characters -1, or, when they
   * replaced original text, -2 - (origin of the character they stand for).
   */
  origin: Int32Array;
  /** Every edit so far, in editor terms, for shiftForEdits. */
  readonly changes: TextChange[] = [];

  constructor(original: string) {
    this.text = original;
    this.origin = Int32Array.from({ length: original.length }, (_, i) => i);
  }

  /** Replaces [start, end) with `inserted`; `insertedOrigin` defaults to typed-in (-1). */
  replace(start: number, end: number, inserted: string, insertedOrigin?: Int32Array): void {
    this.text = this.text.slice(0, start) + inserted + this.text.slice(end);
    const origin = new Int32Array(this.origin.length - (end - start) + inserted.length);
    origin.set(this.origin.subarray(0, start));
    if (insertedOrigin) origin.set(insertedOrigin, start);
    else {
      // Typed text that replaces a range stands for it proportionally: its first characters for
      // the first replaced ones, and so on (a replacement straddling a claim's edge is half in it).
      for (let j = 0; j < inserted.length; j++) {
        const raw = end > start ? this.origin[start + Math.floor((j * (end - start)) / inserted.length)]! : -1;
        const replaced = raw >= 0 ? raw : raw <= -2 ? -2 - raw : -1;
        origin[start + j] = replaced >= 0 ? -2 - replaced : -1;
      }
    }
    origin.set(this.origin.subarray(end), start + inserted.length);
    this.origin = origin;
    this.changes.push({ start, end, newLength: inserted.length });
  }

  /** Cuts [start, end) and pastes it at `to` (a position in the text before the cut). */
  move(start: number, end: number, to: number): void {
    const piece = this.text.slice(start, end);
    const pieceOrigin = this.origin.slice(start, end);
    this.replace(start, end, '');
    const at = to >= end ? to - (end - start) : to;
    this.replace(at, at, piece, pieceOrigin);
  }

  /** Pastes a copy of [start, end) at `to` (the copy keeps the origin of what it copies). */
  copy(start: number, end: number, to: number): void {
    this.replace(to, to, this.text.slice(start, end), this.origin.slice(start, end));
  }

  /**
   * The claim's own region now: runs of characters from the original ranges (the claim, and any
   * identical copy of its text) or typed over them, with whatever was typed between them (gaps up to `maxGap`), as [start, end) spans. Copies of the
   * claim make several spans.
   */
  ownRegions(ranges: readonly (readonly [number, number])[], maxGap = 300): [number, number][] {
    const spans: [number, number][] = [];
    for (let i = 0; i < this.origin.length; i++) {
      const raw = this.origin[i]!;
      const o = raw <= -2 ? -2 - raw : raw;
      if (!ranges.some(([from, until]) => o >= from && o < until)) continue;
      const last = spans[spans.length - 1];
      if (last && i - last[1] <= maxGap) last[1] = i + 1;
      else spans.push([i, i + 1]);
    }
    return spans;
  }
}
