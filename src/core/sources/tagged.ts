// The cue rules' paraphrases checked and completed by the source tagger: a rule's paraphrase stays
// when the tagger also marks its speaker, and a source the tagger marks where no rule found one
// (no verb of saying: "Trump wants …", "a poll released Monday shows …") becomes a paraphrase of
// its own, with for cue the verb the subject rules find it the subject of, or the verb of saying
// or "according to" right before it ("…, said two diplomats"); with neither it is not listed.
import type { Analysis, Span, TextSpan } from '../types';
import type { HashTable } from '../text/hashTable';
import { firstStartingFrom } from '../spans';
import { T_WORD, type Tok } from '../attribution/tokens';
import { CUE_WORDS } from '../attribution/words';
import { eachWindow, hypothetical, type Paraphrase } from './statements';
import { tagSourcesIn, type SourceTaggerModel } from './tagger';

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

// Longest speaker mention that may start before a window and reach into it, in characters.
const MAX_SPEAKER = 400;

/**
 * The speakers the tagger reads as the rules' findings in a window: every quote's speaker and every
 * rule paraphrase's speaker inside it (the same ones the tagger was trained with).
 */
export function ruleSpeakersIn(quoteSpeakers: readonly Span[], rules: readonly Paraphrase[], from: number, to: number): Span[] {
  const out: Span[] = [];
  // Quote speakers are sorted by start: the first that may reach into the window is found by a binary search.
  for (let i = firstStartingFrom(quoteSpeakers, from - MAX_SPEAKER); i < quoteSpeakers.length && quoteSpeakers[i]!.start < to; i++) {
    if (from < quoteSpeakers[i]!.end) out.push(quoteSpeakers[i]!);
  }
  for (const p of rules) if (p.speaker.start < to && from < p.speaker.end) out.push(p.speaker);
  return out;
}

/** The speakers of the analysis's quotes, sorted by start (for ruleSpeakersIn). */
export function quoteSpeakers(analysis: Analysis): Span[] {
  const out: Span[] = [];
  for (const q of analysis.quotes) if (q.speaker) out.push(q.speaker);
  return out.sort((a, b) => a.start - b.start);
}

export function taggedParaphrases(text: string, analysis: Analysis, rules: readonly Paraphrase[], model: SourceTaggerModel, clusters: HashTable | null, interrupted?: () => boolean): Paraphrase[] {
  const out: Paraphrase[] = [];
  const quoted = quoteSpeakers(analysis);
  let r = 0;
  eachWindow(text, analysis, (toks, span) => {
    if (toks.length === 0) return;
    const from = toks[0]!.start;
    const to = toks[toks.length - 1]!.end;
    // Rule paraphrases come in window order: those whose speaker starts before this window's end.
    const here: Paraphrase[] = [];
    while (r < rules.length && rules[r]!.speaker.start < to) here.push(rules[r++]!);
    const ruled = ruleSpeakersIn(quoted, here, from, to);
    const { spans: tagged, subjects } = tagSourcesIn(text, toks, model, clusters, ruled);
    for (const p of here) if (tagged.some((t) => overlaps(t, p.speaker))) out.push(p);
    let sentence: TextSpan | null = null;
    for (const t of tagged) {
      if (ruled.some((s) => overlaps(s, t))) continue;
      // A new source needs a verb it is the subject of: what it holds or does is the statement (a
      // name inside a phrase, "the trip by Putin", "General Trong, head of the party", is none).
      // What someone will or would do ("he will attend", "she would say") is no statement, as
      // with the verbs of saying.
      const verb = verbOf(toks, subjects, t);
      const before = verb < 0 ? cueBefore(toks, t) : null;
      if (verb >= 0 ? hypothetical(toks, verb) : !before) continue;
      const c = before ?? { start: toks[verb]!.start, end: toks[verb]!.end };
      const cue = { start: c.start, end: c.end, text: text.slice(c.start, c.end) };
      sentence ??= { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
      out.push({ span: sentence, speaker: { start: t.start, end: t.end, text: text.slice(t.start, t.end) }, cue });
    }
  }, interrupted);
  return out;
}

// Adverbs between a subject and its verb ("Sanders has long opposed"), which the candidates include.
const ADVERBS = new Set(['long', 'also', 'still', 'never', 'already', 'now', 'just', 'even', 'often', 'again', 'once', 'then', 'later', 'since', 'ever', 'too']);

/** Token index of the verb whose subject the span is ("Clinton endorsed"), or -1 ("the trip by Putin", an apposition). */
function verbOf(toks: Tok[], subjects: readonly { verb: number; subject: Span }[], sp: Span): number {
  for (const c of subjects) {
    const v = toks[c.verb]!;
    if (v.start < sp.end || !overlaps(c.subject, sp) || ADVERBS.has(v.lower) || (v.lower.endsWith('ly') && v.lower.length > 4)) continue;
    return c.verb;
  }
  return -1;
}

/** The verb of saying or "according to" right before a source written after its cue ("said Easley"), or null. */
function cueBefore(toks: Tok[], sp: Span): Span | null {
  let k = toks.length - 1;
  while (k >= 0 && toks[k]!.start >= sp.start) k--;
  const prev = toks[k];
  if (!prev || prev.kind !== T_WORD || prev.cap) return null;
  if (CUE_WORDS.has(prev.lower)) return prev;
  return prev.lower === 'to' && toks[k - 1]?.lower === 'according' ? { start: toks[k - 1]!.start, end: prev.end } : null;
}
