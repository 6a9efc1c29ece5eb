// Reported speech without quote marks ("X said that …", "according to X", "…, Ushakov said."): the
// attribution cues of every body sentence that no quote already took, each with the subject the
// quote attribution would find for it. The same cue finder and subject rules as quotes, so a source
// is found the same way whether the writer quotes or paraphrases it.
import type { Analysis, Entity, Quote, Span, TextSpan } from '../types';
import { findCues, type Cue } from '../attribution/cues';
import { speakerForCue } from '../attribution/sentence';
import { T_QUOTE, T_WORD, tokenizeWindow, type Tok } from '../attribution/tokens';
import { DETERMINERS, NOUN_MARKERS } from '../attribution/words';
import { MentionIndex, linkSpeakers, type LinkedSpeaker } from '../pronouns';
import { scoreVerb, verbCandidates, type VerbWeights } from './verbs';
import { interruptionCheck } from './interrupt';

export interface Paraphrase {
  /** The sentence reporting the speech. */
  span: TextSpan;
  speaker: TextSpan;
  /** The verb or phrase of saying (for a source the tagger found, the verb it is the subject of). */
  cue: TextSpan;
}

// Verbs of stance that report what someone holds or denies, rarely before a quote so the quote cue
// list leaves them out, but reported speech all the same ("Moscow has denied that …", "Republicans believe …").
export const STANCE_VERBS: ReadonlySet<string> = new Set(['deny', 'denies', 'denied', 'believe', 'believes', 'believed', 'think', 'thinks']);

// Verbs of finding and showing report a finding only before "that" ("the study found that …"); else
// they are other acts ("helped found the state", "shells found on the battlefield", "finds itself").
const FINDING = new Set(['find', 'finds', 'found', 'show', 'shows', 'showed', 'shown', 'reveal', 'reveals', 'revealed']);
const SUBORDINATORS = new Set(['if', 'when', 'unless', 'once', 'as', 'after', 'before', 'while', 'until', 'whether']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

// Modals before a verb of saying: what someone would or might say is not a report of speech.
const HYPOTHETICAL = new Set(['will', 'would', 'could', 'should', 'might', 'may', 'must', 'can', "won't", 'won’t', 'cannot']);

export interface ParaphraseOptions {
  /** Verbs of stance taken as cues besides the verbs of saying (default STANCE_VERBS). */
  stanceVerbs?: ReadonlySet<string>;
  /** Other verbs with a subject, taken when the model scores them above the threshold. */
  verbModel?: { weights: VerbWeights; threshold: number } | null;
  /** Asked every few sentences: true stops the search with SourcesInterrupted (see interrupt.ts). */
  interrupted?: () => boolean;
}

/** Paraphrases in the body paragraphs, in text order, each cue taken once. */
export function findParaphrases(text: string, analysis: Analysis, options: ParaphraseOptions = {}): Paraphrase[] {
  const quoteCues = new Set<string>();
  for (const q of analysis.quotes) if (q.cue && q.speaker) quoteCues.add(`${q.cue.start}:${q.cue.end}`);
  const out: Paraphrase[] = [];
  const cueWords = options.stanceVerbs ?? STANCE_VERBS;
  eachWindow(text, analysis, (toks, span) => paraphrasesIn(text, toks, span, quoteCues, cueWords, options.verbModel ?? null, out), options.interrupted);
  return out;
}

/** Verb candidates of every body sentence with their features (for training and evaluating the model). */
export function verbCandidatesOf(text: string, analysis: Analysis): { subject: Span; verb: Span; feats: string[] }[] {
  const out: { subject: Span; verb: Span; feats: string[] }[] = [];
  eachWindow(text, analysis, (toks) => {
    for (const c of verbCandidates(toks)) out.push({ subject: c.subject, verb: { start: toks[c.verb]!.start, end: toks[c.verb]!.end }, feats: c.feats });
  });
  return out;
}

/** Every cue the paraphrase rules see in the body sentences, before any subject is looked for (to measure misses). */
export function cueSpansOf(text: string, analysis: Analysis, options: ParaphraseOptions = {}): Span[] {
  const out: Span[] = [];
  const cueWords = options.stanceVerbs ?? STANCE_VERBS;
  eachWindow(text, analysis, (toks) => {
    for (const c of [...findCues(toks, text), ...stanceCues(toks, cueWords)]) out.push({ start: toks[c.from]!.start, end: toks[c.to - 1]!.end });
  });
  return out;
}

/**
 * Calls `fn` with the tokens of every body sentence (quotes folded into single tokens). A sentence
 * is read in windows of bounded length, so that the cost per cue stays constant whatever the input
 * (a page-long "sentence" with no full stop); a window is the reported span of its paraphrases
 * when the sentence is longer.
 */
export function eachWindow(text: string, analysis: Analysis, fn: (toks: Tok[], span: Span) => void, interrupted?: () => boolean): void {
  const check = interruptionCheck(interrupted);
  const quoteSpans: Span[] = analysis.quotes;
  const paragraphs = analysis.structure.paragraphs;
  let p = 0;
  for (const s of analysis.sentences) {
    while (p < paragraphs.length && paragraphs[p]!.end <= s.start) p++;
    const para = paragraphs[p];
    // Headlines, captions and datelines report nobody's speech of their own.
    if (!para || para.start > s.start) continue;
    for (let from = s.start; from < s.end; ) {
      const to = windowEnd(text, from, s.end);
      const span = to - from === s.end - s.start ? s : { start: from, end: to };
      check();
      const toks = tokenizeWindow(text, from, to, quoteSpans);
      fn(toks, span);
      from = Math.max(to, toks.length ? toks[toks.length - 1]!.end : to);
    }
  }
}

// Longest stretch of a sentence read at once, in characters (news sentences are rarely over 400).
const MAX_WINDOW = 640;

/** End of the window starting at `from`: the sentence end, or the last space before MAX_WINDOW. */
function windowEnd(text: string, from: number, end: number): number {
  if (end - from <= MAX_WINDOW) return end;
  const space = text.lastIndexOf(' ', from + MAX_WINDOW);
  return space > from + MAX_WINDOW / 2 ? space : from + MAX_WINDOW;
}

function paraphrasesIn(text: string, toks: Tok[], s: Span, quoteCues: ReadonlySet<string>, cueWords: ReadonlySet<string>, model: ParaphraseOptions['verbModel'], out: Paraphrase[]): void {
  let sentence: TextSpan | null = null;
  const cues = [...findCues(toks, text), ...stanceCues(toks, cueWords)];
  if (model) {
    // Verbs the cue lists leave out, when the model finds they attribute something to their subject.
    const taken = new Set<number>();
    for (const c of cues) for (let k = c.from; k < c.to; k++) taken.add(k);
    for (const c of verbCandidates(toks)) if (!taken.has(c.verb) && scoreVerb(model.weights, c.feats) > model.threshold) cues.push({ from: c.verb, to: c.verb + 1, forward: false });
  }
  cues.sort((a, b) => a.from - b.from);
  for (const cue of cues) {
    const first = toks[cue.from]!;
    const last = toks[cue.to - 1]!;
    if (quoteCues.has(`${first.start}:${last.end}`)) continue;
    if (hypothetical(toks, cue.from)) continue;
    // "if asked", "when told": a verb right after a subordinator has no subject of its own.
    if (SUBORDINATORS.has(toks[cue.from - 1]?.lower ?? '')) continue;
    if (cue.to - cue.from === 1 && FINDING.has(first.lower) && toks[cue.to]?.lower !== 'that') continue;
    const found = speakerForCue(toks, -1, cue);
    if (!found.speaker || endsInVerb(toks, found.speaker)) continue;
    if (!reportsSomething(toks, cue, found.speaker)) continue;
    const speaker = { start: found.speaker.start, end: found.speaker.end, text: text.slice(found.speaker.start, found.speaker.end) };
    sentence ??= { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
    out.push({ span: sentence, speaker, cue: { start: first.start, end: last.end, text: text.slice(first.start, last.end) } });
  }
}

/** Lower-case stance verbs after a subject (not after a determiner, where they would be nouns). */
function stanceCues(toks: Tok[], words: ReadonlySet<string>): Cue[] {
  const cues: Cue[] = [];
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== T_WORD || t.cap || !words.has(t.lower)) continue;
    const prev = toks[k - 1]!;
    // After a determiner the word is a noun; after "be" a passive ("are expected"), no one's stance.
    if (NOUN_MARKERS.has(prev.lower) || DETERMINERS.has(prev.lower) || BE.has(prev.lower)) continue;
    cues.push({ from: k, to: k + 1, forward: false });
  }
  return cues;
}

/** A subject phrase ending in a lower-case past verb ("the Soviet Union helped") is a clause, not a mention. */
function endsInVerb(toks: Tok[], sp: Span): boolean {
  let k = toks.length - 1;
  while (k >= 0 && toks[k]!.end > sp.end) k--;
  const t = toks[k];
  return !!t && t.start >= sp.start && t.kind === T_WORD && !t.cap && t.start > sp.start && /ed$/.test(t.lower);
}

/** "would say", "could not deny": a modal before the verb (adverbs and auxiliaries skipped). */
export function hypothetical(toks: Tok[], from: number): boolean {
  let k = from - 1;
  while (k >= 0 && toks[k]!.kind === T_WORD && /^(not|never|also|just|only|still|then|be|have)$/.test(toks[k]!.lower)) k--;
  return k >= 0 && HYPOTHETICAL.has(toks[k]!.lower);
}

/**
 * Whether the cue reports words: something besides speaker and cue in the sentence ("Kyiv has said
 * it has found…", "…, Ushakov said."), not a bare "he said." nor a quote token alone.
 */
function reportsSomething(toks: Tok[], cue: Cue, speaker: Span): boolean {
  let words = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (k >= cue.from && k < cue.to) continue;
    if (t.start >= speaker.start && t.end <= speaker.end) continue;
    if (t.kind === T_WORD) words++;
    else if (t.kind === T_QUOTE) words += 2;
    if (words >= 3) return true;
  }
  return false;
}

/**
 * Speaker mentions of quotes and paraphrases resolved together in text order, so a pronoun in a
 * paraphrase finds the person quoted just before it. Quotes keep the analysis's own resolution.
 */
export function linkParaphrases(text: string, quotes: readonly Quote[], paraphrases: readonly Paraphrase[], entities: readonly Entity[]): (LinkedSpeaker | null)[] {
  const items: { at: Span; speaker: Span; para: number }[] = [];
  for (const q of quotes) if (q.speaker) items.push({ at: q, speaker: q.speaker, para: -1 });
  paraphrases.forEach((p, i) => items.push({ at: p.speaker, speaker: p.speaker, para: i }));
  items.sort((a, b) => a.speaker.start - b.speaker.start);
  const linked = linkSpeakers(
    text,
    items.map((i) => i.speaker),
    items.map((i) => i.at),
    entities,
    new MentionIndex(entities),
  );
  const out: (LinkedSpeaker | null)[] = paraphrases.map(() => null);
  items.forEach((it, i) => {
    if (it.para >= 0) out[it.para] = linked[i] ?? null;
  });
  return out;
}
