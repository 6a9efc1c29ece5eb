// The randomized anchoring experiment shared by the unit test and scripts/fuzz-anchoring.ts:
// random claims on real articles, random edit sequences of the kinds real revisions make, then
// anchor() and shiftForEdits() are judged against where each claim's characters really went.
//
// What counts as right: a placed claim must lie on the edited descendant of its own original
// span (two thirds of the text found or more is its surviving characters, what was typed over
// them and what was typed between them, and at most a fifth is other original text) without cutting a word in two that the claim's own edges did not
// cut; or on the claim's very words, character for character and as whole words, elsewhere (a
// copy that stood in the original or one an edit made: once the claim's own copy is gone no
// selector can tell such copies apart). A sentence an edit repeated almost word for word counts
// as the claim's own text only once the claim's own copy is gone (it is then the claim retyped
// elsewhere). Anything else, a near copy that stood in the original included, is wrong text.
// An orphan is always acceptable: the claim is kept for the reviewer to re-attach.

import { anchor, AnchorKind, AnchorResult } from '../../../src/core/annotations/anchor';
import { editDistance } from '../../../src/core/annotations/approx';
import { createAnnotation } from '../../../src/core/annotations/make';
import { shiftForEdits } from '../../../src/core/annotations/shift';
import { Annotation } from '../../../src/core/annotations/types';
import { seededRandom, TrackedText } from './editModel';

export interface FuzzCounts {
  sequences: number;
  claims: number;
  exact: number;
  moved: number;
  fuzzy: number;
  orphan: number;
  /** Placed on text that is not the claim's own (must be 0). */
  wrong: number;
  /** ...of which the placement cut a word the claim's own boundaries did not cut. */
  wrongCutWord: number;
  /** Placed right, on an identical copy of the claim's words elsewhere (see the judge above). */
  onIdenticalCopy: number;
  /** Orphans whose exact text was still present (lost claims a better matcher could have kept). */
  orphanWithTextPresent: number;
  /** Orphans whose own edited region is still within the fuzzy bound (>= 16 chars, <= 20% edits): kept safe but not placed. */
  orphanRecoverable: number;
  /** shiftForEdits positions that were trusted (no re-anchor flag) but did not hold the quote (must be 0). */
  shiftWrong: number;
  shiftTrusted: number;
  shiftFlagged: number;
  /** Time spent in the anchoring function alone. */
  anchorMs: number;
  failures: string[];
}

/** How the claims of one edited article are placed; anchor() one by one unless a batch function is given. */
export type PlaceAll = (text: string, annotations: readonly Annotation[]) => AnchorResult[];

export interface FuzzOptions {
  seed?: number;
  place?: PlaceAll;
  /** Failures kept in `failures` (the counts are always complete). */
  keepFailures?: number;
  /** Number of the first sequence (to replay one: its number and `sequences` 1). */
  firstSequence?: number;
}

interface Claim {
  annotation: Annotation;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]/u;
const QUOTE_MARKS = /["“”]/;

function isWordAt(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined) return false;
  if (WORD.test(c)) return true;
  // An apostrophe between letters is inside a word (don't, Kremlin’s).
  return (c === "'" || c === '’') && WORD.test(text[i - 1] ?? ' ') && WORD.test(text[i + 1] ?? ' ');
}

export function sentencesOf(text: string): [number, number][] {
  const sentences: [number, number][] = [];
  for (const m of text.matchAll(/[^\s.!?][^\n.!?]{15,}[.!?]["”’]?/g)) sentences.push([m.index!, m.index! + m[0].length]);
  return sentences;
}

function pickClaims(text: string, sentences: [number, number][], rnd: () => number, count: number): Claim[] {
  const claims: Claim[] = [];
  for (let i = 0; i < count && sentences.length > 0; i++) {
    const [s, e] = sentences[Math.floor(rnd() * sentences.length)]!;
    let start = s;
    let end = e;
    if (rnd() < 0.5) {
      // A short phrase of 2-6 words inside the sentence.
      const words = [...text.slice(s, e).matchAll(/\S+/g)];
      const n = Math.min(words.length, 2 + Math.floor(rnd() * 5));
      const first = Math.floor(rnd() * (words.length - n + 1));
      start = s + words[first]!.index!;
      const lastWord = words[first + n - 1]!;
      end = s + lastWord.index! + lastWord[0].length;
    }
    if (claims.some((c) => c.start === start && c.end === end)) continue;
    const annotation = createAnnotation({ id: `c${i}`, text, start, end, label: 'disputed', reviewer: 'fuzz', now: '2026-01-01T00:00:00Z' });
    claims.push({ annotation, start, end });
  }
  return claims;
}

function randomWords(vocabulary: string[], rnd: () => number, max: number): string {
  const n = 1 + Math.floor(rnd() * max);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(vocabulary[Math.floor(rnd() * vocabulary.length)]!);
  return words.join(' ');
}

/** Moves `at` back to the start of the word it is in. */
function wordStart(text: string, at: number): number {
  while (at > 0 && isWordAt(text, at - 1) && isWordAt(text, at)) at--;
  return at;
}

/** [start, end) of `n` whole words from the word at or after `at`, with the space after them. */
function wordsFrom(text: string, at: number, n: number): [number, number] {
  let s = wordStart(text, at);
  while (s < text.length && /\s/.test(text[s]!)) s++;
  const re = /\S+\s*/gy;
  re.lastIndex = s;
  let e = s;
  for (let i = 0; i < n; i++) {
    const m = re.exec(text);
    if (!m) break;
    e = re.lastIndex;
  }
  return [s, e];
}

function paragraphBreaks(text: string): number[] {
  const breaks = [0];
  for (const m of text.matchAll(/\r?\n\r?\n/g)) breaks.push(m.index! + m[0].length);
  breaks.push(text.length);
  return breaks;
}

const SWAP_QUOTE: Record<string, string> = { '"': '“', '“': '"', '”': '"', "'": '’', '’': "'" };

/**
 * One random edit of a kind real revisions make; half of them aimed inside or right beside a
 * claim. Word edits keep word boundaries; the raw character edits stand for typos and careless
 * cuts; a near copy of a sentence stands for a quote or sentence repeated almost word for word.
 */
function randomEdit(doc: TrackedText, claims: Claim[], vocabulary: string[], rnd: () => number): void {
  const len = doc.text.length;
  const aimAt = (): number => {
    if (rnd() < 0.5 || claims.length === 0) return Math.floor(rnd() * (len + 1));
    // Find where a claim's characters are now and aim inside, at, or just beside it.
    const c = claims[Math.floor(rnd() * claims.length)]!;
    const at = doc.origin.findIndex((o) => o >= c.start && o < c.end);
    const base = at < 0 ? Math.floor(rnd() * (len + 1)) : at;
    const offset = Math.floor(rnd() * ((c.end - c.start) + 20)) - 10;
    return Math.max(0, Math.min(len, base + offset));
  };
  const sentenceAt = (): [number, number] | null => {
    const sentences = sentencesOf(doc.text);
    if (sentences.length === 0) return null;
    const at = aimAt();
    return sentences.find(([, e]) => e >= at) ?? sentences[sentences.length - 1]!;
  };
  const kind = rnd();
  if (kind < 0.12) {
    // Insert a word or two between words.
    const at = wordStart(doc.text, aimAt());
    doc.replace(at, at, randomWords(vocabulary, rnd, 2) + ' ');
  } else if (kind < 0.2) {
    // Insert a sentence after a sentence.
    const s = sentenceAt();
    const at = s ? s[1] : aimAt();
    doc.replace(at, at, ' ' + randomWords(vocabulary, rnd, 25) + '.');
  } else if (kind < 0.32) {
    // Delete one to three words.
    const [s, e] = wordsFrom(doc.text, aimAt(), 1 + Math.floor(rnd() * 3));
    doc.replace(s, e, '');
  } else if (kind < 0.44) {
    // Replace one to three words.
    const [s, e] = wordsFrom(doc.text, aimAt(), 1 + Math.floor(rnd() * 3));
    doc.replace(s, e, randomWords(vocabulary, rnd, 3) + (/\s$/.test(doc.text.slice(s, e)) ? ' ' : ''));
  } else if (kind < 0.5) {
    // Delete a sentence.
    const s = sentenceAt();
    if (s) doc.replace(s[0], Math.min(doc.text.length, s[1] + (doc.text[s[1]] === ' ' ? 1 : 0)), '');
  } else if (kind < 0.54) {
    // Rewrite a sentence.
    const s = sentenceAt();
    if (s) doc.replace(s[0], s[1], randomWords(vocabulary, rnd, 20) + '.');
  } else if (kind < 0.6) {
    // Raw characters: a careless cut or paste anywhere, mid-word included.
    const at = aimAt();
    const n = rnd() < 0.6 ? 1 + Math.floor(rnd() * 8) : 1 + Math.floor(rnd() * 120);
    doc.replace(at, Math.min(len, at + n), rnd() < 0.5 ? '' : randomWords(vocabulary, rnd, rnd() < 0.6 ? 2 : 12));
  } else if (kind < 0.66) {
    // Retype a quote: its marks straight <-> curly, and sometimes a word inside it changed.
    const at = aimAt();
    const open = doc.text.slice(0, at).search(/["“][^"“”\n]*$/);
    const from = open >= 0 ? open : at;
    const close = doc.text.slice(from + 1).search(QUOTE_MARKS);
    const to = close >= 0 ? Math.min(len, from + 2 + close) : Math.min(len, from + 80);
    for (let i = to - 1; i >= from; i--) {
      const swapped = SWAP_QUOTE[doc.text[i]!];
      if (swapped) doc.replace(i, i + 1, swapped, Int32Array.of(typedOver(doc.origin[i]!)));
    }
    if (rnd() < 0.5 && to - from > 20) {
      const [s, e] = wordsFrom(doc.text, from + 1 + Math.floor(rnd() * (to - from - 2)), 1);
      if (e > s) doc.replace(s, e, randomWords(vocabulary, rnd, 1) + (/\s$/.test(doc.text.slice(s, e)) ? ' ' : ''));
    }
  } else if (kind < 0.72) {
    // Repeat a sentence (often the claim's) almost word for word somewhere else: a recap, a quote
    // repeated in a later paragraph. A second copy, typed anew.
    const s = sentenceAt();
    if (!s) return;
    const changes = rnd() < 0.3 ? 0 : 1 + Math.floor(rnd() * 2);
    const breaks = paragraphBreaks(doc.text);
    const to = breaks[Math.floor(rnd() * breaks.length)]!;
    const rewrite = (words: string[]) => {
      const out = [...words];
      for (let i = 0; i < changes; i++) {
        const at = 2 * Math.floor(rnd() * Math.ceil(out.length / 2));
        if (at < out.length) out[at] = vocabulary[Math.floor(rnd() * vocabulary.length)]!;
      }
      return out;
    };
    doc.retype(s[0], s[1], to, rewrite, rnd() < 0.5 ? '' : `${randomWords(vocabulary, rnd, 4)}: `, '\n\n');
  } else if (kind < 0.97) {
    // Move (or, more rarely, duplicate) a paragraph to another paragraph boundary.
    const breaks = paragraphBreaks(doc.text);
    if (breaks.length < 4) return;
    const p = Math.floor(rnd() * (breaks.length - 2));
    const [s, e] = [breaks[p]!, breaks[p + 1]!];
    const to = breaks[Math.floor(rnd() * breaks.length)]!;
    if (to > s && to < e) return;
    if (rnd() < 0.75) doc.move(s, e, to);
    else doc.copy(s, e, to);
  } else {
    // Line ends: the whole article to CRLF, or back to LF.
    const crlf = doc.text.includes('\r\n');
    for (let i = doc.text.length - 1; i >= 0; i--) {
      if (crlf && doc.text[i] === '\r' && doc.text[i + 1] === '\n') doc.replace(i, i + 1, '');
      else if (!crlf && doc.text[i] === '\n') doc.replace(i, i, '\r');
    }
  }
}

/** The origin of a character typed over one whose origin is `o`. */
function typedOver(o: number): number {
  return o >= 0 ? -2 - o : o;
}

/** Judges a placement against where the claim's characters really went; null when it is right. */
function judge(doc: TrackedText, claim: Claim, result: AnchorResult): { wrong: string | null; onCopy: boolean } {
  if (result.kind === 'orphan') return { wrong: null, onCopy: false };
  const { exact } = claim.annotation.target.selector;
  const { start, end } = result;
  if ((result.kind === 'exact' || result.kind === 'moved') && doc.text.slice(start, end) !== exact) return { wrong: 'the text found is not the quote', onCopy: false };
  if (end <= start) return { wrong: 'empty placement', onCopy: false };
  const ranges: [number, number][] = [[claim.start, claim.end]];
  const overlap = Math.max(0, ...doc.ownRegions(ranges).map(([s, e]) => Math.min(e, end) - Math.max(s, start)));
  let otherOriginal = 0;
  for (let i = start; i < end; i++) {
    const o = doc.origin[i]!;
    if (o >= 0 && !(o >= claim.start && o < claim.end)) otherOriginal++;
  }
  // Mostly the claim's own edited region: at least two thirds of the text found, and at most a
  // fifth of it other original text (text typed over the claim's neighbours may make up the rest:
  // a replacement that straddles the claim's edge belongs to both)...
  if (overlap < (2 / 3) * (end - start) || otherOriginal > 0.2 * (end - start)) {
    // ...or it is the claim's very words, character for character, elsewhere: a copy that stood
    // in the original or one an edit made (a repeated quote). Once the claim's own copy is gone
    // no selector can tell such copies apart, and the words are the ones reviewed.
    if (doc.text.slice(start, end) !== exact) return { wrong: "not on the claim's own text", onCopy: false };
    // A copy inside longer words ("not be the" in "not be there") is not the claim's words.
    const joined = (p: number) => isWordAt(doc.text, p - 1) && isWordAt(doc.text, p);
    if (joined(start) || joined(end)) return { wrong: 'cuts a word', onCopy: false };
    return { wrong: null, onCopy: true };
  }
  // A sentence repeated almost word for word by an edit carries the claim's words too. Taking it
  // is right once the claim's own copy is gone (it is the claim retyped elsewhere), wrong while
  // the own copy is still there within the fuzzy bound (an identical copy is the same words, above).
  let retyped = 0;
  for (let i = start; i < end; i++) retyped += doc.retyped[i]!;
  if (retyped > (end - start) / 2 && doc.text.slice(start, end) !== exact) {
    const remaining = doc.ownRegions(ranges, 300, true).some(([s, e]) => editDistance(exact, doc.text.slice(s, e)) <= 0.2 * exact.length);
    if (remaining) return { wrong: 'on a repeated copy while its own text remains', onCopy: false };
  }
  // No word cut in two, unless the claim's own edge is there (an edit joined the claim's text
  // and other text, original or typed, into one word).
  const side = (i: number): 'own' | 'other' | 'typed' => {
    const o = doc.origin[i]!;
    if (o === -1) return 'typed';
    const from = o <= -2 ? -2 - o : o;
    return ranges.some(([s, e]) => from >= s && from < e) ? 'own' : 'other';
  };
  const cuts = (p: number) => isWordAt(doc.text, p - 1) && isWordAt(doc.text, p) && side(p - 1) === side(p);
  if (cuts(start) || cuts(end)) return { wrong: 'cuts a word', onCopy: false };
  return { wrong: null, onCopy: false };
}

/** Runs `sequences` random edit sequences over `seedTexts` (articles), from a seed, and counts each outcome. */
export function runAnchoringFuzz(seedTexts: string[], sequences: number, seedOrOptions: number | FuzzOptions = 1): FuzzCounts {
  const options: FuzzOptions = typeof seedOrOptions === 'number' ? { seed: seedOrOptions } : seedOrOptions;
  const seed = options.seed ?? 1;
  const place: PlaceAll = options.place ?? ((text, annotations) => annotations.map((a) => anchor(text, a)));
  const keep = options.keepFailures ?? 5;
  const counts: FuzzCounts = { sequences, claims: 0, exact: 0, moved: 0, fuzzy: 0, orphan: 0, wrong: 0, wrongCutWord: 0, onIdenticalCopy: 0, orphanWithTextPresent: 0, orphanRecoverable: 0, shiftWrong: 0, shiftTrusted: 0, shiftFlagged: 0, anchorMs: 0, failures: [] };
  const vocabularies = new Map<number, string[]>();
  const sentenceLists = new Map<number, [number, number][]>();
  const first = options.firstSequence ?? 0;
  for (let run = first; run < first + sequences; run++) {
    const rnd = seededRandom(seed * 1_000_003 + run);
    const which = Math.floor(rnd() * seedTexts.length);
    const original = seedTexts[which]!;
    if (!vocabularies.has(which)) {
      vocabularies.set(which, original.split(/\s+/).filter(Boolean));
      sentenceLists.set(which, sentencesOf(original));
    }
    const claims = pickClaims(original, sentenceLists.get(which)!, rnd, 1 + Math.floor(rnd() * 4));
    if (claims.length === 0) continue;
    const doc = new TrackedText(original);
    const edits = 1 + Math.floor(rnd() * 6);
    for (let i = 0; i < edits; i++) randomEdit(doc, claims, vocabularies.get(which)!, rnd);

    const shifted = shiftForEdits(claims.map((c) => c.annotation), doc.changes);
    const started = performance.now();
    const results = place(doc.text, claims.map((c) => c.annotation));
    counts.anchorMs += performance.now() - started;
    for (const [i, c] of claims.entries()) {
      counts.claims++;
      const { exact } = c.annotation.target.selector;
      const result = results[i]!;
      counts[result.kind satisfies AnchorKind]++;
      const verdict = judge(doc, c, result);
      if (verdict.onCopy && verdict.wrong === null) counts.onIdenticalCopy++;
      if (result.kind === 'orphan') {
        if (doc.text.includes(exact)) counts.orphanWithTextPresent++;
        else if (exact.length >= 16) {
          const regions = doc.ownRegions([[c.start, c.end]]);
          if (regions.some(([s, e]) => editDistance(exact, doc.text.slice(s, e)) <= 0.2 * exact.length)) counts.orphanRecoverable++;
        }
      }
      if (verdict.wrong !== null) {
        counts.wrong++;
        if (verdict.wrong === 'cuts a word') counts.wrongCutWord++;
        if (counts.failures.length < keep) {
          const r = result as { start: number; end: number };
          const own = doc.ownRegions([[c.start, c.end]]).map(([s, e]) => `${JSON.stringify(doc.text.slice(s, e))} at ${s}`).join(' + ') || 'gone';
          counts.failures.push(`sequence ${run} (article ${which}): ${result.kind}, ${verdict.wrong}: ${JSON.stringify(exact)} -> ${JSON.stringify(doc.text.slice(r.start, r.end))} at ${r.start}; own text now ${own}`);
        }
      }
      const s = shifted[i]!;
      if (s.needsReanchor) counts.shiftFlagged++;
      else {
        counts.shiftTrusted++;
        const { start, end } = s.annotation.target.position;
        if (doc.text.slice(start, end) !== exact) {
          counts.shiftWrong++;
          if (counts.failures.length < keep) counts.failures.push(`sequence ${run}: shift kept "${exact}" on "${doc.text.slice(start, end)}"`);
        }
      }
    }
  }
  return counts;
}
