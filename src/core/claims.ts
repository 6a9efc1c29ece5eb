// Claim candidates: body sentences a fact-checker would want to verify — numbers and statistics,
// accusations and denials, superlatives, and assertions credited to someone. Each reason adds to a
// score; sentences are ranked by it. Regexes here run on one sentence at a time and have no nested
// unbounded repetition, so the cost stays linear.
import type { ClaimCandidate, Quote, Span } from './types';

// Sentences longer than this are not read as claims (junk, tables, a whole article on one line).
const MAX_SENTENCE = 2000;

// Each reason is decided by the words of the sentence, looked up in sets in one pass over its
// characters (no regular expressions: a sentence costs one scan however it is written).
// Every word that gives a reason, lower-case, and the five-letter stems of word families
// (accuse, accused, accusation…). One map lookup per word.
const REASON_OF_WORD = new Map<string, string>();
const REASON_OF_STEM = new Map<string, string>();
const addWords = (reason: string, words: string): void => {
  for (const w of words.split(' ')) REASON_OF_WORD.set(w, reason);
};
addWords('statistic', 'percent percentage million billion trillion average median rate rates doubled tripled halved majority poll polls survey');
addWords('number', 'two three four five six seven eight nine ten dozen dozens hundred hundreds thousand thousands twice half');
addWords('denial', 'deny denied denies denial denials rejected refuted dismissed disputed');
addWords('superlative', 'first largest biggest most least only never ever record highest lowest worst best');
addWords('causal', 'because caused causes due resulted');
addWords('cue', 'said says told according stated claimed claims warned announced reported confirmed added');
addWords('accusation', 'lied lies lying blame blamed blames crime crimes');
for (const stem of 'accus alleg viola illeg atroc conde sanct fraud corru crimi'.split(' ')) REASON_OF_STEM.set(stem, 'accusation');
const WEIGHTS: Record<string, number> = { statistic: 2.5, number: 1.5, accusation: 2.5, denial: 2, superlative: 1, causal: 0.5 };
const ORDER = ['statistic', 'number', 'accusation', 'denial', 'superlative', 'causal'];

// Only the words that give a reason (and numbers) are matched, so the regex engine skips everything
// else natively; the map lookups then name the reason. Built once from the tables above.
const REASON_PATTERN = new RegExp(
  '[0-9]+(?: ?%)?|%|\\b(?:' + [...REASON_OF_WORD.keys(), ...[...REASON_OF_STEM.keys()].map((stem) => stem + '[a-z]+')].join('|') + ')\\b',
  'gi',
);

/** Reasons found in text[start, end), and whether a cue verb occurs. */
function sentenceReasons(text: string, start: number, end: number): { found: Set<string>; cue: boolean } {
  const found = new Set<string>();
  let cue = false;
  const sentence = text.slice(start, end);
  REASON_PATTERN.lastIndex = 0;
  for (let m = REASON_PATTERN.exec(sentence); m; m = REASON_PATTERN.exec(sentence)) {
    const raw = m[0];
    const c = raw.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      found.add('number');
      if (raw.charCodeAt(raw.length - 1) === 37) found.add('statistic');
      continue;
    }
    if (c === 37) {
      found.add('statistic');
      continue;
    }
    const w = c >= 97 && c <= 122 ? raw : raw.toLowerCase();
    const reason = REASON_OF_WORD.get(w) ?? (w.length >= 6 ? REASON_OF_STEM.get(w.slice(0, 5)) : undefined);
    if (reason === 'cue') cue = true;
    else if (reason) found.add(reason);
    if (w === 'percent' || w === 'million' || w === 'billion') found.add('number');
  }
  return { found, cue };
}

/**
 * Scores every sentence inside a body paragraph. `quotes` (sorted) mark sentences with attributed
 * quoted words; a sentence with a cue verb counts as an attributed assertion too.
 */
export function findClaims(text: string, sentences: readonly Span[], paragraphs: readonly Span[], quotes: readonly Quote[]): ClaimCandidate[] {
  const out: ClaimCandidate[] = [];
  let p = 0;
  const credited = creditedSentences(sentences, quotes);
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    while (p < paragraphs.length && paragraphs[p]!.end <= s.start) p++;
    const para = paragraphs[p];
    if (!para || para.start > s.start || s.end - s.start > MAX_SENTENCE) continue;
    const { found, cue } = sentenceReasons(text, s.start, s.end);
    const reasons = ORDER.filter((r) => found.has(r));
    let score = 0;
    for (const r of reasons) score += WEIGHTS[r]!;
    const quoted = credited.has(si);
    if (quoted || cue) {
      reasons.push('attributed');
      score += quoted ? 1.5 : 1;
    }
    if (score === 0) continue;
    out.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end), score: Math.round(score * 10) / 10, reasons });
  }
  out.sort((a, b) => b.score - a.score || a.start - b.start);
  return out;
}

/** Indices of the sentences that hold part of a quote with a speaker (binary search per quote). */
function creditedSentences(sentences: readonly Span[], quotes: readonly Quote[]): Set<number> {
  const out = new Set<number>();
  for (const q of quotes) {
    if (!q.speaker) continue;
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.end <= q.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sentences.length && sentences[i]!.start < q.end; i++) out.add(i);
  }
  return out;
}
