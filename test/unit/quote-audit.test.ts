import { strict as assert } from 'node:assert';
import { estimate, fnv1a, sample, wilson, type Disagreement, type Verdict } from '../../scripts/quote-audit';

const fp = (doc: string, start: number): Disagreement => ({ doc, start, end: start + 10, side: 'fp' });
const fn = (doc: string, start: number): Disagreement => ({ doc, start, end: start + 10, side: 'fn' });
const keyOf = (d: Disagreement): string => `${d.doc}:${d.start}:${d.end}:${d.side}`;

describe('quote audit estimate', () => {
  it('samples the disagreements with the lowest hash, whatever their order', () => {
    const items = Array.from({ length: 50 }, (_, i) => fp('doc', i * 20));
    const picked = sample(items, 5);
    assert.deepEqual(sample([...items].reverse(), 5), picked);
    const cutoff = Math.max(...picked.map((d) => fnv1a(keyOf(d))));
    assert.equal(items.filter((d) => fnv1a(keyOf(d)) <= cutoff).length, 5);
  });

  it('gives a Wilson interval around the observed share', () => {
    const [lo, hi] = wilson(43, 100);
    assert.ok(lo > 0.33 && lo < 0.34, `low ${lo}`);
    assert.ok(hi > 0.52 && hi < 0.53, `high ${hi}`);
    assert.deepEqual(wilson(0, 0), [0, 1]);
  });

  it('moves judged-right false positives to true positives and drops misses judged not real', () => {
    const fps = [fp('a', 0), fp('a', 100)];
    const fns = [fn('b', 0), fn('b', 100)];
    const verdicts = new Map<string, Verdict>([
      [keyOf(fps[0]!), 'quote'],
      [keyOf(fps[1]!), 'not-quote'],
      [keyOf(fns[0]!), 'gold-bounds'],
      [keyOf(fns[1]!), 'missed'],
    ]);
    const e = estimate(8, fps, fns, verdicts);
    // tp 8 + 1 right false positive; 1 false positive left; 1 real miss.
    assert.equal(e.fpRight, 1);
    assert.equal(e.fnReal, 1);
    assert.equal(e.unjudged, 0);
    assert.ok(Math.abs(e.p - 0.9) < 1e-9);
    assert.ok(Math.abs(e.r - 0.9) < 1e-9);
    assert.ok(e.f1Low <= e.f1 && e.f1 <= e.f1High);
  });

  it('counts an unjudged disagreement against the product', () => {
    const e = estimate(8, [fp('a', 0)], [fn('b', 0)], new Map());
    assert.equal(e.unjudged, 2);
    assert.equal(e.fpRight, 0);
    assert.equal(e.fnReal, 1);
    assert.ok(Math.abs(e.p - 8 / 9) < 1e-9);
  });
});
