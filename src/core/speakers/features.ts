// Stage 2 of the speaker ranker: what is known about a candidate as the source of a quote, as
// feature names the model weighs. The cue verb next to the candidate and on which side, "according
// to", a colon introduction, distance in characters and sentences, subject-verb ("Trump said") or
// inverted ("said Trump") order, the kind of mention and its entity type, whether it spoke the
// previous quote, where the quote sits in its paragraph, the words on either side of the candidate,
// how the quote closes and what is written right around it, and the rules' pick: the rules are one
// voice the model listens to, not an override.
import type { Span } from '../types';
import { sentenceAt } from '../attribution/tokens';
import type { Candidate } from './candidates';
import { PREPOSITIONS, cueLinks, cueName, isLetter, isSpace, nextToken, noCue, prevToken, startOfPrevWord } from './cueLinks';

export interface FeatureContext {
  text: string;
  quote: Span & { partial: boolean };
  /** Start of the quote's paragraph. */
  blockStart: number;
  sentences: readonly Span[];
  /** The rules' speaker for the previous quote, with its entity, when it had one. */
  previous: { span: Span; entityId: string | null; text: string } | null;
  /** The rules took the speaker over from the previous quote. */
  ruleInherited: boolean;
  /** Which rule made the rules' pick. */
  ruleVia: string;
  /** Features of the quote itself, the same for every candidate (quoteFeatures). */
  quoteFeats: readonly string[];
}

/**
 * What the quote tells of where its source stands, weighed with each candidate's side and kind: the
 * punctuation it closes on ("…,” said" versus "….”") and the shape of the few words right after and
 * before it.
 */
export function quoteFeatures(text: string, quote: Span): string[] {
  // Read within the quote's own lines: the next paragraph says nothing of who spoke this one.
  let to = quote.end;
  while (to < text.length && to < quote.end + 14 && text.charCodeAt(to) !== 10) to++;
  let from = quote.start;
  while (from > 0 && from > quote.start - 14 && text.charCodeAt(from - 1) !== 10) from--;
  const after = shapeTokens(text, quote.end, to);
  const before = shapeTokens(text, from, quote.start);
  return [nameOf('qEnd=', closingMark(text, quote)), nameOf('afterQ=', after.slice(0, 2).join(' ')), nameOf('beforeQ=', before.slice(-2).join(' '))];
}

/**
 * The feature of a candidate after a preposition with no verb of saying near it (cueLinks.ts,
 * governedWithoutCue): such a mention is no candidate (candidates.ts), so only the rules' own pick carries it.
 */
export const GOVERNED_WITHOUT_CUE = 'noCue:afterPreposition';

const DIST = ['dist=0', 'dist=1', 'dist=2', 'dist=3', 'dist=4', 'dist=5'];
const SENT = ['sent=0', 'sent=1', 'sent=2', 'sent=3'];
const RANK = ['rank=0', 'rank=1', 'rank=2', 'rank=3'];

function distanceBucket(d: number): string {
  return DIST[d <= 2 ? 0 : d <= 15 ? 1 : d <= 40 ? 2 : d <= 100 ? 3 : d <= 250 ? 4 : 5]!;
}

// Feature names built from a word, made once per word (by prefix, then word, so looking one up builds no string).
const named = new Map<string, Map<string, string>>();
let namedCount = 0;
function nameOf(prefix: string, w: string): string {
  let byWord = named.get(prefix);
  if (!byWord) named.set(prefix, (byWord = new Map<string, string>()));
  let v = byWord.get(w);
  if (v === undefined) {
    v = prefix + w;
    if (namedCount < 8192) {
      byWord.set(w, v);
      namedCount++;
    }
  }
  return v;
}

// Words kept as themselves in the shape of the text around a quote (function words, pronouns,
// "according", "quoted", "interview"); other words fall into classes: a verb of saying (by cueName),
// a capitalised word, a lower-case word.
const GAP_WORDS = new Set(['that', 'to', 'according', 'as', 'by', 'in', 'on', 'with', 'who', 'and', 'but', 'the', 'a', 'an', 'of', 'for', 'at', 'he', 'she', 'they', 'it', 'we', 'i', 'his', 'her', 'their', 'was', 'is', 'has', 'had', 'also', 'then', 'later', 'when', 'after', 'about', 'from', 'which', 'what', 'this', 'not', 'be', 'have', 'were', 'are', 'quoted', 'saying', 'asked', 'told', 'interview', 'statement']);
// How much of the text the shape reads at most.
const SHAPE_READ = 400;

function wordClass(w: string, cap: boolean): string {
  const cue = cueName(w);
  if (cue) return 'V' + cue;
  if (GAP_WORDS.has(w)) return w;
  return cap ? 'C' : 'w';
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isQuoteMark = (ch: string): boolean => ch === '“' || ch === '”' || ch === '"';

/**
 * The shape of the text between two positions, as tokens: words by class (a run of lower-case words
 * is one "w+"), numbers as "D", quotation marks as "Q", other punctuation as itself: the pattern
 * right around a quote (", said", "told … :", "according to") without a parser.
 */
function shapeTokens(text: string, from: number, to: number): string[] {
  const toks: string[] = [];
  const end = Math.min(to, from + SHAPE_READ);
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (isLetter(c)) {
      const st = i;
      // Periods inside a word stay in it ("U.S.").
      while (i < end && (isLetter(text.charCodeAt(i)) || (text.charCodeAt(i) === 46 && isLetter(text.charCodeAt(i + 1))))) i++;
      const t = wordClass(text.slice(st, i).toLowerCase(), c <= 90);
      const last = toks[toks.length - 1];
      if (t === 'w' && last === 'w+') continue;
      if (t === 'w' && last === 'w') toks[toks.length - 1] = 'w+';
      else toks.push(t);
      continue;
    }
    if (isDigit(c)) {
      while (i < end && isDigit(text.charCodeAt(i))) i++;
      toks.push('D');
      continue;
    }
    toks.push(isQuoteMark(text[i]!) ? 'Q' : text[i]!);
    i++;
  }
  if (to > end) toks.push('…');
  return toks;
}


/** The punctuation a quote closes on (', ' before the mark asks for an attribution after it), or 'w'. */
function closingMark(text: string, quote: Span): string {
  const ch = text[quote.end - 2] ?? '';
  return ch === ',' || ch === '.' || ch === '?' || ch === '!' || ch === '—' || ch === '-' ? ch : 'w';
}

/** The word next to a position as a feature value: itself when written in lower case, 'C' when capitalised, the punctuation mark, or '' at a line's end. */
function neighbour(token: string, text: string, at: number): string {
  if (token !== '' && (token.length !== 1 || isLetter(token.charCodeAt(0)))) {
    const c = text.charCodeAt(at);
    return c >= 65 && c <= 90 ? 'C' : token;
  }
  return token;
}

/** Where the word starting at or after `pos` starts. */
function nextWordStart(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Base feature names of one candidate (expandFeatures joins them with side and kind). */
export function candidateFeatures(ctx: FeatureContext, c: Candidate, sideRank: number): string[] {
  const { text, quote } = ctx;
  const f: string[] = [];
  if (c.kind === 'none') {
    f.push('none');
    if (c.rule) f.push('none:rule');
    if (quote.partial) f.push('none:partial');
    if (ctx.ruleInherited) f.push('none:inherited');
    const before = prevToken(text, quote.start);
    const after = nextToken(text, quote.end);
    f.push('none:prev=' + (cueName(before) ?? (before.length === 1 ? before : 'w')));
    f.push('none:next=' + (cueName(after) ?? (after.length === 1 ? after : 'w')));
    if (quote.start - ctx.blockStart < 3) f.push('none:paraStart');
    f.push(nameOf('none:', ctx.quoteFeats[0]!));
    f.push(nameOf('none:pv=', neighbour(before, text, startOfPrevWord(text, quote.start))), nameOf('none:nx=', neighbour(after, text, nextWordStart(text, quote.end))));
    return f;
  }
  const side = c.end <= quote.start ? 'B' : 'A';
  const k = c.kind;
  const et = c.entityType ?? '-';
  f.push('kind', nameOf('et=', et), 'side', RANK[Math.min(sideRank, 3)]!);
  // Which pronoun: "who" after a comma stands for the name before it, "it" is often a placeholder.
  if (k === 'pronoun') f.push('pw=' + text.slice(c.start, c.end).toLowerCase() + (prevToken(text, c.start) === ',' ? ',' : ''));
  if (c.rule) f.push('rule', ctx.ruleInherited ? 'rule:inherited' : 'rule:own', 'rule:' + ctx.ruleVia);
  const gap = side === 'B' ? quote.start - c.end : c.start - quote.end;
  f.push(distanceBucket(gap));
  const sq0 = sentenceAt(ctx.sentences, quote.start);
  const sq1 = sentenceAt(ctx.sentences, Math.max(quote.start, quote.end - 1));
  const sc = sentenceAt(ctx.sentences, c.start);
  const sd = side === 'B' ? sq0 - sc : sc - sq1;
  f.push(SENT[Math.min(Math.max(sd, 0), 3)]!);
  if (c.start < ctx.blockStart) f.push('prevPara');
  if (quote.start - ctx.blockStart < 3) f.push('quoteOpensPara');
  if (quote.partial) f.push('partial');
  const links = cueLinks(text, quote, c);
  const { next, prev, nextCue, prevCue } = links;
  // Subject-verb ("Trump said"), inverted ("said Trump"), and what follows the candidate.
  if (nextCue) f.push('next=' + nextCue, 'subjVerb');
  else if (next === ',' || next === ':' || next === '(') f.push('next=' + next);
  else if (next === 'who' || next === 'also' || next === 'later' || next === 'then' || next === 'has' || next === 'had' || next === 'was' || next === 'is') f.push('next=' + next);
  else if (next === "'" || next === '’') f.push('possessive');
  if (prevCue) f.push('prev=' + prevCue, 'inverted');
  else if (links.accordingTo) f.push('accordingTo');
  else if (PREPOSITIONS.has(prev)) f.push('prep=' + prev);
  else if (prev === 'by') f.push('prep=by');
  else if (prev === '' || prev === '.' || prev === '”' || prev === '"') {
    // The subject opening the quote's own sentence: the likely source of a quote inside it.
    f.push('sentStart');
    if (sd === 0 && side === 'B') f.push(quote.partial ? 'subjectOfPartial' : 'subjectOfSentence');
  }
  else if (prev === ',') f.push('prev=,');
  // What lies between the candidate and the quote.
  if (links.colonIntro) f.push('colonIntro');
  if (links.cueBetween) f.push('cueBetween');
  if (side === 'A' && gap <= 4) f.push('rightAfter');
  // No verb of saying anywhere between the candidate and the quote, nor next to it: "Only six
  // delegates backed the “compromise” plan" quotes a word, it does not credit the delegates.
  if (noCue(links)) {
    f.push('noCue');
    if (quote.partial) f.push(quote.end - quote.start < 40 ? 'noCue:shortPartial' : 'noCue:partial');
    // Without a verb of saying, only the subject of the sentence can be the source ("Trump called it
    // a “rigged system”"); a noun after a preposition ("with signs of “Welcome home!”") is not.
    if (PREPOSITIONS.has(prev)) f.push(GOVERNED_WITHOUT_CUE);
  }
  // The words on either side of the candidate, and what the quote says of where its source stands.
  f.push(nameOf('nx=', neighbour(next, text, nextWordStart(text, c.end))), nameOf('pv=', neighbour(prev, text, startOfPrevWord(text, c.start))));
  for (const qf of ctx.quoteFeats) f.push(qf);
  if (ctx.previous) {
    const p = ctx.previous;
    const same = (c.entityId !== null && c.entityId === p.entityId) || (c.start === p.span.start && c.end === p.span.end) || (k === 'pronoun' && text.slice(c.start, c.end).toLowerCase() === p.text.toLowerCase());
    if (same) f.push('prevSpeaker');
  }
  return f;
}


/** Which side of the quote a candidate stands on: 'B'efore or 'A'fter; '' for "none". */
export function sideOf(quote: Span, c: Candidate): '' | 'A' | 'B' {
  return c.kind === 'none' ? '' : c.end <= quote.start ? 'B' : 'A';
}

/**
 * The features the model weighs: each base feature on its own, on its side of the quote, and on
 * its side joined with the kind of mention ("name:B:subjVerb"). Scoring at run time reads the three
 * weights without building these names (ranker.ts, compileWeights).
 */
export function expandFeatures(base: readonly string[], side: '' | 'A' | 'B', kind: string): string[] {
  if (!side) return base.slice();
  const out = base.slice();
  for (const f of base) out.push(side + ':' + f, kind + ':' + side + ':' + f);
  return out;
}
