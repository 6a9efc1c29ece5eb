import { strict as assert } from 'node:assert';
import { bestFirstOrder, betterFirst, type RankedPair } from '../../src/core/corpus/bestFirst';
import { seededRandom } from './annotations/editModel';

/** The order a stable comparator sort gives. */
function expected(pairs: RankedPair[]): number[] {
  return pairs.map((_, i) => i).sort((i, j) => betterFirst(pairs[i]!, pairs[j]!));
}

describe('corpus: pairs best first', () => {
  it('orders as the comparator does, over random pairs with close, equal and repeated scores', () => {
    const rand = seededRandom(23);
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(rand() * 400);
      const few = Array.from({ length: 1 + Math.floor(rand() * 20) }, () => 0.1 + rand());
      const pairs = Array.from({ length: n }, () => {
        const r = rand();
        // Equal scores, scores a few units in the last place apart (below what the key's 42 bits tell), and free ones.
        const score = r < 0.4 ? few[Math.floor(rand() * few.length)]! : r < 0.7 ? few[0]! * (1 + Math.floor(rand() * 8) * Number.EPSILON) : rand() * 3 + 1e-9;
        return { a: Math.floor(rand() * 30), b: Math.floor(rand() * 30), score };
      });
      // The same pair twice keeps its order.
      if (n > 2 && rand() < 0.3) pairs.push({ ...pairs[0]! });
      assert.deepEqual([...bestFirstOrder(pairs)], expected(pairs), `round ${round}`);
    }
  });

  it('sorts zero, negative and infinite scores as the comparator does', () => {
    const pairs = [
      { a: 0, b: 0, score: 0 },
      { a: 1, b: 1, score: -0.5 },
      { a: 2, b: 2, score: Infinity },
      { a: 3, b: 3, score: 0.3 },
      { a: 0, b: 4, score: -0 },
    ];
    assert.deepEqual([...bestFirstOrder(pairs)], expected(pairs));
    assert.deepEqual([...bestFirstOrder([])], []);
  });
});
