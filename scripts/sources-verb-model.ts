// Training of the verb model of the sources (src/core/sources/verbs.ts) on PolNeAR: each verb
// candidate of a body sentence is an example, positive when a gold attribution has its cue on the
// verb and its source on the candidate's subject. Logistic regression by stochastic gradient
// descent with a small L2 penalty; shared by scripts/train-sources.ts and scripts/eval-sources.ts.
import { analyze } from '../src/core/analyze';
import type { Analysis, Span } from '../src/core/types';
import { verbCandidatesOf } from '../src/core/sources/statements';
import { shuffle } from './seededRandom';

export interface Attribution {
  source?: Span & { text: string };
  cue?: Span & { text: string };
}
export interface PolnearDoc {
  id: string;
  text: string;
  attributions?: Attribution[];
}

export interface Example {
  feats: string[];
  label: 0 | 1;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export function examplesOf(d: PolnearDoc, a: Analysis = analyze(d.text)): Example[] {
  const gold = (d.attributions ?? []).filter((x) => x.source && x.cue);
  return verbCandidatesOf(d.text, a).map((c) => ({ feats: c.feats, label: gold.some((g) => overlaps(g.cue!, c.verb) && overlaps(g.source!, c.subject)) ? 1 : 0 }));
}

export const EPOCHS = 6;
const RATE = 0.1;
const L2 = 1e-6;

/** Weights by feature name; examples are visited in a fixed pseudo-random order each epoch. */
export function trainVerbModel(examples: readonly Example[], epochs = EPOCHS): Map<string, number> {
  const w = new Map<string, number>();
  const order = examples.map((_, i) => i);
  let seed = 12345;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let e = 0; e < epochs; e++) {
    shuffle(order, rand);
    const rate = RATE / (1 + e);
    for (const i of order) {
      const ex = examples[i]!;
      let s = 0;
      for (const f of ex.feats) s += w.get(f) ?? 0;
      const p = 1 / (1 + Math.exp(-s));
      const g = ex.label - p;
      for (const f of ex.feats) {
        const v = w.get(f) ?? 0;
        w.set(f, v + rate * (g - L2 * v));
      }
    }
  }
  return w;
}
