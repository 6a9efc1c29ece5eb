// Which statement pairs of two articles are worth scoring, without scoring every pair. Each
// statement is indexed by its terms; a statement proposes only the statements of the other article
// that share one of its heaviest terms (its "prefix", after Bayardo et al., "Scaling up all pairs
// similarity search", 2007). The prefix is cut where the terms left over could not lift any pair to
// the threshold on their own, so no pair at or above the threshold is lost, except through the cap:
// a term held by more than `cap` statements of the other article proposes only the `cap` of them
// nearest the proposing statement's place in its own article (in real text such a term is common
// and weighs little; in text repeated many times it would make the search quadratic again).
//
// Why the prefix is enough: let x be the statement with the smaller squared norm nx. The score is
// dot / (min^s * max^(1-s)) <= dot / nx. If x and y share no prefix term of x, every shared term is
// in x's suffix, so dot <= suffix(x) < threshold * nx, and the score is below the threshold. So the
// smaller statement of each pair proposes it, whichever article it is in.
//
// Most proposed pairs share one light prefix term and fall short; scoring them exactly was most of
// the cost. Before that, a bound on the shared weight (sharedWeightBound) drops the pairs that
// cannot reach the threshold: the suffix terms of x that y shares are among y's terms lighter than
// the last prefix term they share (the positional filter of Xiao et al., "Efficient similarity
// joins for near duplicate detection", 2008, for weighted terms). Every posting carries that weight.
import type { Statement } from './statements';
import { lowerBound } from '../spans';

/** A block (term) held by more statements than this proposes only this many, the nearest in place. */
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
  /** Prefix terms cut to `cap` statements because the other article holds them in more. */
  capped: number;
}

/**
 * Pairs as three columns that grow as pairs are found. Two long articles give some hundred thousand
 * pairs at or above the threshold, of which one-to-one matching keeps a few thousand: an object for
 * each was the largest share of what a comparison allocated after the analysis, and each one lived
 * long enough to be copied by the garbage collector.
 */
export class PairColumns {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  score = new Float64Array(1024);
  length = 0;

  push(a: number, b: number, score: number): void {
    if (this.length === this.a.length) this.grow();
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.score[this.length] = score;
    this.length++;
  }

  /** The pairs as objects, in the order they were found. */
  toPairs(): ScoredPair[] {
    const out: ScoredPair[] = [];
    for (let k = 0; k < this.length; k++) out.push({ a: this.a[k]!, b: this.b[k]!, score: this.score[k]! });
    return out;
  }

  private grow(): void {
    const size = this.a.length * 2;
    const a = new Int32Array(size);
    const b = new Int32Array(size);
    const score = new Float64Array(size);
    a.set(this.a);
    b.set(this.b);
    score.set(this.score);
    this.a = a;
    this.b = b;
    this.score = score;
  }
}

/** What candidatePairs finds, with the pairs as columns. */
export interface CandidateColumns {
  pairs: PairColumns;
  scored: number;
  capped: number;
}

/**
 * The most weight x and y can share when y is first met through a prefix term t of x (heaviest
 * first): the prefix terms before t whose postings were cut to the cap (`unseenBefore`, y may hold
 * them unseen), and at most the lesser of what x weighs from t on and what y weighs from t on
 * (every other term they share ranks after t in both).
 */
export function firstMeetingBound(unseenBefore: number, xFromHere: number, yFromHere: number): number {
  return unseenBefore + Math.min(xFromHere, yFromHere);
}

/**
 * The most weight x and y can share once all x's prefix terms were looked up: `partial`, the prefix
 * terms found in y; `unseen`, the prefix terms whose postings were cut to the cap (y may hold them
 * unseen); `sharedSuffix`, the terms after x's prefix that y holds too, counted exactly.
 */
export function sharedWeightBound(partial: number, unseen: number, sharedSuffix: number): number {
  return partial + unseen + sharedSuffix;
}

/**
 * Rounding slack for the bound: it adds the same squares as the exact score in another order, so
 * the two may differ in the last bits. A pair is dropped only when its bound is short of the
 * threshold by more than that, so a pair the exact score keeps is never dropped.
 */
const ROUNDING = 1 + 1e-9;

/** Statements as flat typed arrays, so the inner loops read no objects or maps. */
interface Indexed {
  /** Term ids of statement i at ids[start[i]] up to ids[start[i + 1]], ascending, each once. */
  ids: Int32Array;
  start: Int32Array;
  /** Term ranks (0 the heaviest term) of statement i at the same places, heaviest first. */
  ranks: Int32Array;
  /** At each place of `ranks`: the squared weight of the statement's terms ranked after it. */
  lighter: Float64Array;
  /** How many of those ranks are the statement's prefix. */
  prefixLength: Int32Array;
  /** Squared weight of the terms after the prefix. */
  suffix: Float64Array;
  norm: Float64Array;
  /** norm ** shortSide and norm ** (1 - shortSide): the two factors of a pair's denominator, computed once. */
  short: Float64Array;
  long: Float64Array;
}

/** Which statements hold each term, ascending, and where the term is in each one's ranks. */
interface Postings {
  /** The statements holding term t at statement[from[t]] up to statement[from[t + 1]]. */
  from: Int32Array;
  statement: Int32Array;
  /** For the same posting: the place of t in the `ranks` of the indexed statements. */
  at: Int32Array;
  /** For the same posting: the squared weight of t and the statement's terms ranked after it. */
  fromHere: Float64Array;
}

/**
 * Every pair of statements (one from each list) whose score reaches `threshold`, found through an
 * inverted index. `weightOf` gives a term's weight; the score is the one `similarity` computes.
 */
export function candidatePairs(...args: Parameters<typeof candidateColumns>): CandidateResult {
  const found = candidateColumns(...args);
  return { pairs: found.pairs.toPairs(), scored: found.scored, capped: found.capped };
}

/** Each statement's term ids, ascending and each once, laid end to end. */
export interface StatementIds {
  /** The ids of statement i at ids[start[i]] up to ids[start[i + 1]]. */
  ids: Int32Array;
  start: Int32Array;
}

/** The terms of two articles' statements as numbers, in the order first met (A's statements, then B's). */
export interface InternedTerms {
  ids: Map<string, number>;
  /** The term of each id. */
  terms: string[];
  a: StatementIds;
  b: StatementIds;
  /** How many times each term is listed over the statements of both (what statsOf counts). */
  listed: Int32Array;
}

/** Reads every statement's terms once: the weights, the index and the scores all work from the ids. */
export function internTerms(sa: readonly Statement[], sb: readonly Statement[]): InternedTerms {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const listed: number[] = [];
  const intern = (t: string): number => {
    let id = ids.get(t);
    if (id === undefined) {
      id = terms.length;
      ids.set(t, id);
      terms.push(t);
      listed.push(1);
    } else listed[id]!++;
    return id;
  };
  const a = idsOf(sa, intern);
  const b = idsOf(sb, intern);
  return { ids, terms, a, b, listed: Int32Array.from(listed) };
}

/** candidatePairs, the pairs as columns (in the same order). */
export function candidateColumns(
  sa: readonly Statement[],
  sb: readonly Statement[],
  weightOf: (term: string) => number,
  threshold: number,
  shortSide: number,
  cap = DEFAULT_BLOCK_CAP,
): CandidateColumns {
  const interned = internTerms(sa, sb);
  const weights = new Float64Array(interned.terms.length);
  for (let id = 0; id < weights.length; id++) weights[id] = weightOf(interned.terms[id]!);
  return internedCandidates(interned, weights, threshold, shortSide, cap);
}

/** candidateColumns over interned terms, `termWeights` the weight of each id. */
export function internedCandidates(interned: InternedTerms, termWeights: Float64Array, threshold: number, shortSide: number, cap = DEFAULT_BLOCK_CAP): CandidateColumns {
  // Ids in the order terms are first met (A's statements, then B's): the exact score sums in that order.
  const termsA = interned.a;
  const termsB = interned.b;
  // Squared weights: what the scores add up.
  const weights = termWeights.map((w) => w * w);
  // Rank 0 is the heaviest term; equal weights go by id. A prefix is a statement's lowest ranks.
  const byRank = Int32Array.from(weights.keys()).sort((x, y) => weights[y]! - weights[x]! || x - y);
  const rankOf = new Int32Array(weights.length);
  byRank.forEach((id, rank) => (rankOf[id] = rank));
  const rankWeight = Float64Array.from(byRank, (id) => weights[id]!);
  const xa = index(termsA, weights, rankOf, rankWeight, threshold, shortSide);
  const xb = index(termsB, weights, rankOf, rankWeight, threshold, shortSide);
  const inA = postings(xa, weights, byRank);
  const inB = postings(xb, weights, byRank);
  const pairs = new PairColumns();
  let scored = 0;
  let capped = 0;
  // Only the statement with the smaller norm needs to propose a pair (see above), so each pair is
  // proposed from one side only: A proposes when its norm is not larger, B when it is smaller.
  const propose = (own: Indexed, other: Indexed, postingsOfOther: Postings, ownIsA: boolean) => {
    const ownCount = own.norm.length;
    const otherCount = other.norm.length;
    const { from: postFrom, statement: postStatement, at: postAt, fromHere: postFromHere } = postingsOfOther;
    const { ids: otherIds, start: otherStart, ranks: otherRanks, norm: otherNorm, long: otherLong } = other;
    // mark: statement j is proposed by statement mark - 1; -mark: it cannot be.
    const stamp = new Int32Array(otherCount);
    // Squared weight of the prefix terms each proposed statement shares with this one, and where in
    // its ranks the last of them is.
    const partial = new Float64Array(otherCount);
    const lastShared = new Int32Array(otherCount);
    const found = new Int32Array(otherCount);
    // Which terms the proposing statement holds (by id), and which are its suffix (by rank), stamped
    // with its number: a dot product is then one pass over the other's terms.
    const holds = new Int32Array(weights.length);
    const inSuffix = new Int32Array(weights.length);
    for (let i = 0; i < ownCount; i++) {
      let foundCount = 0;
      const mark = i + 1;
      const begin = own.start[i]!;
      const end = own.start[i + 1]!;
      const prefixEnd = begin + own.prefixLength[i]!;
      for (let k = begin; k < end; k++) holds[own.ids[k]!] = mark;
      for (let k = prefixEnd; k < end; k++) inSuffix[own.ranks[k]!] = mark;
      // Prefix terms whose block was cut: a statement outside the window may still hold them.
      let unseen = 0;
      const xNorm = own.norm[i]!;
      const xShort = own.short[i]!;
      // Heaviest first, so the last prefix term a statement is found through is its lightest shared one.
      for (let p = begin; p < prefixEnd; p++) {
        const rank = own.ranks[p]!;
        const id = byRank[rank]!;
        let from = postFrom[id]!;
        let to = postFrom[id + 1]!;
        if (from === to) continue;
        const w = weights[id]!;
        // What this and the rest of x weigh: all x can still share with a statement first met here.
        const xFromHere = w + own.lighter[p]!;
        const unseenBefore = unseen;
        if (to - from > cap) {
          // A common term proposes only the `cap` statements nearest this one's place in its article.
          capped++;
          unseen += w;
          const at = lowerBound(postStatement, from, to, Math.floor((i * otherCount) / ownCount));
          from = Math.max(from, Math.min(at - (cap >> 1), to - cap));
          to = from + cap;
        }
        for (let k = from; k < to; k++) {
          const j = postStatement[k]!;
          const seen = stamp[j]!;
          if (seen === mark) {
            partial[j] += w;
            lastShared[j] = postAt[k]!;
            continue;
          }
          if (seen === -mark) continue;
          // One load for both sides: the first call (A proposing) would leave a load used only by the
          // second without type feedback, and its optimised code would be thrown away there.
          const yNorm = otherNorm[j]!;
          if (xNorm > yNorm || (xNorm === yNorm && !ownIsA)) {
            stamp[j] = -mark;
            continue;
          }
          // Met first through this term, y shares none of x's heavier terms but the unseen ones.
          // firstMeetingBound written out: called for every posting, a call would box its result
          // under the CLI's V8 flags (no inlining, src/cli/jitTuning.ts).
          if ((unseenBefore + Math.min(xFromHere, postFromHere[k]!)) * ROUNDING < threshold * (xShort * otherLong[j]!)) {
            stamp[j] = -mark;
            continue;
          }
          stamp[j] = mark;
          partial[j] = w;
          lastShared[j] = postAt[k]!;
          found[foundCount++] = j;
        }
      }
      const xSuffix = own.suffix[i]!;
      for (let f = 0; f < foundCount; f++) {
        const j = found[f]!;
        // The same value as norm^s * norm^(1-s) computed per pair, from the factors each statement keeps.
        const denominator = xShort * otherLong[j]!;
        const needed = threshold * denominator;
        // The shared prefix terms plus every suffix term at most: when even that falls short, skip the exact count.
        if (partial[j]! + unseen + xSuffix < needed) continue;
        // The suffix terms x shares are all lighter than the last prefix term they share, so among y's ranks after it.
        const yEnd = otherStart[j + 1]!;
        let sharedSuffix = 0;
        if (xSuffix > 0) {
          for (let k = lastShared[j]! + 1; k < yEnd; k++) {
            const rank = otherRanks[k]!;
            if (inSuffix[rank] === mark) sharedSuffix += rankWeight[rank]!;
          }
        }
        // sharedWeightBound written out, for the same reason.
        if ((partial[j]! + unseen + sharedSuffix) * ROUNDING < needed) continue;
        scored++;
        // Exactly as scoring every pair would: summed in id order, so the score is the same to the last bit.
        let dot = 0;
        for (let k = otherStart[j]!; k < yEnd; k++) {
          const id = otherIds[k]!;
          if (holds[id] === mark) dot += weights[id]!;
        }
        const score = dot / denominator;
        if (score >= threshold) pairs.push(ownIsA ? i : j, ownIsA ? j : i, score);
      }
    }
  };
  propose(xa, xb, inB, true);
  propose(xb, xa, inA, false);
  return { pairs, scored, capped };
}

function idsOf(list: readonly Statement[], intern: (t: string) => number): StatementIds {
  const start = new Int32Array(list.length + 1);
  let total = 0;
  for (let i = 0; i < list.length; i++) total += list[i]!.terms.length;
  const ids = new Int32Array(total);
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    start[i] = at;
    const terms = list[i]!.terms;
    const own = ids.subarray(at, at + terms.length);
    for (let k = 0; k < terms.length; k++) own[k] = intern(terms[k]!);
    own.sort();
    // A term listed twice counts once.
    let n = 0;
    for (let k = 0; k < own.length; k++) if (k === 0 || own[k] !== own[k - 1]) own[n++] = own[k]!;
    at += n;
  }
  start[list.length] = at;
  return { ids: ids.slice(0, at), start };
}

function index(terms: StatementIds, weights: Float64Array, rankOf: Int32Array, rankWeight: Float64Array, threshold: number, shortSide: number): Indexed {
  const { ids, start } = terms;
  const count = start.length - 1;
  const ranks = new Int32Array(ids.length);
  const lighter = new Float64Array(ids.length);
  const prefixLength = new Int32Array(count);
  const suffix = new Float64Array(count);
  const norm = new Float64Array(count);
  const short = new Float64Array(count);
  const long = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const begin = start[i]!;
    const end = start[i + 1]!;
    // Summed in id order, as the exact score's denominator always has been.
    let n = 0;
    for (let k = begin; k < end; k++) {
      n += weights[ids[k]!]!;
      ranks[k] = rankOf[ids[k]!]!;
    }
    const own = ranks.subarray(begin, end).sort();
    // Lightest first, adding up: no subtraction to round.
    let after = 0;
    for (let k = end - 1; k >= begin; k--) {
      lighter[k] = after;
      after += rankWeight[ranks[k]!]!;
    }
    // Heaviest first; the prefix ends where the rest weighs less than threshold * norm.
    let rest = n;
    let cut = 0;
    while (cut < own.length && rest >= threshold * n) rest -= rankWeight[own[cut++]!]!;
    prefixLength[i] = cut;
    suffix[i] = rest;
    norm[i] = n;
    short[i] = Math.pow(n, shortSide);
    long[i] = Math.pow(n, 1 - shortSide);
  }
  return { ids, start, ranks, lighter, prefixLength, suffix, norm, short, long };
}

/** The postings of every term over one article's statements. */
function postings(x: Indexed, weights: Float64Array, byRank: Int32Array): Postings {
  const termCount = weights.length;
  const from = new Int32Array(termCount + 1);
  for (let k = 0; k < x.ids.length; k++) from[x.ids[k]! + 1]!++;
  for (let t = 0; t < termCount; t++) from[t + 1] += from[t]!;
  const statement = new Int32Array(x.ids.length);
  const at = new Int32Array(x.ids.length);
  const fromHere = new Float64Array(x.ids.length);
  const next = from.slice(0, termCount);
  const count = x.start.length - 1;
  for (let i = 0; i < count; i++) {
    for (let k = x.start[i]!; k < x.start[i + 1]!; k++) {
      const slot = next[byRank[x.ranks[k]!]!]!++;
      statement[slot] = i;
      at[slot] = k;
      fromHere[slot] = weights[byRank[x.ranks[k]!]!]! + x.lighter[k]!;
    }
  }
  return { from, statement, at, fromHere };
}

