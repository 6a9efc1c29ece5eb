// A learned scorer of (subject, verb) pairs: every lower-case word of a body sentence with the subject
// the rules find before it (verbSubjects) is a candidate source and cue, and a logistic model says how
// likely the subject is the source of an attribution. Where the cue rules and the source tagger left a
// subject unlisted, a pair scored above the threshold lists it ("Sanders has long opposed …", "the
// survey found …"). The features are meant to carry to unseen news: the verb's Brown cluster and a
// crude stem rather than the verb alone, what follows the verb, what the subject is (pronoun, relative,
// name, description, which kind of entity), how far it stands from the verb and what lies between,
// and where the pair sits in its clause (after "that", after a comma, at the start). Weights are
// hashed into a fixed number of buckets (scripts/source-pairs-train.ts learns them).
import type { Analysis, Entity, Span, TextSpan } from '../types';
import { firstStartingFrom } from '../spans';
import type { HashTable } from '../text/hashTable';
import { clusterPrefix } from '../entities/wordClusters';
import { exactHash, hashString } from '../text/tokenize';
import { T_PUNCT, T_QUOTE, T_WORD, type Tok } from '../attribution/tokens';
import { CUE_WORDS, DETERMINERS, NOUN_MARKERS, PRONOUNS, RELATIVES } from '../attribution/words';
import { verbSubjects } from './verbs';
import { eachWindow, hypothetical, type Paraphrase } from './statements';

export interface PairModel {
  /** log2 of the number of buckets. */
  bits: number;
  /** One weight per bucket, times `scale` (the shipped model keeps a signed byte each). */
  weights: Float32Array | Int8Array;
  scale: number;
  /** A pair lists its subject when its probability is above this. */
  threshold: number;
}

export interface PairCandidate {
  /** Token index of the verb in its window. */
  verb: number;
  subject: Span;
  /** Bucket ids of the pair's features. */
  ids: Int32Array;
}

/** The kind of the entity a subject holds a mention of, by the entity's type (PERSON, ORG, …), keyed by mention start. */
export type MentionTypes = ReadonlyMap<number, string>;

const SUBORDINATORS = new Set(['if', 'when', 'unless', 'as', 'after', 'before', 'while', 'until', 'whether', 'because', 'although', 'though', 'since']);
const MODALS = new Set(['will', 'would', 'could', 'should', 'might', 'may', 'must', 'can']);
const AUX = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'did', 'does', 'do']);

/** A crude stem: "endorsed", "endorses", "endorsing" → "endors"; short words as written. */
function stem(w: string): string {
  if (w.length <= 4) return w;
  return w.replace(/(ies|ied)$/, 'y').replace(/(ing|ed|es|s)$/, '');
}

/** What a token is, in a few classes. */
function classOf(t: Tok | undefined): string {
  if (!t) return 'end';
  if (t.kind === T_QUOTE) return 'quote';
  if (t.kind === T_PUNCT) return /^[,.:;]$/.test(t.lower) ? t.lower : 'punct';
  const w = t.lower;
  if (w === 'that' || w === 'to' || w === 'for' || w === 'on' || w === 'about' || w === 'of' || w === 'in' || w === 'as' || w === 'by' || w === 'with' || w === 'it') return w;
  if (NOUN_MARKERS.has(w) || DETERMINERS.has(w)) return 'det';
  if (PRONOUNS.has(w)) return 'pron';
  if (MODALS.has(w)) return 'modal';
  if (AUX.has(w)) return 'aux';
  if (t.cap) return 'cap';
  if (/^\d/.test(w)) return 'num';
  if (w.endsWith('ly')) return 'ly';
  return 'word';
}

/** What the subject is: a pronoun, a relative, a name, a description holding a name, or a plain noun phrase. */
function subjectKind(toks: readonly Tok[], from: number, to: number): string {
  const first = toks[from]!;
  if (to - from === 1 && PRONOUNS.has(first.lower)) return `pron:${first.lower}`;
  if (to - from === 1 && (RELATIVES.has(first.lower) || first.lower === 'that')) return 'rel';
  let caps = 0;
  let words = 0;
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (t.kind !== T_WORD || DETERMINERS.has(t.lower) || NOUN_MARKERS.has(t.lower)) continue;
    words++;
    if (t.cap) caps++;
  }
  if (words > 0 && caps === words) return 'name';
  return caps > 0 ? 'desc+name' : 'desc';
}

const bucket = (n: number): number => (n >= 3 ? 3 : n);

/**
 * The candidate pairs of one window of tokens (quotes folded into single tokens), with their
 * features. `clusters` is the entity tagger's word → cluster table (or null), `types` the entity type
 * of each mention start in the text.
 */
export function pairCandidates(text: string, toks: Tok[], clusters: HashTable | null, types: MentionTypes, bits: number): PairCandidate[] {
  const mask = (1 << bits) - 1;
  const clusterOf = (t: Tok | undefined): number => {
    if (!clusters || !t || t.kind !== T_WORD) return 0;
    const c = clusters.get(exactHash(text, t.start, t.end));
    return c === 0 ? clusters.get(hashString(t.lower)) : c;
  };
  const quotes = toks.some((t) => t.kind === T_QUOTE) ? 1 : 0;
  const out: PairCandidate[] = [];
  for (const c of verbSubjects(toks)) {
    const k = c.verb;
    const v = toks[k]!;
    let from = 0;
    while (from < toks.length && toks[from]!.start < c.subject.start) from++;
    let to = from;
    while (to < toks.length && toks[to]!.end <= c.subject.end) to++;
    if (to <= from) continue;
    const kind = subjectKind(toks, from, to);
    let type = 'none';
    for (let j = from; j < to; j++) type = types.get(toks[j]!.start) ?? type;
    const head = toks[to - 1]!;
    const vc = clusterOf(v);
    const hc = clusterOf(head);
    const st = stem(v.lower);
    // Between the subject and its verb: how far, and whether a comma, an auxiliary or an adverb.
    let between = '';
    for (let j = to; j < k; j++) between += classOf(toks[j]).slice(0, 4) + '|';
    const gap = bucket(k - to);
    // The clause the subject opens: at the window's start, after a comma, after "that" or a
    // subordinator (a nested report or a condition), after a verb of saying (an embedded clause).
    const prev = toks[from - 1];
    const prevClass = !prev ? 'start' : prev.kind === T_WORD && SUBORDINATORS.has(prev.lower) ? 'sub' : prev.kind === T_WORD && CUE_WORDS.has(prev.lower) ? 'cue' : classOf(prev);
    let cuesBefore = 0;
    for (let j = 0; j < from; j++) if (toks[j]!.kind === T_WORD && CUE_WORDS.has(toks[j]!.lower)) cuesBefore = 1;
    let thatAfter = 0;
    for (let j = k + 1; j <= k + 4 && j < toks.length; j++) if (toks[j]!.lower === 'that') thatAfter = thatAfter || j - k;
    let quoteAfter = 0;
    for (let j = k + 1; j < toks.length; j++) if (toks[j]!.kind === T_QUOTE) quoteAfter = 1;
    const nx = classOf(toks[k + 1]);
    const nx2 = classOf(toks[k + 2]);
    const pv = classOf(toks[k - 1]);
    const suffix = v.lower.endsWith('ing') ? 'ing' : v.lower.endsWith('ed') ? 'ed' : v.lower.endsWith('s') ? 's' : 'o';
    const feats = [
      'b',
      `w:${v.lower}`,
      `st:${st}`,
      `st+nx:${st}|${nx}`,
      `vc6:${clusterPrefix(vc, 6)}`,
      `vc10:${clusterPrefix(vc, 10)}`,
      `vc10+nx:${clusterPrefix(vc, 10)}|${nx}`,
      `vc6+sk:${clusterPrefix(vc, 6)}|${kind}`,
      `suf:${suffix}`,
      `suf+nx:${suffix}|${nx}`,
      `nx:${nx}`,
      `nx2:${nx}|${nx2}`,
      `pv:${pv}`,
      `pv+suf:${pv}|${suffix}`,
      `cue:${CUE_WORDS.has(v.lower) ? 1 : 0}`,
      `sk:${kind}`,
      `sk+type:${kind}|${type}`,
      `type:${type}`,
      `st+type:${st}|${type}`,
      `hc6:${clusterPrefix(hc, 6)}`,
      `hc10:${clusterPrefix(hc, 10)}`,
      `head:${head.lower}`,
      `len:${bucket(to - from)}`,
      `gap:${gap}`,
      `between:${between}`,
      `prev:${prevClass}`,
      `prev+sk:${prevClass}|${kind}`,
      `nested:${cuesBefore}`,
      `nested+prev:${cuesBefore}|${prevClass}`,
      `that:${thatAfter}`,
      `st+that:${st}|${thatAfter ? 1 : 0}`,
      `quote:${quotes}|${quoteAfter}`,
      `at:${bucket(from)}`,
    ];
    const ids = new Int32Array(feats.length);
    feats.forEach((f, i) => (ids[i] = hashString(f) & mask));
    out.push({ verb: k, subject: c.subject, ids });
  }
  return out;
}

/** The probability that a candidate's subject is a source. */
export function scorePair(model: PairModel, ids: Int32Array): number {
  let s = 0;
  for (let i = 0; i < ids.length; i++) s += model.weights[ids[i]!]!;
  return 1 / (1 + Math.exp(-s * model.scale));
}

/** The entity type of every mention, by the mention's start (for the subject's kind of entity). */
export function mentionTypes(entities: readonly Entity[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const e of entities) for (const m of e.mentions) out.set(m.start, e.type);
  return out;
}

/**
 * Paraphrases of the subjects no one listed (`listed`: the speakers of quotes and paraphrases so far,
 * sorted by start) whose best pair scores above the model's threshold, with the verb for cue. What
 * someone will or would do ("she would say") is no statement, as with the verbs of saying.
 */
export function pairedParaphrases(text: string, analysis: Analysis, listed: readonly Span[], model: PairModel, clusters: HashTable | null, interrupted?: () => boolean): Paraphrase[] {
  const types = mentionTypes(analysis.entities);
  const out: Paraphrase[] = [];
  eachWindow(text, analysis, (toks, span) => {
    if (toks.length === 0) return;
    const from = toks[0]!.start;
    const to = toks[toks.length - 1]!.end;
    const here: Span[] = [];
    for (let i = firstStartingFrom(listed, from - MAX_SPEAKER); i < listed.length && listed[i]!.start < to; i++) if (from < listed[i]!.end) here.push(listed[i]!);
    // The candidates of a window overlap ("Several senators" before "want", "Several senators want
    // a" before "new"): the likeliest first, each subject taken once and none over another.
    const scored: { p: number; verb: number; subject: Span }[] = [];
    for (const c of pairCandidates(text, toks, clusters, types, model.bits)) {
      if (here.some((s) => overlaps(s, c.subject)) || hypothetical(toks, c.verb)) continue;
      const p = scorePair(model, c.ids);
      if (p > model.threshold) scored.push({ p, verb: c.verb, subject: c.subject });
    }
    scored.sort((a, b) => b.p - a.p || a.verb - b.verb);
    const taken: Span[] = [];
    let sentence: TextSpan | null = null;
    for (const b of scored) {
      if (taken.some((s) => overlaps(s, b.subject))) continue;
      taken.push(b.subject);
      const v = toks[b.verb]!;
      sentence ??= { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
      out.push({ span: sentence, speaker: { start: b.subject.start, end: b.subject.end, text: text.slice(b.subject.start, b.subject.end) }, cue: { start: v.start, end: v.end, text: text.slice(v.start, v.end) } });
    }
  }, interrupted);
  return out;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

// Longest speaker mention that may start before a window and reach into it, in characters.
const MAX_SPEAKER = 400;
