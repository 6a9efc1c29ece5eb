// Greedy left-to-right BIO tagging with a linear model over hashed features.
// Only candidate tokens (capitalised words, and connectors inside a running name) are scored,
// which keeps the cost proportional to the number of capitalised words.
import * as T from '../text/tokenize';
import type { Tokens } from '../text/tokenize';
import * as F from './features';
import type { DocContext } from './features';

// Local copies of imported bindings (module interop may make each imported name a getter).
const { MAX_FEATURES, NUM_LABELS, O, docContext, extractFeatures, isCandidate, tokenFeatures, contextFeatures } = F;
const F_LINE_START = T.F_LINE_START;
const exactHash = T.exactHash;

if (NUM_LABELS !== 9) throw new Error('the scoring loop is unrolled for nine labels');

export interface LinearModel {
  /** Bucket mask (buckets - 1). */
  mask: number;
  /** weights[bucket * NUM_LABELS + label]. */
  weights: Float32Array;
}

/** I-X may only continue B-X or I-X. */
export function allowed(prev: number, label: number): boolean {
  if (label === O || (label & 1) === 1) return true;
  return prev !== O && (prev + 1) >> 1 === label >> 1;
}

const feats = new Int32Array(MAX_FEATURES);
const scores = new Float64Array(NUM_LABELS);

/** Scores token i and returns the best allowed label. */
export function scoreToken(text: string, tok: Tokens, ctx: DocContext, i: number, prev: number, prev2: number, model: LinearModel, featsOut: Int32Array = feats): { label: number; count: number } {
  const count = extractFeatures(text, tok, ctx, i, prev, prev2, model.mask, featsOut);
  const w = model.weights;
  // Nine running sums in locals rather than an array: this loop is most of the tagger's time.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
  for (let k = 0; k < count; k++) {
    const b = featsOut[k] * 9;
    s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4];
    s5 += w[b + 5]; s6 += w[b + 6]; s7 += w[b + 7]; s8 += w[b + 8];
  }
  scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4;
  scores[5] = s5; scores[6] = s6; scores[7] = s7; scores[8] = s8;
  return { label: bestAllowed(prev), count };
}

const SPELLING_CACHE_LIMIT = 20_000;
const scratch = new Float64Array(9);

function bestAllowed(prev: number): number {
  let best = O;
  let bestScore = -Infinity;
  for (let l = 0; l < NUM_LABELS; l++) {
    if (scores[l] > bestScore && allowed(prev, l)) {
      best = l;
      bestScore = scores[l];
    }
  }
  return best;
}

/**
 * The same score as scoreToken, with the spelling features' weights summed once per distinct
 * word (`spelled`, keyed by the token's exact hash): names repeat, so most lookups hit.
 */
function scoreCached(text: string, tok: Tokens, ctx: DocContext, i: number, prev: number, prev2: number, model: LinearModel, spelled: Map<number, Float64Array>): number {
  const w = model.weights;
  const spelling = exactHash(text, tok.start[i], tok.end[i]);
  let part = spelled.get(spelling);
  if (!part) {
    const count = tokenFeatures(text, tok, i, model.mask, feats, 0);
    // Cache up to a bound: text full of distinct junk words (binary data) must not grow it without limit.
    const cache = spelled.size < SPELLING_CACHE_LIMIT;
    part = cache ? new Float64Array(NUM_LABELS) : scratch.fill(0);
    for (let k = 0; k < count; k++) {
      const b = feats[k] * 9;
      for (let l = 0; l < 9; l++) part[l] += w[b + l];
    }
    if (cache) spelled.set(spelling, part);
  }
  const count = contextFeatures(tok, ctx, i, prev, prev2, model.mask, feats, 0);
  let s0 = part[0], s1 = part[1], s2 = part[2], s3 = part[3], s4 = part[4], s5 = part[5], s6 = part[6], s7 = part[7], s8 = part[8];
  for (let k = 0; k < count; k++) {
    const b = feats[k] * 9;
    s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4];
    s5 += w[b + 5]; s6 += w[b + 6]; s7 += w[b + 7]; s8 += w[b + 8];
  }
  scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4;
  scores[5] = s5; scores[6] = s6; scores[7] = s7; scores[8] = s8;
  return bestAllowed(prev);
}

/** Labels every token (O for the ones not scored). */
export function tagTokens(text: string, tok: Tokens, model: LinearModel): Uint8Array {
  const labels = new Uint8Array(tok.count);
  const ctx = docContext(tok);
  const spelled = new Map<number, Float64Array>();
  let prev = O;
  let prev2 = O;
  for (let i = 0; i < tok.count; i++) {
    // Names never run across a line break: a new line starts with fresh context.
    if (tok.flags[i] & F_LINE_START) prev = prev2 = O;
    let label = O;
    if (isCandidate(tok, i, prev)) label = scoreCached(text, tok, ctx, i, prev, prev2, model, spelled);
    labels[i] = label;
    prev2 = prev;
    prev = label;
  }
  return labels;
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
