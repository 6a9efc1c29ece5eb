// Trains the source tagger (src/core/sources/tagger.ts) on PolNeAR's train split and writes its
// weights to the model asset assets/sources.bin (read at run time with the other assets).
// The decoding margin shipped with the weights is chosen by 5-fold cross-validation over the same
// articles (scripts/source-tagger-margin.ts), with the pair scorer on (scripts/train-source-pairs.ts); cross-validated figures are printed by scripts/eval-sources.ts.
// Usage: nice -n 10 npx tsx scripts/train-source-tagger.ts [dataDir]   (dataDir defaults to ../shared/data)
// Nothing from the data is kept but the weights: hashed feature buckets, one signed byte per tag.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../src/core/analyze';
import { currentModels } from '../src/core/models';
import { writeAsset } from '../src/core/models/assetFile';
import { SOURCE_TAGGER_KIND, SOURCE_TAGGER_VERSION, sourceTaggerPayload } from '../src/core/sources/taggerAsset';
import { useModelAssets } from '../src/node/modelAssets';
import { TAGGER_BITS, TAGGER_EPOCHS, goldSources, taggedWindows, trainSourceTagger, readPolnear } from './source-tagger-train';
import { MARGIN_GRID, chooseMargin } from './source-tagger-margin';
import { pairExamples } from './source-pairs-train';
import { goldSpans } from './sources-score';

useModelAssets();
const dataDir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'data'));
const docs = readPolnear(dataDir);
const t0 = performance.now();
const clusters = currentModels().tagger.clusters;
const items = docs.map((doc) => {
  const analysis = analyze(doc.text);
  return { doc, analysis, windows: taggedWindows(doc.text, analysis, goldSources(doc), clusters), pairs: pairExamples(doc.text, analysis, goldSpans(doc).all, clusters) };
});
const choice = chooseMargin(items, 5);
MARGIN_GRID.forEach((m, k) => console.log(choice.scores[k]!.line(`margin ${m} (5-fold CV)`)));
const windows = items.flatMap((it) => it.windows);
const weights = trainSourceTagger(windows);
const out = join(__dirname, '..', 'assets', 'sources.bin');
const bytes = writeAsset(SOURCE_TAGGER_KIND, SOURCE_TAGGER_VERSION, sourceTaggerPayload({ bits: TAGGER_BITS, weights, scale: 1, margin: choice.margin }));
writeFileSync(out, bytes);
console.log(`${windows.length} sentences of ${docs.length} articles (margin ${choice.margin}, ${TAGGER_EPOCHS} epochs of an averaged perceptron, ${1 << TAGGER_BITS} buckets), ${(bytes.length / 1024).toFixed(0)} KB, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`);
