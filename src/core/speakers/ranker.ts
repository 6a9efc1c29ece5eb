// Stage 3 of the speaker ranker: a linear model over candidates. The score of a candidate is the sum
// of its features' weights; the best-scoring candidate is the speaker ("none" is a candidate too).
// Trained as an averaged perceptron over candidate sets: when the model's pick is wrong, the right
// candidate's features gain and the pick's lose; the shipped weights are the average over all
// steps, which generalises better than the last ones.

export type Weights = ReadonlyMap<string, number>;

export function score(w: Weights, feats: readonly string[]): number {
  let s = 0;
  for (const f of feats) s += w.get(f) ?? 0;
  return s;
}

/** Index of the best candidate; ties go to the earlier one. */
export function best(w: Weights, cands: readonly (readonly string[])[]): number {
  let bi = 0;
  let bs = -Infinity;
  for (let i = 0; i < cands.length; i++) {
    const s = score(w, cands[i]!);
    if (s > bs) {
      bs = s;
      bi = i;
    }
  }
  return bi;
}

/**
 * Weights by base feature, each a row of what it weighs on its own, on a side of the quote, and on
 * a side joined with a kind of mention, so scoring a candidate is one lookup per feature.
 */
export type CompiledWeights = Map<string, Float64Array>;

const KINDS = ['name', 'description', 'pronoun'];
// Row layout: [base, B, A, name:B, name:A, description:B, description:A, pronoun:B, pronoun:A].
const ROW = 2 + 2 * KINDS.length + 1;
const JOINED = /^(?:(name|description|pronoun):)?([AB]):(.*)$/s;

/** Column of a side ('B' or 'A') alone, or joined with a kind. */
function column(side: string, kind: string | undefined): number {
  const s = side === 'B' ? 0 : 1;
  if (kind === undefined) return 1 + s;
  const k = KINDS.indexOf(kind);
  return k < 0 ? -1 : 3 + 2 * k + s;
}

export function compileWeights(w: Weights): CompiledWeights {
  const cw: CompiledWeights = new Map();
  for (const [f, v] of w) {
    const m = JOINED.exec(f);
    const base = m ? m[3]! : f;
    const col = m ? column(m[2]!, m[1]) : 0;
    let row = cw.get(base);
    if (!row) cw.set(base, (row = new Float64Array(ROW)));
    row[col] = v;
  }
  return cw;
}

/** score() of the expanded features (features.ts, expandFeatures) from the base ones. */
export function scoreBase(cw: CompiledWeights, base: readonly string[], side: string, kind: string): number {
  const cs = side ? column(side, undefined) : -1;
  const ck = side ? column(side, kind) : -1;
  let s = 0;
  for (const f of base) {
    const row = cw.get(f);
    if (!row) continue;
    s += row[0]!;
    if (cs >= 0) s += row[cs]!;
    if (ck >= 0) s += row[ck]!;
  }
  return s;
}

/** One training quote: the features of each candidate and which candidates are right. */
export interface Instance {
  feats: string[][];
  right: boolean[];
}

/**
 * The instances with only the features found in at least `minCount` of them (counted once per
 * instance): a rare word or pattern gets no weight, which keeps the model small and its weights
 * on what recurs.
 */
export function withFrequentFeatures(instances: readonly Instance[], minCount: number): Instance[] {
  if (minCount <= 1) return instances.slice();
  const seen = new Map<string, number>();
  for (const inst of instances) {
    const own = new Set<string>();
    for (const fs of inst.feats) for (const f of fs) own.add(f);
    for (const f of own) seen.set(f, (seen.get(f) ?? 0) + 1);
  }
  return instances.map((inst) => ({ feats: inst.feats.map((fs) => fs.filter((f) => seen.get(f)! >= minCount)), right: inst.right }));
}

/** Averaged perceptron over candidate sets; instances with no right candidate teach nothing. */
export function trainRanker(instances: readonly Instance[], epochs: number, seed = 1): Map<string, number> {
  const w = new Map<string, number>();
  // Sum over steps, kept lazily: total[f] = Σ w[f] over steps = w[f]·t − acc[f].
  const acc = new Map<string, number>();
  let t = 1;
  const order = instances.map((_, i) => i).filter((i) => instances[i]!.right.some(Boolean));
  let rnd = seed;
  const random = (): number => {
    rnd = (rnd * 1103515245 + 12345) % 2147483648;
    return rnd / 2147483648;
  };
  const bump = (f: string, d: number): void => {
    w.set(f, (w.get(f) ?? 0) + d);
    acc.set(f, (acc.get(f) ?? 0) + t * d);
  };
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const inst = instances[i]!;
      const pick = best(w, inst.feats);
      if (!inst.right[pick]) {
        // The right candidate the model likes best is the one to pull up.
        let gold = -1;
        let gs = -Infinity;
        inst.right.forEach((ok, k) => {
          if (!ok) return;
          const s = score(w, inst.feats[k]!);
          if (s > gs) {
            gs = s;
            gold = k;
          }
        });
        for (const f of inst.feats[gold]!) bump(f, 1);
        for (const f of inst.feats[pick]!) bump(f, -1);
      }
      t++;
    }
  }
  const avg = new Map<string, number>();
  for (const [f, v] of w) {
    const a = v - (acc.get(f) ?? 0) / t;
    if (Math.abs(a) >= 1e-3) avg.set(f, a);
  }
  return avg;
}
