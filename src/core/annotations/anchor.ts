// Re-attaching a claim to the article text after the text changed, by a ladder of ever looser
// methods that each must prove the match is the claim's own text:
//   1. exact  - the stored quote is still at the stored position;
//   2. moved  - the stored quote (character for character) is elsewhere: the copy whose context
//               agrees best, then the nearest to the old position;
//   3. fuzzy  - an edited version of the quote, within a bounded number of edits AND with a
//               combined text + context score above a minimum, and clearly better than any rival;
//   4. orphan - none of the above. The annotation is kept untouched for the reviewer to re-attach.
// A claim is never moved to different text silently: anything in doubt is an orphan. A match
// never starts or ends inside a word unless the stored quote itself did.
//
// Many claims at once (anchorAll, createAnchorer) share one q-gram index of the text, so a search
// of the whole article for an edited claim verifies only the stretches the index points at.

import { ApproxMatch, approxSearch, distancesFromStart, distancesToEnd, editDistance } from './approx';
import { QGramIndex } from './qgramIndex';
import { AnnotationTarget, QuoteSelector } from './types';
import { isWordChar, splitsWord } from './wordEdges';

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
  /** The minimum score when the context agrees fully on neither side. */
  minScoreWithoutIntactContext?: number;
  /** A fuzzy winner must beat the best non-overlapping rival by this margin, else orphan. */
  minMargin?: number;
  /**
   * When another passage also matches the quote within the bound (a sentence repeated almost word
   * for word), the winner's context must agree at least this well on both sides (0..1).
   */
  contestedContextSide?: number;
  /** Characters searched on each side of the old position before scanning the whole text. */
  window?: number;
  /** The share of edits allowed when the whole text is searched (nothing close enough near the old position). */
  farErrorRate?: number;
}

export const DEFAULT_ANCHOR_OPTIONS: Required<AnchorOptions> = {
  maxErrorRate: 0.2,
  maxErrors: 48,
  minFuzzyLength: 16,
  minScore: 0.8,
  minScoreWithoutIntactContext: 0.85,
  minMargin: 0.05,
  contestedContextSide: 0.8,
  window: 4096,
  farErrorRate: 0.1,
};

/** Characters of context stored on each side of the quote. */
export const CONTEXT_LENGTH = 32;

/** Where an annotation is in `text`, or why it cannot be placed. Pure; never changes the annotation. */
export function anchor(text: string, annotation: { target: AnnotationTarget }, options: AnchorOptions = {}): AnchorResult {
  return createAnchorer(text, options)(annotation);
}

/** anchor() for every annotation, in order, sharing one index of the text. */
export function anchorAll(text: string, annotations: readonly { target: AnnotationTarget }[], options: AnchorOptions = {}): AnchorResult[] {
  const place = createAnchorer(text, options);
  return annotations.map((a) => place(a));
}

/** Texts shorter than this are scanned whole; the index pays off above it. */
const INDEX_MIN_LENGTH = 32768;

/**
 * anchor() bound to one text: call it for each annotation to place in that text. The index of the
 * text is built on the first whole-text search for an edited claim and reused by the next ones.
 */
export function createAnchorer(text: string, options: AnchorOptions = {}): (annotation: { target: AnnotationTarget }) => AnchorResult {
  const opts = { ...DEFAULT_ANCHOR_OPTIONS, ...options };
  let index: QGramIndex | undefined;
  const search = (pattern: string, maxErrors: number, from: number, to: number): ApproxMatch[] => {
    if (to - from < INDEX_MIN_LENGTH) return approxSearch(text, pattern, maxErrors, from, to);
    index ??= new QGramIndex(text, 4);
    const ranges = index.candidateRanges(pattern, maxErrors);
    if (ranges === null) return approxSearch(text, pattern, maxErrors, from, to);
    const out: ApproxMatch[] = [];
    for (const [s, e] of ranges) {
      const a = Math.max(s, from);
      const b = Math.min(e, to);
      if (b > a) out.push(...approxSearch(text, pattern, maxErrors, a, b));
    }
    return out;
  };
  return (annotation) => anchorOne(text, annotation.target, opts, search);
}

type Search = (pattern: string, maxErrors: number, from: number, to: number) => ApproxMatch[];

function anchorOne(text: string, target: AnnotationTarget, opts: Required<AnchorOptions>, search: Search): AnchorResult {
  const { exact, prefix, suffix } = target.selector;
  const { start: hint } = target.position;
  if (exact === '') return { kind: 'orphan', reason: 'the annotation has no quote to look for' };
  const edges = edgesOf(target.selector);

  // 1. exact at the stored position
  if (text.startsWith(exact, hint) && wholeWords(text, hint, hint + exact.length, edges)) return { kind: 'exact', start: hint, end: hint + exact.length, score: 1, errors: 0 };

  // 2. the same text elsewhere, as whole words: the copy with the most matching context
  // characters right next to it (cheap, so a common phrase with hundreds of copies stays fast),
  // then the nearest. Copies near the old position are tried first: one with its whole stored
  // context intact cannot be beaten by a farther copy, which spares scanning a long article.
  const perfect = prefix.length + suffix.length;
  const nearCopy = bestCopy(text, target.selector, edges, hint, Math.max(0, hint - opts.window), Math.min(text.length, hint + exact.length + opts.window));
  const moved = nearCopy !== null && nearCopy.context === perfect ? nearCopy : bestCopy(text, target.selector, edges, hint, 0, text.length);
  if (moved !== null) return { kind: 'moved', start: moved.start, end: moved.start + exact.length, score: 1, errors: 0 };

  // 3. an edited version of the text
  if (exact.length < opts.minFuzzyLength) return { kind: 'orphan', reason: 'the quote is gone and too short to look for an edited version' };
  const maxErrors = Math.min(opts.maxErrors, Math.floor(exact.length * opts.maxErrorRate));
  const from = Math.max(0, hint - opts.window);
  const to = Math.min(text.length, hint + exact.length + opts.window);
  const near = fuzzyCandidates(text, target.selector, edges, hint, maxErrors, search(exact, maxErrors, from, to));
  let candidates = near;
  // Nothing good near the old position: the claim may have moved far (a paragraph moved). Text
  // both moved and much edited is rare, and a tighter bound keeps the whole-text search selective.
  if ((from > 0 || to < text.length) && !near.some((c) => c.refined && c.score >= opts.minScore)) {
    const errorBound = Math.min(maxErrors, Math.floor(exact.length * opts.farErrorRate));
    candidates = fuzzyCandidates(text, target.selector, edges, hint, errorBound, search(exact, errorBound, 0, text.length));
  }
  candidates.sort((a, b) => b.score - a.score);
  const winner = candidates.find((c) => c.refined);
  if (!winner || winner.score < opts.minScore) return { kind: 'orphan', reason: 'no text close enough to the quote and its context' };
  const rivals = candidates.filter((c) => c !== winner && (c.end <= winner.start || c.start >= winner.end));
  if (rivals.length > 0 && winner.score - rivals[0]!.score < opts.minMargin) return { kind: 'orphan', reason: 'several passages resemble the quote equally well' };
  // Every rival is a near copy of the quote (it is within the error bound): only context on both
  // sides can then tell which is the claim's (context on one side may be the copy's neighbour, not
  // the claim's), and a rival whose own text is closer is the likelier claim however the context reads.
  if (rivals.length > 0 && winner.weakerSide < opts.contestedContextSide) {
    return { kind: 'orphan', reason: 'a near copy of the quote elsewhere matches as well and the context does not tell them apart' };
  }
  if (rivals.some((c) => c.errors < winner.errors)) return { kind: 'orphan', reason: "another passage is closer to the quote's text" };
  // With its context changed on both sides, nothing but its own text says where the claim is:
  // that must then be closer to the quote.
  if (Math.max(winner.before, winner.after) < 1 && winner.score < opts.minScoreWithoutIntactContext) {
    return { kind: 'orphan', reason: 'the closest text has its context changed on both sides and is not close enough' };
  }
  // A changed figure is taken only next to the claim's own neighbour (its context intact on one
  // side): parallel sentences that differ in their figures are common in news (polls, results).
  if (numbersOf(exact) !== numbersOf(text.slice(winner.start, winner.end)) && Math.max(winner.before, winner.after) < 1) {
    return { kind: 'orphan', reason: 'the closest text has other figures and its context does not place it' };
  }
  // The claim's own context, intact, around another place than the winner: that place is where
  // the claim stood, its text is gone or rewritten there, and the winner is a look-alike (a
  // sentence the article repeats with another word or name). Not so at a paragraph edge:
  // paragraphs move whole and leave their neighbours' text behind.
  const paragraphEdge = (side: 'before' | 'after') =>
    side === 'before'
      ? prefix.endsWith('\n') && (winner.start === 0 || text[winner.start - 1] === '\n')
      : /^\r?\n/.test(suffix) && (winner.end === text.length || /^\r?\n/.test(text.slice(winner.end, winner.end + 2)));
  const leftBehind = (side: 'before' | 'after') =>
    side === 'before'
      ? winner.before < 1 && !paragraphEdge('before') && contextStandsElsewhere(text, prefix, winner.start, 'before')
      : winner.after < 1 && !paragraphEdge('after') && contextStandsElsewhere(text, suffix, winner.end, 'after');
  if (leftBehind('before') || leftBehind('after')) {
    return { kind: 'orphan', reason: "the quote's context is still in place elsewhere, around other text" };
  }
  // The claim's context, intact around the winner, also stands elsewhere around a damaged
  // version of the quote: the article repeats the passage (an update restating a paragraph with a
  // word changed), and the damaged version is the claim's own, cut beyond the bound.
  if (damagedCopyInContext(text, target.selector, winner.start, winner.end)) {
    return { kind: 'orphan', reason: "the quote's context stands elsewhere too, around a damaged version of the quote" };
  }
  // A look-alike often parts from the quote at a closing mark (the same sentence quoted inside
  // another, without its full stop) and goes on differently there. So a match that lost the
  // quote's closing or opening punctuation, with the context on that side changed too, is not taken.
  const found = text.slice(winner.start, winner.end);
  const lostMark = (quoteEnd: string, foundEnd: string) => PUNCTUATION.test(quoteEnd) && quoteEnd !== foundEnd;
  if ((winner.before < 1 && lostMark(exact[0]!, found[0] ?? '')) || (winner.after < 1 && lostMark(exact[exact.length - 1]!, found[found.length - 1] ?? ''))) {
    return { kind: 'orphan', reason: 'the closest text lost the quote\'s punctuation at one end, where the context changed too' };
  }
  // A quotation mark added or lost: a paraphrase of a quote, or a quote of a paraphrase, is
  // another statement even when the words agree. Only the claim's context intact on both sides
  // says it is the claim's own text with a mark edited away.
  if (quotationMarksOf(exact) !== quotationMarksOf(found) && winner.weakerSide < 1) {
    return { kind: 'orphan', reason: 'the closest text quotes differently (a quotation mark added or lost)' };
  }
  // An edit that cut the space between the claim and its neighbour fused the two into one word;
  // a match kept to whole words then takes in the neighbour, the claim's own context.
  if (fusedWithContext(text, winner.start, winner.end, target.selector, edges)) {
    return { kind: 'orphan', reason: 'the quote is joined into one word with its context' };
  }
  return { kind: 'fuzzy', start: winner.start, end: winner.end, score: winner.score, errors: winner.errors };
}

/** How many double quotation marks `s` holds, straight and curly alike (a retyped mark is the same mark). */
function quotationMarksOf(s: string): number {
  return (s.match(/["“”„«»]/g) ?? []).length;
}

/**
 * Whether [start, end) begins with a word that is the last word of the stored prefix run into
 * more letters (or ends with the first word of the suffix run into more), where the quote itself
 * does not begin (end) with that word.
 */
function fusedWithContext(text: string, start: number, end: number, { exact, prefix, suffix }: QuoteSelector, edges: Edges): boolean {
  if (!edges.startInWord) {
    const neighbour = /([\p{L}\p{N}]+)[^\p{L}\p{N}]+$/u.exec(prefix)?.[1];
    let runEnd = start;
    while (runEnd < end && isWordChar(text, runEnd)) runEnd++;
    const run = text.slice(start, runEnd);
    if (neighbour && run.length > neighbour.length && run.startsWith(neighbour) && !exact.startsWith(neighbour)) return true;
  }
  if (!edges.endInWord) {
    const neighbour = /^[^\p{L}\p{N}]+([\p{L}\p{N}]+)/u.exec(suffix)?.[1];
    let runStart = end;
    while (runStart > start && isWordChar(text, runStart - 1)) runStart--;
    const run = text.slice(runStart, end);
    if (neighbour && run.length > neighbour.length && run.endsWith(neighbour) && !exact.endsWith(neighbour)) return true;
  }
  return false;
}

const PUNCTUATION = /[.!?,;:"“”‘’'()[\]—–-]/;

function numbersOf(s: string): string {
  return (s.match(/\d+/g) ?? []).join(' ');
}

/** Context shorter than this is too common to say where a claim stood. */
const TELLING_CONTEXT = 12;

/** Whether the stored context occurs whole somewhere that does not border `edge`. */
function contextStandsElsewhere(text: string, context: string, edge: number, side: 'before' | 'after'): boolean {
  if (context.trim().length < TELLING_CONTEXT) return false;
  for (let at = text.indexOf(context); at >= 0; at = text.indexOf(context, at + 1)) {
    const borders = side === 'before' ? at + context.length : at;
    // A little slack: the winner's edge may fall on the other side of a space.
    if (Math.abs(borders - edge) > 2) return true;
  }
  return false;
}

/**
 * Whether the stored prefix stands whole somewhere not bordering `start` and is followed there by
 * text within half the quote's length of edits of it (or the suffix, not bordering `end`, preceded
 * by such text).
 */
function damagedCopyInContext(text: string, { exact, prefix, suffix }: QuoteSelector, start: number, end: number): boolean {
  const bound = Math.floor(exact.length / 2);
  const span = exact.length + bound;
  if (prefix.trim().length >= TELLING_CONTEXT) {
    for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
      const edge = at + prefix.length;
      if (Math.abs(edge - start) > 2 && distancesFromStart(text, exact, edge, span, bound).size > 0) return true;
    }
  }
  if (suffix.trim().length >= TELLING_CONTEXT) {
    for (let at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
      if (Math.abs(at - end) > 2 && distancesToEnd(text, exact, at, span, bound).size > 0) return true;
    }
  }
  return false;
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
  /** Agreement of the context before and after, and of the worse of the two sides, 0..1. */
  before: number;
  after: number;
  weakerSide: number;
  /** Boundaries fitted to the quote's context and word edges (only such a candidate can win). */
  refined: boolean;
}

/** Whether the stored quote itself starts or ends inside a word (a selection of part of a word). */
interface Edges {
  startInWord: boolean;
  endInWord: boolean;
}

function edgesOf({ exact, prefix, suffix }: QuoteSelector): Edges {
  return { startInWord: splitsWord(prefix + exact, prefix.length), endInWord: splitsWord(exact + suffix, exact.length) };
}

/** Whether text[start, end) cuts no word the stored quote's own edges did not cut. */
function wholeWords(text: string, start: number, end: number, edges: Edges): boolean {
  return (edges.startInWord || !splitsWord(text, start)) && (edges.endInWord || !splitsWord(text, end));
}

/** Raw matches refined (boundaries fitted to the context) per search; the rest keep rough scores. */
const REFINED_CANDIDATES = 6;

function fuzzyCandidates(text: string, selector: QuoteSelector, edges: Edges, hint: number, maxErrors: number, matches: ApproxMatch[]): Candidate[] {
  const { exact, prefix, suffix } = selector;
  const score = (c: { start: number; end: number; errors: number }) => {
    const textSimilarity = 1 - c.errors / exact.length;
    const { before, after } = contextAgreement(text, c.start, c.end, prefix, suffix);
    // A tiny pull towards the old position separates otherwise equal candidates.
    const proximity = 1 / (1 + Math.abs(c.start - hint) / 10000);
    return { score: 0.6 * textSimilarity + 0.2 * (before + after) - 0.001 * (1 - proximity), before, after, weakerSide: Math.min(before, after) };
  };
  // Rough scores first: a repeated boilerplate sentence can match in hundreds of places, and
  // fitting boundaries is the expensive step. Rough scores never understate a rival (raw errors
  // are the minimum), so leaving rivals rough only makes the margin test stricter.
  const rough = matches.map((m) => ({ ...m, ...score(m), refined: false }));
  rough.sort((a, b) => b.score - a.score);
  const out: Candidate[] = [];
  for (const [i, m] of rough.entries()) {
    if (i >= REFINED_CANDIDATES) {
      out.push(m);
      continue;
    }
    const refined = refineBounds(text, selector, edges, m.end, maxErrors);
    if (refined === null) {
      // No word-aligned version within the bound: it can only be a rival.
      out.push(m);
      continue;
    }
    if (out.some((c) => c.refined && c.start === refined.start && c.end === refined.end)) continue;
    out.push({ ...refined, ...score(refined), refined: true });
  }
  return out;
}

const SPACE = /\s/;

// Context breaks near-ties at a boundary but must not outweigh the quote's own characters.
const CONTEXT_WEIGHT = 0.5;

function refineBounds(text: string, selector: QuoteSelector, edges: Edges, end: number, maxErrors: number): { start: number; end: number; errors: number } | null {
  const { exact, prefix, suffix } = selector;
  const relaxed = maxErrors * 2 + 2;
  const span = exact.length + relaxed;
  let bestStart = -1;
  let bestCost = Infinity;
  for (const [start, errors] of distancesToEnd(text, exact, end, span, relaxed)) {
    if (!edges.startInWord && splitsWord(text, start)) continue;
    // Nor on a space the quote does not start with: it would take in the neighbour's word instead.
    if (SPACE.test(text[start] ?? '') && !SPACE.test(exact[0]!)) continue;
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
    if (!edges.endInWord && splitsWord(text, candidateEnd)) continue;
    if (SPACE.test(text[candidateEnd - 1] ?? '') && !SPACE.test(exact[exact.length - 1]!)) continue;
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
function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): { before: number; after: number } {
  const side = (stored: string, found: string) =>
    stored.length === 0 ? (found.length === 0 ? 1 : 0.5) : Math.max(0, 1 - editDistance(stored, found) / Math.max(stored.length, found.length));
  // Context stored shorter than usual (the quote stood near an edge of the article) is compared
  // with the usual length of text: a few characters agreeing there say little about a candidate
  // that does not stand near the edge, and the text beyond them counts against it.
  const before = text.slice(Math.max(0, start - Math.max(prefix.length, CONTEXT_LENGTH)), start);
  const after = text.slice(end, end + Math.max(suffix.length, CONTEXT_LENGTH));
  return {
    before: side(prefix, prefix.length === 0 ? text.slice(Math.max(0, start - 1), start) : before),
    after: side(suffix, suffix.length === 0 ? text.slice(end, end + 1) : after),
  };
}

/**
 * The copy of the quote within [from, to) with the most adjacent context agreement, then nearest
 * the hint. A copy that is part of longer words ("not be the" in "not be there") is not a copy.
 */
function bestCopy(text: string, selector: QuoteSelector, edges: Edges, hint: number, from: number, to: number): { start: number; context: number } | null {
  const { exact, prefix, suffix } = selector;
  let best: { start: number; context: number } | null = null;
  let bestDistance = Infinity;
  for (let at = text.indexOf(exact, from); at >= 0 && at + exact.length <= to; at = text.indexOf(exact, at + 1)) {
    if (!wholeWords(text, at, at + exact.length, edges)) continue;
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
