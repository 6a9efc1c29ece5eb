// Claim candidates: body sentences a fact-checker would want to verify — numbers and statistics,
// accusations and denials, superlatives, and assertions credited to someone. Each reason adds to a
// score; sentences are ranked by it. Regexes here run on one sentence at a time and have no nested
// unbounded repetition, so the cost stays linear.
import type { ClaimCandidate, Quote, Span } from './types';

// Sentences longer than this are not read as claims (junk, tables, a whole article on one line).
const MAX_SENTENCE = 2000;

interface Rule {
  reason: string;
  weight: number;
  test: RegExp;
}

const RULES: Rule[] = [
  { reason: 'statistic', weight: 2.5, test: /\d\s?%|\b(per ?cent|percent|percentage|million|billion|trillion|average|median|rate|doubled|tripled|halved)\b/i },
  { reason: 'number', weight: 1.5, test: /\d|\b(two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)\b/i },
  { reason: 'accusation', weight: 2.5, test: /\b(accus\w*|alleg\w*|blam\w*|violat\w*|illegal\w*|atrocit\w*|war crimes?|condemn\w*|sanction\w*|fraud\w*|corrupt\w*|lie[sd]?|lying)\b/i },
  { reason: 'denial', weight: 2, test: /\b(den(y|ied|ies|ial)|rejected|refuted|dismissed)\b/i },
  { reason: 'superlative', weight: 1, test: /\b(first|largest|biggest|most|least|only|never|ever|record|highest|lowest|worst|best)\b/i },
  { reason: 'causal', weight: 0.5, test: /\b(because|caused|led to|result(ed)? in|due to)\b/i },
];

const CUE = /\b(said|says|told|according to|stated|claimed|claims|warned|announced|reported|confirmed|added)\b/i;

/**
 * Scores every sentence inside a body paragraph. `quotes` (sorted) mark sentences with attributed
 * quoted words; a sentence with a cue verb counts as an attributed assertion too.
 */
export function findClaims(text: string, sentences: readonly Span[], paragraphs: readonly Span[], quotes: readonly Quote[]): ClaimCandidate[] {
  const out: ClaimCandidate[] = [];
  let p = 0;
  let q = 0;
  for (const s of sentences) {
    while (p < paragraphs.length && paragraphs[p]!.end <= s.start) p++;
    const para = paragraphs[p];
    if (!para || para.start > s.start || s.end - s.start > MAX_SENTENCE) continue;
    const str = text.slice(s.start, s.end);
    const reasons: string[] = [];
    let score = 0;
    for (const r of RULES) {
      if (r.test.test(str)) {
        reasons.push(r.reason);
        score += r.weight;
      }
    }
    while (q < quotes.length && quotes[q]!.end <= s.start) q++;
    let quoted = false;
    for (let k = q; k < quotes.length && quotes[k]!.start < s.end; k++) if (quotes[k]!.speaker) quoted = true;
    if (quoted || CUE.test(str)) {
      reasons.push('attributed');
      score += quoted ? 1.5 : 1;
    }
    if (score === 0) continue;
    out.push({ start: s.start, end: s.end, text: str, score: Math.round(score * 10) / 10, reasons });
  }
  out.sort((a, b) => b.score - a.score || a.start - b.start);
  return out;
}
