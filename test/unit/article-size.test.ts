import { strict as assert } from 'node:assert';
import { ArticleSizeGate, DEFAULT_MAX_ARTICLE_SIZE_MB, exceedsBytes, maxArticleBytes } from '../../src/core/text/articleSize';

describe('article size limit for the editor', () => {
  it('reads the setting in megabytes; 0 turns the limit off; anything unusable is the default', () => {
    assert.equal(maxArticleBytes(2), 2 * 1024 * 1024);
    assert.equal(maxArticleBytes(0.5), 512 * 1024);
    assert.equal(maxArticleBytes(0), Infinity);
    for (const bad of [undefined, null, -1, Number.NaN, '5', Infinity]) assert.equal(maxArticleBytes(bad), DEFAULT_MAX_ARTICLE_SIZE_MB * 1024 * 1024, String(bad));
  });

  it('counts UTF-8 bytes, not characters', () => {
    assert.equal(exceedsBytes('abcd', 4), false);
    assert.equal(exceedsBytes('abcde', 4), true);
    // é is 2 bytes, € 3, an emoji (a surrogate pair) 4.
    assert.equal(exceedsBytes('éé', 4), false);
    assert.equal(exceedsBytes('ééa', 4), true);
    assert.equal(exceedsBytes('€a', 4), false);
    assert.equal(exceedsBytes('€ab', 4), true);
    assert.equal(exceedsBytes('😀', 4), false);
    assert.equal(exceedsBytes('😀a', 4), true);
    assert.equal(exceedsBytes('x'.repeat(10), Infinity), false);
  });

  it('skips a document over the limit with one notice, however often it is edited', () => {
    const gate = new ArticleSizeGate();
    const big = 'x'.repeat(101);
    const first = gate.decide('file:///a.txt', 'a.txt', big, 100);
    assert.equal(first.analyse, false);
    assert.match(first.notice ?? '', /a\.txt is larger than .* MB.*not analysed.*maxArticleSizeMB/);
    for (let edit = 0; edit < 5; edit++) assert.deepEqual(gate.decide('file:///a.txt', 'a.txt', big + 'y'.repeat(edit), 100), { analyse: false });
    // Another document over the limit is told about on its own.
    assert.ok(gate.decide('file:///b.txt', 'b.txt', big, 100).notice);
  });

  it('analyses a document under the limit, and tells again once it grows past it again', () => {
    const gate = new ArticleSizeGate();
    assert.deepEqual(gate.decide('k', 'a.txt', 'x'.repeat(100), 100), { analyse: true });
    assert.ok(gate.decide('k', 'a.txt', 'x'.repeat(101), 100).notice);
    assert.deepEqual(gate.decide('k', 'a.txt', 'x'.repeat(50), 100), { analyse: true });
    assert.ok(gate.decide('k', 'a.txt', 'x'.repeat(101), 100).notice);
    gate.forget('k');
    assert.ok(gate.decide('k', 'a.txt', 'x'.repeat(101), 100).notice, 'told again after the document was closed and reopened');
  });
});
