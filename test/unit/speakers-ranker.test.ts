// The speaker ranker's stages on small inputs: candidates, feature expansion and scoring, training.
import assert from 'node:assert/strict';
import { findCandidates, findWordCandidates } from '../../src/core/speakers/candidates';
import { expandFeatures } from '../../src/core/speakers/features';
import { compileWeights, score, scoreBase, trainRanker, type Instance } from '../../src/core/speakers/ranker';
import { MentionIndex } from '../../src/core/pronouns';

const whole = (text: string) => [{ start: 0, end: text.length }];

describe('speaker ranker: candidates', () => {
  it('offers descriptions, pronouns and "none", never words inside the quote', () => {
    const text = 'A U.S. Embassy spokesperson said Kremlin officials were wrong. He added: “They said nothing to him.”';
    const q = { start: text.indexOf('“'), end: text.length };
    const words = findWordCandidates(text, whole(text));
    const cands = findCandidates(text, { quote: q, from: 0, to: text.length, nearQuotes: [q] }, new MentionIndex([]), words, null);
    const written = cands.map((c) => (c.kind === 'none' ? 'none' : text.slice(c.start, c.end)));
    assert.deepEqual(written, ['A U.S. Embassy spokesperson', 'Kremlin officials', 'He', 'none']);
  });

  it('keeps the rules\u2019 pick whole and drops what it overlaps', () => {
    const text = 'Deputy spokesman Ned Price said: “No.”';
    const q = { start: text.indexOf('“'), end: text.length };
    const pick = { start: 0, end: text.indexOf(' said') };
    const cands = findCandidates(text, { quote: q, from: 0, to: text.length, nearQuotes: [q] }, new MentionIndex([]), findWordCandidates(text, whole(text)), pick);
    assert.equal(cands.filter((c) => c.rule && c.kind !== 'none').length, 1);
    assert.equal(cands.filter((c) => c.kind !== 'none').length, 1, 'the description "Deputy spokesman" inside the pick is not a second candidate');
  });
});

describe('speaker ranker: model', () => {
  it('scores base features with compiled weights as the expanded names score', () => {
    const base = ['kind', 'next=said', 'rule'];
    const w = new Map([
      ['kind', 0.5],
      ['B:next=said', 2],
      ['name:B:rule', 3],
      ['pronoun:B:rule', 100],
      ['A:kind', -7],
    ]);
    const expanded = expandFeatures(base, 'B', 'name');
    assert.equal(score(w, expanded), 5.5);
    assert.equal(scoreBase(compileWeights(w), base, 'B', 'name'), 5.5);
    assert.equal(scoreBase(compileWeights(w), base, 'A', 'name'), -6.5);
  });

  it('learns which candidate is right from examples, and generalises to a new one', () => {
    // The right candidate always has "subjVerb"; distractors are nearer ("dist=0") or the rules' pick.
    const train: Instance[] = [];
    for (let i = 0; i < 30; i++) {
      const distractor = i % 2 ? ['dist=0'] : ['rule'];
      train.push({ feats: [distractor, ['subjVerb', 'dist=3'], ['none']], right: [false, true, false] });
    }
    const w = trainRanker(train, 5);
    const test = [['dist=0', 'rule'], ['subjVerb', 'dist=2'], ['none']];
    const scores = test.map((f) => score(w, f));
    assert.equal(scores.indexOf(Math.max(...scores)), 1);
  });
});
