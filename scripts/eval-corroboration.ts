// Sweeps the statement matcher's threshold on the two seed articles against the hand-marked pairs
// in test/unit/fixtures/seed-pairs.json and prints precision, recall and F1 per threshold.
// Usage: npx tsx scripts/eval-corroboration.ts [--weights quantity,entity,shortSide] [--verbose]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATCH_THRESHOLD, scorePairs, statementsOf } from '../src/core/corpus/compare';
import { goldKeys, pairKey, scoreAgainstGold, type GoldPairs } from '../src/core/corpus/evaluate';
import { DEFAULT_WEIGHTS, type ScoreWeights } from '../src/core/corpus/score';
import { useModelAssets } from '../src/node/modelAssets';

useModelAssets();

const root = join(__dirname, '..');
const gold = JSON.parse(readFileSync(join(root, 'test/unit/fixtures/seed-pairs.json'), 'utf8')) as GoldPairs & { a: string; b: string };
const sa = statementsOf({ text: readFileSync(join(root, gold.a), 'utf8') });
const sb = statementsOf({ text: readFileSync(join(root, gold.b), 'utf8') });
const sure = goldKeys(sa, sb, gold.sure);
const possible = goldKeys(sa, sb, gold.possible);

const args = process.argv.slice(2);
const wAt = args.indexOf('--weights');
const weights: ScoreWeights = wAt >= 0 ? (([q, e, s]) => ({ quantity: Number(q), entity: Number(e), shortSide: Number(s ?? DEFAULT_WEIGHTS.shortSide) }))(args[wAt + 1]!.split(',')) : DEFAULT_WEIGHTS;
const verbose = args.includes('--verbose');

const pairs = scorePairs(sa, sb, { weights });
console.log(`seeds: ${sa.length} x ${sb.length} sentences, ${sure.size} sure + ${possible.size} possible gold pairs, weights quantity=${weights.quantity} entity=${weights.entity} shortSide=${weights.shortSide}`);
console.log('threshold  predicted  precision  recall  F1');
for (let t = 0.1; t <= 0.5001; t += 0.02) {
  const s = scoreAgainstGold(pairs.filter((p) => p.score >= t).map((p) => pairKey(p.a.index, p.b.index)), sure, possible);
  const mark = Math.abs(t - MATCH_THRESHOLD) < 1e-9 ? '  <- MATCH_THRESHOLD' : '';
  console.log(`${t.toFixed(2).padStart(9)}  ${String(s.predicted).padStart(9)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${s.f1.toFixed(3)}${mark}`);
}
if (verbose) {
  const at = scoreAgainstGold(pairs.filter((p) => p.score >= MATCH_THRESHOLD).map((p) => pairKey(p.a.index, p.b.index)), sure, possible);
  const byKey = new Map(pairs.map((p) => [pairKey(p.a.index, p.b.index), p]));
  const show = (k: string) => {
    const p = byKey.get(k);
    const [i, j] = k.split('-').map(Number);
    return `  ${(p?.score ?? 0).toFixed(3)} A${i}: ${sa[i!]!.text.slice(0, 70)}\n        B${j}: ${sb[j!]!.text.slice(0, 70)}`;
  };
  console.log(`\nfalse positives at ${MATCH_THRESHOLD}:`);
  for (const k of at.falsePositives) console.log(show(k));
  console.log(`\nmissed sure pairs at ${MATCH_THRESHOLD}:`);
  for (const k of at.misses) console.log(show(k));
}
