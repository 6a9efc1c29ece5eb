// Statement matching between two articles: which sentences of A report the same thing as which of
// B, which of those disagree on a number, date, quote or name, and what each article says alone.
import { analyze } from '../analyze';
import type { Analysis, TextSpan } from '../types';
import { findConflict, type Conflict } from './conflict';
import { similarity, DEFAULT_WEIGHTS, statsOf, termWeight, type ScoreWeights, type TermStats } from './score';
import { articleStatements, type Statement } from './statements';

/**
 * Chosen by the sweep in scripts/eval-corroboration.ts on the two seed articles against
 * test/unit/fixtures/seed-pairs.json: F1 peaks at 0.24 (precision 0.89, recall 0.65); 0.18-0.26 all score F1 >= 0.70.
 */
export const MATCH_THRESHOLD = 0.24;

export interface ArticleInput {
  text: string;
  /** Reused when the caller already has it; computed otherwise. */
  analysis?: Pick<Analysis, 'sentences' | 'entities' | 'quotes'>;
}

export interface SharedStatement {
  a: TextSpan;
  b: TextSpan;
  score: number;
  conflict?: Conflict;
}

export interface Comparison {
  /** Pairs above the threshold, best first. One sentence may corroborate several. */
  shared: SharedStatement[];
  /** Sentences of A that no sentence of B reports. */
  onlyA: TextSpan[];
  onlyB: TextSpan[];
}

export interface CompareOptions {
  threshold?: number;
  weights?: ScoreWeights;
  /** Term statistics to weigh by, e.g. the workspace's; by default the two articles' own sentences. */
  stats?: TermStats;
}

export function statementsOf(input: ArticleInput): Statement[] {
  return articleStatements(input.text, input.analysis ?? analyze(input.text));
}

/** Every scored pair of statements (score > 0), for measuring; `compareArticles` keeps those above the threshold. */
export function scorePairs(sa: readonly Statement[], sb: readonly Statement[], options: CompareOptions = {}): { a: Statement; b: Statement; score: number }[] {
  const stats = options.stats ?? statsOf([...sa, ...sb].map((s) => s.terms));
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const cache = new Map<string, number>();
  const weightOf = (t: string): number => {
    let w = cache.get(t);
    if (w === undefined) cache.set(t, (w = termWeight(t, stats, weights)));
    return w;
  };
  const out: { a: Statement; b: Statement; score: number }[] = [];
  for (const a of sa) {
    for (const b of sb) {
      const score = similarity(a.terms, b.terms, weightOf, weights.shortSide);
      if (score > 0) out.push({ a, b, score });
    }
  }
  return out;
}

export function compareStatements(sa: readonly Statement[], sb: readonly Statement[], options: CompareOptions = {}): Comparison {
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  const pairs = scorePairs(sa, sb, options).filter((p) => p.score >= threshold);
  pairs.sort((x, y) => y.score - x.score || x.a.start - y.a.start || x.b.start - y.b.start);
  const matchedA = new Set<Statement>();
  const matchedB = new Set<Statement>();
  const shared: SharedStatement[] = pairs.map((p) => {
    matchedA.add(p.a);
    matchedB.add(p.b);
    const conflict = findConflict(p.a, p.b);
    return { a: spanOf(p.a), b: spanOf(p.b), score: round(p.score), ...(conflict ? { conflict } : {}) };
  });
  return {
    shared,
    onlyA: sa.filter((s) => !matchedA.has(s)).map(spanOf),
    onlyB: sb.filter((s) => !matchedB.has(s)).map(spanOf),
  };
}

export function compareArticles(a: ArticleInput, b: ArticleInput, options: CompareOptions = {}): Comparison {
  return compareStatements(statementsOf(a), statementsOf(b), options);
}

function spanOf(s: Statement): TextSpan {
  return { start: s.start, end: s.end, text: s.text };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
