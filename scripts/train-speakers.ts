// Trains the speaker ranker (src/core/speakers) on PolNeAR's train split and writes its weights to
// the model asset assets/speakers.bin (read at run time with the other assets, src/core/models).
// Cross-validated figures are printed by scripts/eval-quotes.ts.
// Usage: nice -n 10 npx tsx scripts/train-speakers.ts [dataDir]   (dataDir defaults to ../shared/data)
// Nothing from the data is kept but the weights of the features (names of feature templates and
// common cue verbs, each with a number).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeAsset } from '../src/core/models/assetFile';
import { SPEAKERS_KIND, SPEAKERS_VERSION, speakerWeightsPayload } from '../src/core/speakers/weightsAsset';
import { fitRanker, instances, prepare, readDocs } from './speaker-data';
import { EPOCHS, MIN_COUNT } from './train-speakers-config';

const dataDir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'data'));
const docs = readDocs(join(dataDir, 'polnear-train.jsonl'));
const t0 = performance.now();
const prepared = docs.map((d) => prepare(d));
const quotes = prepared.reduce((n, p) => n + instances(p).length, 0);
const w = fitRanker(prepared, EPOCHS, MIN_COUNT);
// Rounded to three decimals, as the shipped weights always were.
const entries = [...w].filter(([, v]) => Math.abs(v) >= 0.01).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([f, v]) => [f, Number(v.toFixed(3))] as const);
const out = join(__dirname, '..', 'assets', 'speakers.bin');
writeFileSync(out, writeAsset(SPEAKERS_KIND, SPEAKERS_VERSION, speakerWeightsPayload(entries)));
console.log(`${quotes} quotes from ${docs.length} articles (${EPOCHS} epochs of an averaged perceptron, features seen in at least ${MIN_COUNT} quotes), ${entries.length} weights, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`);
