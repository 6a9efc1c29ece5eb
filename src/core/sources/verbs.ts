// Reported speech and stance beyond the verbs of saying: "Trump wants …", "a poll shows …", "Clinton
// endorsed …". Every lower-case word with a subject right before it is a candidate; a linear model
// (weights learned from annotated news, see scripts/sources-verb-model.ts) scores how likely the word
// is to attribute something to that subject, from the word, its form, what follows it and what
// kind of subject it has.
import type { Span } from '../types';
import { subjectBefore } from '../attribution/subjects';
import { T_PUNCT, T_QUOTE, T_WORD, type Tok } from '../attribution/tokens';
import { CUE_WORDS, DETERMINERS, NOUN_MARKERS, PRONOUNS, RELATIVES, STOP, isNegation } from '../attribution/words';

export interface VerbCandidate {
  /** Token index of the verb in its window. */
  verb: number;
  subject: Span;
  feats: string[];
}

export type VerbWeights = ReadonlyMap<string, number>;

const AUX = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'did', 'does', 'do', 'also', 'not']);

/** What follows a word, in a few classes. */
function nextClass(t: Tok | undefined): string {
  if (!t) return 'end';
  if (t.kind === T_QUOTE) return 'quote';
  if (t.kind === T_PUNCT) return /^[,.:;]$/.test(t.lower) ? t.lower : 'punct';
  if (t.lower === 'that' || t.lower === 'to' || t.lower === 'for' || t.lower === 'on' || t.lower === 'about' || t.lower === 'of' || t.lower === 'in' || t.lower === 'as') return t.lower;
  if (NOUN_MARKERS.has(t.lower) || DETERMINERS.has(t.lower)) return 'det';
  if (PRONOUNS.has(t.lower)) return 'pron';
  if (t.cap) return 'cap';
  if (/^\d/.test(t.lower)) return 'num';
  return 'word';
}

function suffix(w: string): string {
  return w.endsWith('ing') ? 'ing' : w.endsWith('ed') ? 'ed' : w.endsWith('s') ? 's' : 'other';
}

/** Candidates of one window of tokens (quotes folded into single tokens). */
export function verbCandidates(toks: Tok[]): VerbCandidate[] {
  return verbSubjects(toks).map((c) => ({ ...c, feats: featuresOf(toks, c.verb, c.subject) }));
}

/** Every lower-case word of a window with the subject the rules find right before it: the candidates without their features. */
export function verbSubjects(toks: Tok[]): { verb: number; subject: Span }[] {
  const out: { verb: number; subject: Span }[] = [];
  let floor = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== T_WORD) {
      floor = k + 1;
      continue;
    }
    const w = t.lower;
    if (t.cap || k === floor || w.length < 2 || STOP.has(w) || DETERMINERS.has(w) || PRONOUNS.has(w) || RELATIVES.has(w) || AUX.has(w) || isNegation(w) || /^\d/.test(w)) continue;
    const subject = subjectBefore(toks, k, floor);
    if (!subject || subject.end > t.start) continue;
    out.push({ verb: k, subject });
  }
  return out;
}

function featuresOf(toks: Tok[], k: number, subject: Span): string[] {
  const w = toks[k]!.lower;
  const first = toks.findIndex((x) => x.start === subject.start);
  const sw = toks[first]!;
  const sj = subject.end - subject.start === sw.end - sw.start && (PRONOUNS.has(sw.lower) || RELATIVES.has(sw.lower)) ? 'pron' : toks.some((x) => x.start >= subject.start && x.end <= subject.end && x.cap) ? 'cap' : 'lower';
  const prev = toks[k - 1]!;
  const nx = nextClass(toks[k + 1]);
  const feats = ['b', `w:${w}`, `suf:${suffix(w)}`, `nx:${nx}`, `w+nx:${w}|${nx}`, `sj:${sj}`, `suf+nx:${suffix(w)}|${nx}`];
  if (CUE_WORDS.has(w)) feats.push('cue');
  if (AUX.has(prev.lower)) feats.push(`aux:${prev.lower}`);
  return feats;
}

export function scoreVerb(w: VerbWeights, feats: readonly string[]): number {
  let s = 0;
  for (const f of feats) s += w.get(f) ?? 0;
  return 1 / (1 + Math.exp(-s));
}
