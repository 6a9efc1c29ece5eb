// Quotes with no cue of their own: the sentence before or after, the previous quote's speaker, a
// signature line, a trailing clause after the quote, the agent of a passive naming verb.
import type { QuoteSpan } from '../quotes';
import type { Span } from '../types';
import { colonIntroducer } from './colon';
import { type Cue, findCues } from './cues';
import { JOINERS, LINKING_ADVERBS, SOURCE_HEADS, SUBJECT_PRONOUNS, sourceDescriptionEnd } from './embedding';
import type { RawAttribution } from './raw';
import { speakerForCue } from './sentence';
import { PROGRESSIVE, subjectAfter, subjectBefore } from './subjects';
import { T_PUNCT, T_QUOTE, T_WORD, type Tok, WINDOW, blankLineBetween, quoteBefore, sentenceAt, tokenizeWindow } from './tokens';
import { CUE_WORDS, DETERMINERS, IRREGULAR_PAST, PRONOUNS, SAYING, STOP, isWeekday, skippableBeforeCue } from './words';

/**
 * A quote with no speaker in its own sentence: a preceding "X said:" sentence, a quote that carries
 * on the previous quote's words, or a short "X said." sentence right after.
 */
export function fallbackAttribution(
  text: string,
  qi: number,
  quotes: readonly QuoteSpan[],
  done: RawAttribution[],
  sentences: readonly Span[],
  s0: number,
  s1: number,
  toks: Tok[],
  qt: number,
): RawAttribution | null {
  const q = quotes[qi]!;
  if (qt < 0) return null;
  // A quote opening its sentence, perhaps after a joining word ("But “…”", "Then, “…”").
  let wordsBefore = 0;
  for (let k = 0; k < qt; k++) if (toks[k]!.kind === T_WORD && !(k === 0 && (JOINERS.has(toks[k]!.lower) || (LINKING_ADVERBS.has(toks[k]!.lower) && toks[1]?.lower === ',')))) wordsBefore++;
  if (wordsBefore > 0) return null;
  // 1. The sentence before ends with a colon: "Cruz continued:".
  if (s0 > 0) {
    const prev = sentences[s0 - 1]!;
    if (q.start - prev.end < 8 && text.charCodeAt(prev.end - 1) === 58) {
      const from = Math.max(prev.start, prev.end - WINDOW);
      const pt = tokenizeWindow(text, from, prev.end, quotes);
      const cues = findCues(pt);
      for (let c = cues.length - 1; c >= 0; c--) {
        const cue = cues[c]!;
        let floor = cue.from - 1;
        while (floor >= 0 && pt[floor]!.kind === T_WORD) floor--;
        // "Stated Stone:": a verb of saying opening the sentence has its speaker after it.
        const sp = cue.forward ? subjectAfter(pt, cue.to, pt.length) : (subjectBefore(pt, cue.from, floor + 1) ?? (cue.from === 0 && pt[0]!.start === prev.start ? subjectAfter(pt, cue.to, pt.length) : null));
        if (sp) return { speaker: sp, cue: { start: pt[cue.from]!.start, end: pt[cue.to - 1]!.end }, inherited: false };
      }
      const introduced = colonIntroducer(pt, pt.length - 1);
      if (introduced) return introduced;
    }
  }
  // 1b. “…,” Trump barked. — a name and a verb of any kind right after the quote.
  const trailing = trailingSpeechClause(text, q, toks, qt);
  if (trailing) return trailing;
  // 1c. A sign-off line right after the quote: "“…” ¶ — Bernie Sanders."
  const signed = dashSignature(text, q, quotes);
  if (signed) return signed;
  // 2. “…?” Borger asked. — the question mark ended the sentence before the cue.
  const endMark = text.charCodeAt(q.end - 2);
  if (endMark === 63 || endMark === 33) {
    const viaNext = nextSentenceCue(text, q, sentences, s1, quotes);
    if (viaNext) return viaNext;
  }
  // 3. The previous quote, in the same or the previous paragraph, is by a known speaker and nothing
  //    but the quotes' own sentences lies between them.
  if (qi > 0) {
    const pq = quotes[qi - 1]!;
    const pa = done[qi - 1]!;
    if (pa.speaker && q.block - pq.block <= 1 && q.start - pq.end < 400 && (quoteSentenceEnd(text, sentences, pq) >= s0 - 1 || narrationBetween(text, sentences, pq, q, quotes))) {
      return { speaker: pa.speaker, cue: pa.cue, inherited: true };
    }
  }
  // 4. A short "X said." sentence right after the quote.
  const viaNext = nextSentenceCue(text, q, sentences, s1, quotes);
  if (viaNext) return viaNext;
  // 5. The sentence before, in the same paragraph, credits someone: "Magel said at the rally. “But …”"
  //    A blank line between them starts a new paragraph, and crediting across it would be a guess.
  if (s0 > 0 && q.start - sentences[s0 - 1]!.end < 4 && !blankLineBetween(text, sentences[s0 - 1]!.end, q.start)) {
    const prev = sentences[s0 - 1]!;
    const pt = tokenizeWindow(text, Math.max(prev.start, prev.end - WINDOW), prev.end, quotes);
    const cues = findCues(pt);
    for (let c = cues.length - 1; c >= 0; c--) {
      const found = speakerForCue(pt, -1, cues[c]!);
      if (found.speaker) return { speaker: found.speaker, cue: found.cue, inherited: true };
    }
  }
  return null;
}

/**
 * The last sentence belonging to quote `q`: the one it ends in, or the "Hannity pressed." that a
 * question or exclamation mark split off right after it. A quote further back is separated from
 * the next one by sentences of their own, whose people may be the ones speaking next.
 */
function quoteSentenceEnd(text: string, sentences: readonly Span[], q: Span): number {
  const s = sentenceAt(sentences, q.end - 1);
  const next = sentences[s + 1];
  const mark = text.charCodeAt(q.end - 2);
  return s >= 0 && next && (mark === 63 || mark === 33) && sentences[s]!.end <= q.end && next.start - q.end < 4 && !blankLineBetween(text, q.end, next.start) ? s + 1 : s;
}

/**
 * Quotes `a` and `b` share a paragraph and the sentences between them only narrate, with no verb of
 * saying and no other quote: "“Oh gosh,” Woolson said. The towns lie far from any city. “That’s a
 * tough area.”" — the paragraph's speaker is still talking.
 */
function narrationBetween(text: string, sentences: readonly Span[], a: QuoteSpan, b: QuoteSpan, quotes: readonly Span[]): boolean {
  if (a.block !== b.block) return false;
  const own = sentences[quoteSentenceEnd(text, sentences, a)];
  if (!own || own.end > b.start) return false;
  const toks = tokenizeWindow(text, own.end, b.start, quotes);
  if (toks.some((t) => t.kind === T_QUOTE) || findCues(toks).length > 0) return false;
  // "Betsy Ebeling shook her head. “…”": a sentence about someone else named may pass them the word.
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const opens = k === 0 || /^[.!?]$/.test(toks[k - 1]!.lower);
    if (opens && t.kind === T_WORD && t.cap && toks[k + 1]?.cap && !DETERMINERS.has(t.lower)) return false;
  }
  return true;
}

/**
 * A verb of saying opening its clause before the quote, with the speaker after it: "Because of the
 * schedule, explained Rosenberg, “with this over by March …”", "In other words, explained the
 * moderator: “…”". The speaker phrase must fill the words between the cue and the quote.
 */
export function invertedCueBefore(toks: Tok[], qt: number): RawAttribution | null {
  const sep = toks[qt - 1]!;
  if (sep.lower !== ',' && sep.lower !== ':') return null;
  let k = qt - 2;
  while (k >= 0 && toks[k]!.kind === T_WORD) k--;
  // toks[k] opens the clause: the start of the window, a comma or a sentence mark.
  if (k >= 0 && !/^[,.;!?—–-]$/.test(toks[k]!.lower)) return null;
  const cue = findCues(toks).find((c) => c.from === k + 1 && !c.forward);
  if (!cue || toks[cue.from]!.cap !== (k < 0) || !/(ed|wrote|said|told)$/.test(toks[cue.to - 1]!.lower)) return null;
  const sp = subjectAfter(toks, cue.to, qt - 1);
  if (!sp || sp.end !== toks[qt - 2]!.end) return null;
  return { speaker: sp, cue: { start: toks[cue.from]!.start, end: toks[cue.to - 1]!.end }, inherited: false };
}

// Words that may end the short clause after a quote: the clause ends or an adverbial phrase starts.
const CLAUSE_TAIL = new Set(['.', ',', ';', 'on', 'in', 'at', 'during', 'with', 'as', 'to', 'before', 'after', 'while', 'when', 'from', 'into', 'over', 'and']);

/**
 * “Go back to your seat,” Trump barked. — whatever the verb, a name or pronoun and a past-tense
 * verb right after a quote that ends on a comma, question or exclamation mark report the quote's
 * words; the verb list of the cue finder cannot hold every verb a writer uses there.
 */
function trailingSpeechClause(text: string, q: Span, toks: Tok[], qt: number): RawAttribution | null {
  const mark = text.charCodeAt(q.end - 2);
  if (mark !== 44 && mark !== 63 && mark !== 33) return null;
  return subjectAndVerb(toks, qt + 1);
}

/**
 * A name (capitalised words) or a subject pronoun at `from`, then a past-tense verb ending the
 * clause or followed by an adverbial phrase: "Trump barked", "Hannity pressed on Monday".
 */
function subjectAndVerb(toks: Tok[], from: number): RawAttribution | null {
  const first = toks[from];
  if (!first || first.kind !== T_WORD) return null;
  let last: number;
  let described = false;
  if (SUBJECT_PRONOUNS.has(first.lower)) last = from;
  // “…,” it read. — "it" is a document, a sign or an organisation only with a verb of writing.
  else if (first.lower === 'it') return IT_VERBS.has(toks[from + 1]?.lower ?? '') && CLAUSE_TAIL.has(toks[from + 2]?.lower ?? '.') ? { speaker: { start: first.start, end: first.end }, cue: { start: toks[from + 1]!.start, end: toks[from + 1]!.end }, inherited: false } : null;
  else if (first.lower === 'the' || first.lower === 'a' || first.lower === 'an') {
    // "the email read", "the newspaper admitted": a description of a source.
    last = sourceDescriptionEnd(toks, from, toks.length);
    if (last < 0) last = describedName(toks, from);
    if (last < 0) return invertedTrailing(toks, from);
    described = true;
  } else if (!first.cap) return invertedTrailing(toks, from);
  // “…,” From said. / “…,” Will wrote. — one capitalised word right before a verb of saying that
  // ends the clause is a name, even one spelled like a function word.
  else if (SAYING.has(toks[from + 1]?.lower ?? '') && CLAUSE_TAIL.has(toks[from + 2]?.lower ?? '.') && !DETERMINERS.has(first.lower) && !PRONOUNS.has(first.lower) && !isWeekday(first.lower)) last = from;
  else {
    if (DETERMINERS.has(first.lower) || isWeekday(first.lower)) return null;
    const sp = subjectAfter(toks, from, toks.length);
    if (!sp) return null;
    last = from;
    while (toks[last + 1] && toks[last + 1]!.end <= sp.end) last++;
    for (let j = from; j <= last; j++) if (!toks[j]!.cap) return null;
  }
  let v = last + 1;
  // "Todd was shocked" describes a state, not speech.
  while (toks[v] && skippableBeforeCue(toks[v]!)) if (PROGRESSIVE.has(toks[v++]!.lower)) return null;
  const verb = toks[v];
  if (!verb || !pastVerb(verb) && !SAYING.has(verb.lower) && !(described && /[^s]s$/.test(verb.lower) && verb.kind === T_WORD && !verb.cap && !STOP.has(verb.lower))) return null;
  const after = toks[v + 1];
  if (after && after.kind !== T_QUOTE && !CLAUSE_TAIL.has(after.lower)) return null;
  return { speaker: { start: first.start, end: toks[last]!.end }, cue: { start: verb.start, end: verb.end }, inherited: false };
}

/**
 * Many saw the party as “…,” From said. — a quote inside the writer's sentence, credited by a short
 * clause with a verb of saying right after it.
 */
export function trailingSayingClause(text: string, q: Span, toks: Tok[], qt: number): RawAttribution | null {
  const found = trailingSpeechClause(text, q, toks, qt);
  return found && found.cue && CUE_WORDS.has(text.slice(found.cue.start, found.cue.end).toLowerCase()) ? found : null;
}

// Verbs with which "it" after a quote is the text or body that carries the words.
const IT_VERBS = new Set(['read', 'reads', 'said', 'says', 'stated', 'states', 'added', 'adds', 'continued', 'continues', 'concluded', 'concludes']);

/**
 * "an angry Hollande", "a defiant Trump": an article, one or two lower-case words and a name. The
 * last token of the name, or -1.
 */
function describedName(toks: Tok[], det: number): number {
  let k = det + 1;
  while (k <= det + 2 && toks[k]?.kind === T_WORD && !toks[k]!.cap && !STOP.has(toks[k]!.lower) && !CUE_WORDS.has(toks[k]!.lower)) k++;
  if (k === det + 1 || toks[k]?.kind !== T_WORD || !toks[k]!.cap) return -1;
  while (toks[k + 1]?.kind === T_WORD && toks[k + 1]!.cap) k++;
  return k;
}

/** A lower-case past-tense verb: "barked", "read", "went". */
function pastVerb(t: Tok): boolean {
  return t.kind === T_WORD && !t.cap && !STOP.has(t.lower) && (t.lower.endsWith('ed') || IRREGULAR_PAST.has(t.lower) || t.lower === 'read');
}

/**
 * “…,” read the statement. / “…?” reacted Trump. — the verb first, then a name or the description
 * of a source ending the clause.
 */
function invertedTrailing(toks: Tok[], from: number): RawAttribution | null {
  const verb = toks[from]!;
  if (!pastVerb(verb)) return null;
  const n = from + 1;
  const t = toks[n];
  if (!t || t.kind !== T_WORD) return null;
  let last: number;
  if (t.lower === 'the' || t.lower === 'a' || t.lower === 'an') last = sourceDescriptionEnd(toks, n, toks.length);
  else {
    if (!t.cap || DETERMINERS.has(t.lower) || isWeekday(t.lower) || PRONOUNS.has(t.lower)) return null;
    last = n;
    while (toks[last + 1]?.kind === T_WORD && toks[last + 1]!.cap) last++;
  }
  if (last < 0) return null;
  const after = toks[last + 1];
  if (after && after.kind !== T_QUOTE && !CLAUSE_TAIL.has(after.lower)) return null;
  return { speaker: { start: t.start, end: toks[last]!.end }, cue: { start: verb.start, end: verb.end }, inherited: false };
}

/**
 * "Bush called Rubio “a bright leader” but described his skills as a “work in progress”": a second
 * verb joined to the clause of the quote before shares that clause's subject, so the speaker found
 * for the earlier quote says this one too.
 */
export function coordinatedPredicate(toks: Tok[], qt: number, prev: RawAttribution | undefined): RawAttribution | null {
  if (!prev || !prev.speaker) return null;
  let k = qt - 1;
  while (k >= 0 && toks[k]!.kind !== T_QUOTE) {
    if (toks[k]!.kind === T_PUNCT && toks[k]!.lower !== ',') return null;
    k--;
  }
  if (k < 0 || prev.speaker.end > toks[k]!.start) return null;
  let j = k + 1;
  if (toks[j]?.lower === ',') j++;
  if (toks[j]?.lower !== 'and' && toks[j]?.lower !== 'but') return null;
  j++;
  while (j < qt && skippableBeforeCue(toks[j]!)) j++;
  const verb = toks[j];
  if (!verb || j >= qt || verb.kind !== T_WORD || verb.cap || STOP.has(verb.lower) || !(verb.lower.endsWith('ed') || CUE_WORDS.has(verb.lower) || IRREGULAR_PAST.has(verb.lower))) return null;
  return { speaker: prev.speaker, cue: { start: verb.start, end: verb.end }, inherited: false };
}

// Participles that, with an agent after "by", report what the agent called or asked something.
const NAMING_PARTICIPLES = new Set(['seen', 'known', 'viewed', 'regarded', 'considered', 'branded', 'dubbed', 'termed', 'nicknamed', 'labeled', 'labelled']);

function namingParticiple(t: Tok | undefined): boolean {
  return !!t && t.kind === T_WORD && !t.cap && (NAMING_PARTICIPLES.has(t.lower) || (t.lower.endsWith('ed') && CUE_WORDS.has(t.lower)));
}

/**
 * A passive clause names the speaker as its agent: "an option seen by organizers as a “lifeboat”",
 * "was asked by moderator Gerard Baker whether “…”", "has been called “strategic ambiguity” by
 * Joshua Hendrick". The clause's subject is what was named or asked, not the speaker.
 */
export function passiveAgent(toks: Tok[], qt: number): RawAttribution | null {
  // After the quote: called “…” by X.
  const by = toks[qt + 1];
  if (by && by.lower === 'by') {
    for (let p = qt - 1; p >= 0 && p >= qt - 3 && toks[p]!.kind === T_WORD; p--) {
      if (!namingParticiple(toks[p])) continue;
      const sp = agentAfter(toks, qt + 2, toks.length);
      if (sp) return { speaker: sp, cue: { start: toks[p]!.start, end: toks[p]!.end }, inherited: false };
    }
  }
  // Before the quote: seen by X as “…”, asked by X whether “…”; nothing but words between.
  let k = qt - 1;
  while (k >= 0 && qt - k <= 16 && (toks[k]!.kind === T_WORD || toks[k]!.lower === ',')) {
    if (toks[k]!.lower === 'by' && namingParticiple(toks[k - 1])) {
      const sp = agentAfter(toks, k + 1, qt);
      if (sp) return { speaker: sp, cue: { start: toks[k - 1]!.start, end: toks[k]!.end }, inherited: false };
    }
    k--;
  }
  return null;
}

/** The agent after "by": a name or description, or a bare plural of people ("by organizers"). */
function agentAfter(toks: Tok[], from: number, ceil: number): Span | null {
  const sp = subjectAfter(toks, from, ceil);
  if (sp) return sp;
  const t = toks[from];
  return t && from < ceil && t.kind === T_WORD && SOURCE_HEADS.has(t.lower) && t.lower.endsWith('s') ? { start: t.start, end: t.end } : null;
}

/**
 * A quote signed on the line after it with a dash and a name: "“…” ¶ - Bernie Sanders." or
 * "—President Obama, tweeting after the speech." The dash line is short and opens with the name,
 * the way collections of quotes and fact checks credit each entry.
 */
function dashSignature(text: string, q: Span, quotes: readonly Span[]): RawAttribution | null {
  let i = q.end;
  const limit = Math.min(text.length, q.end + 6);
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) i++;
  if (i === q.end || !/[\n]/.test(text.slice(q.end, i))) return null;
  const dash = text.charCodeAt(i);
  if (dash !== 45 && dash !== 0x2013 && dash !== 0x2014) return null;
  let end = text.indexOf('\n', i);
  if (end < 0) end = text.length;
  if (end - i > 120) return null;
  const lt = tokenizeWindow(text, i, end, quotes);
  if (lt.length < 2 || lt[1]!.kind !== T_WORD || !lt[1]!.cap) return null;
  const sp = subjectAfter(lt, 1, lt.length);
  if (!sp) return null;
  const next = lt.find((t) => t.start >= sp.end);
  if (next && next.lower !== ',' && next.lower !== '.') return null;
  return { speaker: sp, cue: { start: lt[0]!.start, end: lt[0]!.end }, inherited: false };
}

/** "X said." or "said X." opening the sentence right after the quote. */
function nextSentenceCue(text: string, q: Span, sentences: readonly Span[], s1: number, quotes: readonly Span[]): RawAttribution | null {
  const next = sentences[s1 + 1];
  if (next && next.start - q.end < 4 && next.end - next.start < 160) {
    const nt = tokenizeWindow(text, next.start, next.end, quotes);
    const cue = findCues(nt)[0];
    // A cue after a quote of its own (“…?” ¶ “Mexico!” the crowd shouted) credits that quote, and
    // a sentence in the next paragraph reports something new ("“…?” ¶ The crowd applauded.").
    if (cue && !cue.forward && !quoteBefore(nt, cue.from) && !blankLineBetween(text, q.end, next.start)) {
      const sp = cue.from <= 5 ? (subjectBefore(nt, cue.from, 0) ?? (cue.from === 0 ? subjectAfter(nt, cue.to, nt.length) : null)) : appositionSubject(nt, cue);
      if (sp) return { speaker: sp, cue: { start: nt[cue.from]!.start, end: nt[cue.to - 1]!.end }, inherited: false };
    }
    // “…?” Hannity pressed. — a question or exclamation ends the sentence before its speaker. The
    // short sentence must follow in the same paragraph and hold nothing but subject and verb.
    const mark = text.charCodeAt(q.end - 2);
    if (!cue && (mark === 63 || mark === 33) && !blankLineBetween(text, q.end, next.start)) {
      const found = subjectAndVerb(nt, 0);
      const end = found && nt.findIndex((t) => t.start >= found.cue!.end);
      if (found && (end === -1 || nt[end!]!.lower === '.' || (nt[end!]!.lower.endsWith('ly') && nt[end! + 1]?.lower === '.'))) return found;
    }
  }
  return null;
}

/**
 * "Miller, a retired worker from a nuclear plant, said": a name opening the sentence, set off from
 * its verb of saying by an apposition.
 */
function appositionSubject(nt: Tok[], cue: Cue): Span | null {
  if (cue.from > 16) return null;
  const found = speakerForCue(nt, -1, cue);
  return found.speaker && found.speaker.start === nt[0]!.start && nt.some((t, k) => k < cue.from && t.lower === ',') ? found.speaker : null;
}
