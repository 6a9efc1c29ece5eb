// Claim candidates: body sentences a fact-checker would want to verify — numbers and statistics,
// accusations and denials, superlatives, and assertions credited to someone. Each reason adds to a
// score; sentences are ranked by it. Each sentence is read once, character by character, so the
// cost stays linear.
import type { ClaimCandidate, Quote, Span } from './types';
import { F_LETTERS, NUMBER, PUNCT, tokenize, type Tokens } from './text/tokenize';
import { lowerBound } from './spans';

// Sentences longer than this are not read as claims (junk, tables, a whole article on one line).
const MAX_SENTENCE = 2000;

// Each reason is decided by the words of the sentence: one pass over its characters, each word
// run hashed as it is read and looked up in a small open-addressing table (no substrings, no
// regular expression). A word is a maximal run of ASCII letters, digits and underscores, as a
// regex \b sees it; only runs of letters alone can be reason words. Every word that gives a
// reason, lower-case, and the five-letter stems of word families (accuse, accused, accusation…).
const R_STATISTIC = 1;
const R_NUMBER = 2;
const R_ACCUSATION = 4;
const R_DENIAL = 8;
const R_SUPERLATIVE = 16;
const R_CAUSAL = 32;
const R_CUE = 64;
const REASONS: readonly { bit: number; name: string; weight: number }[] = [
  { bit: R_STATISTIC, name: 'statistic', weight: 2.5 },
  { bit: R_NUMBER, name: 'number', weight: 1.5 },
  { bit: R_ACCUSATION, name: 'accusation', weight: 2.5 },
  { bit: R_DENIAL, name: 'denial', weight: 2 },
  { bit: R_SUPERLATIVE, name: 'superlative', weight: 1 },
  { bit: R_CAUSAL, name: 'causal', weight: 0.5 },
];

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const STEM = 5;

/** Open-addressing table of lower-case words (or stems) by FNV hash, verified by spelling. */
class WordTable {
  private readonly used = new Uint8Array(1024);
  private readonly hashes = new Int32Array(1024);
  private readonly bits = new Uint8Array(1024);
  private readonly words: string[] = new Array<string>(1024).fill('');
  add(word: string, bits: number): void {
    let h = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    let i = h & 1023;
    while (this.used[i] === 1) i = (i + 1) & 1023;
    this.used[i] = 1;
    this.hashes[i] = h;
    this.words[i] = word;
    this.bits[i] = bits;
  }
  /** Reason bits of text[start, start+len) (lower-cased hash `h`), 0 when not listed. */
  find(h: number, codes: Uint16Array, start: number, len: number): number {
    for (let i = h & 1023; this.used[i] === 1; i = (i + 1) & 1023) {
      if (this.hashes[i] === h && this.spells(i, codes, start, len)) return this.bits[i]!;
    }
    return 0;
  }
  private spells(i: number, codes: Uint16Array, start: number, len: number): boolean {
    const w = this.words[i]!;
    if (w.length !== len) return false;
    for (let k = 0; k < len; k++) if ((codes[start + k]! | 32) !== w.charCodeAt(k)) return false;
    return true;
  }
}

const WORDS = new WordTable();
const STEMS = new WordTable();
const addWords = (bits: number, words: string): void => {
  for (const w of words.split(' ')) WORDS.add(w, bits);
};
addWords(R_STATISTIC, 'average median rate rates doubled tripled halved majority poll polls survey percentage trillion');
// "percent", "million" and "billion" are statistics and numbers both.
addWords(R_STATISTIC | R_NUMBER, 'percent million billion');
addWords(R_NUMBER, 'two three four five six seven eight nine ten dozen dozens hundred hundreds thousand thousands twice half');
addWords(R_DENIAL, 'deny denied denies denial denials rejected refuted dismissed disputed');
addWords(R_SUPERLATIVE, 'first largest biggest most least only never ever record highest lowest worst best');
addWords(R_CAUSAL, 'because caused causes due resulted');
addWords(R_CUE, 'said says told according stated claimed claims warned announced reported confirmed added');
addWords(R_ACCUSATION, 'lied lies lying blame blamed blames crime crimes');
for (const stem of 'accus alleg viola illeg atroc conde sanct fraud corru crimi'.split(' ')) STEMS.add(stem, R_ACCUSATION);

/** Reason bits of the words of text[start, end) (R_CUE when a cue verb occurs), read character by character. */
function scanReasons(codes: Uint16Array, start: number, end: number): number {
  let found = 0;
  let runStart = -1; // start of the current run of letters, -1 when the run holds a digit or underscore
  let inRun = false;
  let h = FNV_OFFSET;
  let h5 = 0;
  for (let i = start; i <= end; i++) {
    const c = i < end ? codes[i]! : 32;
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) {
      if (!inRun) {
        inRun = true;
        runStart = i;
        h = FNV_OFFSET;
      }
      if (runStart >= 0) {
        h = Math.imul(h ^ lower, FNV_PRIME);
        if (i - runStart === STEM - 1) h5 = h;
      }
      continue;
    }
    if (c >= 48 && c <= 57) {
      found |= R_NUMBER;
      inRun = true;
      runStart = -1;
      continue;
    }
    if (c === 95) {
      inRun = true;
      runStart = -1;
      continue;
    }
    if (c === 37) found |= R_STATISTIC;
    if (inRun && runStart >= 0) {
      const len = i - runStart;
      let bits = WORDS.find(h, codes, runStart, len);
      if (bits === 0 && len > STEM) bits = STEMS.find(h5, codes, runStart, STEM);
      found |= bits;
    }
    inRun = false;
  }
  return found;
}

const FIRST_OF_STEM = new Uint8Array(128);
for (const stem of 'accus alleg viola illeg atroc conde sanct fraud corru crimi'.split(' ')) FIRST_OF_STEM[stem.charCodeAt(0)] = 1;

/**
 * Reason bits of the sentence text[start, end), read from the article's tokens: a word of ASCII
 * letters is looked up by the hash the tokenizer already computed, a number or a % needs no look
 * at its characters, and only the rarer mixed tokens (hyphens, apostrophes, digits, accents) are
 * scanned as characters. The result is the same as scanReasons on the whole sentence. `lo` is the
 * first token ending after `start`.
 */
function sentenceReasons(tok: Tokens, start: number, end: number, lo: number): number {
  const codes = tok.codes;
  let found = 0;
  for (let t = lo; t < tok.count; t++) {
    const s = tok.start[t]!;
    if (s >= end) break;
    const e = tok.end[t]!;
    // A token across the sentence edge (not made by the sentence splitter): read the characters.
    if (s < start || e > end) return scanReasons(codes, start, end);
    const kind = tok.kind[t];
    if (kind === NUMBER) {
      found |= R_NUMBER;
    } else if (kind === PUNCT) {
      const c = codes[s]!;
      if (c === 37) found |= R_STATISTIC;
      // An underscore joins the words on either side into one word: read the characters.
      else if (c === 95) return scanReasons(codes, start, end);
    } else if (tok.flags[t]! & F_LETTERS) {
      const len = e - s;
      let bits = WORDS.find(tok.lower[t]!, codes, s, len);
      if (bits === 0 && len > STEM && FIRST_OF_STEM[codes[s]! | 32] === 1) {
        let h = FNV_OFFSET;
        for (let k = s; k < s + STEM; k++) h = Math.imul(h ^ (codes[k]! | 32), FNV_PRIME);
        bits = STEMS.find(h, codes, s, STEM);
      }
      found |= bits;
    } else {
      found |= scanReasons(codes, s, e);
    }
  }
  return found;
}

/**
 * The index of the first token ending after `pos`, searched from `from` (the answer for an earlier
 * sentence: sentences come in order, so each search mostly ends a few tokens on). A few steps
 * forward, or a binary search when the gap is long (sentences outside body paragraphs are passed
 * over) or `pos` lies before `from`'s token.
 */
function firstTokenEndingAfter(tok: Tokens, pos: number, from: number): number {
  const ends = tok.end;
  const n = tok.count;
  let lo = from > 0 && ends[from - 1]! > pos ? 0 : from;
  for (let steps = 0; steps < 16; steps++, lo++) if (lo >= n || ends[lo]! > pos) return lo;
  // Offsets are whole numbers: the first end above pos is the first at or above pos + 1.
  return lowerBound(ends, lo, n, pos + 1);
}

/**
 * Scores every sentence inside a body paragraph. `quotes` (sorted) mark sentences with attributed
 * quoted words; a sentence with a cue verb counts as an attributed assertion too. `tok` are the
 * article's tokens when the caller has them already.
 */
export function findClaims(text: string, sentences: readonly Span[], paragraphs: readonly Span[], quotes: readonly Quote[], tok: Tokens = tokenize(text)): ClaimCandidate[] {
  const out: ClaimCandidate[] = [];
  let p = 0;
  const credited = creditedSentences(sentences, quotes);
  // The first token ending after the last sentence read: where the next one's tokens are looked for.
  let tokenFrom = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    while (p < paragraphs.length && paragraphs[p]!.end <= s.start) p++;
    const para = paragraphs[p];
    if (!para || para.start > s.start || s.end - s.start > MAX_SENTENCE) continue;
    tokenFrom = firstTokenEndingAfter(tok, s.start, tokenFrom);
    const found = sentenceReasons(tok, s.start, s.end, tokenFrom);
    const quoted = credited[si] === 1;
    // No reason at all (most sentences without a claim): nothing to build.
    if (found === 0 && !quoted) continue;
    const reasons: string[] = [];
    let score = 0;
    for (const r of REASONS) {
      if (found & r.bit) {
        reasons.push(r.name);
        score += r.weight;
      }
    }
    if (quoted || found & R_CUE) {
      reasons.push('attributed');
      score += quoted ? 1.5 : 1;
    }
    if (score === 0) continue;
    out.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end), score: Math.round(score * 10) / 10, reasons });
  }
  return byScore(out);
}

/**
 * Claims by score, highest first, ties in text order. Scores take a few dozen values, and the
 * claims come in text order when the sentences do: then grouping by score is the whole sort.
 */
function byScore(claims: ClaimCandidate[]): ClaimCandidate[] {
  for (let k = 1; k < claims.length; k++) {
    if (claims[k]!.start < claims[k - 1]!.start) return claims.sort((a, b) => b.score - a.score || a.start - b.start);
  }
  const groups = new Map<number, ClaimCandidate[]>();
  for (const c of claims) {
    const g = groups.get(c.score);
    if (g) g.push(c);
    else groups.set(c.score, [c]);
  }
  const out: ClaimCandidate[] = [];
  for (const score of [...groups.keys()].sort((a, b) => b - a)) for (const c of groups.get(score)!) out.push(c);
  return out;
}

/** 1 for each sentence that holds part of a quote with a speaker (binary search per quote). */
function creditedSentences(sentences: readonly Span[], quotes: readonly Quote[]): Uint8Array {
  const out = new Uint8Array(sentences.length);
  for (const q of quotes) {
    if (!q.speaker) continue;
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.end <= q.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sentences.length && sentences[i]!.start < q.end; i++) out[i] = 1;
  }
  return out;
}
