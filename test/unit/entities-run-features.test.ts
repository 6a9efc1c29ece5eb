// The run features of the entity tagger (group FS_RUN): the words that open and close
// the run of capitalised words a token sits in, so every word of a name sees its head.
import assert from 'node:assert/strict';
import { FS_RUN, MAX_FEATURES, O, docContext, runFeatures } from '../../src/core/entities/features';
import { tagTokens, type LinearModel } from '../../src/core/entities/tagger';
import { currentModels } from '../../src/core/models';
import { tokenize } from '../../src/core/text/tokenize';
import { plainLabels } from './plainTagger';

const MASK = (1 << 20) - 1;

/** runFeatures of the token spelt `word` in `text` (no clusters). */
function featuresOf(text: string, word: string): number[] {
  const tok = tokenize(text);
  let i = 0;
  while (text.slice(tok.start[i]!, tok.end[i]!) !== word) i++;
  const out = new Int32Array(MAX_FEATURES);
  return [...out.subarray(0, runFeatures(tok, docContext(tok), i, MASK, out, 0))];
}

describe('entity tagger run features', () => {
  it('gives each word of a name the word that closes the name', () => {
    const agency = featuresOf('He met the Korean Central News Agency officials.', 'Korean');
    const press = featuresOf('He met the Korean Central Press Agency officials.', 'Korean');
    const office = featuresOf('He met the Korean Central News Office officials.', 'Korean');
    assert.equal(agency.length, 2, 'last word and position: "Korean" opens the run');
    assert.equal(agency[0], press[0], 'the same closing word, whatever lies between');
    assert.notEqual(agency[0], office[0], 'another closing word');
  });

  it('gives later words the word that opens the name, across a connector', () => {
    const bank = featuresOf('The Bank of England said so.', 'England');
    const bankOf = featuresOf('The Bank of Japan said so.', 'Japan');
    const court = featuresOf('The Court of Japan said so.', 'Japan');
    assert.equal(bank.length, 2, 'first word and position: "England" closes the run');
    assert.equal(bank[0], bankOf[0]);
    assert.notEqual(bankOf[0], court[0]);
    assert.notEqual(featuresOf('The Bank of England said so.', 'Bank')[0], featuresOf('The Bank said so.', 'Bank')[0], '"Bank" sees "England" closing its run');
  });

  it('leaves a sentence’s opening function word out of the run', () => {
    assert.equal(featuresOf('The Bank said so.', 'Bank').length, 1, 'only the position feature');
  });

  it('stops a run at a line end', () => {
    assert.equal(featuresOf('He met the Korean\nAgency officials.', 'Korean').length, 1, 'only the position feature');
  });

  it('labels as the plain scoring path does when a model uses them', () => {
    // The shipped weights with the group switched on: its features read weights trained for others,
    // which is enough to compare the fast path (sums cached per spelling) with the plain one.
    const { coded: _coded, ...base } = currentModels().tagger;
    const model: LinearModel = { ...base, features: base.features | FS_RUN };
    const text = 'SEOUL, June 18 (Reuters) - The Korean Central News Agency said the Bank of Korea and Samsung Electronics Co would meet.\nKim Jong Un met Vladimir Putin in Pyongyang.\nThe Bank of Korea said so.';
    const plain = plainLabels(text, model);
    assert.ok(plain.some((l) => l !== O));
    assert.deepEqual([...tagTokens(text, tokenize(text), model)], [...plain]);
  });
});
