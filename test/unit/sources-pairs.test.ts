import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAssetsDir } from '../../src/node/modelAssets';
import { analyze } from '../../src/core/analyze';
import { collectSources } from '../../src/core/sources';
import { currentModels, loadModels, ModelAssetError } from '../../src/core/models';
import { pairCandidates, scorePair, type PairModel } from '../../src/core/sources/pairs';
import { decodePairModel, pairModelPayload } from '../../src/core/sources/pairsAsset';
import { eachWindow } from '../../src/core/sources/statements';
import { hashString } from '../../src/core/text/tokenize';

/** A model whose every feature weighs `w`: it lists every subject it is asked about (w > 0), or none. */
function constantModel(w: number, threshold = 0.5, bits = 6): PairModel {
  return { bits, weights: new Float32Array(1 << bits).fill(w), scale: 1, threshold };
}

/** A model that lists the subject of one verb: every feature weighs against, but the verb's own outweighs them all. */
function verbModel(verb: string, bits = 16): PairModel {
  const model = constantModel(-1, 0.5, bits);
  model.weights[hashString(`w:${verb}`) & ((1 << bits) - 1)] = 100;
  return model;
}

/** Speaker and cue of every statement, with a tagger that marks no one (so the rules' paraphrases go too) and the given pair scorer. */
function listed(text: string, pairs: PairModel | null): string[][] {
  const tagger = { ...currentModels().sources!, margin: 1e6 };
  return collectSources(text, analyze(text), { tagger, pairs })
    .sources.flatMap((s) => s.statements.map((st) => [st.kind, st.speaker.text, st.cue?.text ?? '']))
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

describe('sources: the pair scorer', () => {
  it('is shipped with the model assets', () => {
    const model = currentModels().pairs;
    assert.ok(model, 'assets/pairs.bin was not loaded');
    assert.equal(model.weights.length, 1 << model.bits);
    assert.ok(model.threshold > 0 && model.threshold < 1);
    assert.ok(model.weights.some((w) => w > 0) && model.weights.some((w) => w < 0));
  });

  it('offers each verb with the subject before it as a candidate', () => {
    const text = 'Inquiry\n\nSeveral senators want a new inquiry into the contract.\n';
    const found: string[][] = [];
    eachWindow(text, analyze(text), (toks) => {
      for (const c of pairCandidates(text, toks, null, new Map(), 8)) {
        found.push([text.slice(c.subject.start, c.subject.end), toks[c.verb]!.lower]);
        assert.ok(c.ids.length > 10 && c.ids.every((id) => id >= 0 && id < 256));
      }
    });
    assert.ok(found.some(([s, v]) => s === 'Several senators' && v === 'want'), JSON.stringify(found));
  });

  it('lists a subject the tagger left when its pair scores above the threshold, and only then', () => {
    const text = 'Inquiry\n\nSeveral senators want a new inquiry into the contract.\n';
    assert.deepEqual(listed(text, null), []);
    assert.deepEqual(listed(text, constantModel(-1)), []);
    assert.deepEqual(listed(text, constantModel(0.01, 0.9)), []);
    assert.deepEqual(listed(text, verbModel('want')), [['paraphrase', 'Several senators', 'want']]);
    // Every candidate above the threshold: the likeliest first, none over another's subject.
    const all = listed(text, constantModel(1));
    for (const [i, a] of all.entries()) for (const b of all.slice(i + 1)) assert.ok(!a[1]!.includes(b[1]!) && !b[1]!.includes(a[1]!), JSON.stringify(all));
  });

  it('lists no one twice, and not what someone would do', () => {
    const quoted = 'Plant to close\n\n“We will close the plant,” Maria Lopez said on Monday.\n';
    assert.deepEqual(listed(quoted, verbModel('said')), [['quote', 'Maria Lopez', 'said']]);
    const would = 'Vote\n\nThe senator would oppose the bill.\n';
    assert.deepEqual(listed(would, verbModel('oppose')), []);
    assert.deepEqual(listed('Vote\n\nThe senator opposes the bill.\n', verbModel('opposes')), [['paraphrase', 'The senator', 'opposes']]);
  });

  it('scores by the sum of its features’ weights', () => {
    const model = constantModel(0.5, 0.5, 4);
    assert.ok(Math.abs(scorePair(model, new Int32Array([1, 2])) - 1 / (1 + Math.exp(-1))) < 1e-9);
    assert.equal(scorePair(model, new Int32Array(0)), 0.5);
  });

  it('round-trips its weights through the asset to within a quantisation step', () => {
    const bits = 5;
    const weights = new Float32Array(1 << bits).map((_, i) => Math.sin(i) * 3);
    const back = decodePairModel(pairModelPayload({ bits, weights, scale: 1, threshold: 0.7 }), 'x.bin');
    assert.equal(back.bits, bits);
    assert.ok(Math.abs(back.threshold - 0.7) < 1e-6);
    assert.ok(back.weights instanceof Int8Array, 'kept as one byte per weight');
    weights.forEach((w, i) => assert.ok(Math.abs(back.weights[i]! * back.scale - w) <= 3 / 127, `weight ${i}`));
  });

  it('says what is wrong with a damaged asset, naming the file and how to rebuild it', () => {
    const payload = pairModelPayload(constantModel(1, 0.5, 5));
    assert.throws(
      () => decodePairModel(payload.subarray(0, payload.length - 1), 'pairs.bin'),
      (e: Error) => e instanceof ModelAssetError && /pairs\.bin: .*weights, expected 32: .*scripts\/train-source-pairs\.ts/.test(e.message),
    );
    const badThreshold = payload.slice();
    new DataView(badThreshold.buffer).setFloat32(8, 2, true);
    assert.throws(() => decodePairModel(badThreshold, 'pairs.bin'), /threshold is not a probability/);
  });
});

describe('model assets: the pair scorer', () => {
  it('is optional: without pairs.bin the models load and hold no pair scorer', () => {
    const read = (name: string): { name: string; bytes: Uint8Array } => ({ name, bytes: new Uint8Array(readFileSync(join(defaultAssetsDir(), name))) });
    const without = loadModels(read('tagger.bin'), read('clusters.bin'), read('speakers.bin'));
    assert.equal(without.pairs, null);
    const withIt = loadModels(read('tagger.bin'), read('clusters.bin'), read('speakers.bin'), read('pairs.bin'));
    assert.ok(withIt.pairs && withIt.pairs.weights.length > 0);
  });
});
