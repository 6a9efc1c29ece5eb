// Where Compare Sources' pairs sit in one article: the marks by kind, the pair under an offset (for
// the hover), and the spans moved through edits as the editor moves its marks.
import { strict as assert } from 'node:assert';
import { compareTexts } from '../../../src/core/corpus/compare';
import { ComparisonResult, compactComparison, type ComparedPair } from '../../../src/core/corpus/compactComparison';
import { ComparedPairs } from '../../../src/vscode/corpus/comparedPairs';

let nextIndex = 0;
function pair(a: [number, number], b: [number, number], conflict = false): ComparedPair {
  return {
    index: nextIndex++,
    a: { start: a[0], end: a[1] },
    b: { start: b[0], end: b[1] },
    score: 0.5,
    reason: 'same names',
    ...(conflict ? { conflict: { kind: 'number', aText: '3', bText: '4' } as ComparedPair['conflict'] } : {}),
  };
}

describe('ComparedPairs', () => {
  // Best first, as the comparison lists them: not in text order.
  const shared = [pair([50, 60], [0, 10]), pair([0, 10], [40, 45], true), pair([20, 30], [20, 30])];

  it('lists the marks of each kind in text order, for either article', () => {
    const a = new ComparedPairs(shared, 'a');
    assert.deepEqual(a.spans(false), [{ start: 20, end: 30 }, { start: 50, end: 60 }]);
    assert.deepEqual(a.spans(true), [{ start: 0, end: 10 }]);
    const b = new ComparedPairs(shared, 'b');
    assert.deepEqual(b.spans(false), [{ start: 0, end: 10 }, { start: 20, end: 30 }]);
    assert.deepEqual(b.spans(true), [{ start: 40, end: 45 }]);
  });

  it('finds the pair under an offset, ends included, and none between statements', () => {
    const a = new ComparedPairs(shared, 'a');
    assert.equal(a.at(0)?.pair, shared[1]);
    assert.equal(a.at(10)?.pair, shared[1]);
    assert.equal(a.at(11), undefined);
    assert.equal(a.at(25)?.pair, shared[2]);
    assert.equal(a.at(55)?.pair, shared[0]);
    assert.equal(a.at(61), undefined);
    assert.equal(new ComparedPairs([], 'a').at(0), undefined);
  });

  it('moves the spans through typing and deleting before, inside and across them', () => {
    const a = new ComparedPairs(shared, 'a');
    a.edit(15, 15, 3); // typed between the first and second statement
    assert.deepEqual(a.spans(false), [{ start: 23, end: 33 }, { start: 53, end: 63 }]);
    assert.deepEqual(a.spans(true), [{ start: 0, end: 10 }]);
    a.edit(25, 27, 0); // deleted inside the second
    assert.deepEqual(a.spans(false), [{ start: 23, end: 31 }, { start: 51, end: 61 }]);
    a.edit(5, 24, 1); // replaced from inside the first to inside the second
    assert.deepEqual(a.spans(true), [{ start: 0, end: 5 }]);
    assert.deepEqual(a.spans(false), [{ start: 6, end: 13 }, { start: 33, end: 43 }]);
    assert.equal(a.at(40)?.pair, shared[0], 'the hover follows the moved statement');
    assert.equal(a.at(55), undefined);
  });

  it('places the pairs of a real comparison on their statements', () => {
    const textA = 'Putin will visit North Korea on Tuesday, the Kremlin said.\n\nThe weather was mild in Seoul.';
    const textB = 'The Kremlin said on Tuesday that Putin will visit North Korea.\n\nMarkets rose in Tokyo.';
    const result = new ComparisonResult(textA, textB, compactComparison(compareTexts(textA, textB)));
    assert.equal(result.pairs.length, 1);
    const b = new ComparedPairs(result.pairs, 'b');
    const at = textB.indexOf('Putin');
    assert.equal(b.at(at)?.pair, result.pairs[0]);
    assert.equal(b.at(textB.indexOf('Markets')), undefined);
  });
});
