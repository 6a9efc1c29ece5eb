import assert from 'node:assert/strict';
import { F_CAP, F_LETTERS, F_LINE_START, F_POSSESSIVE, PUNCT, WORD, NUMBER, exactHash, hashString, scans, tokenize, tokenizeTransient } from '../../src/core/text/tokenize';

function words(text: string): string[] {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]));
}

describe('tokenize (entity tagger input)', () => {
  it('splits the possessive off, keeps dotted abbreviations, hyphenated and apostrophe names whole', () => {
    assert.deepEqual(words("Russia’s Putin met U.S. and U.N. envoys in Washington D.C. with Leif-Eric Easley and O'Brien's aide."), [
      'Russia', '’s', 'Putin', 'met', 'U.S.', 'and', 'U.N.', 'envoys', 'in', 'Washington', 'D.C.', 'with', 'Leif-Eric', 'Easley', 'and', "O'Brien", "'s", 'aide', '.',
    ]);
  });

  it('keeps numbers with separators whole and marks kinds and flags', () => {
    const text = 'Mr. Smith paid $17,000.50 on 3.5\r\nKim’s day';
    const t = tokenize(text);
    assert.deepEqual(words(text), ['Mr.', 'Smith', 'paid', '$', '17,000.50', 'on', '3.5', 'Kim', '’s', 'day']);
    assert.equal(t.kind[4], NUMBER);
    assert.equal(t.kind[3], PUNCT);
    assert.equal(t.kind[1], WORD);
    assert.ok(t.flags[1] & F_CAP);
    assert.ok(t.flags[7] & F_LINE_START, 'the word after CRLF starts a line');
    assert.ok(t.flags[8] & F_POSSESSIVE);
  });

  it('handles a byte-order mark, tabs, non-ASCII letters and emoji with UTF-16 offsets', () => {
    const text = '\uFEFFZoë\tÑúñez 😀 Dvořák';
    assert.deepEqual(words(text), ['Zoë', 'Ñúñez', '😀', 'Dvořák']);
    const t = tokenize(text);
    assert.equal(t.start[0], 1);
    assert.ok(t.flags[3] & F_CAP);
  });

  it('marks the words made of ASCII letters alone', () => {
    const text = 'The Mr. U.S. well-known COVID19 Zoë cafe\u0301 O\'Brien NATO said';
    const t = tokenize(text);
    const letters = Array.from({ length: t.count }, (_, i) => (t.flags[i] & F_LETTERS) !== 0);
    assert.deepEqual(words(text), ['The', 'Mr.', 'U.S.', 'well-known', 'COVID19', 'Zoë', 'cafe\u0301', "O'Brien", 'NATO', 'said']);
    assert.deepEqual(letters, [true, false, false, false, false, false, false, false, true, true]);
  });

  it('gives every token its hash as written and lower-cased', () => {
    const text = 'McDonald met the iPhone team in İstanbul, O’Brien’S U.S. Mr. DR. x\u0301Y ǅemal 😀 ok';
    const t = tokenize(text);
    for (let i = 0; i < t.count; i++) {
      const word = text.slice(t.start[i], t.end[i]);
      assert.equal(t.exact[i], exactHash(text, t.start[i], t.end[i]), word);
    }
    assert.equal(t.lower[0], hashString('mcdonald'));
    assert.notEqual(t.exact[0], t.lower[0]);
    assert.equal(t.exact[2], t.lower[2], 'a lower-case word has one hash');
  });

  it('gives transient tokens equal to the copied ones, valid until the next text is tokenized', () => {
    const text = 'Kim Jong Un met Putin in Moscow.';
    const kept = tokenize(text);
    const t = tokenizeTransient(text);
    const seen = scans();
    assert.deepEqual(Array.from(t.lower), Array.from(kept.lower));
    assert.deepEqual(Array.from(t.start), Array.from(kept.start));
    tokenize('Another text entirely');
    assert.notEqual(scans(), seen, 'a later tokenization is visible to holders of transient tokens');
    assert.equal(kept.count, 8);
  });

  it('reads hostile input as one token per quote mark, nothing lost', () => {
    const text = '"'.repeat(100_000) + ' ' + '\u0000\u0001'.repeat(1000);
    const t = tokenize(text);
    assert.equal(t.count, 100_000 + 2000);
  });
});
