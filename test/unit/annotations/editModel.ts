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
  /**
   * retyped[i] = 1 when text[i] belongs to a copy of other text typed anew by an edit (a sentence
   * repeated elsewhere): it keeps the origin of what it copies, but it is a second copy.
   */
  retyped: Uint8Array;
  /** Every edit so far, in editor terms, for shiftForEdits. */
  readonly changes: TextChange[] = [];

  constructor(original: string) {
    this.text = original;
    this.origin = Int32Array.from({ length: original.length }, (_, i) => i);
    this.retyped = new Uint8Array(original.length);
  }

  /** Replaces [start, end) with `inserted`; `insertedOrigin` defaults to typed-in (-1). */
  replace(start: number, end: number, inserted: string, insertedOrigin?: Int32Array, insertedRetyped?: Uint8Array): void {
    const retyped = new Uint8Array(this.retyped.length - (end - start) + inserted.length);
    retyped.set(this.retyped.subarray(0, start));
    if (insertedRetyped) retyped.set(insertedRetyped, start);
    retyped.set(this.retyped.subarray(end), start + inserted.length);
    this.retyped = retyped;
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
    const pieceRetyped = this.retyped.slice(start, end);
    this.replace(start, end, '');
    const at = to >= end ? to - (end - start) : to;
    this.replace(at, at, piece, pieceOrigin, pieceRetyped);
  }

  /** Pastes a copy of [start, end) at `to` (the copy keeps the origin of what it copies). */
  copy(start: number, end: number, to: number): void {
    this.replace(to, to, this.text.slice(start, end), this.origin.slice(start, end), this.retyped.slice(start, end));
  }

  /**
   * Types at `to` a copy of [start, end) with some words changed (`rewrite` maps the copied text
   * to the new one, word for word): unchanged words keep their origin, all are marked retyped.
   */
  retype(start: number, end: number, to: number, rewrite: (words: string[]) => string[], before = '', after = ''): void {
    const words = [...this.text.slice(start, end).matchAll(/\S+|\s+/g)];
    const next = rewrite(words.map((w) => w[0]));
    let inserted = before;
    const origin: number[] = Array.from(before, () => -1);
    next.forEach((w, i) => {
      const source = words[i]!;
      for (let j = 0; j < w.length; j++) {
        const o = this.origin[start + source.index! + Math.min(j, source[0].length - 1)]!;
        // A changed word stands for the word it replaces, like typing over it.
        origin.push(w === source[0] ? o : o >= 0 ? -2 - o : o);
      }
      inserted += w;
    });
    inserted += after;
    for (let j = 0; j < after.length; j++) origin.push(-1);
    this.replace(to, to, inserted, Int32Array.from(origin), new Uint8Array(inserted.length).fill(1));
  }

  /**
   * The claim's own region now: runs of characters from the original ranges (the claim, and any
   * identical copy of its text) or typed over them, with whatever was typed between them (gaps up to `maxGap`), as [start, end) spans. Copies of the
   * claim make several spans. With `skipRetyped`, copies an edit typed anew are left out.
   */
  ownRegions(ranges: readonly (readonly [number, number])[], maxGap = 300, skipRetyped = false): [number, number][] {
    const spans: [number, number][] = [];
    for (let i = 0; i < this.origin.length; i++) {
      if (skipRetyped && this.retyped[i] === 1) continue;
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
