// Trains the entity tagger (an averaged perceptron over hashed features) on CoNLL-2003 train and
// writes only the quantised weights to assets/tagger.bin: no training text is kept.
// Usage: npx tsx scripts/train-ner.ts [dataDir] [--epochs N] [--bits B]
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { F_LINE_START, tokenize, type Tokens } from '../src/core/text/tokenize';
import { MAX_FEATURES, NUM_LABELS, O, docContext, isCandidate, type DocContext } from '../src/core/entities/features';
import { labelsToSpans, scoreToken, type LinearModel } from '../src/core/entities/tagger';
import { TAGGER_KIND, TAGGER_VERSION, encodeWeights, taggerPayload } from '../src/core/entities/model';
import { writeAsset } from '../src/core/models/assetFile';

interface Doc { text: string; entities: { start: number; end: number; type: string }[] }

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : def;
};
const epochs = opt('--epochs', 8);
const bits = opt('--bits', 16);
const clip = opt('--clip', 0.999);
const dataDir = args[0] ?? join(__dirname, '../../shared/data');

const TYPE_ID: Record<string, number> = { PERSON: 1, PER: 1, ORG: 2, LOC: 3, MISC: 4 };

function load(file: string): Doc[] {
  return readFileSync(join(dataDir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Doc);
}

interface Prepared { text: string; tok: Tokens; ctx: DocContext; gold: Uint8Array }

function prepare(doc: Doc): Prepared {
  const tok = tokenize(doc.text);
  const gold = new Uint8Array(tok.count);
  let t = 0;
  const ents = [...doc.entities].sort((a, b) => a.start - b.start);
  for (const e of ents) {
    const type = TYPE_ID[e.type];
    if (!type) continue;
    while (t < tok.count && tok.end[t] <= e.start) t++;
    let first = true;
    for (let j = t; j < tok.count && tok.start[j] < e.end; j++) {
      gold[j] = first ? 2 * type - 1 : 2 * type;
      first = false;
    }
  }
  return { text: doc.text, tok, ctx: docContext(tok), gold };
}

const buckets = 1 << bits;
const mask = buckets - 1;
const weights = new Float32Array(buckets * NUM_LABELS);
const totals = new Float32Array(buckets * NUM_LABELS); // sum of c * update, for averaging
const model: LinearModel = { mask, weights };
const feats = new Int32Array(MAX_FEATURES);

const train = load('conll2003-train.jsonl').map(prepare);
const dev = load('conll2003-dev.jsonl');
let step = 1;

function update(count: number, label: number, delta: number): void {
  for (let k = 0; k < count; k++) {
    const at = feats[k] * NUM_LABELS + label;
    weights[at] += delta;
    totals[at] += step * delta;
  }
}

function shuffle<T>(a: T[], seed: number): void {
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
}

function devF1(m: LinearModel): number {
  let tp = 0, fp = 0, fn = 0;
  for (const doc of dev) {
    const tok = tokenize(doc.text);
    const ctx = docContext(tok);
    const labels = new Uint8Array(tok.count);
    let prev = O, prev2 = O;
    for (let i = 0; i < tok.count; i++) {
      if (tok.flags[i] & F_LINE_START) prev = prev2 = O;
      const l = isCandidate(tok, i, prev) ? scoreToken(doc.text, tok, ctx, i, prev, prev2, m).label : O;
      labels[i] = l;
      prev2 = prev;
      prev = l;
    }
    const pred = new Set(labelsToSpans(labels).filter((s) => s.type <= 3).map((s) => `${tok.start[s.first]}:${tok.end[s.last]}:${s.type}`));
    const gold = new Set(doc.entities.filter((e) => TYPE_ID[e.type] && TYPE_ID[e.type] <= 3).map((e) => `${e.start}:${e.end}:${TYPE_ID[e.type]}`));
    for (const p of pred) (gold.has(p) ? tp++ : fp++);
    for (const g of gold) if (!pred.has(g)) fn++;
  }
  return (2 * tp) / (2 * tp + fp + fn);
}

function averaged(): Float32Array {
  const avg = new Float32Array(weights.length);
  for (let i = 0; i < avg.length; i++) avg[i] = weights[i] - totals[i] / step;
  return avg;
}

const t0 = Date.now();
let unreachable = 0;
for (const d of train) for (let i = 0; i < d.tok.count; i++) if (d.gold[i] !== O && !isCandidate(d.tok, i, i > 0 ? d.gold[i - 1] : O)) unreachable++;
console.log(`train docs ${train.length}, gold entity tokens never scored (lower-case): ${unreachable}`);
for (let epoch = 1; epoch <= epochs; epoch++) {
  shuffle(train, epoch * 7919);
  let errors = 0, seen = 0;
  for (const d of train) {
    let prev = O, prev2 = O;
    for (let i = 0; i < d.tok.count; i++) {
      if (d.tok.flags[i] & F_LINE_START) prev = prev2 = O;
      let label = O;
      if (isCandidate(d.tok, i, prev)) {
        const r = scoreToken(d.text, d.tok, d.ctx, i, prev, prev2, model, feats);
        label = r.label;
        seen++;
        if (label !== d.gold[i]) {
          errors++;
          update(r.count, d.gold[i], 1);
          update(r.count, label, -1);
        }
        step++;
      }
      prev2 = prev;
      prev = label;
    }
  }
  const f1 = epoch >= epochs - 2 ? devF1({ mask, weights: averaged() }) : NaN;
  console.log(`epoch ${epoch}: train errors ${errors}/${seen}, dev PER/ORG/LOC F1 (averaged) ${f1.toFixed(4)}, ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

const final = averaged();
const encoded = encodeWeights(final, clip);
const quantised: LinearModel = { mask, weights: encoded.decoded };
if (process.env.NER_DEBUG) {
  console.log('final again', devF1({ mask, weights: final }).toFixed(4));
  let maxAbs = 0, err = 0;
  for (let i = 0; i < final.length; i++) { maxAbs = Math.max(maxAbs, Math.abs(final[i])); err += Math.abs(final[i] - encoded.decoded[i]); }
  const mags = Array.from(final, Math.abs).sort((a, b) => a - b);
  console.log('max', maxAbs, 'mean abs err', err / final.length, 'quantiles', [0.5, 0.9, 0.99, 0.999].map((q) => mags[Math.floor(q * (mags.length - 1))]));
}
console.log(`quantised dev F1 ${devF1(quantised).toFixed(4)}`);
const out = join(__dirname, '../assets/tagger.bin');
writeFileSync(out, writeAsset(TAGGER_KIND, TAGGER_VERSION, taggerPayload(encoded, bits, 0)));
console.log(`wrote ${out}: ${(statSync(out).size / 1024).toFixed(0)} KB, ${encoded.outlierIndex.length} exact outliers`);
