// Trains the pair scorer of the sources (src/core/sources/pairs.ts) on PolNeAR's train split and
// writes its weights to the model asset assets/pairs.bin (read at run time with the other assets).
// Its threshold is fixed (PAIR_THRESHOLD); the source tagger's margin is chosen with it on
// (scripts/train-source-tagger.ts, run after this one). Cross-validated figures: scripts/eval-sources.ts.
// Usage: nice -n 10 npx tsx scripts/train-source-pairs.ts [dataDir]   (dataDir defaults to ../shared/data)
// Nothing from the data is kept but the weights: hashed feature buckets, one signed byte each.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../src/core/analyze';
import { currentModels } from '../src/core/models';
import { writeAsset } from '../src/core/models/assetFile';
import { SOURCE_PAIRS_KIND, SOURCE_PAIRS_VERSION, pairModelPayload } from '../src/core/sources/pairsAsset';
import { useModelAssets } from '../src/node/modelAssets';
import { PAIR_BITS, PAIR_EPOCHS, PAIR_THRESHOLD, pairExamples, trainPairWeights } from './source-pairs-train';
import { readPolnear } from './source-tagger-train';
import { goldSpans } from './sources-score';

useModelAssets();
const dataDir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'data'));
const docs = readPolnear(dataDir);
const t0 = performance.now();
const clusters = currentModels().tagger.clusters;
const examples = docs.flatMap((doc) => pairExamples(doc.text, analyze(doc.text), goldSpans(doc).all, clusters));
const weights = trainPairWeights(examples);
const out = join(__dirname, '..', 'assets', 'pairs.bin');
const bytes = writeAsset(SOURCE_PAIRS_KIND, SOURCE_PAIRS_VERSION, pairModelPayload({ bits: PAIR_BITS, weights, scale: 1, threshold: PAIR_THRESHOLD }));
writeFileSync(out, bytes);
console.log(`${examples.length} candidate pairs of ${docs.length} articles (threshold ${PAIR_THRESHOLD}, ${PAIR_EPOCHS} epochs of logistic regression, ${1 << PAIR_BITS} buckets), ${(bytes.length / 1024).toFixed(0)} KB, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`);
