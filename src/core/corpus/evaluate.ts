// Measures the statement matcher against pairs a reader marked by hand. Gold pairs name sentences
// by a snippet of their text; "sure" pairs must be found (recall), "sure" and "possible" pairs
// may be found without counting as errors (precision), as in word-alignment evaluation.
// A sentence may report the same thing as several of the other article's (a headline and a lead),
// but a one-to-one matcher can find only one of those pairs: recall then counts against the most
// sure pairs any one-to-one selection can hold (a maximum matching of the sure pairs).
import type { Statement } from './statements';

export interface GoldPairs {
  sure: [string, string][];
  possible: [string, string][];
}

export interface GoldScore {
  predicted: number;
  correct: number;
  sure: number;
  /** The recall denominator: all sure pairs, or for a one-to-one matcher the most of them it could find. */
  reachable: number;
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

/** Size of a maximum matching of pairs given as "i-j" keys (augmenting paths; gold sets are small). */
export function maxMatching(keys: Iterable<string>): number {
  const adj = new Map<string, string[]>();
  for (const k of keys) {
    const [a, b] = k.split('-');
    const list = adj.get(a!);
    if (list) list.push(b!);
    else adj.set(a!, [b!]);
  }
  const ownerOf = new Map<string, string>();
  const augment = (a: string, seen: Set<string>): boolean => {
    for (const b of adj.get(a) ?? []) {
      if (seen.has(b)) continue;
      seen.add(b);
      const owner = ownerOf.get(b);
      if (owner === undefined || augment(owner, seen)) {
        ownerOf.set(b, a);
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (const a of adj.keys()) if (augment(a, new Set())) size++;
  return size;
}

export function scoreAgainstGold(predicted: Iterable<string>, sure: Set<string>, possible: Set<string>, oneToOne = false): GoldScore {
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
  const reachable = oneToOne ? maxMatching(sure) : sure.size;
  const recall = reachable ? foundSure / reachable : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { predicted: pred.size, correct, sure: sure.size, reachable, foundSure, precision, recall, f1, falsePositives, misses };
}
