// Training and cross-validation of the article classifier, shared by scripts/train-sniff.ts
// (which writes the shipped weights) and scripts/eval-sniff.ts (which prints the figures).
// Logistic regression with AdaGrad over the sparse features of src/core/sniff/features.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sniffFeatures } from '../src/core/sniff/features';
import { sniffHead } from '../src/core/sniff/signals';
import { buildCorpus, variants, type SniffDoc } from './sniff-corpus';

export interface Example {
  doc: SniffDoc;
  index: Int32Array;
  value: Float32Array;
  fold: number;
}

export const FOLDS = 5;
/** The false-positive rate on non-news text the threshold is chosen for. */
export const TARGET_FPR = 0.005;

/**
 * The corpus is rebuilt from ../shared and this machine's files; rendering man pages and reading
 * /usr/share/doc takes a while, so one build is kept in the temp folder (never in the repository),
 * under a name that changes with the builder's source, until --rebuild asks for a new one.
 */
export function loadCorpus(sharedDir: string, repoDir: string, rebuild: boolean): SniffDoc[] {
  const source = `${readFileSync(join(__dirname, 'sniff-corpus.ts'), 'utf8')}\0${sharedDir}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  const cache = join(tmpdir(), `news-annotator-sniff-corpus-${(h >>> 0).toString(16)}.json`);
  if (!rebuild && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as SniffDoc[];
  const docs = buildCorpus({ sharedDir, repoDir });
  writeFileSync(cache, JSON.stringify(docs));
  return docs;
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/**
 * Folds by group, so near-duplicates never sit on both sides of a split: documents share a group
 * when their source says so (a package, a story) or when they share a long line of text (the same
 * licence in two packages, one article annotated twice, a story reprinted). Groups are dealt
 * largest first to the fold with the fewest documents of their class.
 */
export function assignFolds(docs: SniffDoc[]): number[] {
  const uf = new UnionFind();
  const lineOwner = new Map<string, string>();
  for (const d of docs) {
    for (const raw of sniffHead(d.text).split('\n')) {
      const line = raw.replace(/\s+/g, ' ').trim().toLowerCase();
      if (line.length < 60) continue;
      const key = `${d.label}:${line}`;
      const owner = lineOwner.get(key);
      if (owner) uf.union(owner, d.group);
      else lineOwner.set(key, d.group);
    }
  }
  const groups = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const g = `${d.label}:${uf.find(d.group)}`;
    groups.set(g, [...(groups.get(g) ?? []), i]);
  });
  const fill = [new Array<number>(FOLDS).fill(0), new Array<number>(FOLDS).fill(0)];
  const folds = new Array<number>(docs.length).fill(0);
  const ordered = [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  for (const [, members] of ordered) {
    const label = docs[members[0]!]!.label;
    const counts = fill[label]!;
    const fold = counts.indexOf(Math.min(...counts));
    for (const i of members) folds[i] = fold;
    counts[fold] += members.length;
  }
  return folds;
}

/** Every document with its fold and features, plus its training variants (same fold). */
export function prepare(docs: SniffDoc[], bits: number): { originals: Example[]; variants: Example[] } {
  const folds = assignFolds(docs);
  const make = (doc: SniffDoc, fold: number): Example => {
    const f = sniffFeatures(sniffHead(doc.text), bits);
    return { doc, index: f.index, value: f.value, fold };
  };
  const originals = docs.map((d, i) => make(d, folds[i]!));
  const extra = docs.flatMap((d, i) => variants(d, i).map((v) => make(v, folds[i]!)));
  return { originals, variants: extra };
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  rate: number;
  l2: number;
}

export const DEFAULT_TRAIN: TrainOptions = { bits: 13, epochs: 10, rate: 0.2, l2: 1e-5 };

function shuffle<T>(a: T[], seed: number): T[] {
  let s = seed >>> 0;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Logistic regression, each class weighted to the same total so the 3:1 negatives do not set the prior. */
export function train(examples: Example[], opts: TrainOptions): Float32Array {
  const w = new Float32Array(1 << opts.bits);
  const g2 = new Float32Array(1 << opts.bits).fill(1e-8);
  const used = examples.filter((e) => e.doc.weight > 0);
  const total = [0, 0];
  for (const e of used) total[e.doc.label]! += e.doc.weight;
  const classScale = [used.length / 2 / total[0]!, used.length / 2 / total[1]!];
  const order = used.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, 1000 + epoch);
    for (const k of order) {
      const e = used[k]!;
      const y = e.doc.label;
      const p = 1 / (1 + Math.exp(-dot(w, e)));
      const g = (p - y) * e.doc.weight * classScale[y]!;
      for (let j = 0; j < e.index.length; j++) {
        const i = e.index[j]!;
        const grad = g * e.value[j]! + opts.l2 * w[i]!;
        g2[i] += grad * grad;
        w[i] -= (opts.rate * grad) / Math.sqrt(g2[i]!);
      }
    }
  }
  return w;
}

export function dot(w: Float32Array, e: { index: Int32Array; value: Float32Array }): number {
  let s = 0;
  for (let j = 0; j < e.index.length; j++) s += w[e.index[j]!]! * e.value[j]!;
  return s;
}

/**
 * The lowest threshold at which at most `target` of the negatives score at or above it: as many
 * articles as possible for the false-positive budget. Only original documents count.
 */
export function chooseThreshold(negativeScores: number[], target = TARGET_FPR): number {
  const sorted = [...negativeScores].sort((a, b) => b - a);
  const allowed = Math.floor(target * sorted.length);
  // Strictly above the (allowed+1)-th highest negative score.
  const bar = sorted[allowed] ?? -Infinity;
  return bar + 1e-6;
}

/**
 * Out-of-fold scores: each document scored by a model trained on the other folds. With `outer`,
 * that fold is left out of everything (neither trained on nor scored).
 */
export function outOfFold(originals: Example[], extra: Example[], opts: TrainOptions, outer = -1): Map<Example, number> {
  const scores = new Map<Example, number>();
  for (let f = 0; f < FOLDS; f++) {
    if (f === outer) continue;
    const w = train([...originals, ...extra].filter((e) => e.fold !== f && e.fold !== outer), opts);
    for (const e of originals) if (e.fold === f) scores.set(e, dot(w, e));
  }
  return scores;
}

/**
 * Honest figures for the whole procedure: for each outer fold, the threshold is chosen on
 * out-of-fold scores of the other four folds alone (an inner cross-validation), then the model
 * trained on those four folds classifies the held-out fold with it, variants included.
 */
export function nestedDecisions(originals: Example[], extra: Example[], opts: TrainOptions): Map<Example, { score: number; threshold: number }> {
  const out = new Map<Example, { score: number; threshold: number }>();
  for (let f = 0; f < FOLDS; f++) {
    const inner = outOfFold(originals, extra, opts, f);
    const negatives = [...inner].filter(([e]) => e.doc.label === 0).map(([, s]) => s);
    const threshold = chooseThreshold(negatives);
    const w = train([...originals, ...extra].filter((e) => e.fold !== f), opts);
    for (const e of [...originals, ...extra]) if (e.fold === f) out.set(e, { score: dot(w, e), threshold });
  }
  return out;
}
