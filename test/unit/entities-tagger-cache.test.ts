// The tagger's fast path (weights summed once per spelling, per neighbour cluster and per history
// state, scored over the coded weight table) must label every token exactly as the plain path the
// training script uses: every feature's weight read one by one from the float table.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { currentModels } from '../../src/core/models';
import { NUM_LABELS, O } from '../../src/core/entities/features';
import { tagTokens } from '../../src/core/entities/tagger';
import { tokenize } from '../../src/core/text/tokenize';
import { plainLabels } from './plainTagger';

describe('entity tagger fast path', () => {
  const seeds = join(__dirname, '../../seeds');
  const texts = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seeds, f), 'utf8'));

  it('labels the seeds exactly as the plain scoring path', () => {
    const model = currentModels().tagger;
    assert.ok(model.coded, 'a model read from its asset carries the coded weights');
    for (const text of texts) {
      const fast = tagTokens(text, tokenize(text), model);
      const plain = plainLabels(text, model);
      assert.ok(fast.some((l) => l !== O), 'the seeds have entities');
      assert.deepEqual([...fast], [...plain]);
    }
  });

  it('scores over the float weights the same when the model has no coded table (a model in training)', () => {
    const { coded: _coded, ...model } = currentModels().tagger;
    for (const text of texts) assert.deepEqual([...tagTokens(text, tokenize(text), model)], [...plainLabels(text, model)]);
  });

  it('labels each article as the plain path does when it reuses the cache of an earlier, bigger one', () => {
    // Tagging reuses the score cache of the run before: one grown past its first size by a text of
    // thousands of distinct capitalised words must be emptied, not carried into the next article.
    const model = currentModels().tagger;
    const syllables = ['ka', 'lor', 'ven', 'dri', 'mu', 'sal', 'tor', 'bex', 'quin', 'ol'];
    const names: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const word = syllables[i % 10]! + syllables[Math.floor(i / 10) % 10]! + syllables[Math.floor(i / 100) % 10]!;
      names.push(word[0]!.toUpperCase() + word.slice(1) + (i >= 1000 ? syllables[Math.floor(i / 1000)]! : ''));
    }
    const big = names.map((n, i) => `${n} ${names[(i * 7) % names.length]!} said the ${n} Group met in ${names[(i * 13) % names.length]!}.`).join('\n');
    for (const text of [big, ...texts, big, texts[0]!]) {
      assert.deepEqual([...tagTokens(text, tokenize(text), model)], [...plainLabels(text, model)]);
    }
  });

  it('codes every weight exactly', () => {
    const model = currentModels().tagger;
    const { codes, values } = model.coded!;
    for (let i = 0; i < model.weights.length; i++) if (values[codes[i]!] !== model.weights[i]) assert.fail(`weight ${i} (label ${i % NUM_LABELS}) is coded as ${values[codes[i]!]}, not ${model.weights[i]}`);
  });
});
