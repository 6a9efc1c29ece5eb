import { strict as assert } from 'node:assert';
import { carryRanges, sameRanges } from '../../../src/vscode/decorations/rangeDiff';

describe('decoration ranges carried through an edit', () => {
  const ranges = (): Array<[number, number]> => [
    [10, 20],
    [30, 40],
  ];

  it('shifts the ranges after an edit and keeps those before it', () => {
    const r = ranges();
    assert.equal(carryRanges(r, 25, 0, 3), true);
    assert.deepEqual(r, [
      [10, 20],
      [33, 43],
    ]);
    assert.equal(carryRanges(r, 0, 5, 0), true);
    assert.deepEqual(r, [
      [5, 15],
      [28, 38],
    ]);
  });

  it('reports an edit inside a range or at its edge, where the editor may grow or cut it', () => {
    assert.equal(carryRanges(ranges(), 15, 0, 1), false);
    assert.equal(carryRanges(ranges(), 20, 0, 1), false);
    assert.equal(carryRanges(ranges(), 8, 2, 0), false);
    assert.equal(carryRanges(ranges(), 5, 30, 0), false);
  });

  it('compares the carried ranges with new spans', () => {
    const r = ranges();
    carryRanges(r, 25, 1, 0);
    assert.equal(sameRanges(r, [{ start: 10, end: 20 }, { start: 29, end: 39 }]), true);
    assert.equal(sameRanges(r, [{ start: 10, end: 20 }, { start: 30, end: 40 }]), false);
    assert.equal(sameRanges(r, [{ start: 10, end: 20 }]), false);
  });
});
