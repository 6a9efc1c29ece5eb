import { strict as assert } from 'node:assert';
import { splitSentences } from '../../src/core/sentences';

const texts = (text: string, spans: { start: number; end: number }[]): string[] => spans.map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('ends sentences at each kind of sentence mark', () => {
    const text = 'Is it over? Not yet! The vote is on Friday. Then we wait\u2026 And then we count.';
    assert.deepEqual(texts(text, splitSentences(text, 0, text.length)), ['Is it over?', 'Not yet!', 'The vote is on Friday.', 'Then we wait\u2026', 'And then we count.']);
  });

  it('gives the same sentences whatever was split before: blocks out of order, another text, a repeat', () => {
    const a = 'The mayor spoke first. Nobody answered!\n\nWas it planned? The aide said no.';
    const b = 'A second text. It has two sentences!';
    const second = { start: a.indexOf('Was'), end: a.length };
    const first = { start: 0, end: a.indexOf('\n') };
    const fresh = [texts(a, splitSentences(a, first.start, first.end)), texts(a, splitSentences(a, second.start, second.end))];
    // The second block first, then the first one: a search remembered from later on must not hide earlier marks.
    const later = texts(a, splitSentences(a, second.start, second.end));
    const earlier = texts(a, splitSentences(a, first.start, first.end));
    assert.deepEqual([earlier, later], fresh);
    assert.deepEqual(texts(b, splitSentences(b, 0, b.length)), ['A second text.', 'It has two sentences!']);
    assert.deepEqual(texts(a, splitSentences(a, 0, a.length)), ['The mayor spoke first.', 'Nobody answered!', 'Was it planned?', 'The aide said no.']);
  });

  it('splits a text equal to the last one but another string, with the same sentences', () => {
    const text = 'It rained. '.repeat(80_000);
    const spans = splitSentences(text, 0, text.length);
    // The same characters in another string object: the remembered search still applies.
    const copy = ('x' + text).slice(1);
    assert.deepEqual(splitSentences(copy, 0, copy.length), spans);
    assert.equal(spans.length, 80_000);
  });
});
