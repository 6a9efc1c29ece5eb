import { strict as assert } from 'node:assert';
import { findClaims } from '../../src/core/claims';
import { splitSentences } from '../../src/core/sentences';

describe('findClaims', () => {
  const text =
    'The weather was nice. Unemployment fell to 4.1% last year, officials said. ' +
    'The minister denied the report. Rebels accused the army of shelling 3 villages. The dog slept.';
  const para = [{ start: 0, end: text.length }];
  const claims = findClaims(text, splitSentences(text, 0, text.length), para, []);

  it('picks sentences with numbers, statistics, accusations and denials, with reasons', () => {
    const byText = new Map(claims.map((c) => [c.text, c]));
    assert.deepEqual(byText.get('Unemployment fell to 4.1% last year, officials said.')?.reasons, ['statistic', 'number', 'attributed']);
    assert.deepEqual(byText.get('The minister denied the report.')?.reasons, ['denial']);
    assert.deepEqual(byText.get('Rebels accused the army of shelling 3 villages.')?.reasons, ['number', 'accusation']);
    assert.equal(byText.has('The weather was nice.'), false);
    assert.equal(byText.has('The dog slept.'), false);
  });

  it('ranks by score, highest first', () => {
    assert.equal(claims[0]!.text, 'Unemployment fell to 4.1% last year, officials said.');
    for (let i = 1; i < claims.length; i++) assert.ok(claims[i - 1]!.score >= claims[i]!.score);
  });

  it('keeps sentences of equal score in text order', () => {
    const t = 'Two dogs ran. The cat slept. Three birds sang. Prices rose 5%. Four fish swam.';
    const got = findClaims(t, splitSentences(t, 0, t.length), [{ start: 0, end: t.length }], []);
    assert.deepEqual(got.map((c) => c.text), ['Prices rose 5%.', 'Two dogs ran.', 'Three birds sang.', 'Four fish swam.']);
  });

  it('only reads sentences inside body paragraphs', () => {
    assert.deepEqual(findClaims(text, splitSentences(text, 0, text.length), [], []), []);
  });

  it('reads claim words as whole words however they are written', () => {
    const t =
      'The record-breaking heat hit the city. It was fine, officials said_so. Prices rose 7 %. ' +
      'The accusations were déjà vu. COVID19 spread fast. Mr.Smith denied it. He was accusé. Trump’s DENIAL came late.';
    const got = new Map(findClaims(t, splitSentences(t, 0, t.length), [{ start: 0, end: t.length }], []).map((c) => [c.text, c.reasons]));
    assert.deepEqual(got.get('The record-breaking heat hit the city.'), ['superlative'], 'a word inside a hyphenated compound');
    assert.equal(got.has('It was fine, officials said_so.'), false, 'an underscore joins two words into one');
    assert.deepEqual(got.get('Prices rose 7 %.'), ['statistic', 'number']);
    assert.deepEqual(got.get('The accusations were déjà vu.'), ['accusation'], 'a word family by its stem');
    assert.deepEqual(got.get('COVID19 spread fast.'), ['number'], 'digits inside a word');
    assert.deepEqual(got.get('Mr.Smith denied it.'), ['denial']);
    assert.equal(got.has('He was accusé.'), false, 'a stem needs more ASCII letters after it');
    assert.deepEqual(got.get('Trump’s DENIAL came late.'), ['denial'], 'capitals and a possessive before');
  });
});
