// The bounds that drop candidate pairs before they are scored must never drop a pair the exact score
// keeps: the bounded search finds the very pairs, with the very scores, that scoring every proposed
// pair found, whatever the weights, thresholds, shapes of the denominator and caps.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidatePairs, firstMeetingBound, sharedWeightBound, type CandidateResult } from '../../src/core/corpus/candidates';
import { statementsOf } from '../../src/core/corpus/compare';
import { DEFAULT_WEIGHTS, statsOf, termWeight } from '../../src/core/corpus/score';
import type { Statement } from '../../src/core/corpus/statements';
import { seededRandom } from './annotations/editModel';
import { referenceCandidatePairs } from './candidatesReference';

const root = join(__dirname, '../..');

/** Statements of `count` random term lists over a vocabulary of `vocabulary` terms, common ones drawn more often. */
function randomStatements(rand: () => number, count: number, vocabulary: number): Statement[] {
  return Array.from({ length: count }, (_, index) => {
    const size = Math.floor(rand() * 14);
    // Squaring the draw makes low-numbered terms common, as stop-word-free news text is.
    const terms = Array.from({ length: size }, () => `t${Math.floor(rand() * rand() * vocabulary)}`);
    return { index, terms } as unknown as Statement;
  });
}

/** Weights of all kinds: many equal (ranks then go by id), some tiny, some large. */
function randomWeights(rand: () => number): (t: string) => number {
  const weights = new Map<string, number>();
  return (t) => {
    let w = weights.get(t);
    if (w === undefined) {
      const r = rand();
      weights.set(t, (w = r < 0.3 ? 1 : r < 0.4 ? 0.001 + rand() * 0.01 : 0.1 + rand() * 4));
    }
    return w;
  };
}

function sorted(r: CandidateResult): string[] {
  // Scores as their exact bits: the same pair must score the same to the last digit.
  return r.pairs.map((p) => `${p.a}-${p.b} ${p.score}`).sort();
}

describe('corpus: bounds on candidate pairs before scoring', () => {
  it('finds the same pairs with the same scores as scoring every proposed pair, over 400 random article pairs', () => {
    const rand = seededRandom(20);
    let scored = 0;
    let scoredBefore = 0;
    for (let round = 0; round < 400; round++) {
      const vocabulary = 5 + Math.floor(rand() * 200);
      const sa = randomStatements(rand, Math.floor(rand() * 60), vocabulary);
      const sb = rand() < 0.1 ? sa : randomStatements(rand, Math.floor(rand() * 60), vocabulary);
      const weightOf = randomWeights(rand);
      const threshold = 0.02 + rand() * 0.9;
      const shortSide = 0.5 + rand() * 0.5;
      const cap = [1, 2, 3, 7, 100, Infinity][Math.floor(rand() * 6)]!;
      const bounded = candidatePairs(sa, sb, weightOf, threshold, shortSide, cap);
      const reference = referenceCandidatePairs(sa, sb, weightOf, threshold, shortSide, cap);
      const what = `round ${round}: threshold ${threshold}, shortSide ${shortSide}, cap ${cap}`;
      assert.deepEqual(sorted(bounded), sorted(reference), what);
      assert.equal(bounded.capped, reference.capped, what);
      assert.ok(bounded.scored <= reference.scored, what);
      scored += bounded.scored;
      scoredBefore += reference.scored;
    }
    // The bounds do drop pairs: otherwise this test would check nothing.
    assert.ok(scored < scoredBefore * 0.9, `${scored} of ${scoredBefore} scored`);
  });

  it('keeps the pairs whose score is exactly the threshold, though the bounds add the same weights in another order', () => {
    const rand = seededRandom(21);
    let kept = 0;
    for (let round = 0; round < 60; round++) {
      const sa = randomStatements(rand, 30, 40);
      const sb = randomStatements(rand, 30, 40);
      const weightOf = randomWeights(rand);
      const shortSide = 0.5 + rand() * 0.5;
      const all = referenceCandidatePairs(sa, sb, weightOf, 1e-9, shortSide, Infinity).pairs;
      for (const p of all.slice(0, 10)) {
        // At a pair's own score as threshold, rounding decides; it must decide as scoring every proposed pair did.
        const bounded = candidatePairs(sa, sb, weightOf, p.score, shortSide, Infinity);
        const reference = referenceCandidatePairs(sa, sb, weightOf, p.score, shortSide, Infinity);
        assert.deepEqual(sorted(bounded), sorted(reference), `round ${round}: ${p.a}-${p.b} at ${p.score}`);
        if (bounded.pairs.some((q) => q.a === p.a && q.b === p.b)) kept++;
      }
    }
    assert.ok(kept > 300, `${kept} pairs kept at their own score`);
  });

  it('scores far fewer pairs of the seeds than before, with the same result', () => {
    const sa = statementsOf({ text: readFileSync(join(root, 'seeds/000_af60520f71ff48c9.txt'), 'utf8') });
    const sb = statementsOf({ text: readFileSync(join(root, 'seeds/001_21569e4679d671fa.txt'), 'utf8') });
    const stats = statsOf([...sa, ...sb].map((s) => s.terms));
    const weightOf = (t: string) => termWeight(t, stats, { ...DEFAULT_WEIGHTS, shortSide: 0.8 });
    const bounded = candidatePairs(sa, sb, weightOf, 0.24, 0.8);
    const reference = referenceCandidatePairs(sa, sb, weightOf, 0.24, 0.8, 100);
    assert.deepEqual(sorted(bounded), sorted(reference));
    assert.ok(bounded.scored < reference.scored / 2, `${bounded.scored} of ${reference.scored}`);
  });

  it('bounds the weight two statements share from above, on random term sets', () => {
    const rand = seededRandom(22);
    for (let round = 0; round < 2000; round++) {
      // Terms 0..19 by rank, heaviest first; x's prefix is its first `cut` terms.
      const w = Array.from({ length: 20 }, () => rand() * 3).sort((p, q) => q - p);
      const x = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 10) }, () => Math.floor(rand() * 20)))].sort((p, q) => p - q);
      const y = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 10) }, () => Math.floor(rand() * 20)))].sort((p, q) => p - q);
      const cut = Math.floor(rand() * (x.length + 1));
      const prefix = x.slice(0, cut);
      // Some prefix terms were cut to the cap: their postings were not all looked at.
      const cappedTerms = new Set(prefix.filter(() => rand() < 0.3));
      const shared = x.filter((t) => y.includes(t));
      const dot = shared.reduce((s, t) => s + w[t]!, 0);
      const found = prefix.filter((t) => y.includes(t) && (!cappedTerms.has(t) || rand() < 0.5));
      if (!found.length) continue;
      const weigh = (ts: number[]) => ts.reduce((s, t) => s + w[t]!, 0);
      const unseen = weigh([...cappedTerms]);
      const first = found[0]!;
      const unseenBefore = weigh([...cappedTerms].filter((t) => t < first));
      assert.ok(firstMeetingBound(unseenBefore, weigh(x.filter((t) => t >= first)), weigh(y.filter((t) => t >= first))) >= dot - 1e-12, `round ${round}`);
      const last = found[found.length - 1]!;
      const sharedSuffix = weigh(x.slice(cut).filter((t) => t > last && y.includes(t)));
      assert.ok(sharedWeightBound(weigh(found), unseen, sharedSuffix) >= dot - 1e-12, `round ${round}`);
    }
  });
});
