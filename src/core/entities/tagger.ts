// Greedy left-to-right BIO tagging with a linear model over hashed features.
// Only candidate tokens (capitalised words, and connectors inside a running name) are scored,
// which keeps the cost proportional to the number of capitalised words.
import * as T from '../text/tokenize';
import type { Tokens } from '../text/tokenize';
import * as F from './features';
import type { DocContext } from './features';
import { HashTable } from '../text/hashTable';

// Local copies of imported bindings (module interop may make each imported name a getter).
const { MAX_FEATURES, NUM_LABELS, O, FS_CLUSTERS, FS_GAZETTEER, FS_HISTORY, FS_WINDOW, FS_RUN, CLUSTER_LEFT, CLUSTER_RIGHT, docContext, extractFeatures, isCandidate, tokenFeatures, lineState, stateFeatures } = F;
const { neighbourWordFeatures, gazetteerFeatures, clusterFeatures, historyFeatures, historyType, clusterAt, recordLabel, windowFeatures, runFeatures } = F;
const F_LINE_START = T.F_LINE_START;

if (NUM_LABELS !== 9) throw new Error('the scoring loop is unrolled for nine labels');

export interface LinearModel extends F.FeatureResources {
  /** Bucket mask (buckets - 1). */
  mask: number;
  /** weights[bucket * NUM_LABELS + label]. */
  weights: Float32Array;
  /**
   * The same weights as indexes into `values`, when the model was decoded from an asset (a few
   * hundred distinct values): half the bytes of `weights`, so more of the table the tagger reads
   * at random stays in the CPU cache. Absent while training, where the weights change.
   */
  coded?: { codes: Uint16Array; values: Float64Array };
}

/** I-X may only continue B-X or I-X. */
export function allowed(prev: number, label: number): boolean {
  if (label === O || (label & 1) === 1) return true;
  return prev !== O && (prev + 1) >> 1 === label >> 1;
}

const feats = new Int32Array(MAX_FEATURES);
const scores = new Float64Array(NUM_LABELS);

const ZERO_ROW = new Float64Array(NUM_LABELS);

/**
 * scores = init[row .. row+9) plus the weights of the listed features. Nine running sums in
 * locals rather than an array: this loop is most of the tagger's time.
 */
function scoreFrom(w: Float32Array, list: Int32Array, count: number, init: Float64Array, row: number): void {
  let s0 = init[row]!, s1 = init[row + 1]!, s2 = init[row + 2]!, s3 = init[row + 3]!, s4 = init[row + 4]!;
  let s5 = init[row + 5]!, s6 = init[row + 6]!, s7 = init[row + 7]!, s8 = init[row + 8]!;
  for (let k = 0; k < count; k++) {
    const b = list[k]! * 9;
    s0 += w[b]!; s1 += w[b + 1]!; s2 += w[b + 2]!; s3 += w[b + 3]!; s4 += w[b + 4]!;
    s5 += w[b + 5]!; s6 += w[b + 6]!; s7 += w[b + 7]!; s8 += w[b + 8]!;
  }
  scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4;
  scores[5] = s5; scores[6] = s6; scores[7] = s7; scores[8] = s8;
}

/** scoreFrom over coded weights: values[codes[...]] is exactly the weight scoreFrom would read. */
function scoreFromCoded(codes: Uint16Array, v: Float64Array, list: Int32Array, count: number, init: Float64Array, row: number): void {
  let s0 = init[row]!, s1 = init[row + 1]!, s2 = init[row + 2]!, s3 = init[row + 3]!, s4 = init[row + 4]!;
  let s5 = init[row + 5]!, s6 = init[row + 6]!, s7 = init[row + 7]!, s8 = init[row + 8]!;
  for (let k = 0; k < count; k++) {
    const b = list[k]! * 9;
    s0 += v[codes[b]!]!; s1 += v[codes[b + 1]!]!; s2 += v[codes[b + 2]!]!; s3 += v[codes[b + 3]!]!; s4 += v[codes[b + 4]!]!;
    s5 += v[codes[b + 5]!]!; s6 += v[codes[b + 6]!]!; s7 += v[codes[b + 7]!]!; s8 += v[codes[b + 8]!]!;
  }
  scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4;
  scores[5] = s5; scores[6] = s6; scores[7] = s7; scores[8] = s8;
}

/** Scores token i and returns the best allowed label. */
export function scoreToken(text: string, tok: Tokens, ctx: DocContext, i: number, prev: number, prev2: number, model: LinearModel, featsOut: Int32Array = feats): { label: number; count: number } {
  const count = extractFeatures(text, tok, ctx, i, prev, prev2, model.mask, featsOut);
  const w = model.weights;
  scoreFrom(w, featsOut, count, ZERO_ROW, 0);
  return { label: bestAllowed(prev), count };
}

const SPELLING_CACHE_LIMIT = 20_000;

// allowed(prev, label) as a table, row prev.
const ALLOWED = new Uint8Array(NUM_LABELS * NUM_LABELS);
for (let p = 0; p < NUM_LABELS; p++) for (let l = 0; l < NUM_LABELS; l++) ALLOWED[p * NUM_LABELS + l] = allowed(p, l) ? 1 : 0;

function bestAllowed(prev: number): number {
  let best = O;
  let bestScore = -Infinity;
  const row = prev * NUM_LABELS;
  for (let l = 0; l < NUM_LABELS; l++) {
    if (scores[l] > bestScore && ALLOWED[row + l] === 1) {
      best = l;
      bestScore = scores[l];
    }
  }
  return best;
}

/**
 * The per-document cache, in typed arrays: for each distinct spelling (by exact hash, `entryOf`)
 * the row of summed weights of its spelling features (`partRow`), and for each (spelling, previous
 * labels, line state) it was seen in the row of those plus its state features (`stateRow`, keyed
 * by entry * STATES + state slot). Rows are nine sums each in one growing array (a typed array per
 * row would cost more to allocate than its sums). Rows 0 and 9 are scratch space for words met once
 * the cache is full.
 */
interface ScoreCache {
  entryOf: HashTable;
  entries: number;
  partRow: Int32Array;
  stateRow: HashTable;
  data: Float64Array;
  used: number;
  sums: ModelSums;
}

const PART_SCRATCH = 0;
const STATE_SCRATCH = 9;
/** Slots per spelling: (prev * 9 + prev2) * 4 + line state. */
const STATES = 9 * 9 * 4;

function newCache(model: LinearModel): ScoreCache {
  return { entryOf: new HashTable(1024), entries: 0, partRow: new Int32Array(1024), stateRow: new HashTable(4096), data: new Float64Array(9 * 4096), used: 18, sums: sumsOf(model) };
}

/**
 * The cache of the last finished run, emptied for the next one. A new cache is some 370 KB of
 * typed arrays (zeroed memory outside the JS heap, whose pressure also triggers collections): over
 * a corpus of short articles, allocating one per article cost more than most of their tagging.
 * Only the tables need emptying; rows are written before they are read.
 */
let spareCache: ScoreCache | undefined;

function takeCache(model: LinearModel): ScoreCache {
  const cache = spareCache;
  if (!cache) return newCache(model);
  spareCache = undefined;
  cache.entryOf.clear();
  cache.stateRow.clear();
  cache.entries = 0;
  cache.used = 18;
  cache.sums = sumsOf(model);
  return cache;
}

function newRow(cache: ScoreCache): number {
  if (cache.used + 9 > cache.data.length) {
    const grown = new Float64Array(cache.data.length * 2);
    grown.set(cache.data);
    cache.data = grown;
  }
  const row = cache.used;
  cache.used += 9;
  return row;
}

/**
 * Adds the weights of the first `count` features in `feats` to the nine sums at into[row]. Kept in
 * locals, as in scoreFrom, rather than read and written back for every feature: the same sums in
 * the same order, with a ninth of the memory traffic.
 */
function addWeights(w: Float32Array, count: number, into: Float64Array, row: number): void {
  let s0 = into[row]!, s1 = into[row + 1]!, s2 = into[row + 2]!, s3 = into[row + 3]!, s4 = into[row + 4]!;
  let s5 = into[row + 5]!, s6 = into[row + 6]!, s7 = into[row + 7]!, s8 = into[row + 8]!;
  for (let k = 0; k < count; k++) {
    const b = feats[k]! * 9;
    s0 += w[b]!; s1 += w[b + 1]!; s2 += w[b + 2]!; s3 += w[b + 3]!; s4 += w[b + 4]!;
    s5 += w[b + 5]!; s6 += w[b + 6]!; s7 += w[b + 7]!; s8 += w[b + 8]!;
  }
  into[row] = s0; into[row + 1] = s1; into[row + 2] = s2; into[row + 3] = s3; into[row + 4] = s4;
  into[row + 5] = s5; into[row + 6] = s6; into[row + 7] = s7; into[row + 8] = s8;
}

/** addWeights over a model's coded form when it has one (a decoded model), else over its weights: the same sums. */
function addModelWeights(model: LinearModel, count: number, into: Float64Array, row: number): void {
  const coded = model.coded;
  if (!coded) {
    addWeights(model.weights, count, into, row);
    return;
  }
  scoreFromCoded(coded.codes, coded.values, feats, count, into, row);
  into.set(scores, row);
}

/** The spelling entry of token i (1-based), adding it while the cache has room; 0 for a word met once it is full. */
function spellingEntry(text: string, tok: Tokens, ctx: DocContext, i: number, model: LinearModel, cache: ScoreCache): number {
  const spelling = tok.exact[i];
  let entry = cache.entryOf.get(spelling);
  if (entry !== 0) return entry;
  // Cache up to a bound: text full of distinct junk words (binary data) must not grow it without limit.
  const keep = cache.entries < SPELLING_CACHE_LIMIT;
  const part = keep ? newRow(cache) : PART_SCRATCH;
  cache.data.fill(0, part, part + 9);
  addModelWeights(model, tokenFeatures(text, tok, ctx, i, model.mask, feats, 0), cache.data, part);
  if (!keep) return 0;
  entry = ++cache.entries;
  if (entry >= cache.partRow.length) {
    const grown = new Int32Array(cache.partRow.length * 2);
    grown.set(cache.partRow);
    cache.partRow = grown;
  }
  cache.partRow[entry] = part;
  cache.entryOf.add(spelling, entry);
  return entry;
}

/**
 * Sums of weights that depend on one small key only, kept per model (by its coded form, or its
 * weights array while training, neither of which changes once a model is decoded or averaged): the four features of a neighbour's cluster
 * by its path code, one table per side, and the two history features by (history type, previous
 * label). A few thousand rows at most, so they stay in the CPU cache while the weights do not.
 */
interface ModelSums {
  clusterLeft: HashTable;
  clusterRight: HashTable;
  /** Rows of nine sums; row 0 unused so that a table value of 0 means absent. */
  data: Float64Array;
  used: number;
  /** history[(h * 9 + prev) * 9 ..] for h in 0..5 (historyType), prev in 0..8. */
  history: Float64Array;
}

const modelSums = new WeakMap<object, ModelSums>();

function sumsOf(model: LinearModel): ModelSums {
  const key = model.coded ?? model.weights;
  let sums = modelSums.get(key);
  if (sums) return sums;
  const history = new Float64Array(6 * NUM_LABELS * NUM_LABELS);
  if (model.features & FS_HISTORY) {
    for (let h = 0; h < 6; h++) {
      for (let prev = 0; prev < NUM_LABELS; prev++) addModelWeights(model, historyFeatures(h, prev, model.mask, feats, 0), history, (h * NUM_LABELS + prev) * NUM_LABELS);
    }
  }
  sums = { clusterLeft: new HashTable(1024), clusterRight: new HashTable(1024), data: new Float64Array(9 * 1024), used: 9, history };
  modelSums.set(key, sums);
  return sums;
}

/** The row (in sums.data) of the summed weights of a neighbour's cluster features. */
function clusterRow(sums: ModelSums, model: LinearModel, side: number, code: number): number {
  const table = side === CLUSTER_LEFT ? sums.clusterLeft : sums.clusterRight;
  let row = table.get(code);
  if (row !== 0) return row;
  if (sums.used + 9 > sums.data.length) {
    const grown = new Float64Array(sums.data.length * 2);
    grown.set(sums.data);
    sums.data = grown;
  }
  row = sums.used;
  sums.used += 9;
  addModelWeights(model, clusterFeatures(side, code, model.mask, feats, 0), sums.data, row);
  table.add(code, row);
  return row;
}

/** The scores a token starts from before its neighbour-word features: its state row plus the cached sums. */
const start = new Float64Array(NUM_LABELS);

/**
 * The same score as scoreToken, with the weights of the features that do not look at the
 * neighbours summed once per distinct (word, previous labels, line state) (keyed by the token's
 * exact hash): names repeat, so most lookups hit and only the neighbour features, scattered over
 * a table too big for the CPU cache, are read per token.
 */
function scoreCached(text: string, tok: Tokens, ctx: DocContext, i: number, prev: number, prev2: number, model: LinearModel, cache: ScoreCache): number {
  const entry = spellingEntry(text, tok, ctx, i, model, cache);
  const state = lineState(tok, ctx, i);
  const slot = (prev * 9 + prev2) * 4 + state;
  let base = entry === 0 ? 0 : cache.stateRow.get(entry * STATES + slot);
  if (base === 0) {
    base = entry === 0 ? STATE_SCRATCH : newRow(cache);
    const part = entry === 0 ? PART_SCRATCH : cache.partRow[entry];
    cache.data.copyWithin(base, part, part + 9);
    addModelWeights(model, stateFeatures(tok, ctx, i, prev, prev2, state, model.mask, feats, 0), cache.data, base);
    if (entry !== 0) cache.stateRow.add(entry * STATES + slot, base);
  }
  // The neighbour features, less the ones whose sums are kept per model (clusters, history). The
  // weights are quantised (multiples of 2^-29, under 2^11), so these float64 sums are exact and
  // adding the kept sums first gives the very scores of scoreToken.
  const data = cache.data;
  for (let l = 0; l < 9; l++) start[l] = data[base + l]!;
  const fs = model.features;
  if (fs & (FS_CLUSTERS | FS_HISTORY)) {
    const sums = cache.sums;
    if (fs & FS_CLUSTERS) {
      const left = clusterRow(sums, model, CLUSTER_LEFT, i > 0 ? clusterAt(ctx, tok, i - 1) : 1);
      const right = clusterRow(sums, model, CLUSTER_RIGHT, i + 1 < tok.count ? clusterAt(ctx, tok, i + 1) : 1);
      const d = sums.data;
      for (let l = 0; l < 9; l++) start[l] += d[left + l]! + d[right + l]!;
    }
    if (fs & FS_HISTORY) {
      const row = (historyType(ctx, tok, i) * NUM_LABELS + prev) * NUM_LABELS;
      const h = sums.history;
      for (let l = 0; l < 9; l++) start[l] += h[row + l]!;
    }
  }
  let count = neighbourWordFeatures(tok, i, prev, model.mask, feats, 0);
  if (fs & FS_GAZETTEER) count = gazetteerFeatures(tok, ctx, i, prev, model.mask, feats, count);
  if (fs & FS_WINDOW) count = windowFeatures(tok, i, model.mask, feats, count);
  if (fs & FS_RUN) count = runFeatures(tok, ctx, i, model.mask, feats, count);
  const coded = model.coded;
  if (coded) scoreFromCoded(coded.codes, coded.values, feats, count, start, 0);
  else scoreFrom(model.weights, feats, count, start, 0);
  return bestAllowed(prev);
}

/** Labels every token (O for the ones not scored). */
export function tagTokens(text: string, tok: Tokens, model: LinearModel): Uint8Array {
  const labels = new Uint8Array(tok.count);
  const run = startTagging(text, tok, model);
  let prev = O;
  let prev2 = O;
  for (let i = 0; i < tok.count; i++) {
    // Names never run across a line break: a new line starts with fresh context.
    if (tok.flags[i] & F_LINE_START) prev = prev2 = O;
    const label = isCandidate(tok, i, prev) ? tagCandidate(run, i, prev, prev2) : O;
    labels[i] = label;
    prev2 = prev;
    prev = label;
  }
  finishTagging(run);
  return labels;
}

/**
 * One document's tagging in progress: its facts (DocContext, with the prediction history so far)
 * and its score cache. tagTokens drives it over every token; the incremental analysis drives it
 * over the blocks it cannot reuse, in the same order, so both give the same labels.
 */
export interface TaggingRun {
  readonly text: string;
  readonly tok: Tokens;
  readonly ctx: DocContext;
  readonly model: LinearModel;
  readonly history: boolean;
  readonly cache: ScoreCache;
}

export function startTagging(text: string, tok: Tokens, model: LinearModel, ctx: DocContext = docContext(tok, model)): TaggingRun {
  return { text, tok, ctx, model, history: (model.features & FS_HISTORY) !== 0, cache: takeCache(model) };
}

/**
 * Ends a run: its score cache goes to the next run. The run must not be used after this. A run that
 * is never finished keeps its cache, and the next run makes a new one.
 */
export function finishTagging(run: TaggingRun): void {
  spareCache = run.cache;
}

/** Scores candidate token i (isCandidate is the caller's test) and records its label in the history. */
export function tagCandidate(run: TaggingRun, i: number, prev: number, prev2: number): number {
  const label = scoreCached(run.text, run.tok, run.ctx, i, prev, prev2, run.model, run.cache);
  if (run.history) recordLabel(run.ctx, run.tok, i, label);
  return label;
}

export interface TokenSpan {
  /** First token index. */
  first: number;
  /** Last token index, inclusive. */
  last: number;
  /** 1 PER, 2 ORG, 3 LOC, 4 MISC. */
  type: number;
}

/** Groups BIO labels into spans (an I- without its B- starts a span of its own). */
export function labelsToSpans(labels: Uint8Array): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l === O) {
      open = null;
      continue;
    }
    const type = (l + 1) >> 1;
    if ((l & 1) === 0 && open && open.type === type && open.last === i - 1) {
      open.last = i;
    } else {
      open = { first: i, last: i, type };
      spans.push(open);
    }
  }
  return spans;
}
