// Where the pairs of a comparison sit in one of the two articles, kept current while the article is
// edited: the marks the editor shows and the pair a hover is asked about. Hover text is built only
// for the pair under the pointer (its word diff too, ComparisonResult.detail): building it for
// thousands of pairs up front, and sending it with every mark, held the extension host for over a
// second on two 800 KB articles.
// No vscode import: the editor glue (corpusCommands.ts) turns offsets into ranges.
import type { ComparedPair } from '../../core/corpus/compactComparison';
import type { Span } from '../../core/types';

export interface PlacedPair {
  /** Where the statement is in this article now (moved by edits since the comparison). */
  span: Span;
  pair: ComparedPair;
}

export class ComparedPairs {
  /** Sorted by start; the statements of one article do not overlap. */
  private readonly placed: PlacedPair[];

  /** @param side which article of the comparison this is */
  constructor(shared: readonly ComparedPair[], side: 'a' | 'b') {
    this.placed = shared.map((pair) => ({ span: { start: pair[side].start, end: pair[side].end }, pair })).sort((x, y) => x.span.start - y.span.start);
  }

  /** The spans of agreeing pairs (`conflicts` false) or of conflicting ones, in text order. */
  spans(conflicts: boolean): Span[] {
    return this.placed.filter((p) => Boolean(p.pair.conflict) === conflicts).map((p) => p.span);
  }

  /** The pair whose statement holds `offset` (its end included, as a hover at a word's end is on it). */
  at(offset: number): PlacedPair | undefined {
    let lo = 0;
    let hi = this.placed.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const { span } = this.placed[mid]!;
      if (offset < span.start) hi = mid - 1;
      else if (offset > span.end) lo = mid + 1;
      else return this.placed[mid];
    }
    return undefined;
  }

  /**
   * Moves the spans through an edit that replaced [start, end) with `inserted` characters, as the
   * editor moves its marks: spans after it shift, a span the edit falls inside grows or shrinks, a
   * span the edit overlaps at one edge is cut at that edge.
   */
  edit(start: number, end: number, inserted: number): void {
    const delta = inserted - (end - start);
    const moved = (at: number, edge: 'start' | 'end') => {
      if (at < start || (edge === 'start' && at === start)) return at;
      if (at >= end) return at + delta;
      // Inside the replaced text: the mark's start moves past the new text, its end stays before it.
      return edge === 'start' ? start + inserted : start;
    };
    for (const p of this.placed) {
      if (p.span.end < start) continue;
      const s = moved(p.span.start, 'start');
      const e = Math.max(s, moved(p.span.end, 'end'));
      p.span = { start: s, end: e };
    }
  }
}
