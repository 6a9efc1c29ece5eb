import assert from 'node:assert/strict';
import { HashTable, hashSetOf } from '../../src/core/text/hashTable';
import { hashString } from '../../src/core/text/tokenize';

describe('HashTable (word-hash sets and maps)', () => {
  it('keeps every key exactly, including 0 and negative hashes, and grows past its first capacity', () => {
    const t = new HashTable(4);
    const keys = [0, 1, -1, 0x7fffffff, -0x80000000];
    for (let k = 0; k < 5000; k++) keys.push(Math.imul(k, 0x9e3779b1) | 0);
    keys.forEach((h, k) => t.add(h, k + 1));
    keys.forEach((h, k) => assert.equal(t.get(h), keys.indexOf(h) + 1, `key ${h} (#${k})`));
    assert.equal(t.get(12345), keys.includes(12345) ? keys.indexOf(12345) + 1 : 0);
  });

  it('keeps the first value of a key added twice', () => {
    const t = new HashTable(8);
    t.add(7, 1);
    t.add(7, 2);
    assert.equal(t.get(7), 1);
  });

  it('is empty after clear(), whether it had grown or not, and takes keys again', () => {
    for (const count of [3, 5000]) {
      const t = new HashTable(4);
      for (let k = 1; k <= count; k++) t.add(Math.imul(k, 0x9e3779b1) | 0, k);
      t.clear();
      assert.equal(t.size, 0);
      for (let k = 1; k <= count; k++) assert.equal(t.get(Math.imul(k, 0x9e3779b1) | 0), 0, `key #${k} of ${count} after clear`);
      t.add(42, 7);
      t.add(Math.imul(1, 0x9e3779b1) | 0, 9);
      assert.equal(t.get(42), 7);
      assert.equal(t.get(Math.imul(1, 0x9e3779b1) | 0), 9, 'a key of before the clear takes its new value');
    }
  });

  it('answers set membership of word hashes', () => {
    const s = hashSetOf(['of', 'the', 'and'].map(hashString));
    assert.ok(s.has(hashString('The')));
    assert.ok(!s.has(hashString('then')));
  });
});
