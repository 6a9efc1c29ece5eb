// A comparison in the form the editor receives it from the comparison process: what it paints (the
// pairs' places, scores and reasons, the conflicts, the unmatched sentences) in a few flat arrays, and
// nothing it can rebuild from the two texts it already holds. The whole comparison (each statement's
// text twice over, the reason's parts, the word diff as thousands of small objects) is a 6 MB
// structured clone on two 800 KB articles, which took the extension host about 60 ms of CPU to read
// on arrival (scripts/bench-compare-reply.ts); the compact form (1 MB) is read in under a millisecond. A pair's texts and word
// diff are worked out from the texts when a hover or a tooltip asks for that one pair.
import type { Comparison } from './compare';
import type { Conflict } from './conflict';
import type { Span, TextSpan } from '../types';
import { wordDiff, type DiffRun } from './wordDiff';

export interface CompactComparison {
  /** Per pair, best first: A's start and end, B's start and end. */
  spans: Int32Array;
  /** Per pair. */
  scores: Float64Array;
  /** Per pair: why it was made, in plain words. */
  reasons: string[];
  /** The pairs that disagree: [pair index, what differs]. Few, so kept as a list. */
  conflicts: [number, Conflict][];
  /** Start and end of each sentence only one article reports. */
  onlyA: Int32Array;
  onlyB: Int32Array;
}

export type Side = 'a' | 'b';

export function compactComparison(c: Comparison): CompactComparison {
  const spans = new Int32Array(c.shared.length * 4);
  const scores = new Float64Array(c.shared.length);
  const reasons: string[] = [];
  const conflicts: [number, Conflict][] = [];
  c.shared.forEach((s, i) => {
    spans.set([s.a.start, s.a.end, s.b.start, s.b.end], i * 4);
    scores[i] = s.score;
    reasons.push(s.reason.text);
    if (s.conflict) conflicts.push([i, s.conflict]);
  });
  return { spans, scores, reasons, conflicts, onlyA: flatSpans(c.onlyA), onlyB: flatSpans(c.onlyB) };
}

/** One pair as the editor paints it. */
export interface ComparedPair {
  /** Its place in the comparison (best first): what details are asked by. */
  index: number;
  a: Span;
  b: Span;
  score: number;
  reason: string;
  conflict?: Conflict;
}

/** One pair with what a hover or a tooltip shows: both statements' texts and the word diff. */
export interface PairDetail extends Omit<ComparedPair, 'a' | 'b' | 'reason'> {
  a: TextSpan;
  b: TextSpan;
  reason: { text: string };
  diff: DiffRun[];
}

/** A compact comparison over the two texts it was made on. */
export class ComparisonResult {
  readonly pairs: readonly ComparedPair[];
  private readonly details = new Map<number, PairDetail>();

  constructor(
    readonly textA: string,
    readonly textB: string,
    private readonly compact: CompactComparison,
  ) {
    const conflicts = new Map(compact.conflicts);
    const { spans, scores, reasons } = compact;
    const pairs: ComparedPair[] = [];
    for (let i = 0; i < scores.length; i++) {
      const conflict = conflicts.get(i);
      pairs.push({
        index: i,
        a: { start: spans[i * 4]!, end: spans[i * 4 + 1]! },
        b: { start: spans[i * 4 + 2]!, end: spans[i * 4 + 3]! },
        score: scores[i]!,
        reason: reasons[i]!,
        ...(conflict ? { conflict } : {}),
      });
    }
    this.pairs = pairs;
  }

  /** The sentences of one article that the other does not report, in text order. */
  only(side: Side): Span[] {
    const flat = side === 'a' ? this.compact.onlyA : this.compact.onlyB;
    const out: Span[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) out.push({ start: flat[i]!, end: flat[i + 1]! });
    return out;
  }

  /** The text of a span of one article, as it was compared. */
  text(side: Side, span: Span): string {
    return (side === 'a' ? this.textA : this.textB).slice(span.start, span.end);
  }

  /** The pair at `index` with its texts and word diff, worked out on first asking; undefined if there is none. */
  detail(index: number): PairDetail | undefined {
    const pair = this.pairs[index];
    if (!pair) return undefined;
    let detail = this.details.get(index);
    if (!detail) {
      const a = { ...pair.a, text: this.text('a', pair.a) };
      const b = { ...pair.b, text: this.text('b', pair.b) };
      const { reason, ...rest } = pair;
      detail = { ...rest, a, b, reason: { text: reason }, diff: wordDiff(a.text, b.text) };
      this.details.set(index, detail);
    }
    return detail;
  }
}

function flatSpans(spans: readonly Span[]): Int32Array {
  const out = new Int32Array(spans.length * 2);
  spans.forEach((s, i) => {
    out[i * 2] = s.start;
    out[i * 2 + 1] = s.end;
  });
  return out;
}
