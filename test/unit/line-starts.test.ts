import assert from 'node:assert/strict';
import { lineAndCharacter, lineStarts } from '../../src/core/text/lineStarts';

describe('line starts', () => {
  it('maps offsets to 0-based line and character, a \\r staying on its line', () => {
    const text = 'ab\r\ncd\n\nef';
    const starts = lineStarts(text);
    assert.deepEqual(starts, [0, 4, 7, 8]);
    assert.deepEqual(lineAndCharacter(starts, 0), [0, 0]);
    assert.deepEqual(lineAndCharacter(starts, 2), [0, 2]);
    assert.deepEqual(lineAndCharacter(starts, 5), [1, 1]);
    assert.deepEqual(lineAndCharacter(starts, 7), [2, 0]);
    assert.deepEqual(lineAndCharacter(starts, text.length), [3, 2]);
  });
});
