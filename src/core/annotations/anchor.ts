// Re-attaching a claim to the article text after the text changed, by a ladder of ever looser
// methods that each must prove the match is the claim's own text:
//   1. exact  - the stored quote is still at the stored position;
//   2. moved  - the stored quote (character for character) is elsewhere: the copy whose context
//               agrees best, then the nearest to the old position;
//   3. fuzzy  - an edited version of the quote, within a bounded number of edits AND with a
//               combined text + context score above a minimum, and clearly better than any rival;
//   4. orphan - none of the above. The annotation is kept untouched for the reviewer to re-attach.
// A claim is never moved to different text silently: anything in doubt is an orphan.

import { approxSearch, distancesFromStart, distancesToEnd, editDistance } from './approx';
import { AnnotationTarget, QuoteSelector } from './types';

export type AnchorKind = 'exact' | 'moved' | 'fuzzy' | 'orphan';

export type AnchorResult =
  | {
      kind: 'exact' | 'moved' | 'fuzzy';
      start: number;
      end: number;
      /** 1 for exact/moved text; for fuzzy, the combined text and context score (>= minScore). */
      score: number;
      /** Edits between the stored quote and the text found (0 unless fuzzy). */
      errors: number;
    }
  | { kind: 'orphan'; reason: string };

export interface AnchorOptions {
  /** Fuzzy matches may differ from the quote by at most this share of its length. */
  maxErrorRate?: number;
  /** ...and by at most this many edits, however long the quote. */
  maxErrors?: number;
  /** Quotes shorter than this are never matched fuzzily (too many look-alikes). */
  minFuzzyLength?: number;
  /** Minimum combined score (0.6 text similarity + 0.4 context similarity) for a fuzzy match. */
  minScore?: number;
  /** A fuzzy winner must beat the best non-overlapping rival by this margin, else orphan. */
  minMargin?: number;
  /** Characters searched on each side of the old position before scanning the whole text. */
  window?: number;
}

export const DEFAULT_ANCHOR_OPTIONS: Required<AnchorOptions> = {
  maxErrorRate: 0.2,
  maxErrors: 48,
  minFuzzyLength: 16,
  minScore: 0.8,
  minMargin: 0.05,
  window: 4096,
};

/** Characters of context stored on each side of the quote. */
export const CONTEXT_LENGTH = 32;

/** Where an annotation is in `text`, or why it cannot be placed. Pure; never changes the annotation. */
export function anchor(text: string, annotation: { target: AnnotationTarget }, options: AnchorOptions = {}): AnchorResult {
  const opts = { ...DEFAULT_ANCHOR_OPTIONS, ...options };
  const { exact, prefix, suffix } = annotation.target.selector;
  const { start: hint } = annotation.target.position;
  if (exact === '') return { kind: 'orphan', reason: 'the annotation has no quote to look for' };

  // 1. exact at the stored position
  if (text.startsWith(exact, hint)) return { kind: 'exact', start: hint, end: hint + exact.length, score: 1, errors: 0 };

  // 2. the same text elsewhere: the copy with the most matching context characters right next
  // to it (cheap, so a common phrase with hundreds of copies stays fast), then the nearest.
  // Copies near the old position are tried first: one with its whole stored context intact
  // cannot be beaten by a farther copy, which spares scanning a long article.
  const perfect = prefix.length + suffix.length;
  const nearCopy = bestCopy(text, annotation.target.selector, hint, Math.max(0, hint - opts.window), Math.min(text.length, hint + exact.length + opts.window));
  const moved = nearCopy !== null && nearCopy.context === perfect ? nearCopy : bestCopy(text, annotation.target.selector, hint, 0, text.length);
  if (moved !== null) return { kind: 'moved', start: moved.start, end: moved.start + exact.length, score: 1, errors: 0 };

  // 3. an edited version of the text
  if (exact.length < opts.minFuzzyLength) return { kind: 'orphan', reason: 'the quote is gone and too short to look for an edited version' };
  const maxErrors = Math.min(opts.maxErrors, Math.floor(exact.length * opts.maxErrorRate));
  const from = Math.max(0, hint - opts.window);
  const to = Math.min(text.length, hint + exact.length + opts.window);
  const near = fuzzyCandidates(text, annotation.target.selector, hint, maxErrors, from, to);
  let candidates = near;
  // Nothing good near the old position: the claim may have moved far (a paragraph moved).
  if ((from > 0 || to < text.length) && !near.some((c) => c.score >= opts.minScore)) {
    candidates = fuzzyCandidates(text, annotation.target.selector, hint, maxErrors, 0, text.length);
  }
  candidates.sort((a, b) => b.score - a.score);
  const winner = candidates[0];
  if (!winner || winner.score < opts.minScore) return { kind: 'orphan', reason: 'no text close enough to the quote and its context' };
  const rival = candidates.find((c) => c.end <= winner.start || c.start >= winner.end);
  if (rival && winner.score - rival.score < opts.minMargin) return { kind: 'orphan', reason: 'several passages resemble the quote equally well' };
  return { kind: 'fuzzy', start: winner.start, end: winner.end, score: winner.score, errors: winner.errors };
}

/** anchor() for every annotation, in order. */
export function anchorAll(text: string, annotations: readonly { target: AnnotationTarget }[], options: AnchorOptions = {}): AnchorResult[] {
  return annotations.map((a) => anchor(text, a, options));
}

/** The quote and position selectors describing text[start, end), for a new or re-attached claim. */
export function targetFor(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): AnnotationTarget {
  return {
    selector: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, end + contextLength),
    },
    position: { start, end },
  };
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  score: number;
}

/** Raw matches refined (boundaries fitted to the context) per search; the rest keep rough scores. */
const REFINED_CANDIDATES = 6;

function fuzzyCandidates(text: string, selector: QuoteSelector, hint: number, maxErrors: number, from: number, to: number): Candidate[] {
  const { exact, prefix, suffix } = selector;
  const score = (c: { start: number; end: number; errors: number }) => {
    const textSimilarity = 1 - c.errors / exact.length;
    const context = contextAgreement(text, c.start, c.end, prefix, suffix);
    // A tiny pull towards the old position separates otherwise equal candidates.
    const proximity = 1 / (1 + Math.abs(c.start - hint) / 10000);
    return 0.6 * textSimilarity + 0.4 * context - 0.001 * (1 - proximity);
  };
  // Rough scores first: a repeated boilerplate sentence can match in hundreds of places, and
  // fitting boundaries is the expensive step. Rough scores never understate a rival (raw errors
  // are the minimum), so leaving rivals rough only makes the margin test stricter.
  const rough = approxSearch(text, exact, maxErrors, from, to).map((m) => ({ ...m, score: score(m) }));
  rough.sort((a, b) => b.score - a.score);
  const out: Candidate[] = [];
  for (const [i, m] of rough.entries()) {
    if (i >= REFINED_CANDIDATES) {
      out.push(m);
      continue;
    }
    const refined = refineBounds(text, selector, m.end, maxErrors);
    if (refined === null || out.some((c) => c.start === refined.start && c.end === refined.end)) continue;
    out.push({ ...refined, score: score(refined) });
  }
  return out;
}

// Context breaks near-ties at a boundary but must not outweigh the quote's own characters.
const CONTEXT_WEIGHT = 0.5;

function refineBounds(text: string, selector: QuoteSelector, end: number, maxErrors: number): { start: number; end: number; errors: number } | null {
  const { exact, prefix, suffix } = selector;
  const relaxed = maxErrors * 2 + 2;
  const span = exact.length + relaxed;
  let bestStart = -1;
  let bestCost = Infinity;
  for (const [start, errors] of distancesToEnd(text, exact, end, span, relaxed)) {
    const cost = errors + CONTEXT_WEIGHT * editDistance(prefix, text.slice(Math.max(0, start - prefix.length), start));
    if (cost < bestCost || (cost === bestCost && start > bestStart)) {
      bestCost = cost;
      bestStart = start;
    }
  }
  if (bestStart < 0) return null;
  let bestEnd = -1;
  let bestErrors = 0;
  bestCost = Infinity;
  for (const [candidateEnd, errors] of distancesFromStart(text, exact, bestStart, span, relaxed)) {
    const cost = errors + CONTEXT_WEIGHT * editDistance(suffix, text.slice(candidateEnd, candidateEnd + suffix.length));
    if (cost < bestCost || (cost === bestCost && candidateEnd < bestEnd)) {
      bestCost = cost;
      bestEnd = candidateEnd;
      bestErrors = errors;
    }
  }
  if (bestEnd < 0 || bestErrors > maxErrors) return null;
  return { start: bestStart, end: bestEnd, errors: bestErrors };
}

/**
 * How well the text around [start, end) agrees with the stored prefix and suffix: 0..1, by edit
 * distance over the same number of characters. A side with no stored context (the quote was at
 * the start or end of the article) agrees only if the candidate is at that edge too.
 */
function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const side = (stored: string, found: string) => (stored.length === 0 ? (found.length === 0 ? 1 : 0.5) : 1 - editDistance(stored, found) / stored.length);
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const p = side(prefix, prefix.length === 0 ? text.slice(Math.max(0, start - 1), start) : before);
  const s = side(suffix, suffix.length === 0 ? text.slice(end, end + 1) : after);
  return Math.max(0, (p + s) / 2);
}

/** The copy of the quote within [from, to) with the most adjacent context agreement, then nearest the hint. */
function bestCopy(text: string, selector: QuoteSelector, hint: number, from: number, to: number): { start: number; context: number } | null {
  const { exact, prefix, suffix } = selector;
  let best: { start: number; context: number } | null = null;
  let bestDistance = Infinity;
  for (let at = text.indexOf(exact, from); at >= 0 && at + exact.length <= to; at = text.indexOf(exact, at + 1)) {
    const context = adjacentAgreement(text, at, at + exact.length, prefix, suffix);
    const distance = Math.abs(at - hint);
    if (best === null || context > best.context || (context === best.context && distance < bestDistance)) {
      best = { start: at, context };
      bestDistance = distance;
    }
  }
  return best;
}

/** Characters of stored context that match the text right before and right after [start, end). */
function adjacentAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let n = 0;
  for (let i = 1; i <= prefix.length && start - i >= 0 && prefix.charCodeAt(prefix.length - i) === text.charCodeAt(start - i); i++) n++;
  for (let i = 0; i < suffix.length && end + i < text.length && suffix.charCodeAt(i) === text.charCodeAt(end + i); i++) n++;
  return n;
}
