// Feature extraction for the entity tagger, shared by training (scripts/train-ner.ts) and
// run time so both see exactly the same features. Features are hashed integers (no strings):
// template id mixed with token hashes, masked into a fixed number of buckets.
import * as T from '../text/tokenize';
import type { Tokens } from '../text/tokenize';
import * as G from './gazetteer';
import { HashTable, hashSetOf } from '../text/hashTable';
import { clusterPrefix } from './wordClusters';
import { matchLists } from './gazetteerMatch';

// Local copies of imported bindings: module interop can turn each imported name into a property
// getter, which costs more than the feature arithmetic in the hot loop.
const { F_ALLCAPS, F_CAP, F_DIGIT, F_DOT, F_HYPHEN, F_LINE_START, F_NONASCII, F_POSSESSIVE, PUNCT, WORD, hashString, prefixHash, suffixHash } = T;
const gazetteerClass = G.gazetteerClass;

/** BIO labels over CoNLL's four classes; MISC is narrowed to nationalities (NORP) afterwards. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const NUM_LABELS = LABELS.length;
export const O = 0;

/** Maximum number of features one token produces. */
export const MAX_FEATURES = 80;

/** Feature groups beyond the word-shape ones; a model records the groups it was trained with. */
export const FS_CLUSTERS = 1;
export const FS_GAZETTEER = 2;
export const FS_HISTORY = 4;
export const FS_WINDOW = 8;
export const FS_RUN = 16;

/** The feature groups a model uses and the tables they read (from the model assets). */
export interface FeatureResources {
  features: number;
  clusters: HashTable | null;
  gazetteer: HashTable | null;
}

export const NO_RESOURCES: FeatureResources = { features: 0, clusters: null, gazetteer: null };

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

// Lower-case words that may sit inside a name: "Bank of England", "Charles de Gaulle", "AT&T".
const CONNECTORS = hashSetOf(['of', 'de', 'du', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'al', 'bin', 'ibn', 'and', 'the', 'for', 'on', '&', 'y', 'e'].map(hashString));

const SENTENCE_END = hashSetOf(['.', '!', '?', ':', ';', '"', '“', '”', '‘', '(', '-', '—', '–'].map(hashString));

/**
 * Per-document facts computed once: which words also occur in lower case, which lines are all
 * capitals, each token's word cluster and name-list match, and the labels given so far to each
 * spelling (the prediction history, filled in as the tagger goes).
 */
export interface DocContext {
  lowerSeen: HashTable;
  capsLine: Uint8Array;
  features: number;
  /**
   * Path code of each token's cluster (0: unknown or not a word), when the model uses clusters;
   * -1 until clusterAt looks it up: only candidates and their neighbours are ever asked for.
   */
  cluster: Int32Array;
  clusterTable: HashTable | null;
  /** List match code of each token (lists * 8 + BILOU), when the model uses name lists. */
  gaz: Uint16Array;
  /** Spelling → 1 + its slot in historyCounts. */
  historyIndex: HashTable;
  /** Per slot, counts of the labels O, PER, ORG, LOC, MISC given so far. */
  historyCounts: Uint16Array;
  historySlots: number;
}

const EMPTY_I32 = new Int32Array(0);
const EMPTY_U16 = new Uint16Array(0);

export function docContext(tok: Tokens, res: FeatureResources = NO_RESOURCES): DocContext {
  // Sized for the distinct words, not the tokens: a table that stays in the CPU cache.
  const lowerSeen = new HashTable(1024);
  const capsLine = new Uint8Array(tok.count);
  let lineFirst = 0;
  let words = 0;
  let caps = 0;
  const closeLine = (to: number): void => {
    const allCaps = words >= 2 && caps === words ? 1 : 0;
    if (allCaps) for (let j = lineFirst; j < to; j++) capsLine[j] = 1;
  };
  for (let i = 0; i < tok.count; i++) {
    const f = tok.flags[i];
    if (f & F_LINE_START) {
      closeLine(i);
      lineFirst = i;
      words = 0;
      caps = 0;
    }
    if (tok.kind[i] === WORD) {
      words++;
      if (f & F_ALLCAPS || (tok.end[i] - tok.start[i] === 1 && f & F_CAP)) caps++;
      else if (!(f & F_CAP)) lowerSeen.add(tok.lower[i]);
    }
  }
  closeLine(tok.count);
  let cluster = EMPTY_I32;
  const clusterTable = res.features & FS_CLUSTERS ? res.clusters : null;
  if (clusterTable) cluster = new Int32Array(tok.count).fill(-1);
  let gaz = EMPTY_U16;
  if (res.features & FS_GAZETTEER && res.gazetteer) {
    gaz = new Uint16Array(tok.count);
    matchLists(tok, res.gazetteer, gaz);
  }
  const history = res.features & FS_HISTORY;
  return {
    lowerSeen, capsLine, features: res.features, cluster, clusterTable, gaz,
    historyIndex: new HashTable(history ? 256 : 1), historyCounts: new Uint16Array(history ? 5 * 256 : 0), historySlots: 0,
  };
}

/** The cluster path code of token i (0: unknown, or not a word), looked up on first use. */
export function clusterAt(ctx: DocContext, tok: Tokens, i: number): number {
  let c = ctx.cluster[i]!;
  if (c < 0) {
    const table = ctx.clusterTable!;
    c = 0;
    if (tok.kind[i] === WORD) {
      c = table.get(tok.exact[i]!);
      if (c === 0) c = table.get(tok.lower[i]!);
    }
    ctx.cluster[i] = c;
  }
  return c;
}

/** Records that token i was given `label` (the prediction history; only models that use it). */
export function recordLabel(ctx: DocContext, tok: Tokens, i: number, label: number): void {
  const h = tok.exact[i]!;
  let slot = ctx.historyIndex.get(h) - 1;
  if (slot < 0) {
    slot = ctx.historySlots++;
    ctx.historyIndex.add(h, slot + 1);
    if (5 * ctx.historySlots > ctx.historyCounts.length) {
      const grown = new Uint16Array(ctx.historyCounts.length * 2);
      grown.set(ctx.historyCounts);
      ctx.historyCounts = grown;
    }
  }
  const at = 5 * slot + ((label + 1) >> 1);
  if (ctx.historyCounts[at]! < 0xffff) ctx.historyCounts[at]!++;
}

/** The label type (0 O, 1-4) given most often so far to token i's spelling; 5 if never labelled. */
export function historyType(ctx: DocContext, tok: Tokens, i: number): number {
  const slot = ctx.historyIndex.get(tok.exact[i]!) - 1;
  if (slot < 0) return 5;
  const c = ctx.historyCounts;
  let best = 0;
  for (let t = 1; t < 5; t++) if (c[5 * slot + t]! > c[5 * slot + best]!) best = t;
  return best;
}

// Capitalised function words (mostly sentence-initial: "The", "But", "He") are never names on
// their own; skipping them saves a fifth of the scoring work on news text.
const FUNCTION_WORDS = hashSetOf(
  ('the a an and but or nor so yet for if when while as at by in on of to from with without into onto over under after before since until ' +
    'during about against between through among within he she it they we i you his her its their our my your him them us me this that these those ' +
    'there here what which who whom whose where why how all any both each every some many much most more few no not also then than thus still ' +
    'however meanwhile although though because despite instead even just only once now later earlier today yesterday tomorrow ' +
    'is are was were be been being has have had do does did will would can could should may might must shall ' +
    'according said says one two three several other another such while whether unlike like read').split(' ').map(hashString),
);

/** Whether the tagger looks at token i at all; everything else is O without scoring. */
export function isCandidate(tok: Tokens, i: number, prevLabel: number): boolean {
  if (tok.kind[i] !== WORD) return false;
  const f = tok.flags[i];
  if (f & F_ALLCAPS) return true;
  if (f & F_CAP) return prevLabel !== O || !FUNCTION_WORDS.has(tok.lower[i]);
  return prevLabel !== O && i + 1 < tok.count && (tok.flags[i + 1] & F_CAP) !== 0 && CONNECTORS.has(tok.lower[i]);
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');

/**
 * Writes the feature bucket indexes for token i into `out` and returns how many.
 * `prev`/`prev2` are the labels chosen for the two tokens before.
 */
export function extractFeatures(text: string, tok: Tokens, ctx: DocContext, i: number, prev: number, prev2: number, mask: number, out: Int32Array): number {
  return contextFeatures(tok, ctx, i, prev, prev2, mask, out, tokenFeatures(text, tok, ctx, i, mask, out, 0));
}

/**
 * Features of the token's own spelling (word, shape, affixes, gazetteer): the same wherever the
 * word occurs, so the tagger can sum their weights once per distinct word. Writes from out[k]. The
 * characters come from tok.codes; the text parameter stays for the callers that pass it.
 */
export function tokenFeatures(_text: string, tok: Tokens, ctx: DocContext, i: number, mask: number, out: Int32Array, k: number): number {
  const w = tok.lower[i];
  const s = tok.start[i];
  const e = tok.end[i];
  out[k++] = mix(1, 0) & mask;
  out[k++] = mix(2, w) & mask;
  out[k++] = mix(3, tok.exact[i]) & mask;
  out[k++] = mix(4, tok.shape[i]) & mask;
  out[k++] = mix(5, suffixHash(tok.codes, s, e, 2)) & mask;
  out[k++] = mix(6, suffixHash(tok.codes, s, e, 3)) & mask;
  out[k++] = mix(7, suffixHash(tok.codes, s, e, 4)) & mask;
  out[k++] = mix(8, prefixHash(tok.codes, s, e, 3)) & mask;
  out[k++] = mix(24, tok.flags[i] & (F_CAP | F_ALLCAPS | F_DIGIT | F_DOT | F_HYPHEN | F_NONASCII)) & mask;
  out[k++] = mix(29, Math.min(e - s, 12)) & mask;
  out[k++] = mix(32, gazetteerClass(w)) & mask;
  // The word's cluster depends only on its spelling, so these stay in the per-spelling sum.
  if (ctx.features & FS_CLUSTERS) {
    const c = clusterAt(ctx, tok, i);
    out[k++] = mix(60, clusterPrefix(c, 4)) & mask;
    out[k++] = mix(61, clusterPrefix(c, 6)) & mask;
    out[k++] = mix(62, clusterPrefix(c, 10)) & mask;
    out[k++] = mix(63, c) & mask;
  }
  return k;
}

/** Features of the token in its place: neighbours, previous labels, line and sentence position. Writes from out[k]. */
export function contextFeatures(tok: Tokens, ctx: DocContext, i: number, prev: number, prev2: number, mask: number, out: Int32Array, k: number): number {
  k = stateFeatures(tok, ctx, i, prev, prev2, lineState(tok, ctx, i), mask, out, k);
  return neighbourFeatures(tok, ctx, i, prev, mask, out, k);
}

/** Whether token i starts a sentence (bit 1) and sits on an all-capitals line (bit 2). */
export function lineState(tok: Tokens, ctx: DocContext, i: number): number {
  const sentenceStart = (tok.flags[i] & F_LINE_START) !== 0 || i === 0 || (tok.kind[i - 1] === PUNCT && SENTENCE_END.has(tok.lower[i - 1]));
  return (sentenceStart ? 1 : 0) + 2 * ctx.capsLine[i];
}

/**
 * Context features that depend only on the word itself, the two previous labels and `state`
 * (from lineState): the same for every occurrence of a word in the same state, so the tagger
 * can sum their weights once per (word, labels, state). Writes from out[k].
 */
export function stateFeatures(tok: Tokens, ctx: DocContext, i: number, prev: number, prev2: number, state: number, mask: number, out: Int32Array, k: number): number {
  const w = tok.lower[i];
  const sh = tok.shape[i];
  const sentenceStart = state & 1;
  const capsLine = state >> 1;
  const position = state + 4 * (ctx.lowerSeen.has(w) ? 1 : 0);
  out[k++] = mix(15, prev) & mask;
  out[k++] = mix(16, prev * 16 + prev2) & mask;
  out[k++] = mix(mix(17, prev), w) & mask;
  out[k++] = mix(mix(18, prev), sh) & mask;
  out[k++] = mix(22, position) & mask;
  out[k++] = mix(mix(23, position), sh) & mask;
  out[k++] = mix(mix(26, capsLine), w) & mask;
  out[k++] = mix(mix(28, sentenceStart), w) & mask;
  out[k++] = mix(mix(34, gazetteerClass(w)), prev) & mask;
  return k;
}

/** Context features that look at the neighbouring words. Writes from out[k]. */
export function neighbourFeatures(tok: Tokens, ctx: DocContext, i: number, prev: number, mask: number, out: Int32Array, k: number): number {
  k = neighbourWordFeatures(tok, i, prev, mask, out, k);
  const fs = ctx.features;
  const n = tok.count;
  if (fs & FS_CLUSTERS) {
    k = clusterFeatures(CLUSTER_LEFT, i > 0 ? clusterAt(ctx, tok, i - 1) : 1, mask, out, k);
    k = clusterFeatures(CLUSTER_RIGHT, i + 1 < n ? clusterAt(ctx, tok, i + 1) : 1, mask, out, k);
  }
  if (fs & FS_GAZETTEER) k = gazetteerFeatures(tok, ctx, i, prev, mask, out, k);
  if (fs & FS_HISTORY) k = historyFeatures(historyType(ctx, tok, i), prev, mask, out, k);
  if (fs & FS_WINDOW) k = windowFeatures(tok, i, mask, out, k);
  if (fs & FS_RUN) k = runFeatures(tok, ctx, i, mask, out, k);
  return k;
}

/** The neighbour features of the word-shape model: words, shapes and capitals around token i. Writes from out[k]. */
export function neighbourWordFeatures(tok: Tokens, i: number, prev: number, mask: number, out: Int32Array, k: number): number {
  const { lower, shape, flags } = tok;
  const n = tok.count;
  const w = lower[i];
  const wm1 = i > 0 ? lower[i - 1] : BOS;
  const wm2 = i > 1 ? lower[i - 2] : BOS;
  const wp1 = i + 1 < n ? lower[i + 1] : EOS;
  const wp2 = i + 2 < n ? lower[i + 2] : EOS;
  const sh = shape[i];
  out[k++] = mix(9, wm1) & mask;
  out[k++] = mix(10, wp1) & mask;
  out[k++] = mix(11, wm2) & mask;
  out[k++] = mix(12, wp2) & mask;
  out[k++] = mix(13, i > 0 ? shape[i - 1] : BOS) & mask;
  out[k++] = mix(14, i + 1 < n ? shape[i + 1] : EOS) & mask;
  out[k++] = mix(mix(19, wm1), w) & mask;
  out[k++] = mix(mix(20, w), wp1) & mask;
  out[k++] = mix(mix(21, prev), wm1) & mask;
  out[k++] = mix(25, (i + 1 < n ? flags[i + 1] & (F_POSSESSIVE | F_CAP | F_ALLCAPS) : 512) | (i > 0 ? (flags[i - 1] & (F_CAP | F_ALLCAPS)) << 4 : 1024)) & mask;
  out[k++] = mix(mix(27, wm1), wp1) & mask;
  out[k++] = mix(mix(30, i > 0 ? shape[i - 1] : BOS), sh) & mask;
  out[k++] = mix(mix(31, sh), i + 1 < n ? shape[i + 1] : EOS) & mask;
  const gz = gazetteerClass(w);
  const gzm1 = i > 0 ? gazetteerClass(wm1) : 3;
  const gzp1 = i + 1 < n ? gazetteerClass(wp1) : 3;
  out[k++] = mix(33, gz * 16 + gzm1 * 4 + gzp1) & mask;
  return k;
}

/**
 * The five-token window around token i as patterns (Ratinov & Roth's ±2 window): the shapes of the
 * three middle tokens together, the capitalisation of all five ("KANSAS CITY AT DETROIT" against
 * "Bank of England"), the shapes two away, and the word pairs on either side ("said on", "of the").
 * Writes from out[k].
 */
export function windowFeatures(tok: Tokens, i: number, mask: number, out: Int32Array, k: number): number {
  const { lower, shape, flags } = tok;
  const n = tok.count;
  out[k++] = mix(mix(mix(88, i > 0 ? shape[i - 1] : BOS), shape[i]), i + 1 < n ? shape[i + 1] : EOS) & mask;
  let caps = 0;
  for (let j = i - 2; j <= i + 2; j++) caps = caps * 4 + (j < 0 || j >= n ? 3 : flags[j] & F_ALLCAPS ? 2 : flags[j] & F_CAP ? 1 : 0);
  out[k++] = mix(89, caps) & mask;
  out[k++] = mix(mix(93, i > 1 ? shape[i - 2] : BOS), i + 2 < n ? shape[i + 2] : EOS) & mask;
  out[k++] = mix(mix(94, i + 1 < n ? lower[i + 1] : EOS), i + 2 < n ? lower[i + 2] : EOS) & mask;
  out[k++] = mix(mix(95, i > 1 ? lower[i - 2] : BOS), i > 0 ? lower[i - 1] : BOS) & mask;
  return k;
}

/** The furthest a name run is followed from a token either way (names are rarely longer). */
const RUN_REACH = 6;

/**
 * Whether token j continues a run of capitalised words: a capitalised word other than a function
 * word ("The", "In" open sentences, not names), or a connector before a capitalised word on the same line.
 */
function inRun(tok: Tokens, j: number): boolean {
  if (tok.kind[j] !== WORD) return false;
  const f = tok.flags[j];
  if (f & (F_CAP | F_ALLCAPS)) return !FUNCTION_WORDS.has(tok.lower[j]);
  return j + 1 < tok.count && (tok.flags[j + 1] & (F_CAP | F_LINE_START)) === F_CAP && CONNECTORS.has(tok.lower[j]);
}

/**
 * The words that open and close the run of capitalised words token i sits in ("Korean Central
 * News Agency", "Bank of England"), and the closing word's cluster: the head of a name ("Agency",
 * "Party", "Ministry", "University", "River") says its type for every word before it, and the
 * cluster carries that to heads the training news never saw. Runs stay on one line. Writes from out[k].
 */
export function runFeatures(tok: Tokens, ctx: DocContext, i: number, mask: number, out: Int32Array, k: number): number {
  const n = tok.count;
  const lower = tok.lower;
  const flags = tok.flags;
  let last = i;
  for (let j = i + 1; j < n && j <= i + RUN_REACH && !(flags[j] & F_LINE_START) && inRun(tok, j); j++) if (flags[j] & (F_CAP | F_ALLCAPS)) last = j;
  let first = i;
  for (let j = i; j > 0 && j > i - RUN_REACH && !(flags[j] & F_LINE_START) && inRun(tok, j - 1); j--) if (flags[j - 1] & (F_CAP | F_ALLCAPS)) first = j - 1;
  if (last > i) {
    out[k++] = mix(96, lower[last]) & mask;
    if (ctx.features & FS_CLUSTERS) out[k++] = mix(97, clusterPrefix(clusterAt(ctx, tok, last), 10)) & mask;
  }
  if (first < i) out[k++] = mix(98, lower[first]) & mask;
  out[k++] = mix(99, Math.min(i - first, 3) * 4 + Math.min(last - i, 3)) & mask;
  return k;
}

/** Which neighbour a cluster feature describes: the template ids of its four prefixes start here. */
export const CLUSTER_LEFT = 64;
export const CLUSTER_RIGHT = 68;

/**
 * The four features of a neighbour's cluster (path code `c`; 1 past either end of the text):
 * they depend on nothing else, so the tagger can sum their weights once per code.
 */
export function clusterFeatures(side: number, c: number, mask: number, out: Int32Array, k: number): number {
  out[k++] = mix(side, clusterPrefix(c, 4)) & mask;
  out[k++] = mix(side + 1, clusterPrefix(c, 6)) & mask;
  out[k++] = mix(side + 2, clusterPrefix(c, 10)) & mask;
  out[k++] = mix(side + 3, c) & mask;
  return k;
}

/** Name-list match features of token i and its neighbours. Writes from out[k]. */
export function gazetteerFeatures(tok: Tokens, ctx: DocContext, i: number, prev: number, mask: number, out: Int32Array, k: number): number {
  const n = tok.count;
  const g = ctx.gaz[i]!;
  out[k++] = mix(72, g) & mask;
  out[k++] = mix(73, i > 0 ? ctx.gaz[i - 1]! : 0xffff) & mask;
  out[k++] = mix(74, i + 1 < n ? ctx.gaz[i + 1]! : 0xffff) & mask;
  out[k++] = mix(mix(75, g), prev) & mask;
  // One feature per list the match is in, with the position: lists combine freely.
  const pos = g & 7;
  for (let lists = g >> 3, bit = 0; lists !== 0; lists >>= 1, bit++) if (lists & 1) out[k++] = mix(76, bit * 8 + pos) & mask;
  return k;
}

/** Prediction-history features: `h` from historyType, `prev` the previous label. Writes from out[k]. */
export function historyFeatures(h: number, prev: number, mask: number, out: Int32Array, k: number): number {
  out[k++] = mix(77, h) & mask;
  out[k++] = mix(mix(78, h), prev) & mask;
  return k;
}
