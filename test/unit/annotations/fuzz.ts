// The randomized anchoring experiment shared by the unit test and the figures in the report:
// random claims on the seed articles, random edit sequences, then anchor() and shiftForEdits()
// are judged against where each claim's characters really went.

import { anchor, AnchorKind } from '../../../src/core/annotations/anchor';
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
  /** Orphans whose exact text was still present (lost claims a better matcher could have kept). */
  orphanWithTextPresent: number;
  /** Orphans whose own edited region is still within the fuzzy bound (>= 16 chars, <= 20% edits): kept safe but not placed. */
  orphanRecoverable: number;
  /** shiftForEdits positions that were trusted (no re-anchor flag) but did not hold the quote (must be 0). */
  shiftWrong: number;
  shiftTrusted: number;
  shiftFlagged: number;
  failures: string[];
}

interface Claim {
  annotation: Annotation;
  start: number;
  end: number;
}

function sentencesOf(text: string): [number, number][] {
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

/** One random edit; half of them aimed inside or right beside a claim. */
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
  const kind = rnd();
  if (kind < 0.3) {
    const at = aimAt();
    const small = rnd() < 0.5;
    doc.replace(at, at, small ? (rnd() < 0.5 ? ' ' : '') + randomWords(vocabulary, rnd, 2) + ' ' : randomWords(vocabulary, rnd, 30) + '. ');
  } else if (kind < 0.55) {
    const at = aimAt();
    const n = rnd() < 0.6 ? 1 + Math.floor(rnd() * 8) : 1 + Math.floor(rnd() * 120);
    doc.replace(at, Math.min(len, at + n), '');
  } else if (kind < 0.8) {
    const at = aimAt();
    const n = rnd() < 0.6 ? 1 + Math.floor(rnd() * 10) : 1 + Math.floor(rnd() * 80);
    doc.replace(at, Math.min(len, at + n), randomWords(vocabulary, rnd, rnd() < 0.6 ? 2 : 12));
  } else {
    // Move (or, more rarely, duplicate) a paragraph to another paragraph boundary.
    const breaks = [0];
    for (let i = doc.text.indexOf('\n\n'); i >= 0; i = doc.text.indexOf('\n\n', i + 2)) breaks.push(i + 2);
    breaks.push(len);
    if (breaks.length < 4) return;
    const p = Math.floor(rnd() * (breaks.length - 2));
    const [s, e] = [breaks[p]!, breaks[p + 1]!];
    const to = breaks[Math.floor(rnd() * breaks.length)]!;
    if (to > s && to < e) return;
    if (rnd() < 0.8) doc.move(s, e, to);
    else doc.copy(s, e, to);
  }
}

export function runAnchoringFuzz(seedTexts: string[], sequences: number, seed = 1): FuzzCounts {
  const counts: FuzzCounts = { sequences, claims: 0, exact: 0, moved: 0, fuzzy: 0, orphan: 0, wrong: 0, orphanWithTextPresent: 0, orphanRecoverable: 0, shiftWrong: 0, shiftTrusted: 0, shiftFlagged: 0, failures: [] };
  const vocabularies = seedTexts.map((t) => t.split(/\s+/).filter(Boolean));
  const sentenceLists = seedTexts.map(sentencesOf);
  for (let run = 0; run < sequences; run++) {
    const rnd = seededRandom(seed * 1_000_003 + run);
    const which = Math.floor(rnd() * seedTexts.length);
    const original = seedTexts[which]!;
    const claims = pickClaims(original, sentenceLists[which]!, rnd, 1 + Math.floor(rnd() * 4));
    const doc = new TrackedText(original);
    const edits = 1 + Math.floor(rnd() * 6);
    for (let i = 0; i < edits; i++) randomEdit(doc, claims, vocabularies[which]!, rnd);

    const shifted = shiftForEdits(claims.map((c) => c.annotation), doc.changes);
    for (const [i, c] of claims.entries()) {
      counts.claims++;
      const { exact } = c.annotation.target.selector;
      const result = anchor(doc.text, c.annotation);
      counts[result.kind satisfies AnchorKind]++;
      let ok = true;
      if (result.kind === 'exact' || result.kind === 'moved') {
        ok = doc.text.slice(result.start, result.end) === exact;
      } else if (result.kind === 'fuzzy') {
        // At least 80% of the text found lies in the claim's own edited region (its surviving
        // characters, or those of an identical copy, and what was typed over and between them).
        const copies: [number, number][] = [];
        for (let at = original.indexOf(exact); at >= 0; at = original.indexOf(exact, at + 1)) copies.push([at, at + exact.length]);
        const inside = Math.max(0, ...doc.ownRegions(copies).map(([s, e]) => Math.min(e, result.end) - Math.max(s, result.start)));
        ok = inside >= 0.8 * (result.end - result.start);
      } else if (doc.text.includes(exact)) {
        counts.orphanWithTextPresent++;
      } else if (exact.length >= 16) {
        const regions = doc.ownRegions([[c.start, c.end]]);
        if (regions.some(([s, e]) => editDistance(exact, doc.text.slice(s, e)) <= 0.2 * exact.length)) counts.orphanRecoverable++;
      }
      if (!ok) {
        counts.wrong++;
        if (counts.failures.length < 5) counts.failures.push(`sequence ${run}: ${result.kind} "${exact}" -> "${doc.text.slice((result as { start: number }).start, (result as { end: number }).end)}"`);
      }
      const s = shifted[i]!;
      if (s.needsReanchor) counts.shiftFlagged++;
      else {
        counts.shiftTrusted++;
        const { start, end } = s.annotation.target.position;
        if (doc.text.slice(start, end) !== exact) {
          counts.shiftWrong++;
          if (counts.failures.length < 5) counts.failures.push(`sequence ${run}: shift kept "${exact}" on "${doc.text.slice(start, end)}"`);
        }
      }
    }
  }
  return counts;
}
