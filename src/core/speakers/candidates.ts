// Stage 1 of the speaker ranker: who could have said a quote. Every mention near the quote in its
// paragraph and the one before: entity mentions, pronouns, descriptions ("a U.S. Embassy spokesperson",
// "Kremlin officials"), the rules' own pick, and "none". Mentions inside quotes are left out (the
// words of a quote are not its source). The window is capped in characters so a paragraph-long
// list of quotes costs no more per quote, and at most a few candidates on each side are kept.
import type { Span } from '../types';
import { firstStartingFrom } from '../spans';
import type { MentionIndex } from '../pronouns';
import { SOURCE_HEADS } from '../attribution/embedding';
import { CUE_WORDS, DETERMINERS, STOP } from '../attribution/words';
import { hashSetOf } from '../text/hashTable';
import { hashRange, hashString } from '../text/tokenize';
import { governedWithoutCue } from './cueLinks';

export type CandidateKind = 'name' | 'description' | 'pronoun' | 'none';

export interface Candidate extends Span {
  kind: CandidateKind;
  /** Type and id of the entity mention the candidate is or contains, if any. */
  entityType: string | null;
  entityId: string | null;
  /** The rule system picked this mention. */
  rule: boolean;
}

// How far from the quote a candidate may be, in characters, and how many are kept on each side.
const REACH_BEFORE = 600;
const REACH_AFTER = 300;
const KEEP_BEFORE = 4;
const KEEP_AFTER = 3;

// "it" is left to the rules, which credit it only next to a verb of saying or writing ("it read"):
// elsewhere it is mostly a placeholder subject ("It has been common to call …").
const PRONOUN_WORDS = new Set(['he', 'she', 'they', 'we', 'i', 'who']);
const RULE_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'who', 'it', 'which']);
// "X has been called “…”": the subject of a passive verb of saying is what was said about, not who said it.
const PASSIVE = /^[ \t]+(?:(?:is|are|was|were|has been|have been|had been|being|been)[ \t]+)(?:[a-z]+ly[ \t]+)?([a-z]+)\b/;

export interface QuoteContext {
  quote: Span;
  /** Where candidates may be: the quote's paragraph and the one before, capped. */
  from: number;
  to: number;
  /** Quotes nearby (their marks included), whose inside is no candidate. */
  nearQuotes: readonly Span[];
}

function insideAny(spans: readonly Span[], s: Span): boolean {
  return overlapsAny(spans, s.start, s.end);
}

/** Whether start..end overlaps one of `spans` (insideAny without a span object). */
function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const q of spans) if (start < q.end && q.start < end) return true;
  return false;
}

/** The window of a quote: its own block(s) and the block before, within the reach caps. */
export function candidateWindow(q: Span, blockIndex: number, blocks: readonly Span[]): { from: number; to: number } {
  const prev = blocks[blockIndex - 1];
  const own = blocks[blockIndex]!;
  let last = blockIndex;
  while (last + 1 < blocks.length && blocks[last]!.end < q.end) last++;
  const from = Math.max(prev ? prev.start : own.start, q.start - REACH_BEFORE);
  const to = Math.min(Math.max(blocks[last]!.end, q.end), q.end + REACH_AFTER);
  return { from, to };
}

/** Pronouns and descriptions of the blocks that may hold a quote's speaker, in text order. */
export interface WordCandidates {
  list: Candidate[];
}

const isWordStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// Inside a word: letters, apostrophes, periods (U.S.) and hyphens.
const isWordPart = (c: number): boolean => isWordStart(c) || c === 39 || c === 0x2019 || c === 46 || c === 45;

/** The hashes of every lower-cased word findWordCandidates keeps: pronouns, source heads and their plurals in -s. */
const MAYBE_CANDIDATE = hashSetOf([...PRONOUN_WORDS, ...SOURCE_HEADS, ...[...SOURCE_HEADS].map((w) => w + 's')].map(hashString));

/**
 * One pass over the words of the given blocks (those holding a quote and the ones before them):
 * every pronoun and every description ending in a source noun. Done once per analysis, so quotes
 * close together do not read the same words again.
 */
export function findWordCandidates(text: string, spans: readonly Span[]): WordCandidates {
  const list: Candidate[] = [];
  // The last few words, for the start of a description.
  const ws: number[] = [];
  const we: number[] = [];
  for (const b of spans) {
    ws.length = 0;
    we.length = 0;
    let i = b.start;
    while (i < b.end) {
      if (!isWordStart(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < b.end && isWordPart(text.charCodeAt(i))) i++;
      let end = i;
      while (end > start + 1 && !isWordStart(text.charCodeAt(end - 1))) end--;
      ws.push(start);
      we.push(end);
      if (ws.length > 5) {
        ws.shift();
        we.shift();
      }
      if (end - start > 14) continue;
      // Most words are neither: a hash of the lower-cased word, read off the characters, rules
      // them out without making a string (a word that is one hashes into MAYBE_CANDIDATE).
      if (!MAYBE_CANDIDATE.has(hashRange(text, start, end))) continue;
      const lower = text.slice(start, end).toLowerCase();
      if (PRONOUN_WORDS.has(lower)) {
        if (lower !== 'i' || text.charCodeAt(start) === 73) list.push({ start, end, kind: 'pronoun', entityType: null, entityId: null, rule: false });
      } else if (SOURCE_HEADS.has(lower) || (lower.endsWith('s') && SOURCE_HEADS.has(lower.slice(0, -1)))) {
        list.push({ start: descriptionStart(text, ws, we), end, kind: 'description', entityType: null, entityId: null, rule: false });
      }
    }
  }
  return { list };
}


/**
 * Candidates for one quote, in text order, then "none" last. `rulePick` is the rules' speaker
 * mention (kept whole; candidates overlapping it merge into it). Mentions that cannot be the source
 * (the subject of a passive verb of saying, a noun governed by a preposition with no verb of saying
 * near it) are left out here, before the nearest few are kept and before any feature is made, so
 * the features that count candidates (their rank on each side) count only those the model weighs.
 */
export function findCandidates(text: string, ctx: QuoteContext, ms: MentionIndex, words: WordCandidates, rulePick: Span | null): Candidate[] {
  const found: Candidate[] = [];
  const { from, to, quote } = ctx;
  const entityAt = (s: Span): { type: string; id: string } | null => {
    const i = ms.firstEndingAfter(s.start);
    if (i < ms.length && ms.starts[i]! < s.end) {
      const e = ms.owners[i]!;
      return { type: e.type, id: e.id };
    }
    return null;
  };
  // Entity mentions.
  for (let i = ms.firstEndingAfter(from); i < ms.length && ms.starts[i]! < to; i++) {
    const start = ms.starts[i]!;
    const end = ms.ends[i]!;
    if (end > to || overlapsAny(ctx.nearQuotes, start, end)) continue;
    const e = ms.owners[i]!;
    if (!passiveSubject(text, end, quote.start) && !governedWithoutCue(text, quote, { start, end })) found.push({ start, end, kind: 'name', entityType: e.type, entityId: e.id, rule: false });
  }
  // Pronouns and descriptions.
  for (let k = firstStartingFrom(words.list, from); k < words.list.length && words.list[k]!.start < to; k++) {
    const w = words.list[k]!;
    if (w.end > to || insideAny(ctx.nearQuotes, w) || governedWithoutCue(text, quote, w)) continue;
    if (w.kind === 'pronoun') {
      found.push(w);
      continue;
    }
    if (passiveSubject(text, w.end, quote.start)) continue;
    const e = entityAt(w);
    found.push(e ? { ...w, entityType: e.type, entityId: e.id } : w);
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // The rules' pick replaces the candidates it overlaps, so one mention is one candidate.
  let out = found;
  if (rulePick) {
    out = found.filter((c) => c.end <= rulePick.start || c.start >= rulePick.end);
    const e = entityAt(rulePick);
    const lower = text.slice(rulePick.start, rulePick.end).toLowerCase();
    const kind: CandidateKind = RULE_PRONOUNS.has(lower) ? 'pronoun' : e ? 'name' : 'description';
    out.push({ start: rulePick.start, end: rulePick.end, kind, entityType: e?.type ?? null, entityId: e?.id ?? null, rule: true });
    out.sort((a, b) => a.start - b.start);
  }
  // Otherwise nested mentions ("a spokesman for Hillary Clinton" holds "Hillary Clinton") both stay candidates.
  // "Mayor Ruth Okafor, who …": the mention before the comma is the same person, and reads better.
  out = out.filter((c) => c.rule || c.kind !== 'pronoun' || text.slice(c.start, c.end).toLowerCase() !== 'who' || !out.some((o) => o.end < c.start && /^\s*,\s*$/.test(text.slice(o.end, c.start))));
  // Keep the nearest few on each side (the rules' pick always).
  const before = out.filter((c) => c.end <= quote.start);
  const after = out.filter((c) => c.start >= quote.end);
  const kept = [...before.slice(-KEEP_BEFORE), ...after.slice(0, KEEP_AFTER)];
  const pick = out.find((c) => c.rule);
  if (pick && !kept.includes(pick)) kept.push(pick);
  kept.push({ start: quote.start, end: quote.start, kind: 'none', entityType: null, entityId: null, rule: !rulePick });
  return kept;
}

/**
 * Whether a passive verb of saying follows a mention ending at `end` and leads into the quote:
 * "X was called “…”", "X has been described as “…”".
 */
function passiveSubject(text: string, end: number, quoteStart: number): boolean {
  if (quoteStart < end || quoteStart - end > 60) return false;
  const m = PASSIVE.exec(text.slice(end, end + 40));
  return !!m && CUE_WORDS.has(m[1]!) && /(ed|en|wn|ld|ht)$/.test(m[1]!);
}

/** Start of the description ending in the last of the recent words: its determiner and modifiers, at most four words back. */
function descriptionStart(text: string, ws: readonly number[], we: readonly number[]): number {
  const head = ws.length - 1;
  let start = ws[head]!;
  for (let k = head - 1; k >= 0 && head - k <= 4; k--) {
    // Only spaces between the words: a comma or a mark ends the phrase, and so does a period unless
    // it ends an abbreviation ("U.S. officials", "D.C. residents"), not a sentence ("… rivals. And Bill").
    const gap = text.slice(we[k]!, start);
    if (!/^\.?[ \t]+$/.test(gap)) break;
    const word = text.slice(ws[k]!, we[k]!);
    if (gap.startsWith('.') && !isAbbreviation(word)) break;
    const lower = word.toLowerCase();
    if (DETERMINERS.has(lower)) return ws[k]!;
    if (STOP.has(lower) || CUE_WORDS.has(lower) || PRONOUN_WORDS.has(lower)) break;
    start = ws[k]!;
  }
  return start;
}

/** A word written as an abbreviation whose period is not a sentence's end: "U.S", "D.C", a single letter. */
function isAbbreviation(word: string): boolean {
  return word.length === 1 || word.includes('.');
}
