// Feature extraction for the entity tagger, shared by training (scripts/train-ner.ts) and
// run time so both see exactly the same features. Features are hashed integers (no strings):
// template id mixed with token hashes, masked into a fixed number of buckets.
import * as T from '../text/tokenize';
import type { Tokens } from '../text/tokenize';
import * as G from './gazetteer';
import { HashTable, hashSetOf } from '../text/hashTable';

// Local copies of imported bindings: module interop can turn each imported name into a property
// getter, which costs more than the feature arithmetic in the hot loop.
const { F_ALLCAPS, F_CAP, F_DIGIT, F_DOT, F_HYPHEN, F_LINE_START, F_NONASCII, F_POSSESSIVE, PUNCT, WORD, hashString, prefixHash, suffixHash } = T;
const gazetteerClass = G.gazetteerClass;

/** BIO labels over CoNLL's four classes; MISC is narrowed to nationalities (NORP) afterwards. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const NUM_LABELS = LABELS.length;
export const O = 0;

/** Maximum number of features one token produces. */
export const MAX_FEATURES = 48;

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

// Lower-case words that may sit inside a name: "Bank of England", "Charles de Gaulle", "AT&T".
const CONNECTORS = hashSetOf(['of', 'de', 'du', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'al', 'bin', 'ibn', 'and', 'the', 'for', 'on', '&', 'y', 'e'].map(hashString));

const SENTENCE_END = hashSetOf(['.', '!', '?', ':', ';', '"', '“', '”', '‘', '(', '-', '—', '–'].map(hashString));

/** Per-document facts computed once: which words also occur in lower case, which lines are all capitals. */
export interface DocContext {
  lowerSeen: HashTable;
  capsLine: Uint8Array;
}

export function docContext(tok: Tokens): DocContext {
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
  return { lowerSeen, capsLine };
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
  return contextFeatures(tok, ctx, i, prev, prev2, mask, out, tokenFeatures(text, tok, i, mask, out, 0));
}

/**
 * Features of the token's own spelling (word, shape, affixes, gazetteer): the same wherever the
 * word occurs, so the tagger can sum their weights once per distinct word. Writes from out[k]. The
 * characters come from tok.codes; the text parameter stays for the callers that pass it.
 */
export function tokenFeatures(_text: string, tok: Tokens, i: number, mask: number, out: Int32Array, k: number): number {
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
  return k;
}

/** Features of the token in its place: neighbours, previous labels, line and sentence position. Writes from out[k]. */
export function contextFeatures(tok: Tokens, ctx: DocContext, i: number, prev: number, prev2: number, mask: number, out: Int32Array, k: number): number {
  k = stateFeatures(tok, ctx, i, prev, prev2, lineState(tok, ctx, i), mask, out, k);
  return neighbourFeatures(tok, i, prev, mask, out, k);
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
export function neighbourFeatures(tok: Tokens, i: number, prev: number, mask: number, out: Int32Array, k: number): number {
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
