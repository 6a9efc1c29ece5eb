// Candidate pairs as the index found them before its pairs were bounded before scoring: every pair
// proposed through a prefix term and not ruled out by the prefix and suffix weights alone was scored
// exactly. Kept here only to check that the bounded search finds the same pairs with the same scores.
import type { CandidateResult, ScoredPair } from '../../src/core/corpus/candidates';
import type { Statement } from '../../src/core/corpus/statements';

interface Indexed {
  /** Term ids, each once. */
  ids: Int32Array;
  /** Prefix term ids (heaviest first). */
  prefix: Int32Array;
  /** Squared weight of the terms after the prefix. */
  suffix: number;
  norm: number;
  /** norm ** shortSide and norm ** (1 - shortSide): the two factors of a pair's denominator, computed once. */
  short: number;
  long: number;
}

/**
 * Every pair of statements (one from each list) whose score reaches `threshold`, found through an
 * inverted index. `weightOf` gives a term's weight; the score is the one `similarity` computes.
 */
export function referenceCandidatePairs(
  sa: readonly Statement[],
  sb: readonly Statement[],
  weightOf: (term: string) => number,
  threshold: number,
  shortSide: number,
  cap: number,
): CandidateResult {
  const termIds = new Map<string, number>();
  const w2: number[] = [];
  const intern = (t: string): number => {
    let id = termIds.get(t);
    if (id === undefined) {
      id = w2.length;
      termIds.set(t, id);
      const w = weightOf(t);
      w2.push(w * w);
    }
    return id;
  };
  const index = (list: readonly Statement[]): Indexed[] =>
    list.map((s) => {
      const ids = Int32Array.from(new Set(s.terms.map(intern))).sort();
      let norm = 0;
      for (const id of ids) norm += w2[id]!;
      // Heaviest first; the prefix ends where the rest weighs less than threshold * norm.
      const byWeight = Array.from(ids).sort((x, y) => w2[y]! - w2[x]! || x - y);
      let rest = norm;
      let cut = 0;
      while (cut < byWeight.length && rest >= threshold * norm) rest -= w2[byWeight[cut++]!]!;
      return { ids, prefix: Int32Array.from(byWeight.slice(0, cut)), suffix: rest, norm, short: Math.pow(norm, shortSide), long: Math.pow(norm, 1 - shortSide) };
    });
  const xa = index(sa);
  const xb = index(sb);
  const postings = (list: Indexed[]): Map<number, number[]> => {
    const m = new Map<number, number[]>();
    list.forEach((x, i) => {
      for (const id of x.ids) {
        const p = m.get(id);
        if (p) p.push(i);
        else m.set(id, [i]);
      }
    });
    return m;
  };
  const inA = postings(xa);
  const inB = postings(xb);
  const pairs: ScoredPair[] = [];
  let scored = 0;
  let capped = 0;
  // Only the statement with the smaller norm needs to propose a pair (see above), so each pair is
  // proposed from one side only: A proposes when its norm is not larger, B when it is smaller.
  // Typed copies of what the inner loops read for every posting: no object or Map lookups there.
  const weights = Float64Array.from(w2);
  const propose = (own: Indexed[], other: Indexed[], postingsOfOther: Map<number, number[]>, ownIsA: boolean) => {
    const stamp = new Int32Array(other.length);
    const norms = Float64Array.from(other, (y) => y.norm);
    const listOf: (number[] | undefined)[] = new Array<number[] | undefined>(weights.length).fill(undefined);
    for (const [id, list] of postingsOfOther) listOf[id] = list;
    // Squared weight of the prefix terms each proposed statement shares with this one.
    const partial = new Float64Array(other.length);
    const found: number[] = [];
    // Which terms the proposing statement holds, stamped with its number: a dot product is then one pass over the other's terms.
    const holds = new Int32Array(weights.length);
    own.forEach((x, i) => {
      found.length = 0;
      const mark = i + 1;
      for (const id of x.ids) holds[id] = mark;
      // Prefix terms whose block was cut: a statement outside the window may still hold them.
      let unseen = 0;
      const xNorm = x.norm;
      for (const id of x.prefix) {
        const list = listOf[id];
        if (!list) continue;
        let from = 0;
        let to = list.length;
        if (list.length > cap) {
          // A common term proposes only the `cap` statements nearest this one's place in its article.
          capped++;
          unseen += weights[id]!;
          const at = lowerBound(list, Math.floor((i * other.length) / own.length));
          from = Math.max(0, Math.min(at - (cap >> 1), list.length - cap));
          to = from + cap;
        }
        const w = weights[id]!;
        for (let k = from; k < to; k++) {
          const j = list[k]!;
          if (stamp[j] === mark) {
            partial[j] += w;
            continue;
          }
          if (ownIsA ? xNorm > norms[j]! : xNorm >= norms[j]!) continue;
          stamp[j] = mark;
          partial[j] = w;
          found.push(j);
        }
      }
      for (let f = 0; f < found.length; f++) {
        const j = found[f]!;
        const y = other[j]!;
        // The same value as norm^s * norm^(1-s) computed per pair, from the factors each statement keeps.
        const denominator = x.short * y.long;
        // The shared prefix terms plus every suffix term at most: when even that falls short, skip the exact count.
        if (partial[j]! + unseen + x.suffix < threshold * denominator) continue;
        scored++;
        let dot = 0;
        const ids = y.ids;
        for (let k = 0; k < ids.length; k++) {
          const id = ids[k]!;
          if (holds[id] === mark) dot += weights[id]!;
        }
        const score = dot / denominator;
        if (score >= threshold) pairs.push(ownIsA ? { a: i, b: j, score } : { a: j, b: i, score });
      }
    });
  };
  propose(xa, xb, inB, true);
  propose(xb, xa, inA, false);
  return { pairs, scored, capped };
}

/** The first index of an ascending list whose value is at least `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
