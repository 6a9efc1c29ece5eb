// Measures the statement matcher against pairs a reader marked by hand. Gold pairs name sentences
// by a snippet of their text; "sure" pairs must be found (recall), "sure" and "possible" pairs
// may be found without counting as errors (precision), as in word-alignment evaluation.
import type { Statement } from './statements';

export interface GoldPairs {
  sure: [string, string][];
  possible: [string, string][];
}

export interface GoldScore {
  predicted: number;
  correct: number;
  sure: number;
  foundSure: number;
  precision: number;
  recall: number;
  f1: number;
  /** Predicted pairs outside sure and possible, as "a index-b index". */
  falsePositives: string[];
  /** Sure pairs not predicted. */
  misses: string[];
}

/** The one statement whose text contains the snippet; throws when none or several do. */
export function findBySnippet(statements: readonly Statement[], snippet: string): Statement {
  const hits = statements.filter((s) => s.text.includes(snippet));
  if (hits.length !== 1) throw new Error(`snippet "${snippet}" matches ${hits.length} sentences`);
  return hits[0]!;
}

export function pairKey(a: number, b: number): string {
  return `${a}-${b}`;
}

export function goldKeys(sa: readonly Statement[], sb: readonly Statement[], pairs: readonly [string, string][]): Set<string> {
  return new Set(pairs.map(([x, y]) => pairKey(findBySnippet(sa, x).index, findBySnippet(sb, y).index)));
}

export function scoreAgainstGold(predicted: Iterable<string>, sure: Set<string>, possible: Set<string>): GoldScore {
  const pred = new Set(predicted);
  let correct = 0;
  let foundSure = 0;
  const falsePositives: string[] = [];
  for (const p of pred) {
    if (sure.has(p)) foundSure++;
    if (sure.has(p) || possible.has(p)) correct++;
    else falsePositives.push(p);
  }
  const misses = [...sure].filter((s) => !pred.has(s));
  const precision = pred.size ? correct / pred.size : 1;
  const recall = sure.size ? foundSure / sure.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { predicted: pred.size, correct, sure: sure.size, foundSure, precision, recall, f1, falsePositives, misses };
}
