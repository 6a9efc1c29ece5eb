// Trains the source tagger (src/core/sources/tagger.ts) on PolNeAR's train split and writes its
// weights to the model asset assets/sources.bin (read at run time with the other assets).
// Cross-validated figures (5 folds by article) are printed by scripts/eval-sources.ts.
// Usage: nice -n 10 npx tsx scripts/train-source-tagger.ts [dataDir]   (dataDir defaults to ../shared/data)
// Nothing from the data is kept but the weights: hashed feature buckets, one signed byte per tag.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../src/core/analyze';
import { currentModels } from '../src/core/models';
import { writeAsset } from '../src/core/models/assetFile';
import { SOURCE_TAGGER_KIND, SOURCE_TAGGER_VERSION, sourceTaggerPayload } from '../src/core/sources/taggerAsset';
import { useModelAssets } from '../src/node/modelAssets';
import { TAGGER_BITS, TAGGER_EPOCHS, TAGGER_MARGIN, goldSources, taggedWindows, trainSourceTagger, type PolnearDoc } from './source-tagger-train';

useModelAssets();
const dataDir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'data'));
const docs = readFileSync(join(dataDir, 'polnear-train.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as PolnearDoc);
const t0 = performance.now();
const clusters = currentModels().tagger.clusters;
const windows = docs.flatMap((d) => taggedWindows(d.text, analyze(d.text), goldSources(d), clusters));
const weights = trainSourceTagger(windows);
const out = join(__dirname, '..', 'assets', 'sources.bin');
const bytes = writeAsset(SOURCE_TAGGER_KIND, SOURCE_TAGGER_VERSION, sourceTaggerPayload({ bits: TAGGER_BITS, weights, scale: 1, margin: TAGGER_MARGIN }));
writeFileSync(out, bytes);
console.log(`${windows.length} sentences of ${docs.length} articles (${TAGGER_EPOCHS} epochs of an averaged perceptron, ${1 << TAGGER_BITS} buckets), ${(bytes.length / 1024).toFixed(0)} KB, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`);
