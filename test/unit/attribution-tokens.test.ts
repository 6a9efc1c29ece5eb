import { strict as assert } from 'node:assert';
import { sentenceAt, sentenceAtFrom, tokenizeWindow } from '../../src/core/attribution/tokens';

describe('attribution tokens', () => {
  it('sentenceAtFrom gives sentenceAt’s answer from any hint, ahead, behind or far off', () => {
    const sentences = Array.from({ length: 30 }, (_, k) => ({ start: 10 + k * 10, end: 18 + k * 10 }));
    for (let pos = 0; pos < 330; pos += 3) {
      for (const hint of [-1, 0, 1, 5, 12, 29, 30, 40]) assert.equal(sentenceAtFrom(sentences, pos, hint), sentenceAt(sentences, pos), `pos ${pos}, hint ${hint}`);
    }
    assert.equal(sentenceAtFrom([], 5, 0), -1);
  });

  it('tokenizes words, capitals, initials and quotes the same in windows of one text after another', () => {
    const text = 'Élise Ávila and J. R. Smith of the U.S. Senate said “We won” on Nov. 8, he’d said.';
    const q = text.indexOf('“');
    const quotes = [{ start: q, end: text.indexOf('”') + 1 }];
    const words = (): string[] => tokenizeWindow(text, 0, text.length, quotes).map((t) => t.lower);
    const first = words();
    assert.deepEqual(first, ['élise', 'ávila', 'and', 'j.', 'r.', 'smith', 'of', 'the', 'u.s.', 'senate', 'said', '', 'on', 'nov.', '8', ',', 'he', 'would', 'said', '.']);
    // A window of another size in between leaves the first window's words as they were.
    tokenizeWindow(text, 20, 40, quotes);
    assert.deepEqual(words(), first);
    const caps = tokenizeWindow(text, 0, text.length, quotes).filter((t) => t.cap).map((t) => t.lower);
    assert.deepEqual(caps, ['élise', 'ávila', 'j.', 'r.', 'smith', 'u.s.', 'senate', 'nov.']);
  });
});
