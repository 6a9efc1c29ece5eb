// Attribution inside the quote's own sentence: choosing the cue that governs the quote and its speaker,
// the sentence's outer speaker over a nested one, and sources cited after the report.
import type { Span } from '../types';
import { type Cue, findCues } from './cues';
import { MAX_NP, clauseSubject, objectBefore, spanWords, subjectAfter, subjectBefore, subjectBeforeAside } from './subjects';
import { T_PUNCT, T_QUOTE, T_WORD, type Tok, isClauseEnd, isContractedAux, tokenAt } from './tokens';
import { CUE_WORDS, FORESEEING, SAYING, isPronoun, isWeekday } from './words';

interface Found {
  speaker: Span | null;
  cue: Span;
}

// Words before each token of the current window, reused from window to window.
let windowWordCounts = new Int32Array(256);

/** The cue and speaker for quote token `qt` inside `toks` (one sentence, quotes as single tokens). */
export function attributeInWindow(toks: Tok[], qt: number, text: string): Found | null {
  const cues = findCues(toks, text);
  if (cues.length === 0) return null;
  // Nearest cue first, counting the words between cue and quote; a cue behind the quote (in the
  // writer's own clause: “…,” X said) wins a tie. The first cue with a speaker is taken.
  if (windowWordCounts.length < toks.length + 1) windowWordCounts = new Int32Array(2 * toks.length + 2);
  windowWordCounts[0] = 0;
  for (let k = 0; k < toks.length; k++) windowWordCounts[k + 1] = windowWordCounts[k]! + (toks[k]!.kind === T_WORD && !isContractedAux(toks, k) ? 1 : 0);
  // Built by push rather than cues.map(): the array map() returns is not always of the same
  // internal kind, and the optimised code of this function was thrown away on meeting the other.
  const ranked: { cue: Cue; d: number }[] = [];
  for (const cue of cues) {
    const d = cue.from > qt ? windowWordCounts[cue.from]! - windowWordCounts[qt + 1]! - 0.5 + (opensClause(toks, qt + 1, cue.from) || reportsOwnClause(toks, cue) ? 16 : 0) : windowWordCounts[qt]! - windowWordCounts[cue.to]!;
    ranked.push({ cue, d });
  }
  ranked.sort((x, y) => x.d - y.d);
  // “…,” the senator said. — an attribution closing the sentence right after the quote credits it,
  // whatever verb of saying comes before the quote ("Nothing the president said “…,” X said").
  const closing = closingCue(toks, qt, cues, text);
  if (closing && ranked[0]!.cue !== closing) {
    const found = speakerForCue(toks, qt, closing);
    if (found.speaker) return found;
  }
  for (const { cue } of ranked.slice(0, 3)) {
    const found = speakerForCue(toks, qt, cue);
    if (!found.speaker) continue;
    const chosen = outerSpeaker(toks, qt, cues, found) ?? found;
    const nearest = ranked[0]!.cue;
    // "Alder referred to Voss as “…” but described his record as “…”": the nearer verb joined by
    // "and" / "but" shares the earlier verb's subject and is the cue of its own quote.
    if (nearest !== cue && cue.to <= nearest.from && nearest.to <= qt && JOINED.has(toks[nearest.from - 1]?.lower ?? '')) {
      return { speaker: chosen.speaker, cue: { start: toks[nearest.from]!.start, end: toks[nearest.to - 1]!.end } };
    }
    return chosen;
  }
  return null;
}

const JOINED = new Set(['and', 'but']);

/** A cue in a short "X said." / "said X." clause that follows the quote after a comma and ends the sentence. */
function closingCue(toks: Tok[], qt: number, cues: Cue[], text: string): Cue | null {
  let k = qt + 1;
  // The quote's own words end in a comma (“…,”), or a comma follows it.
  if (toks[k]?.lower === ',') k++;
  else if (!/,\W*$/.test(text.slice(Math.max(toks[qt]!.start, toks[qt]!.end - 3), toks[qt]!.end))) return null;
  const from = k;
  if (toks[k] && (CLAUSE_OPENERS.has(toks[k]!.lower) || SUBORDINATORS.has(toks[k]!.lower))) return null;
  while (k < toks.length && toks[k]!.kind === T_WORD && k - from <= 6) k++;
  const end = toks[k];
  if (k === from || !(end === undefined || (end.kind === T_PUNCT && end.lower === '.'))) return null;
  for (const cue of cues) if (!cue.forward && cue.from >= from && cue.to <= k) return cue;
  return null;
}

// Words opening a new clause; a cue after one of them belongs to that clause, not to the quote before.
const CLAUSE_OPENERS = new Set(['although', 'though', 'while', 'because', 'whereas', 'whom', 'which', 'when', 'if', 'unless', 'until', 'since', 'but']);

// Words that open a reported clause right after a verb of saying: "he said there’s no precedent".
const CLAUSE_SUBJECTS = new Set(['that', 'there', 'he', 'she', 'they', 'we', 'i', 'would', 'will', 'could', 'was', 'is', 'were', 'might']);

/**
 * A verb of saying after the quote that goes on to report words of its own ("…, he said there’s
 * no precedent", "provisions he said would restrict …") does not attribute the quote before it.
 */
function reportsOwnClause(toks: Tok[], cue: Cue): boolean {
  let k = cue.to;
  while (k < toks.length && toks[k]!.kind === T_WORD && (isWeekday(toks[k]!.lower) || /^(today|yesterday|tonight|on|also|later)$/.test(toks[k]!.lower))) k++;
  const n = toks[k];
  return !!n && n.kind === T_WORD && !n.cap && CLAUSE_SUBJECTS.has(n.lower.replace(/['’]s$/, '')) && !isContractedAux(toks, k);
}

function opensClause(toks: Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (toks[k]!.kind === T_WORD && CLAUSE_OPENERS.has(toks[k]!.lower)) return true;
  // “…” and Lee calling it …: "and" right after the quote opens another subject's clause.
  const and = toks[from]?.lower === ',' ? from + 1 : from;
  return and < to - 1 && toks[and]!.lower === 'and' && (toks[and + 1]!.cap || isPronoun(toks[and + 1]!));
}

/**
 * A speaker found inside a reported clause often stands in for the sentence's own speaker: in
 * "Rubio said that Trump, whom he called a “con artist,” …" and "Bush said history has shown the
 * need for a “stable government”" the words are Rubio's and Bush's. When the cue found comes after
 * an earlier verb of saying in the same sentence (no quote between them), and the cue found is
 * either weak (not a verb of saying) or has a pronoun or a lower-case description as its subject,
 * the earlier verb's subject is the speaker.
 */
function outerSpeaker(toks: Tok[], qt: number, cues: Cue[], found: Found): Found | null {
  const sp = found.speaker!;
  const at = toks.findIndex((t) => t.start === sp.start);
  const cueAt = toks.findIndex((t) => t.start === found.cue.start);
  if (at < 0 || cueAt < 0 || cueAt > qt) return null;
  // "Obama said Americans will say “no”": a speech act the speaker foresees is not a report of it.
  const weakCue = !SAYING.has(toks[cueAt]!.lower) || isHypothetical(toks, cueAt);
  const weakSubject = isPronoun(toks[at]!) || !toks[at]!.cap;
  if (!weakCue && !weakSubject) return null;
  if (ownClause(toks, at, cueAt)) return null;
  let nested: Found | null = null;
  for (let c = cues.length - 1; c >= 0; c--) {
    const cue = cues[c]!;
    if (cue.forward || cue.to > Math.min(at, cueAt) || !SAYING.has(toks[cue.from]!.lower)) continue;
    // A quote between the two cues is usually a speaker's own sentence, except that a pronoun
    // subject inside the reported clause ("whom he called") still stands for the outer speaker.
    let between = false;
    for (let k = cue.to; k < qt; k++) if (toks[k]!.kind === T_QUOTE) between = true;
    if (between && !isPronoun(toks[at]!)) continue;
    // "Ryan said …, though he said “…”": a concessive clause is not part of what the first verb reports.
    if (isPronoun(toks[at]!) && CONCESSIVE.has(toks[at - 1]?.lower ?? '')) return null;
    const outer = speakerForCue(toks, qt, cue);
    if (!outer.speaker || outer.speaker.end > sp.start) continue;
    // "Ever since Sanders announced his bid, he’s said …": a verb of saying in an introductory
    // clause does not report the main clause.
    // Inside that clause ("after Quick said the front-runner had referred to …") it still reports.
    const o = tokenAt(toks, outer.speaker.start);
    // A pronoun there ("when she claimed that Comey had characterized …") points further out still.
    if (o > 0 && SUBORDINATORS.has(toks[o - 1]!.lower)) {
      const introductory = commaBetween(toks, cue.to, at);
      if (!introductory) nested ??= outer;
      if (introductory || isPronoun(toks[o]!)) continue;
    }
    return outer;
  }
  return nested;
}

function commaBetween(toks: Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (toks[k]!.lower === ',') return true;
  return false;
}

/**
 * A verb of saying in a clause of its own rather than in a reported one: set off by commas
 * (“…, he said, …”) or opening a clause joined by "and" / "but" ("and it says …").
 */
function ownClause(toks: Tok[], at: number, cueAt: number): boolean {
  const before = toks[at - 1];
  if (before && (before.lower === 'and' || before.lower === 'but')) return true;
  return !!before && before.lower === ',' && toks[cueAt + 1]?.lower === ',';
}

// Words opening a clause that stands beside a report rather than inside it.
const CONCESSIVE = new Set(['though', 'although', 'but', 'whereas', 'yet']);

// Words opening an introductory clause before the main one.
const SUBORDINATORS = new Set(['since', 'when', 'after', 'before', 'as', 'while', 'if', 'because', 'although', 'though', 'once', 'until', 'unless', 'whenever']);

/** A verb of saying after a modal or "to" ("will say", "would call it", "to say"): not said yet. */
function isHypothetical(toks: Tok[], cueAt: number): boolean {
  let k = cueAt - 1;
  while (k >= 0 && toks[k]!.kind === T_WORD && /^(not|never|also|just|only|still|then)$/.test(toks[k]!.lower)) k--;
  const m = toks[k];
  return !!m && m.kind === T_WORD && FORESEEING.has(m.lower);
}

export function speakerForCue(toks: Tok[], qt: number, best: Cue): Found {
  const cueSpan = { start: toks[best.from]!.start, end: toks[best.to - 1]!.end };
  if (best.forward) return { speaker: subjectAfter(toks, best.to, toks.length), cue: cueSpan };
  // Clause bounds for the subject: the nearest punctuation or quote before the cue.
  let floor = best.from - 1;
  while (floor >= 0 && toks[floor]!.kind === T_WORD) floor--;
  floor++;
  const participle = best.to - best.from === 1 && toks[best.from]!.lower.endsWith('ing');
  // A participle's phrase is checked for being an object below, so it is not extended there.
  const before = subjectBefore(toks, best.from, floor, participle ? 2 : 0);
  const prev = toks[best.from - 1];
  // "…, Spicer said, adding “…”": a participle right after a parenthetical verb of saying shares its subject.
  if (participle && !before && toks[best.from - 1]?.lower === ',' && best.from >= 2) {
    const said = toks[best.from - 2]!;
    if (said.kind === T_WORD && CUE_WORDS.has(said.lower) && !said.lower.endsWith('ing')) {
      let f = best.from - 3;
      while (f >= 0 && toks[f]!.kind === T_WORD) f--;
      const sp = subjectBefore(toks, best.from - 2, f + 1);
      if (sp && f >= 0 && toks[f]!.lower === ',') return { speaker: sp, cue: cueSpan };
    }
  }
  // "Trump posted a message on Twitter reading “…”": a participle after an object describes the
  // clause's subject, not the object.
  if (before && participle && objectBefore(toks, best.from, before)) {
    // "X called a report suggesting … “outrageous”": the participle describes the object of a
    // verb of saying, whose cue and subject the quote goes with.
    const verb = tokenAt(toks, before.start) - 1;
    if (verb > 0 && toks[verb]!.kind === T_WORD && CUE_WORDS.has(toks[verb]!.lower) && !toks[verb]!.lower.endsWith('ing')) {
      const outer = speakerForCue(toks, qt, { from: verb, to: verb + 1, forward: false });
      if (outer.speaker) return outer;
    }
    const clause = coordinatedPronoun(toks, best.from) ?? clauseSubject(toks, best.from);
    if (clause) return { speaker: clause, cue: cueSpan };
  }
  if (before) return { speaker: before, cue: cueSpan };
  const joined = !participle ? sharedSubject(toks, best.from, floor) : null;
  if (joined) return { speaker: joined, cue: cueSpan };
  const tagged = !participle ? subjectBeforeDroppedAside(toks, best.from) : null;
  if (tagged) return { speaker: tagged, cue: cueSpan };
  // "for news accounts to portray", "calls for the party to respond": an infinitive whose subject
  // was not found is someone else's act, not the clause subject's words.
  if (!before && prev?.lower === 'to' && forSubject(toks, best.from - 1)) return { speaker: null, cue: cueSpan };
  const aside = !before && !participle ? subjectBeforeAside(toks, best.from) : null;
  if (aside) return { speaker: aside, cue: cueSpan };
  // Inverted order right after the quote: “…,” said X / “…” said X / “…” about it, said X. A
  // participle never inverts (“…,” saying X): it goes with the clause's subject.
  if (!participle && (!prev || prev.kind === T_QUOTE || (prev.lower === ',' && toks[best.from - 2]?.kind === T_QUOTE))) {
    return { speaker: subjectAfter(toks, best.to, toks.length), cue: cueSpan };
  }
  // "The paradox, says Carl Olsen, historian at the library, is …": a parenthetical verb of saying
  // with its subject after it.
  if (!participle && prev?.lower === ',' && SAYING.has(toks[best.from]!.lower) && !OBJECT_TAKERS.has(toks[best.from]!.lower)) {
    const after = subjectAfter(toks, best.to, toks.length);
    let e = best.to;
    while (after && e < toks.length && toks[e]!.end < after.end) e++;
    const close = toks[e + 1];
    if (after && toks[best.to]!.cap && close?.lower === ',') return { speaker: after, cue: cueSpan };
  }
  // "the effort stalled, and he has battled …, calling": a participle goes with the nearest
  // coordinated clause's pronoun subject.
  const coordinated = participle ? coordinatedPronoun(toks, best.from) : null;
  if (coordinated) return { speaker: coordinated, cue: cueSpan };
  // The cue belongs to the clause's subject further back: "X, an adviser to Y, said",
  // "Clinton posted a comment, saying", "the email goes on to say"; failing that, "…, said X".
  const clause = clauseSubject(toks, best.from);
  if (clause) return { speaker: clause, cue: cueSpan };
  if (prev && prev.lower === ',' && best.from > qt && !participle) {
    const after = subjectAfter(toks, best.to, toks.length);
    if (after && toks.some((t, k) => k >= best.to && t.start < after.end && t.cap)) return { speaker: after, cue: cueSpan };
  }
  return { speaker: null, cue: cueSpan };
}

// Verbs of saying followed by whom they address, not by their subject ("told POLITICO").
const OBJECT_TAKERS = new Set(['told', 'tells', 'warned', 'warns', 'assured', 'assures', 'informed', 'reminded']);

/**
 * "Gov. John Kasich (R-OH), said": a comma after a short aside, which the tokens leave out, parts
 * the name from its verb; the name is the subject however long the phrase opening the sentence.
 */
function subjectBeforeDroppedAside(toks: Tok[], cueFrom: number): Span | null {
  const comma = cueFrom - 1;
  const name = toks[comma - 1];
  if (toks[comma]?.lower !== ',' || !name || name.kind !== T_WORD || !name.cap || toks[comma]!.start - name.end < 3) return null;
  let floor = comma - 1;
  while (floor >= 0 && toks[floor]!.kind === T_WORD) floor--;
  const sp = subjectBefore(toks, comma, floor + 1, 0, true);
  return sp && toks[tokenAt(toks, sp.start)]!.cap ? sp : null;
}

/** The pronoun after the nearest "and" / "but" before `at` in the same clause, or null. */
function coordinatedPronoun(toks: Tok[], at: number): Span | null {
  for (let k = at - 1; k > 0; k--) {
    const t = toks[k]!;
    if (t.kind === T_QUOTE || t.lower === ';' || t.lower === ':' || t.lower === '.') return null;
    if ((t.lower === 'and' || t.lower === 'but') && toks[k - 1]!.lower === ',') {
      const p = toks[k + 1];
      return p && isPronoun(p) && p.lower !== 'it' && p.lower !== 'you' ? { start: p.start, end: p.end } : null;
    }
  }
  return null;
}

/**
 * "he laughed and said", "Lund paused and added": a verb of saying joined by "and" to a one-word
 * verb shares that verb's subject, a pronoun or a name.
 */
function sharedSubject(toks: Tok[], cueFrom: number, floor: number): Span | null {
  if (toks[cueFrom - 1]?.lower !== 'and') return null;
  const verb = toks[cueFrom - 2];
  if (!verb || verb.kind !== T_WORD || verb.cap || !(verb.lower.endsWith('ed') || verb.lower.endsWith('s')) || cueFrom - 2 <= floor) return null;
  const subject = toks[cueFrom - 3]!;
  if (isPronoun(subject) && subject.lower !== 'it' && subject.lower !== 'you') return { start: subject.start, end: subject.end };
  return subject.cap ? subjectBefore(toks, cueFrom - 2, floor) : null;
}

/** "for news accounts to": "for" and a short phrase before the "to" at `to`. */
function forSubject(toks: Tok[], to: number): boolean {
  for (let k = to - 1; k >= 0 && k >= to - 4 && toks[k]!.kind === T_WORD; k--) if (toks[k]!.lower === 'for') return k < to - 1;
  return false;
}

// Verbs a writer uses to credit another outlet with a report: "…, the Tribune reported".
const REPORTED = new Set(['reported', 'reports', 'reporting']);

/**
 * The outlet or document the writer cites for the words: "“…,” Sanders said, according to CNN",
 * "…, said Kristen Day, reports USA Today", "According to pool reports, Obama said “…”". News
 * convention credits the quote to the cited source, the link in the chain the writer vouches for.
 */
export function citedSource(toks: Tok[], found: Found): Found | null {
  const cueAt = tokenAt(toks, found.cue.start);
  const spAt = tokenAt(toks, found.speaker!.start);
  if (cueAt < 0 || spAt < 0 || toks[cueAt]!.lower === 'according') return null;
  const after = Math.max(cueAt, spAt);
  // Quoted words inside the reported clause do not end it: "Trump said he was “happy to see” that
  // Khan won, according to The New York Times".
  for (let k = after + 1; k < toks.length && (toks[k]!.kind === T_QUOTE || !isClauseEnd(toks[k])); k++) {
    if (toks[k]!.lower !== ',') continue;
    const n = toks[k + 1];
    if (!n || n.kind !== T_WORD) continue;
    if (n.lower === 'according' && toks[k + 2]?.lower === 'to') {
      const sp = subjectAfter(toks, k + 3, toks.length);
      if (sp) return { speaker: sp, cue: { start: n.start, end: toks[k + 2]!.end } };
    }
    if (REPORTED.has(n.lower)) {
      // ", reports USA Today."
      const sp = subjectAfter(toks, k + 2, toks.length);
      if (sp && isClauseEnd(toks[tokenAt(toks, sp.start) + spanWords(toks, sp)])) return { speaker: sp, cue: { start: n.start, end: n.end } };
    }
    // ", the Chicago Tribune reports."
    for (let r = k + 2; r < toks.length && r <= k + MAX_NP + 2 && toks[r]!.kind === T_WORD; r++) {
      if (!REPORTED.has(toks[r]!.lower) || !isClauseEnd(toks[r + 1])) continue;
      const sp = subjectBefore(toks, r, k + 1);
      if (sp && sp.start === n.start) return { speaker: sp, cue: { start: toks[r]!.start, end: toks[r]!.end } };
    }
  }
  // "According to pool reports, Obama said “…”": the phrase opens the speaker's clause.
  let j = Math.min(cueAt, spAt) - 1;
  while (j >= 0 && toks[j]!.kind !== T_QUOTE && !isClauseEnd(toks[j])) j--;
  const a = toks[j + 1];
  if (a && a.lower === 'according' && toks[j + 2]?.lower === 'to') {
    // The source runs to the comma: "According to White House pool reports, …".
    let comma = j + 3;
    while (comma < spAt && toks[comma]!.kind === T_WORD) comma++;
    if (comma > j + 3 && comma - j - 3 <= MAX_NP && toks[comma]!.lower === ',') {
      return { speaker: { start: toks[j + 3]!.start, end: toks[comma - 1]!.end }, cue: { start: a.start, end: toks[j + 2]!.end } };
    }
  }
  return null;
}
