import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidatePairs } from '../../src/core/corpus/candidates';
import { oneToOne, scorePairs, statementsOf } from '../../src/core/corpus/compare';
import { DEFAULT_WEIGHTS, statsOf, termWeight } from '../../src/core/corpus/score';
import type { Statement } from '../../src/core/corpus/statements';
import { wordDiff } from '../../src/core/corpus/wordDiff';
import { prng } from '../../scripts/seededRandom';

const root = join(__dirname, '../..');
const seedA = readFileSync(join(root, 'seeds/000_af60520f71ff48c9.txt'), 'utf8');
const seedB = readFileSync(join(root, 'seeds/001_21569e4679d671fa.txt'), 'utf8');

function weigher(sa: Statement[], sb: Statement[]): (t: string) => number {
  const stats = statsOf([...sa, ...sb].map((s) => s.terms));
  return (t) => termWeight(t, stats, DEFAULT_WEIGHTS);
}

/** The pairs at or above the threshold, from the index and from scoring every pair. */
function bothWays(sa: Statement[], sb: Statement[], threshold: number, shortSide: number): [string[], string[]] {
  const indexed = candidatePairs(sa, sb, weigher(sa, sb), threshold, shortSide, Infinity).pairs.map((p) => `${p.a}-${p.b}`).sort();
  const all = scorePairs(sa, sb, { weights: { ...DEFAULT_WEIGHTS, shortSide } })
    // A hair under the threshold: the two sum the same squares in a different order.
    .filter((p) => p.score >= threshold - 1e-9)
    .map((p) => `${p.a.index}-${p.b.index}`)
    .sort();
  return [indexed, all];
}

const VOCAB = 'visit treaty missile border sanction weapon shell summit minister embassy veto council satellite food aid ally trade port army navy border talks deal vote court judge'.split(' ');

function randomArticle(rand: () => number, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const n = 3 + Math.floor(rand() * 8);
    const words = Array.from({ length: n }, () => VOCAB[Math.floor(rand() * VOCAB.length)]!);
    if (rand() < 0.3) words.push(String(1 + Math.floor(rand() * 30)));
    out.push(words.join(' ') + '.');
  }
  return out.join('\n\n');
}

describe('corpus: candidate pairs through the index', () => {
  it('finds exactly the pairs scoring every pair finds, on the seeds', () => {
    const sa = statementsOf({ text: seedA });
    const sb = statementsOf({ text: seedB });
    for (const shortSide of [0.5, 0.8, 1]) {
      for (const threshold of [0.1, 0.24, 0.4]) {
        const [indexed, all] = bothWays(sa, sb, threshold, shortSide);
        assert.deepEqual(indexed, all, `shortSide ${shortSide}, threshold ${threshold}`);
      }
    }
  });

  it('finds exactly the pairs scoring every pair finds, on 40 random article pairs', () => {
    const rand = prng(7);
    for (let round = 0; round < 40; round++) {
      const sa = statementsOf({ text: randomArticle(rand, 5 + Math.floor(rand() * 20)) });
      const sb = statementsOf({ text: randomArticle(rand, 5 + Math.floor(rand() * 20)) });
      const threshold = 0.15 + rand() * 0.5;
      const shortSide = 0.5 + rand() * 0.5;
      const [indexed, all] = bothWays(sa, sb, threshold, shortSide);
      assert.deepEqual(indexed, all, `round ${round}`);
    }
  });

  it('scores far fewer pairs than all of them, and lets an over-common term propose only the statements nearest in place', () => {
    const sa = statementsOf({ text: seedA });
    const sb = statementsOf({ text: seedB });
    const r = candidatePairs(sa, sb, weigher(sa, sb), 0.24, 0.8);
    assert.ok(r.scored < sa.length * sb.length / 2, `${r.scored} of ${sa.length * sb.length}`);
    // The same sentence 30 times over: with a cap of 10, each statement meets only the 10 nearest its place.
    const same = statementsOf({ text: Array.from({ length: 30 }, () => 'The summit ended without a treaty.').join('\n\n') });
    const capped = candidatePairs(same, same, weigher(same, same), 0.24, 0.8, 10);
    assert.ok(capped.capped > 0);
    assert.equal(capped.pairs.length, 30 * 10);
    for (const p of capped.pairs) assert.ok(Math.abs(p.a - p.b) <= 10, `${p.a}-${p.b}`);
    assert.ok(capped.pairs.some((p) => p.a === 0 && p.b === 0) && capped.pairs.some((p) => p.a === 29 && p.b === 29));
    assert.equal(candidatePairs(same, same, weigher(same, same), 0.24, 0.8, 30).pairs.length, 900);
  });

  it('keeps each statement in one pair, the best first', () => {
    const kept = oneToOne([
      { a: 0, b: 0, score: 0.5 },
      { a: 0, b: 1, score: 0.9 },
      { a: 1, b: 1, score: 0.8 },
      { a: 1, b: 0, score: 0.4 },
      { a: 2, b: 2, score: 0.3 },
    ]);
    assert.deepEqual(kept, [
      { a: 0, b: 1, score: 0.9 },
      { a: 1, b: 0, score: 0.4 },
      { a: 2, b: 2, score: 0.3 },
    ]);
  });
});

describe('corpus: word diff inside a pair', () => {
  it('returns runs in both, only in the first and only in the second, as written', () => {
    assert.deepEqual(wordDiff('Putin will visit North Korea on Tuesday.', 'Putin is set to visit Pyongyang on Tuesday.'), [
      { op: 'equal', text: 'Putin' },
      { op: 'delete', text: 'will' },
      { op: 'insert', text: 'is set to' },
      { op: 'equal', text: 'visit' },
      { op: 'delete', text: 'North Korea' },
      { op: 'insert', text: 'Pyongyang' },
      { op: 'equal', text: 'on Tuesday.' },
    ]);
  });

  it('ignores case and the shape of quote marks, and handles empty and identical texts', () => {
    assert.deepEqual(wordDiff('He said “no”.', 'he said "No".'), [{ op: 'equal', text: 'He said “no”.' }]);
    assert.deepEqual(wordDiff('', 'New text'), [{ op: 'insert', text: 'New text' }]);
    assert.deepEqual(wordDiff('Old text', ''), [{ op: 'delete', text: 'Old text' }]);
    assert.deepEqual(wordDiff('', ''), []);
  });

  it('keeps hyphenated and possessive words whole', () => {
    const runs = wordDiff('the most-sanctioned countries', 'the most heavily sanctioned countries');
    assert.deepEqual(runs.map((r) => r.op), ['equal', 'delete', 'insert', 'equal']);
    assert.equal(runs[1]!.text, 'most-sanctioned');
  });
});
