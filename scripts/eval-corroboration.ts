// Measures Compare Sources on the two seed articles against the hand-marked pairs in
// test/unit/fixtures/seed-pairs.json: precision and recall of the one-to-one matching per threshold
// (recall against the most sure pairs a one-to-one matching can hold), the pairs that must stay
// apart, and the same figures for the all-pairs method without one-to-one matching, for comparison.
// Usage: npx tsx scripts/eval-corroboration.ts [dataDir] [--weights quantity,entity,shortSide] [--verbose]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPARE_WEIGHTS, MATCH_THRESHOLD, matchStatements, scorePairs, statementsOf } from '../src/core/corpus/compare';
import { findBySnippet, goldKeys, pairKey, scoreAgainstGold, type GoldPairs } from '../src/core/corpus/evaluate';
import type { ScoreWeights } from '../src/core/corpus/score';
import { analyze } from '../src/core/analyze';
import { useModelAssets } from '../src/node/modelAssets';

useModelAssets();

const root = join(__dirname, '..');
const gold = JSON.parse(readFileSync(join(root, 'test/unit/fixtures/seed-pairs.json'), 'utf8')) as GoldPairs & { a: string; b: string; apart: [string, string][] };
const textA = readFileSync(join(root, gold.a), 'utf8');
const textB = readFileSync(join(root, gold.b), 'utf8');
const sa = statementsOf({ text: textA, analysis: analyze(textA) });
const sb = statementsOf({ text: textB, analysis: analyze(textB) });
const sure = goldKeys(sa, sb, gold.sure);
const possible = goldKeys(sa, sb, gold.possible);
const apart = goldKeys(sa, sb, gold.apart);

const args = process.argv.slice(2);
const wAt = args.indexOf('--weights');
const weights: ScoreWeights = wAt >= 0 ? (([q, e, s]) => ({ quantity: Number(q), entity: Number(e), shortSide: Number(s ?? COMPARE_WEIGHTS.shortSide) }))(args[wAt + 1]!.split(',')) : COMPARE_WEIGHTS;
const verbose = args.includes('--verbose');

const f3 = (x: number) => x.toFixed(3);
const allPairs = scorePairs(sa, sb, { weights });
const byKey = new Map(allPairs.map((p) => [pairKey(p.a.index, p.b.index), p]));
console.log(
  `seeds: ${sa.length} x ${sb.length} statements, ${sure.size} sure + ${possible.size} possible gold pairs ` +
    `(a one-to-one matching can hold ${scoreAgainstGold([], sure, possible, true).reachable} of the sure ones), ${apart.size} pairs that must stay apart; ` +
    `weights quantity=${weights.quantity} entity=${weights.entity} shortSide=${weights.shortSide}`,
);
console.log('threshold  one-to-one: pairs precision recall  F1     | all pairs above threshold: pairs precision recall(all sure)');
for (let t = 0.1; t <= 0.5001; t += 0.02) {
  const m = matchStatements(sa, sb, { weights, threshold: t });
  const one = scoreAgainstGold(m.pairs.map((p) => pairKey(p.a, p.b)), sure, possible, true);
  const many = scoreAgainstGold(allPairs.filter((p) => p.score >= t).map((p) => pairKey(p.a.index, p.b.index)), sure, possible);
  const mark = Math.abs(t - MATCH_THRESHOLD) < 1e-9 ? '  <- MATCH_THRESHOLD' : '';
  console.log(
    `${t.toFixed(2).padStart(9)}  ${String(one.predicted).padStart(16)} ${f3(one.precision).padStart(9)} ${f3(one.recall).padStart(6)} ${f3(one.f1)}  | ${String(many.predicted).padStart(32)} ${f3(many.precision).padStart(9)} ${f3(many.recall).padStart(6)}${mark}`,
  );
}
const at = matchStatements(sa, sb, { weights });
const predicted = at.pairs.map((p) => pairKey(p.a, p.b));
const s = scoreAgainstGold(predicted, sure, possible, true);
const joined = predicted.filter((k) => apart.has(k));
console.log(
  `\ncompare on the seeds at ${MATCH_THRESHOLD}: ${s.predicted} pairs, precision ${f3(s.precision)}, recall ${f3(s.recall)} ` +
    `(${s.foundSure} of ${s.reachable} reachable sure pairs), F1 ${f3(s.f1)}; pairs that must stay apart matched: ${joined.length}`,
);
const issue = [
  ['Western countries have accused North Korea', 'have accused Pyongyang of providing Russia', true],
  ['the deepening relationship between these two countries', 'The two countries have had a relationship since', false],
] as const;
for (const [x, y, want] of issue) {
  const k = pairKey(findBySnippet(sa, x).index, findBySnippet(sb, y).index);
  console.log(`  ${want ? 'must pair' : 'must not pair'}: "${x}" / "${y}": ${predicted.includes(k) === want ? 'right' : 'WRONG'}`);
}
if (verbose) {
  const show = (k: string) => {
    const [i, j] = k.split('-').map(Number);
    return `  ${(byKey.get(k)?.score ?? 0).toFixed(3)} A${i}: ${sa[i!]!.text.slice(0, 70)}\n        B${j}: ${sb[j!]!.text.slice(0, 70)}`;
  };
  console.log(`\nfalse positives at ${MATCH_THRESHOLD}:`);
  for (const k of s.falsePositives) console.log(show(k));
  console.log(`\nsure pairs not matched at ${MATCH_THRESHOLD} (some are alternatives a one-to-one matching cannot hold together):`);
  for (const k of s.misses) console.log(show(k));
}
