import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEADER_BYTES, readAsset, writeAsset } from '../../src/core/models/assetFile';
import { ModelAssetError, loadModels } from '../../src/core/models';
import { defaultAssetsDir, readModels } from '../../src/node/modelAssets';
import { FS_CLUSTERS, FS_GAZETTEER } from '../../src/core/entities/features';
import { SPEAKERS_KIND, decodeSpeakerWeights, speakerWeightsPayload } from '../../src/core/speakers/weightsAsset';

const taggerFile = join(defaultAssetsDir(), 'tagger.bin');
const tagger = (): Uint8Array => new Uint8Array(readFileSync(taggerFile));
const speakersFile = join(defaultAssetsDir(), 'speakers.bin');
const load = (bytes: Uint8Array): unknown => loadModels({ name: 'tagger.bin', bytes }, { name: 'speakers.bin', bytes: new Uint8Array(readFileSync(speakersFile)) });

describe('model assets', () => {
  it('loads the shipped tagger weights with the tables its features read', () => {
    const models = readModels();
    assert.equal(models.tagger.weights.length, (models.tagger.mask + 1) * 9);
    assert.ok(models.tagger.weights.some((w) => w !== 0));
    assert.equal(models.tagger.clusters !== null, (models.tagger.features & FS_CLUSTERS) !== 0);
    assert.equal(models.tagger.gazetteer !== null, (models.tagger.features & FS_GAZETTEER) !== 0);
  });

  it('gives the tagger the same weights coded and as floats, outliers included', () => {
    const { tagger: model } = readModels();
    const coded = model.coded!;
    assert.ok(coded.values.length > 256, 'the shipped weights have outliers beyond the byte scale');
    const floats = model.weights;
    assert.equal(floats.length, coded.codes.length);
    let outliers = 0;
    for (let i = 0; i < floats.length; i++) {
      if (coded.codes[i]! >= 256) outliers++;
      if (floats[i] !== coded.values[coded.codes[i]!]) assert.fail(`weight ${i}: ${floats[i]} as a float, ${coded.values[coded.codes[i]!]} coded`);
    }
    assert.equal(outliers, coded.values.length - 256);
  });

  it('says which table a tagger needs when it is not among the assets', () => {
    // The shipped weights, relabelled as trained with word clusters and then with name lists.
    const payload = readAsset(tagger(), 'tagger.bin').payload.slice();
    const view = new DataView(payload.buffer);
    view.setUint32(8, FS_CLUSTERS, true);
    assert.throws(() => load(writeAsset('TAGR', 1, payload)), (e: Error) => e instanceof ModelAssetError && /tagger\.bin needs the word clusters \(clusters\.bin\), which is missing/.test(e.message));
    view.setUint32(8, FS_GAZETTEER, true);
    assert.throws(() => load(writeAsset('TAGR', 1, payload)), /tagger\.bin needs the name lists \(gazetteers\.bin\), which is missing/);
  });

  it('loads the speaker ranker weights from speakers.bin', () => {
    const { speakers } = readModels();
    assert.ok(speakers.size > 100);
    assert.ok([...speakers.values()].every((w) => Number.isFinite(w) && w !== 0));
    assert.ok([...speakers.keys()].some((f) => f.startsWith('A:')) && [...speakers.keys()].some((f) => f.startsWith('B:')));
  });

  it('round-trips speaker weights exactly, names with any characters included', () => {
    const entries: [string, number][] = [['A:next=“said”', -2.195], ['B:pw=él', 0.1 + 0.2], ['side', -1e-9]];
    assert.deepEqual([...decodeSpeakerWeights(speakerWeightsPayload(entries), 'x.bin')], entries);
    assert.throws(() => decodeSpeakerWeights(speakerWeightsPayload(entries).subarray(0, 20), 'x.bin'), (e: Error) => e instanceof ModelAssetError && /x\.bin: 3 weights announced/.test(e.message));
  });

  it('says so when the speaker weights are not among the assets', () => {
    assert.throws(() => loadModels({ name: 'tagger.bin', bytes: tagger() }, { name: 'clusters.bin', bytes: new Uint8Array(readFileSync(join(defaultAssetsDir(), 'clusters.bin'))) }),
      (e: Error) => e instanceof ModelAssetError && /no speaker ranker weights among the model assets .*expected speakers\.bin/.test(e.message));
    assert.equal(SPEAKERS_KIND, 'SPKR');
  });

  it('round-trips a payload through the header', () => {
    const payload = new Uint8Array([1, 2, 3, 250]);
    const back = readAsset(writeAsset('TEST', 7, payload), 'x.bin');
    assert.deepEqual({ kind: back.kind, version: back.version, payload: [...back.payload] }, { kind: 'TEST', version: 7, payload: [1, 2, 3, 250] });
  });

  it('says a truncated file is truncated, naming it', () => {
    const bytes = tagger();
    assert.throws(() => load(bytes.subarray(0, bytes.length - 100)), (e: Error) => e instanceof ModelAssetError && /tagger\.bin is truncated/.test(e.message));
    assert.throws(() => load(bytes.subarray(0, 10)), (e: Error) => e instanceof ModelAssetError && /tagger\.bin is not a News Annotator model file \(only 10 bytes\)/.test(e.message));
  });

  it('notices one damaged byte in the payload by its checksum', () => {
    const bytes = tagger();
    bytes[HEADER_BYTES + 1000] ^= 0x40;
    assert.throws(() => load(bytes), (e: Error) => e instanceof ModelAssetError && /damaged \(checksum mismatch\)/.test(e.message));
  });

  it('refuses a file that is not a model asset, or of another format version', () => {
    assert.throws(() => load(new TextEncoder().encode('<html>404 Not Found</html> and then some more text')), /not a News Annotator model file \(wrong signature\)/);
    const payload = readAsset(tagger(), 'tagger.bin').payload;
    assert.throws(() => load(writeAsset('TAGR', 99, payload)), /format version 99/);
    assert.throws(() => load(writeAsset('TAGR', 1, payload.subarray(0, payload.length - 9))), /expected \d+ bytes of tagger payload/);
  });

  it('says which file is missing from the assets folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'news-assets-'));
    try {
      assert.throws(() => readModels(dir), (e: Error) => e instanceof ModelAssetError && e.message.includes(join(dir, 'tagger.bin')) && /is missing: .*rebuild tagger\.bin with `npm run train`/.test(e.message));
      writeFileSync(join(dir, 'tagger.bin'), tagger());
      assert.throws(() => readModels(dir), (e: Error) => e instanceof ModelAssetError && e.message.includes(join(dir, 'speakers.bin')) && /is missing: .*rebuild speakers\.bin with `npx tsx scripts\/train-speakers\.ts`/.test(e.message));
      writeFileSync(join(dir, 'speakers.bin'), readFileSync(speakersFile));
      writeFileSync(join(dir, 'tagger.bin'), tagger().subarray(0, 5000));
      assert.throws(() => readModels(dir), /is truncated/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
