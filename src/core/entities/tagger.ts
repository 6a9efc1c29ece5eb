// Greedy left-to-right BIO tagging with a linear model over hashed features.
// Only candidate tokens (capitalised words, and connectors inside a running name) are scored,
// which keeps the cost proportional to the number of capitalised words.
import { F_LINE_START, type Tokens } from '../text/tokenize';
import { MAX_FEATURES, NUM_LABELS, O, docContext, extractFeatures, isCandidate, type DocContext } from './features';

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
const scores = new Float32Array(NUM_LABELS);

/** Scores token i into `scores` and returns the best allowed label. */
export function scoreToken(text: string, tok: Tokens, ctx: DocContext, i: number, prev: number, prev2: number, model: LinearModel, featsOut: Int32Array = feats): { label: number; count: number } {
  const count = extractFeatures(text, tok, ctx, i, prev, prev2, model.mask, featsOut);
  const w = model.weights;
  scores.fill(0);
  for (let k = 0; k < count; k++) {
    const base = featsOut[k] * NUM_LABELS;
    for (let l = 0; l < NUM_LABELS; l++) scores[l] += w[base + l];
  }
  let best = O;
  let bestScore = -Infinity;
  for (let l = 0; l < NUM_LABELS; l++) {
    if (scores[l] > bestScore && allowed(prev, l)) {
      best = l;
      bestScore = scores[l];
    }
  }
  return { label: best, count };
}

/** Labels every token (O for the ones not scored). */
export function tagTokens(text: string, tok: Tokens, model: LinearModel): Uint8Array {
  const labels = new Uint8Array(tok.count);
  const ctx = docContext(text, tok);
  let prev = O;
  let prev2 = O;
  for (let i = 0; i < tok.count; i++) {
    // Names never run across a line break: a new line starts with fresh context.
    if (tok.flags[i] & F_LINE_START) prev = prev2 = O;
    let label = O;
    if (isCandidate(tok, i, prev)) label = scoreToken(text, tok, ctx, i, prev, prev2, model).label;
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
