// The speaker ranker's stages on small inputs: candidates, feature expansion and scoring, training.
import assert from 'node:assert/strict';
import { findCandidates, findWordCandidates } from '../../src/core/speakers/candidates';
import { expandFeatures, quoteFeatures } from '../../src/core/speakers/features';
import { quoteCandidates } from '../../src/core/speakers/index';
import { compileWeights, score, scoreBase, trainRanker, type Instance } from '../../src/core/speakers/ranker';
import { MentionIndex } from '../../src/core/pronouns';
import { textBlocks } from '../../src/core/analyze';
import { attributeRaw } from '../../src/core/attribution/index';
import { findEntities } from '../../src/core/entities/index';
import { findQuotes } from '../../src/core/quotes';
import { splitSentences } from '../../src/core/sentences';
import { classifyLines, findStructure, splitLines } from '../../src/core/structure';
import type { Span } from '../../src/core/types';

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

  it('starts a description within its own sentence, past an abbreviation\u2019s period but not a sentence\u2019s', () => {
    const text = 'The union backed her over her rivals. Senate aides said U.S. trade officials agreed.';
    const written = findWordCandidates(text, whole(text)).list.map((c) => text.slice(c.start, c.end));
    assert.deepEqual(written, ['Senate aides', 'U.S. trade officials']);
  });

  it('keeps the rules\u2019 pick whole and drops what it overlaps', () => {
    const text = 'Deputy spokesman Ned Price said: “No.”';
    const q = { start: text.indexOf('“'), end: text.length };
    const pick = { start: 0, end: text.indexOf(' said') };
    const cands = findCandidates(text, { quote: q, from: 0, to: text.length, nearQuotes: [q] }, new MentionIndex([]), findWordCandidates(text, whole(text)), pick);
    assert.equal(cands.filter((c) => c.rule && c.kind !== 'none').length, 1);
    assert.equal(cands.filter((c) => c.kind !== 'none').length, 1, 'the description "Deputy spokesman" inside the pick is not a second candidate');
  });

  it('drops nouns governed by a preposition before keeping the nearest few, so they take no place of a real candidate', () => {
    const text = 'The aide spoke first. Then the crowd cheered for voters, for activists, for residents, for protesters and for delegates with signs of “Welcome home!”';
    const q = { start: text.indexOf('“'), end: text.length };
    const cands = findCandidates(text, { quote: q, from: 0, to: text.length, nearQuotes: [q] }, new MentionIndex([]), findWordCandidates(text, whole(text)), null);
    assert.deepEqual(
      cands.map((c) => (c.kind === 'none' ? 'none' : text.slice(c.start, c.end))),
      ['The aide', 'none'],
    );
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

/** The ranker's inputs for a text, built as analyze() builds them. */
function rankerInputs(text: string) {
  const structure = findStructure(text, classifyLines(text, splitLines(text)));
  const blocks = textBlocks(structure);
  const sentences: Span[] = [];
  for (const b of blocks) splitSentences(text, b.start, b.end, sentences);
  const quotes = findQuotes(text, blocks);
  const raw = attributeRaw(text, quotes, sentences, blocks);
  return { text, quotes, sentences, blocks, raw, mentions: new MentionIndex(findEntities(text)) };
}

/** Each quote's candidates as analyze() finds them for the ranker, written out ("none" for none). */
function candidatesOf(text: string): { quote: string; cands: string[] }[] {
  return quoteCandidates(rankerInputs(text), true).map(({ quote, cands }) => ({ quote: text.slice(quote.start, quote.end), cands: cands.map((c) => (c.kind === 'none' ? 'none' : text.slice(c.start, c.end))) }));
}

/** candidatesOf with each candidate's base features. */
function featuresOf(text: string): { quote: string; cands: string[]; feats: string[][] }[] {
  return quoteCandidates(rankerInputs(text)).map(({ quote, cands, feats }) => ({ quote: text.slice(quote.start, quote.end), cands: cands.map((c) => (c.kind === 'none' ? 'none' : text.slice(c.start, c.end))), feats }));
}

describe('speaker ranker: candidates of a quote in an article', () => {
  it('offers no noun governed by a preposition when no verb of saying is near', () => {
    const [q] = candidatesOf('The hall filled with chants for the pair, with signs of “Welcome home!”');
    assert.ok(!q!.cands.includes('signs'), JSON.stringify(q));
    assert.ok(q!.cands.includes('none'));
  });

  it('ranks a candidate among the candidates the model weighs, not among mentions dropped before it', () => {
    const text = 'The aide spoke first. Then the crowd cheered for voters and for delegates with signs of “Welcome home!”';
    const [q] = featuresOf(text);
    const aide = q!.cands.indexOf('The aide');
    assert.ok(aide >= 0, JSON.stringify(q));
    assert.equal(q!.cands.length, aide + 2, 'only "none" after it');
    assert.ok(q!.feats[aide]!.includes('rank=0'), JSON.stringify(q!.feats[aide]));
  });

  it('offers a scare quote only the mentions of its own sentence', () => {
    const text = 'Putin is set to arrive on Tuesday, according to Kremlin officials.\n\nDescribed as a “friendly state visit,” the trip will be his first in 24 years.';
    const q = candidatesOf(text).find((x) => x.quote.includes('friendly'))!;
    assert.ok(!q.cands.some((c) => c.includes('Kremlin') || c === 'Putin'), JSON.stringify(q));
  });
});

describe('speaker ranker: features of the quote', () => {
  it('reads what follows a quote within its own paragraph only', () => {
    const head = 'Then he stopped. “We will never give up.”';
    const q = { start: head.indexOf('“'), end: head.length };
    const alone = quoteFeatures(head, q);
    assert.deepEqual(quoteFeatures(head + '\n\nSenator Cruz said the rest.', q), alone);
    assert.deepEqual(quoteFeatures(head + '\nIn Iowa, voters', q), alone);
  });
});
