// The learned speaker ranker, as a pipeline of small stages: candidates (candidates.ts) → features
// (features.ts) → a linear ranker (ranker.ts, weights in assets/speakers.bin) → resolution (pronouns and
// descriptions to entities, ../pronouns.ts, done by the caller on the picked mentions).
import type { Span } from '../types';
import type { QuoteSpan } from '../quotes';
import type { MentionIndex } from '../pronouns';
import type { RawAttribution } from '../attribution/raw';
import { CUE_WORDS } from '../attribution/words';
import { sentenceAt } from '../attribution/tokens';
import { candidateWindow, findCandidates, findWordCandidates, type Candidate } from './candidates';
import { candidateFeatures, quoteFeatures, sideOf, type FeatureContext } from './features';
import { scoreBase, type CompiledWeights } from './ranker';

export interface RankerInputs {
  text: string;
  quotes: readonly QuoteSpan[];
  sentences: readonly Span[];
  blocks: readonly Span[];
  /** The rules' attribution of every quote: their pick is one feature among others. */
  raw: readonly RawAttribution[];
  mentions: MentionIndex;
  /** The pick of each quote whose attribution is known already (an earlier analysis'), by index; those quotes are not ranked again. */
  known?: readonly (RawAttribution | undefined)[];
}

export interface QuoteCandidates {
  quote: Span;
  cands: Candidate[];
  /** Base features of each candidate (features.ts, expandFeatures gives what the model weighs). */
  feats: string[][];
}

// Quotes on either side whose inside is no candidate.
const NEAR = 4;

/**
 * The stretches of text whose words may be candidates, in order and without overlap: each quote's
 * own blocks and the one before, or for a scare quote its own sentences only (`own`).
 */
function scanSpans(asked: readonly QuoteSpan[], own: readonly (Span | null)[], blocks: readonly Span[]): Span[] {
  const spans: Span[] = [];
  let next = 0;
  asked.forEach((q, k) => {
    const o = own[k];
    if (o) {
      spans.push(o);
      return;
    }
    let b = Math.max(next, q.block - 1);
    while (b < blocks.length && (b <= q.block || blocks[b - 1]!.end < q.end)) spans.push(blocks[b++]!);
    next = b;
  });
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (!last || s.start >= last.end) out.push(s);
    else if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end };
  }
  return out;
}

/** The sentences a quote stands in, as one span. */
function ownSentences(q: Span, sentences: readonly Span[]): Span {
  const a = sentenceAt(sentences, q.start);
  const b = sentenceAt(sentences, Math.max(q.start, q.end - 1));
  return { start: a >= 0 ? Math.min(sentences[a]!.start, q.start) : q.start, end: b >= 0 ? Math.max(sentences[b]!.end, q.end) : q.end };
}

/**
 * A scare quote: a partial quote of one to three words the rules credit to nobody. It names its
 * source in its own sentence or nowhere: a speaker of the paragraph before did not coin the writer's
 * “friendly state visit”.
 */
function isScareQuote(r: RawAttribution, q: QuoteSpan, text: string): boolean {
  return !r.speaker && q.partial && wordCount(text, q.content) <= 3;
}

/**
 * Whether the rules' decision stands without asking the ranker: a speaker found in the quote's own
 * sentence next to its cue. Cross-validation shows the ranker would change 88 of 6,190 such picks,
 * setting 25 right and 14 wrong (scripts/speaker-overturns.ts): +0.001 in accuracy, while ranking
 * every quote costs half again the analysis time or more on quote-dense news. A scare quote the rules credit to
 * nobody is ranked: PolNeAR credits many of them to the subject of their sentence ("Trump called
 * it a “rigged system”"), and the ranker learns which.
 */
export function ruleIsSure(r: RawAttribution): boolean {
  return r.via === 'sentence';
}

function wordCount(text: string, s: Span): number {
  let n = 0;
  let inWord = false;
  for (let i = s.start; i < s.end; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Candidates and their features, quote by quote (none for quotes whose rule pick is sure, when `onlyUnsure`). */
export function quoteCandidates(inp: RankerInputs, onlyUnsure = false): QuoteCandidates[] {
  const { text, quotes, raw, mentions } = inp;
  const out: QuoteCandidates[] = [];
  const known = inp.known;
  const skip = (qi: number): boolean => (onlyUnsure && ruleIsSure(raw[qi]!)) || known?.[qi] !== undefined;
  const asked: QuoteSpan[] = [];
  const own: (Span | null)[] = [];
  for (let qi = 0; qi < quotes.length; qi++) {
    if (skip(qi)) continue;
    asked.push(quotes[qi]!);
    own.push(isScareQuote(raw[qi]!, quotes[qi]!, text) ? ownSentences(quotes[qi]!, inp.sentences) : null);
  }
  const words = findWordCandidates(text, scanSpans(asked, own, inp.blocks));
  let k = -1;
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi]!;
    if (skip(qi)) {
      out.push({ quote: q, cands: [], feats: [] });
      continue;
    }
    const scare = own[++k] ?? null;
    const win = scare ? { from: scare.start, to: scare.end } : candidateWindow(q, q.block, inp.blocks);
    // No further than two quotes away on either side: a line packed with quotes costs no more per quote.
    const from = Math.max(win.from, quotes[qi - 2]?.end ?? 0);
    const to = Math.min(win.to, quotes[qi + 2]?.start ?? text.length);
    const nearQuotes = quotes.slice(Math.max(0, qi - NEAR), qi + NEAR + 1);
    const r = raw[qi]!;
    const cands = findCandidates(text, { quote: q, from, to, nearQuotes }, mentions, words, r.speaker);
    const prevRaw = raw[qi - 1]?.speaker;
    let previous: FeatureContext['previous'] = null;
    if (prevRaw) {
      const i = mentions.firstEndingAfter(prevRaw.start);
      const id = i < mentions.length && mentions.starts[i]! < prevRaw.end ? mentions.owners[i]!.id : null;
      previous = { span: prevRaw, entityId: id, text: text.slice(prevRaw.start, prevRaw.end) };
    }
    const ctx: FeatureContext = { text, quote: q, blockStart: inp.blocks[q.block]!.start, sentences: inp.sentences, previous, ruleInherited: r.inherited, ruleVia: r.via ?? 'none', quoteFeats: quoteFeatures(text, q) };
    let before = 0;
    for (const c of cands) if (c.kind !== 'none' && c.end <= q.start) before++;
    let after = 0;
    const feats = cands.map((c) => {
      if (c.kind === 'none') return candidateFeatures(ctx, c, 0);
      const isBefore = c.end <= q.start;
      const rank = isBefore ? --before : after++;
      return candidateFeatures(ctx, c, rank);
    });
    out.push({ quote: q, cands, feats });
  }
  return out;
}

/** A cue verb written right next to a mention ("Trump said", "said Trump"), if any. */
function cueNextTo(text: string, c: Span): Span | null {
  const after = /^[ \t]+([A-Za-z]+)/.exec(text.slice(c.end, c.end + 24));
  if (after && CUE_WORDS.has(after[1]!.toLowerCase())) {
    const start = c.end + after[0].length - after[1]!.length;
    return { start, end: start + after[1]!.length };
  }
  const before = /([A-Za-z]+)[ \t]+$/.exec(text.slice(Math.max(0, c.start - 24), c.start));
  if (before && CUE_WORDS.has(before[1]!.toLowerCase())) {
    const end = c.start - (before[0].length - before[1]!.length);
    return { start: end - before[1]!.length, end };
  }
  return null;
}

/** The ranker's attribution of every quote: the best candidate's mention and its cue. */
export function rankSpeakers(inp: RankerInputs, weights: CompiledWeights): RawAttribution[] {
  return pickSpeakers(inp, quoteCandidates(inp, true), weights, true);
}

/** rankSpeakers on candidates already found (the eval finds them once for every fold). */
export function pickSpeakers(inp: RankerInputs, candidates: readonly QuoteCandidates[], weights: CompiledWeights, onlyUnsure = false): RawAttribution[] {
  return candidates.map(({ quote, cands, feats }, qi): RawAttribution => {
    const known = inp.known?.[qi];
    if (known) return known;
    if (cands.length === 0 || (onlyUnsure && ruleIsSure(inp.raw[qi]!))) return inp.raw[qi]!;
    let bi = 0;
    let bs = -Infinity;
    for (let i = 0; i < cands.length; i++) {
      const s = scoreBase(weights, feats[i]!, sideOf(quote, cands[i]!), cands[i]!.kind);
      if (s > bs) {
        bs = s;
        bi = i;
      }
    }
    const c = cands[bi]!;
    const r = inp.raw[qi]!;
    if (c.kind === 'none') return { speaker: null, cue: null, inherited: false };
    if (c.rule) return r;
    return { speaker: { start: c.start, end: c.end }, cue: cueNextTo(inp.text, c), inherited: false };
  });
}

/**
 * Whether analyze() credits quotes by the ranker. On only while its cross-validated speaker accuracy
 * beats the rules' on the same folds (scripts/eval-quotes.ts prints both).
 */
export const RANKER_ENABLED = true;
