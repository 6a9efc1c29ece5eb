// Training of the pair scorer of the sources (src/core/sources/pairs.ts) on PolNeAR: every (subject,
// verb) candidate of a body sentence is an example, positive when its subject overlaps the source of
// a gold attribution (the sources measure's own criterion for a listed mention being right).
// Logistic regression by stochastic gradient descent over hashed features with a small L2 penalty;
// shared by scripts/train-source-pairs.ts and scripts/eval-sources.ts.
import type { Analysis, Span } from '../src/core/types';
import type { HashTable } from '../src/core/text/hashTable';
import { eachWindow, hypothetical } from '../src/core/sources/statements';
import { mentionTypes, pairCandidates, type PairModel } from '../src/core/sources/pairs';
import { decodePairModel, pairModelPayload } from '../src/core/sources/pairsAsset';
import { shuffle } from './seededRandom';

export const PAIR_BITS = 16;
export const PAIR_EPOCHS = 5;
/** The shipped threshold: a pair lists its subject when its probability is above it. */
export const PAIR_THRESHOLD = 0.7;
const RATE = 0.05;
const L2 = 1e-6;

export interface PairExample {
  ids: Int32Array;
  label: 0 | 1;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** The candidates of an article as examples (those the scorer is never asked about, after a modal, left out). */
export function pairExamples(text: string, analysis: Analysis, goldSources: readonly Span[], clusters: HashTable | null): PairExample[] {
  const types = mentionTypes(analysis.entities);
  const out: PairExample[] = [];
  eachWindow(text, analysis, (toks) => {
    for (const c of pairCandidates(text, toks, clusters, types, PAIR_BITS)) {
      if (hypothetical(toks, c.verb)) continue;
      out.push({ ids: c.ids, label: goldSources.some((g) => overlaps(g, c.subject)) ? 1 : 0 });
    }
  });
  return out;
}

/** Float weights, one per bucket; examples are visited in a fixed pseudo-random order each epoch. */
export function trainPairWeights(examples: readonly PairExample[], epochs = PAIR_EPOCHS): Float32Array {
  const w = new Float32Array(1 << PAIR_BITS);
  const order = examples.map((_, i) => i);
  let seed = 12345;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let e = 0; e < epochs; e++) {
    shuffle(order, rand);
    const rate = RATE / (1 + e);
    for (const i of order) {
      const ex = examples[i]!;
      let s = 0;
      for (const id of ex.ids) s += w[id]!;
      const g = ex.label - 1 / (1 + Math.exp(-s));
      for (const id of ex.ids) w[id] = w[id]! + rate * (g - L2 * w[id]!);
    }
  }
  return w;
}

/** A pair scorer trained on `examples` and quantised as the shipped asset is, so figures are the shipped model's. */
export function shippedPairModel(examples: readonly PairExample[], threshold: number, name: string): PairModel {
  return decodePairModel(pairModelPayload({ bits: PAIR_BITS, weights: trainPairWeights(examples), scale: 1, threshold }), name);
}
