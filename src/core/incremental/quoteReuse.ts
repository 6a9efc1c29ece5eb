// Quote attributions kept from one analysis of an edited document to the next. A quote's
// attribution (the rules' and the speaker ranker's pick) reads only a stretch of text around the
// quote, the blocks, sentences, quotes and entity mentions in that stretch, the rules' attribution of
// the quote before it, and the entities of the two speaker spans that attribution and its own name.
// When the stretch lies wholly before or wholly after the edited characters, and all of that is the
// same as in the last analysis (moved by the edit's length), the last analysis' attribution of the
// same quote, moved, is what attributing it again would give; only the quotes near the edit are
// attributed again. Whether the lists are the same around a quote is read off how far each list
// agrees with the last one from its start and from its end, worked out once per analysis (the
// checks quote by quote would walk each quote's neighbourhood: a tenth of an edit on 1 MB); only
// where that does not settle it (between two changes) are the lists compared item by item.
// Pronoun linking, which carries state from quote to quote through the whole text, always runs in
// full (it is cheap). test/unit/incremental.test.ts compares the result with a full
// analysis over random edits.
import type { AttributionRun, EarlierAttributions, RawAttribution } from '../attribution';
import type { MentionIndex } from '../pronouns';
import type { QuoteSpan } from '../quotes';
import type { Span } from '../types';
import { firstStartingFrom, lowerBound } from '../spans';
import type { TextEdit } from '../text/textEdit';

/**
 * Characters either side of a quote that its attribution may read: the rules look at most 320
 * characters away (their window, the sentence before, the line after), the ranker's candidates lie
 * at most 600 before and 300 after, and a description candidate reaches a few words further.
 */
const REACH = 1200;
/**
 * Then as many runs of white space and of other characters again: the ranker's look at the words
 * next to a candidate crosses up to two of each, however long they are.
 */
const RUNS = 6;

/** How the text changed since the last analysis: offsets in the old text at or after oldEnd moved by shift. */
interface Move {
  head: number;
  oldEnd: number;
  newEnd: number;
  shift: number;
}

export interface QuoteReuseStats {
  /** Quotes whose attribution was taken over from the last analysis. */
  reused: number;
  /** Quotes attributed again. */
  attributed: number;
}

/**
 * How far one list of this analysis agrees with the last one's: item i is the same as the old item
 * i for i < prefix, and the kth item from the end as the old kth from the end for k < suffix
 * (moved through the edit); offset is how many more items the list has now.
 */
interface Agreement {
  prefix: number;
  suffix: number;
  offset: number;
}

/** The agreement of each list the attribution reads, for one analysis (keyed by its quote list). */
interface RunAgreement {
  quoteList: readonly QuoteSpan[];
  blocks: Agreement;
  quotes: Agreement;
  sentences: Agreement;
  mentions: Agreement;
}

export class QuoteAttributions implements EarlierAttributions {
  private last: AttributionRun | undefined;
  private move: Move | undefined;
  private agreement: RunAgreement | undefined;
  stats: QuoteReuseStats = { reused: 0, attributed: 0 };

  /**
   * Says how the next text to analyse came from `oldText`; nothing is reused without an edit, or
   * when the last analysis was not of `oldText`.
   */
  prepare(edit: TextEdit | undefined, oldText: string): void {
    this.stats = { reused: 0, attributed: 0 };
    this.agreement = undefined;
    const oldLength = oldText.length;
    if (!edit || !this.last || this.last.text !== oldText) {
      this.move = undefined;
      return;
    }
    const newLength = edit.head + edit.middle.length + edit.tail;
    this.move = { head: edit.head, oldEnd: oldLength - edit.tail, newEnd: newLength - edit.tail, shift: newLength - oldLength };
  }

  keep(run: AttributionRun): void {
    this.last = run;
    this.move = undefined;
    this.agreement = undefined;
  }

  reuse(qi: number, done: readonly RawAttribution[], now: Omit<AttributionRun, 'rules' | 'picked'>): { rules: RawAttribution; picked: RawAttribution } | undefined {
    const found = this.lookUp(qi, done, now);
    if (found) this.stats.reused++;
    else this.stats.attributed++;
    return found;
  }

  private lookUp(qi: number, done: readonly RawAttribution[], now: Omit<AttributionRun, 'rules' | 'picked'>): { rules: RawAttribution; picked: RawAttribution } | undefined {
    const last = this.last;
    const m = this.move;
    if (!last || !m) return undefined;
    const { text, quotes } = now;
    const q = quotes[qi]!;
    const from = reachBack(text, q.start - REACH);
    const to = reachForward(text, q.end + REACH);
    // The stretch read lies wholly in the text before the edit or wholly in the text after it.
    let delta: number;
    if (to <= m.head) delta = 0;
    else if (from >= m.newEnd) delta = m.shift;
    else return undefined;
    const oldFrom = from - delta;
    const oldTo = to - delta;

    const near = this.sameNear(now, last, m, from, to, oldFrom, oldTo, delta === 0);
    if (!near) return undefined;
    // The same quote, at the same place among its neighbours.
    const oi = near.last + (qi - near.now);
    if ((qi > 0) !== (oi > 0)) return undefined;
    if (qi > 0) {
      const before = done[qi - 1]!;
      const oldBefore = last.rules[oi - 1]!;
      if (!sameRaw(before, oldBefore, m) || !sameEntityAt(now.mentions, before.speaker, last.mentions, oldBefore.speaker)) return undefined;
    }
    const rules = movedRaw(last.rules[oi]!, m);
    const picked = movedRaw(last.picked[oi]!, m);
    if (!rules || !picked || !sameEntityAt(now.mentions, rules.speaker, last.mentions, last.rules[oi]!.speaker)) return undefined;
    return { rules, picked };
  }

  /**
   * Whether the blocks, quotes, sentences and mentions reaching into from..to are the old ones
   * reaching into oldFrom..oldTo, moved; gives the index of the first such quote in each list. Read
   * off the lists' agreement when the stretch lies in it; otherwise (the stretch lies between a
   * change near the edit and one further away, such as a mention whose alias group changed) the
   * lists are compared there item by item.
   */
  private sameNear(now: Omit<AttributionRun, 'rules' | 'picked'>, last: AttributionRun, m: Move, from: number, to: number, oldFrom: number, oldTo: number, before: boolean): { now: number; last: number } | undefined {
    const ag = this.agreementOf(now, last, m);
    const blocks = agreesAround(now.blocks, last.blocks, from, to, oldFrom, oldTo, ag.blocks, before);
    const near = blocks && agreesAround(now.quotes, last.quotes, from, to, oldFrom, oldTo, ag.quotes, before);
    if (near && agreesAround(now.sentences, last.sentences, from, to, oldFrom, oldTo, ag.sentences, before) && mentionsAgree(now.mentions, last.mentions, from, to, oldFrom, oldTo, ag.mentions, before)) return near;
    const slowBlocks = sameAround(now.blocks, last.blocks, from, to, oldFrom, oldTo, m, sameSpan);
    if (!slowBlocks) return undefined;
    const sameQuote = (a: QuoteSpan, b: QuoteSpan): boolean =>
      sameSpan(a, b, m) && sameSpan(a.content, b.content, m) && a.partial === b.partial && a.single === b.single && a.block - slowBlocks.now === b.block - slowBlocks.last;
    const slowNear = sameAround(now.quotes, last.quotes, from, to, oldFrom, oldTo, m, sameQuote);
    if (!slowNear || !sameAround(now.sentences, last.sentences, from, to, oldFrom, oldTo, m, sameSpan)) return undefined;
    return sameMentions(now.mentions, last.mentions, from, to, oldFrom, oldTo, m) ? slowNear : undefined;
  }

  /** How far each list of the run `now` agrees with the last run's (worked out on the first quote looked up). */
  private agreementOf(now: Omit<AttributionRun, 'rules' | 'picked'>, last: AttributionRun, m: Move): RunAgreement {
    if (this.agreement?.quoteList === now.quotes) return this.agreement;
    const blocks = agreement(now.blocks, last.blocks, (a, b) => sameSpan(a, b, m));
    // A quote's block, relative to the first block of the stretch: the same index in the agreeing
    // start, the block list's offset apart in the agreeing end.
    const sameQuoteAt = (blockOffset: number) => (a: QuoteSpan, b: QuoteSpan): boolean =>
      sameSpan(a, b, m) && sameSpan(a.content, b.content, m) && a.partial === b.partial && a.single === b.single && a.block - b.block === blockOffset;
    const quotes = agreement(now.quotes, last.quotes, sameQuoteAt(0), sameQuoteAt(blocks.offset));
    const sentences = agreement(now.sentences, last.sentences, (a, b) => sameSpan(a, b, m));
    const ms = now.mentions;
    const old = last.mentions;
    const sameMention = (i: number, j: number): boolean => {
      const a = ms.owners[i]!;
      const b = old.owners[j]!;
      return sameOffsets(ms.starts[i]!, ms.ends[i]!, old.starts[j]!, old.ends[j]!, m) && a.id === b.id && a.type === b.type;
    };
    const mentions = agreementAt(ms.length, old.length, sameMention, sameMention);
    return (this.agreement = { quoteList: now.quotes, blocks, quotes, sentences, mentions });
  }
}

/** How far `now` agrees with `old` from the start (by `same`) and from the end (by `sameAtEnd`). */
function agreement<T>(now: readonly T[], old: readonly T[], same: (a: T, b: T) => boolean, sameAtEnd = same): Agreement {
  return agreementAt(now.length, old.length, (i, j) => same(now[i]!, old[j]!), (i, j) => sameAtEnd(now[i]!, old[j]!));
}

function agreementAt(n: number, m: number, same: (i: number, j: number) => boolean, sameAtEnd: (i: number, j: number) => boolean): Agreement {
  const max = Math.min(n, m);
  let prefix = 0;
  while (prefix < max && same(prefix, prefix)) prefix++;
  let suffix = 0;
  while (suffix < max && sameAtEnd(n - 1 - suffix, m - 1 - suffix)) suffix++;
  return { prefix, suffix, offset: n - m };
}

/**
 * Whether the items of `now` reaching into from..to are those of `old` reaching into
 * oldFrom..oldTo, one for one, and both lists have items before them or neither has (what a walk
 * comparing them pair by pair would find): the same indices in the agreeing start for a stretch
 * before the edit (`before`), the list's offset apart in the agreeing end for one after it. Gives
 * the index of the first such item in each list (for relative indices), or undefined.
 */
function agreesAround(now: readonly Span[], old: readonly Span[], from: number, to: number, oldFrom: number, oldTo: number, ag: Agreement, before: boolean): { now: number; last: number } | undefined {
  const i0 = firstReaching(now, from);
  const j0 = firstReaching(old, oldFrom);
  if ((i0 > 0) !== (j0 > 0)) return undefined;
  const i1 = firstStartingFrom(now, to);
  const j1 = firstStartingFrom(old, oldTo);
  return agreesOn(i0, i1, j0, j1, now.length, ag, before) ? { now: i0, last: j0 } : undefined;
}

/** Whether items i0..i1 of a list (n long) pair one for one with the old items j0..j1 inside the part that agrees. */
function agreesOn(i0: number, i1: number, j0: number, j1: number, n: number, ag: Agreement, before: boolean): boolean {
  const off = before ? 0 : ag.offset;
  if (j0 !== i0 - off || j1 !== i1 - off) return false;
  if (i1 === i0) return true;
  return before ? i1 <= ag.prefix : i0 >= n - ag.suffix;
}

/** Whether the entity mentions reaching into from..to are the old ones, moved, of entities with the same id and type (see agreesAround). */
function mentionsAgree(now: MentionIndex, old: MentionIndex, from: number, to: number, oldFrom: number, oldTo: number, ag: Agreement, before: boolean): boolean {
  const i0 = now.firstEndingAfter(from);
  const j0 = old.firstEndingAfter(oldFrom);
  const i1 = Math.max(i0, lowerBound(now.starts, 0, now.length, to));
  const j1 = Math.max(j0, lowerBound(old.starts, 0, old.length, oldTo));
  return agreesOn(i0, i1, j0, j1, now.length, ag, before);
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `pos`, moved back over RUNS runs of white space and of other characters. */
function reachBack(text: string, pos: number): number {
  let i = Math.max(0, pos);
  for (let r = 0; r < RUNS && i > 0; r++) {
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
    while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  }
  return i;
}

/** `pos`, moved forward over RUNS runs of white space and of other characters. */
function reachForward(text: string, pos: number): number {
  const n = text.length;
  let i = Math.min(n, pos);
  for (let r = 0; r < RUNS && i < n; r++) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
  }
  return i;
}

/** Whether `now` is `old` moved through the edit, neither of them touching the edited characters. */
function sameSpan(now: Span, old: Span, m: Move): boolean {
  return sameOffsets(now.start, now.end, old.start, old.end, m);
}

/** sameSpan on the offsets themselves (no span objects to make for the mention index's arrays). */
function sameOffsets(start: number, end: number, oldStart: number, oldEnd: number, m: Move): boolean {
  if (oldEnd <= m.head) return start === oldStart && end === oldEnd;
  if (oldStart >= m.oldEnd) return start === oldStart + m.shift && end === oldEnd + m.shift;
  return false;
}

function sameOptionalSpan(now: Span | null, old: Span | null, m: Move): boolean {
  return now === null || old === null ? now === old : sameSpan(now, old, m);
}

function movedSpan(old: Span, m: Move): Span | undefined {
  if (old.end <= m.head) return { start: old.start, end: old.end };
  if (old.start >= m.oldEnd) return { start: old.start + m.shift, end: old.end + m.shift };
  return undefined;
}

/** The fields of an attribution that anything after the rules reads. */
function sameRaw(now: RawAttribution, old: RawAttribution, m: Move): boolean {
  return now.inherited === old.inherited && now.via === old.via && sameOptionalSpan(now.speaker, old.speaker, m) && sameOptionalSpan(now.cue, old.cue, m);
}

function movedRaw(old: RawAttribution, m: Move): RawAttribution | undefined {
  const speaker = old.speaker ? movedSpan(old.speaker, m) : null;
  const cue = old.cue ? movedSpan(old.cue, m) : null;
  if (speaker === undefined || cue === undefined) return undefined;
  const out: RawAttribution = { speaker, cue, inherited: old.inherited };
  if (old.via !== undefined) out.via = old.via;
  return out;
}

/** The index of the first item ending after `pos` in a list sorted by start whose items do not overlap. */
function firstReaching(list: readonly Span[], pos: number): number {
  let lo = firstStartingFrom(list, pos);
  while (lo > 0 && list[lo - 1]!.end > pos) lo--;
  return lo;
}

/**
 * Whether the items of `now` that reach into from..to are those of `old` reaching into
 * oldFrom..oldTo, one for one, and whether both lists have items before them or neither has. Gives
 * the index of the first such item in each list (for relative indices), or undefined.
 */
function sameAround<T extends Span>(now: readonly T[], old: readonly T[], from: number, to: number, oldFrom: number, oldTo: number, m: Move, same: (a: T, b: T, m: Move) => boolean): { now: number; last: number } | undefined {
  const i0 = firstReaching(now, from);
  const j0 = firstReaching(old, oldFrom);
  if ((i0 > 0) !== (j0 > 0)) return undefined;
  let i = i0;
  let j = j0;
  for (; i < now.length && now[i]!.start < to; i++, j++) {
    if (j >= old.length || old[j]!.start >= oldTo || !same(now[i]!, old[j]!, m)) return undefined;
  }
  if (j < old.length && old[j]!.start < oldTo) return undefined;
  return { now: i0, last: j0 };
}

/** Whether the entity mentions reaching into from..to are the old ones, moved, of entities with the same id and type. */
function sameMentions(now: MentionIndex, old: MentionIndex, from: number, to: number, oldFrom: number, oldTo: number, m: Move): boolean {
  let i = now.firstEndingAfter(from);
  let j = old.firstEndingAfter(oldFrom);
  for (; i < now.length && now.starts[i]! < to; i++, j++) {
    if (j >= old.length || old.starts[j]! >= oldTo) return false;
    if (!sameOffsets(now.starts[i]!, now.ends[i]!, old.starts[j]!, old.ends[j]!, m)) return false;
    const a = now.owners[i]!;
    const b = old.owners[j]!;
    if (a.id !== b.id || a.type !== b.type) return false;
  }
  return !(j < old.length && old.starts[j]! < oldTo);
}

/** The index of the first mention overlapping `span`, as the ranker looks it up, or -1. */
function mentionAt(ms: MentionIndex, span: Span): number {
  const i = ms.firstEndingAfter(span.start);
  return i < ms.length && ms.starts[i]! < span.end ? i : -1;
}

/** Whether the first mentions overlapping the two spans belong to entities of the same id and type, or neither span overlaps one. */
function sameEntityAt(now: MentionIndex, span: Span | null, old: MentionIndex, oldSpan: Span | null): boolean {
  if (!span || !oldSpan) return span === oldSpan;
  const i = mentionAt(now, span);
  const j = mentionAt(old, oldSpan);
  if (i < 0 || j < 0) return i === j;
  const a = now.owners[i]!;
  const b = old.owners[j]!;
  return a.id === b.id && a.type === b.type;
}
