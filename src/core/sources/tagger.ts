// A token tagger for the sources of attributions written without a verb of saying: the one who wants,
// denies, endorses, shows, refuses ("Trump wants …", "a poll released Monday shows …", "Clinton
// endorsed …"). News attributes stance and intent through hundreds of verbs and nouns; a list
// would never end, so a linear model tags each token of a body sentence O (outside), B (first word
// of a source) or I (inside one), left to right, from the word, its shape, its Brown cluster, the
// words and clusters around it (what follows a subject says most) and the tag before it.
// The weights are learned from annotated news (scripts/train-source-tagger.ts) and hashed into a
// fixed number of buckets, so the model is small and a lookup allocates nothing.
import type { Span } from '../types';
import type { HashTable } from '../text/hashTable';
import { clusterPrefix } from '../entities/wordClusters';
import { exactHash, hashString } from '../text/tokenize';
import { T_PUNCT, T_QUOTE, T_WORD, type Tok } from '../attribution/tokens';
import { CUE_WORDS } from '../attribution/words';
import { verbSubjects } from './verbs';

export const TAG_O = 0;
export const TAG_B = 1;
export const TAG_I = 2;
export const TAGS = 3;

export interface SourceTaggerModel {
  /** log2 of the number of buckets. */
  bits: number;
  /**
   * TAGS weights per bucket, times `scale`: the shipped model keeps one signed byte each, a quarter
   * of the memory a decoded float would take, so the lookups of a long article stay in cache.
   */
  weights: Float32Array | Int8Array;
  scale: number;
  /** Added to the O score when decoding: chosen with the weights, for precision of at least 0.8. */
  margin: number;
}

/** Words, clusters and shapes of one window, computed once for every feature that reads them. */
export interface WindowFeatures {
  /** Feature bucket ids per token, `perToken` of them, tag-independent. */
  ids: Int32Array;
  perToken: number;
  /** Hashes of each token's word, shape and 6-bit cluster, for the tag-dependent features. */
  word: Int32Array;
  shape: Int32Array;
  cluster: Int32Array;
  /** Each verb with the subject the rules find before it (verbSubjects), in verb order. */
  subjects: { verb: number; subject: Span }[];
}

// Feature templates: each is mixed into the hash of its value so two templates never share a key.
const enum F {
  Bias = 1, Word, Shape, C4, C6, C10, Prev1, Prev2, Next1, Next2, Next3, NextC6, Next2C6, NextC10, PrevC6,
  CueAhead, Suffix, NextSuffix, ShapeTri, First, Bigram, NextBigram, PrevShape, NextShape,
  TagBias, TagShape, TagWord, TagC6,
  SubjVerb, SubjVerbC10, SubjVerbNext, SubjPlace, SubjVerbSuffix, AfterCue, Rule, RuleWord,
}
const PER_TOKEN = 31;

const SH_LOWER = 1;
const SH_CAP = 2;
const SH_UPPER = 3;
const SH_DIGIT = 4;
const SH_PUNCT = 5;
const SH_QUOTE = 6;
const SH_NONE = 7;

function mix(template: number, value: number): number {
  return Math.imul(Math.imul(value ^ Math.imul(template, 0x9e3779b1), 0x85ebca6b) ^ (template << 16), 0xc2b2ae35);
}

function shapeOf(text: string, t: Tok | undefined): number {
  if (!t) return SH_NONE;
  if (t.kind === T_QUOTE) return SH_QUOTE;
  if (t.kind === T_PUNCT) return SH_PUNCT;
  const c = t.lower.charCodeAt(0);
  if (c >= 48 && c <= 57) return SH_DIGIT;
  if (!t.cap) return SH_LOWER;
  return t.end - t.start > 1 && text.slice(t.start, t.end) === text.slice(t.start, t.end).toUpperCase() ? SH_UPPER : SH_CAP;
}

function suffixOf(t: Tok | undefined): number {
  if (!t || t.kind !== T_WORD) return 0;
  const w = t.lower;
  return hashString(w.length > 3 ? w.slice(-3) : w);
}

/**
 * The tag-independent features of every token of a window (quotes folded into single tokens).
 * `clusters` is the word → cluster path table of the entity tagger, or null.
 */
export function windowFeatures(text: string, toks: readonly Tok[], clusters: HashTable | null, bits: number, ruleSpeakers: readonly Span[] = []): WindowFeatures {
  const n = toks.length;
  const word = new Int32Array(n);
  const shape = new Int32Array(n);
  const code = new Int32Array(n);
  const suffix = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const t = toks[k]!;
    suffix[k] = suffixOf(t);
    word[k] = t.kind === T_QUOTE ? -1 : hashString(t.lower);
    shape[k] = shapeOf(text, t);
    if (clusters && t.kind === T_WORD) {
      let c = clusters.get(exactHash(text, t.start, t.end));
      if (c === 0) c = clusters.get(word[k]!);
      code[k] = c;
    }
  }
  const c6 = (k: number): number => (k >= 0 && k < n ? clusterPrefix(code[k]!, 6) : -2);
  const w = (k: number): number => (k >= 0 && k < n ? word[k]! : -2);
  const sh = (k: number): number => (k >= 0 && k < n ? shape[k]! : SH_NONE);
  // The verb each token is the subject of, as the subject rules find it ("FEC records from the 2008
  // cycle show", "Clinton, in an interview, endorsed"): what follows a subject says most, however long.
  const verbOf = new Int32Array(n).fill(-1);
  const place = new Uint8Array(n);
  const subjects = verbSubjects(toks as Tok[]);
  for (const c of subjects) {
    // The subject lies before its verb: read back from the verb to the subject's start.
    for (let k = c.verb - 1; k >= 0 && toks[k]!.end > c.subject.start; k--) {
      const t = toks[k]!;
      if (t.start >= c.subject.start && t.end <= c.subject.end && verbOf[k] === -1) {
        verbOf[k] = c.verb;
        place[k] = t.start === c.subject.start ? 1 : 2;
      }
    }
  }
  // The speakers the cue rules found (quotes and verbs of saying): the tagger learns how far to trust them.
  const rule = new Uint8Array(n);
  for (const r of ruleSpeakers) {
    for (let k = 0; k < n; k++) {
      const t = toks[k]!;
      if (t.kind === T_WORD && t.start < r.end && r.start < t.end) rule[k] = t.start <= r.start ? 1 : 2;
    }
  }
  const mask = (1 << bits) - 1;
  const ids = new Int32Array(n * PER_TOKEN);
  for (let k = 0; k < n; k++) {
    const prev = toks[k - 1];
    let cueAhead = 0;
    for (let j = k + 1; j <= k + 3 && j < n; j++) if (toks[j]!.kind === T_WORD && CUE_WORDS.has(toks[j]!.lower)) cueAhead = cueAhead || j - k;
    const first = k === 0 || prev!.kind === T_PUNCT || prev!.kind === T_QUOTE ? 1 : 0;
    let o = k * PER_TOKEN;
    ids[o++] = mix(F.Bias, 0) & mask;
    ids[o++] = mix(F.Word, w(k)) & mask;
    ids[o++] = mix(F.Shape, sh(k)) & mask;
    ids[o++] = mix(F.C4, clusterPrefix(code[k]!, 4)) & mask;
    ids[o++] = mix(F.C6, c6(k)) & mask;
    ids[o++] = mix(F.C10, clusterPrefix(code[k]!, 10)) & mask;
    ids[o++] = mix(F.Prev1, w(k - 1)) & mask;
    ids[o++] = mix(F.Prev2, w(k - 2)) & mask;
    ids[o++] = mix(F.Next1, w(k + 1)) & mask;
    ids[o++] = mix(F.Next2, w(k + 2)) & mask;
    ids[o++] = mix(F.Next3, w(k + 3)) & mask;
    ids[o++] = mix(F.NextC6, c6(k + 1)) & mask;
    ids[o++] = mix(F.Next2C6, c6(k + 2)) & mask;
    ids[o++] = mix(F.NextC10, k + 1 < n ? clusterPrefix(code[k + 1]!, 10) : -2) & mask;
    ids[o++] = mix(F.PrevC6, c6(k - 1)) & mask;
    ids[o++] = mix(F.CueAhead, cueAhead) & mask;
    ids[o++] = mix(F.Suffix, suffix[k]!) & mask;
    ids[o++] = mix(F.NextSuffix, k + 1 < n ? suffix[k + 1]! : 0) & mask;
    ids[o++] = mix(F.ShapeTri, sh(k - 1) * 64 + sh(k) * 8 + sh(k + 1)) & mask;
    ids[o++] = mix(F.First, first * 8 + sh(k)) & mask;
    ids[o++] = mix(F.Bigram, Math.imul(w(k), 31) ^ w(k + 1)) & mask;
    ids[o++] = mix(F.NextBigram, Math.imul(w(k + 1), 31) ^ w(k + 2)) & mask;
    ids[o++] = mix(F.PrevShape, sh(k - 1) * 8 + sh(k)) & mask;
    ids[o++] = mix(F.SubjVerb, verbOf[k]! >= 0 ? w(verbOf[k]!) : -3) & mask;
    ids[o++] = mix(F.SubjVerbC10, verbOf[k]! >= 0 ? clusterPrefix(code[verbOf[k]!]!, 10) : -3) & mask;
    ids[o++] = mix(F.SubjVerbNext, verbOf[k]! >= 0 ? Math.imul(w(verbOf[k]!), 31) ^ w(verbOf[k]! + 1) : -3) & mask;
    ids[o++] = mix(F.SubjPlace, place[k]! * 8 + sh(k)) & mask;
    ids[o++] = mix(F.SubjVerbSuffix, verbOf[k]! >= 0 ? suffix[verbOf[k]!]! * 4 + place[k]! : -3) & mask;
    ids[o++] = mix(F.Rule, rule[k]! * 8 + sh(k)) & mask;
    ids[o++] = mix(F.RuleWord, rule[k]! ? Math.imul(w(k), 4) + rule[k]! : -3) & mask;
    ids[o] = mix(F.AfterCue, k > 0 && toks[k - 1]!.kind === T_WORD && CUE_WORDS.has(toks[k - 1]!.lower) ? w(k - 1) : k > 1 && toks[k - 1]!.lower === 'to' && toks[k - 2]!.lower === 'according' ? 1 : -3) & mask;
  }
  const cluster = new Int32Array(n);
  for (let k = 0; k < n; k++) cluster[k] = c6(k);
  return { ids, perToken: PER_TOKEN, word, shape, cluster, subjects };
}

/** The bucket ids of the features that pair the previous tag with this token, into `out` (length 4). */
export function tagFeatures(wf: WindowFeatures, k: number, prevTag: number, bits: number, out: Int32Array): void {
  const mask = (1 << bits) - 1;
  out[0] = mix(F.TagBias, prevTag) & mask;
  out[1] = mix(F.TagShape, prevTag * 8 + wf.shape[k]!) & mask;
  out[2] = mix(F.TagWord, Math.imul(wf.word[k]!, 4) + prevTag) & mask;
  out[3] = mix(F.TagC6, Math.imul(wf.cluster[k]!, 4) + prevTag) & mask;
}

/** The scores of the three tags of token k after `prevTag`, into `scores`. */
export function scoreToken(weights: Float32Array | Int8Array, wf: WindowFeatures, k: number, tagIds: Int32Array, scores: Float64Array): void {
  scores[0] = scores[1] = scores[2] = 0;
  const base = k * wf.perToken;
  for (let i = 0; i < wf.perToken; i++) {
    const b = wf.ids[base + i]! * TAGS;
    scores[0] += weights[b]!;
    scores[1] += weights[b + 1]!;
    scores[2] += weights[b + 2]!;
  }
  for (let i = 0; i < tagIds.length; i++) {
    const b = tagIds[i]! * TAGS;
    scores[0] += weights[b]!;
    scores[1] += weights[b + 1]!;
    scores[2] += weights[b + 2]!;
  }
}

/**
 * Tags of a window, greedily left to right. `margin` is added to the O score: above 0 the tagger
 * opens a source only when surer (fewer sources listed, more of them right). Scores and margin are
 * in units of the weights as stored (the model's margin divided by its scale).
 */
export function decode(weights: Float32Array | Int8Array, wf: WindowFeatures, toks: readonly Tok[], bits: number, margin = 0): Uint8Array {
  const n = toks.length;
  const tags = new Uint8Array(n);
  const tagIds = new Int32Array(4);
  const scores = new Float64Array(3);
  let prev = TAG_O;
  for (let k = 0; k < n; k++) {
    if (toks[k]!.kind !== T_WORD) {
      prev = tags[k] = TAG_O;
      continue;
    }
    tagFeatures(wf, k, prev, bits, tagIds);
    scoreToken(weights, wf, k, tagIds, scores);
    scores[TAG_O] += margin;
    let best = scores[TAG_O]! >= scores[TAG_B]! ? TAG_O : TAG_B;
    if (prev !== TAG_O && scores[TAG_I]! > scores[best]!) best = TAG_I;
    prev = tags[k] = best;
  }
  return tags;
}

/** The spans of the sources a window's tags mark (B I*), as character spans. */
export function taggedSpans(toks: readonly Tok[], tags: Uint8Array): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < toks.length; k++) {
    if (tags[k] !== TAG_B) continue;
    let j = k;
    while (j + 1 < toks.length && tags[j + 1] === TAG_I) j++;
    out.push({ start: toks[k]!.start, end: toks[j]!.end });
    k = j;
  }
  return out;
}

/** The sources the model tags in one window of tokens, with the window's verbs and their subjects. */
export function tagSourcesIn(text: string, toks: readonly Tok[], model: SourceTaggerModel, clusters: HashTable | null, ruleSpeakers: readonly Span[]): { spans: Span[]; subjects: WindowFeatures['subjects'] } {
  if (toks.length === 0) return { spans: [], subjects: [] };
  const wf = windowFeatures(text, toks, clusters, model.bits, ruleSpeakers);
  return { spans: taggedSpans(toks, decode(model.weights, wf, toks, model.bits, model.margin / model.scale)), subjects: wf.subjects };
}
