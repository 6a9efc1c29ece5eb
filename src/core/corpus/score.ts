// How alike two statements are: a cosine over their terms, each weighted by how rare it is among
// the sentences being compared (IDF), with numbers/dates and entity names counting a little more
// than ordinary words. Rare shared terms ("satellite", "1961") say far more than "Putin" does in
// an article about Putin.

export interface TermStats {
  /** How many sentences the statistics cover. */
  readonly sentenceCount: number;
  /** In how many of them the term occurs. */
  df(term: string): number;
}

export interface ScoreWeights {
  /** Multiplier for quantity terms (num:, year:, day:, month:, ord:). */
  quantity: number;
  /** Multiplier for entity keys (ent:). */
  entity: number;
  /**
   * How much the shorter statement alone sets the denominator: 0.5 is the cosine, 1 the overlap
   * coefficient. Above 0.5 a headline can match the long sentence that tells the same fact at length.
   */
  shortSide: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = { quantity: 1.5, entity: 0.5, shortSide: 0.5 };

export function termWeight(term: string, stats: TermStats, weights: ScoreWeights = DEFAULT_WEIGHTS): number {
  const idf = Math.log(1 + stats.sentenceCount / (1 + stats.df(term)));
  if (term.startsWith('ent:')) return idf * weights.entity;
  if (term.includes(':')) return idf * weights.quantity;
  return idf;
}

/** Squared norm of a statement's term vector (binary term frequencies). */
export function squaredNorm(terms: readonly string[], weightOf: (t: string) => number): number {
  let s = 0;
  for (const t of terms) {
    const w = weightOf(t);
    s += w * w;
  }
  return s;
}

/** Cosine-like similarity of two term sets under the same weighting (see ScoreWeights.shortSide). */
export function similarity(a: readonly string[], b: readonly string[], weightOf: (t: string) => number, shortSide = 0.5): number {
  const inB = new Set(b);
  let dot = 0;
  for (const t of a) {
    if (inB.has(t)) {
      const w = weightOf(t);
      dot += w * w;
    }
  }
  if (dot === 0) return 0;
  const na = squaredNorm(a, weightOf);
  const nb = squaredNorm(b, weightOf);
  return dot / (Math.pow(Math.min(na, nb), shortSide) * Math.pow(Math.max(na, nb), 1 - shortSide));
}

/** Term statistics over a fixed list of term sets (the sentences of the articles being compared). */
export function statsOf(termSets: Iterable<readonly string[]>): TermStats {
  const df = new Map<string, number>();
  let n = 0;
  for (const terms of termSets) {
    n++;
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { sentenceCount: n, df: (t) => df.get(t) ?? 0 };
}
