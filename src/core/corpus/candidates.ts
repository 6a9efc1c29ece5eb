// Which statement pairs of two articles are worth scoring, without scoring every pair. Each
// statement is indexed by its terms; a statement proposes only the statements of the other article
// that share one of its heaviest terms (its "prefix", after Bayardo et al., "Scaling up all pairs
// similarity search", 2007). The prefix is cut where the terms left over could not lift any pair to
// the threshold on their own, so no pair at or above the threshold is lost, except through the cap:
// a term held by more than `cap` statements of the other article proposes nothing (in real text
// such a term is common and weighs little; in text repeated many times it would make the search
// quadratic again).
//
// Why the prefix is enough: let x be the statement with the smaller squared norm nx. The score is
// dot / (min^s * max^(1-s)) <= dot / nx. If x and y share no prefix term of x, every shared term is
// in x's suffix, so dot <= suffix(x) < threshold * nx, and the score is below the threshold. Both
// sides propose, so whichever of the two is smaller finds the pair.
import type { Statement } from './statements';

/** Blocks (terms) held by more statements than this propose no pairs. */
export const DEFAULT_BLOCK_CAP = 100;

export interface ScoredPair {
  /** Index into the first statement list. */
  a: number;
  /** Index into the second statement list. */
  b: number;
  score: number;
}

export interface CandidateResult {
  /** Every pair scoring at or above the threshold, in no particular order. */
  pairs: ScoredPair[];
  /** Pairs scored exactly (the all-pairs method scores |A| x |B|). */
  scored: number;
  /** Prefix terms that proposed nothing because the other article holds them in more than `cap` statements. */
  capped: number;
}

interface Indexed {
  /** Term ids, ascending. */
  ids: Int32Array;
  /** Prefix term ids (heaviest first). */
  prefix: Int32Array;
  norm: number;
}

/**
 * Every pair of statements (one from each list) whose score reaches `threshold`, found through an
 * inverted index. `weightOf` gives a term's weight; the score is the one `similarity` computes.
 */
export function candidatePairs(
  sa: readonly Statement[],
  sb: readonly Statement[],
  weightOf: (term: string) => number,
  threshold: number,
  shortSide: number,
  cap = DEFAULT_BLOCK_CAP,
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
      return { ids, prefix: Int32Array.from(byWeight.slice(0, cut)), norm };
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
  const nb = sb.length;
  const seen = new Set<number>();
  let capped = 0;
  xa.forEach((x, i) => {
    for (const id of x.prefix) {
      const list = inB.get(id);
      if (!list) continue;
      if (list.length > cap) {
        capped++;
        continue;
      }
      for (const j of list) seen.add(i * nb + j);
    }
  });
  xb.forEach((y, j) => {
    for (const id of y.prefix) {
      const list = inA.get(id);
      if (!list) continue;
      if (list.length > cap) {
        capped++;
        continue;
      }
      for (const i of list) seen.add(i * nb + j);
    }
  });
  const pairs: ScoredPair[] = [];
  for (const key of seen) {
    const i = Math.floor(key / nb);
    const j = key - i * nb;
    const x = xa[i]!;
    const y = xb[j]!;
    const dot = sortedDot(x.ids, y.ids, w2);
    if (dot === 0) continue;
    const score = dot / (Math.pow(Math.min(x.norm, y.norm), shortSide) * Math.pow(Math.max(x.norm, y.norm), 1 - shortSide));
    if (score >= threshold) pairs.push({ a: i, b: j, score });
  }
  return { pairs, scored: seen.size, capped };
}

/** Sum of the squared weights of the ids both ascending lists hold. */
function sortedDot(x: Int32Array, y: Int32Array, w2: readonly number[]): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < x.length && j < y.length) {
    const a = x[i]!;
    const b = y[j]!;
    if (a === b) {
      dot += w2[a]!;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return dot;
}
