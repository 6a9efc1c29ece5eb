// Direct quotes: every stretch between quotation marks, found block by block (a paragraph, a
// headline, a caption), so an unbalanced mark never swallows the rest of the article.
// One pass over the characters with a small state machine; each mark is looked at once.
import type { Span } from './types';
import { isTitleQuote } from './titles';

/** A quoted stretch before attribution: span includes the marks, content excludes them. */
export interface QuoteSpan extends Span {
  content: Span;
  /** A few quoted words inside the writer's own sentence (“lonely bromance”), not a quoted clause. */
  partial: boolean;
  /** Quoted with single marks (‘invincible’). */
  single: boolean;
  /** Index of the block the quote opens in. */
  block: number;
}

export interface QuoteBlock extends Span {
  /** Body paragraphs can hand an open quote on to the next paragraph (multi-paragraph quotes). */
  body: boolean;
}

// Single-quoted stretches longer than this are treated as stray apostrophes, not quotes.
const MAX_SINGLE = 300;

const LDQ = 0x201c; // “
const RDQ = 0x201d; // ”
const LSQ = 0x2018; // ‘
const RSQ = 0x2019; // ’
const DQ = 34; // "
const SQ = 39; // '
const LOW_DQ = 0x201e; // „
const LGUIL = 0xab; // «
const RGUIL = 0xbb; // »
const MARKS = /["'“”‘’„«»]/g;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000 && c !== RSQ);
}

/** White space, and the invisible direction marks that text pasted from social media carries before a quote. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200f) || (c >= 0x202a && c <= 0x202f) || (c >= 0x2066 && c <= 0x2069) || c === 0x3000;
}

/** The character before a mark lets it open a quote: start, space, bracket, dash, slash or another opening mark. */
function opensAfter(prev: number): boolean {
  return prev < 0 || isSpace(prev) || prev === 40 || prev === 91 || prev === 123 || prev === 0x2014 || prev === 0x2013 || prev === 45 || prev === 47 || prev === LDQ || prev === LSQ || prev === DQ || prev === SQ || prev === 58;
}

/**
 * Finds quoted stretches in each block. Blocks must be sorted and not overlap.
 * An opening double mark left open at the end of a body paragraph continues into the next body
 * paragraph when that one starts with an opening mark (the newspaper convention for long quotes);
 * otherwise it is dropped, unless it opened the paragraph, in which case it is bounded at the paragraph end.
 */
export function findQuotes(text: string, blocks: QuoteBlock[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // A multi-paragraph quote carried over from the previous block.
  let carry: { start: number; block: number; width: number } | null = null;
  // Position of the next quotation mark at or after the last search start (-1: none left).
  let nextMark = -2;
  for (let b = 0; b < blocks.length; b++) {
    const { start, end, body } = blocks[b]!;
    let open = -1; // position of the pending opening double mark
    let openWidth = 1; // 2 when the pending double mark is two apostrophes ('')
    // An opening curly mark replaced by a second one in this block: a quote may be nested inside it.
    let outer = -1;
    let openBlock = b;
    let sOpen = -1; // position of the pending opening single mark
    let i = start;
    if (carry) {
      const first = text.charCodeAt(start);
      const reopens = first === LDQ || first === DQ || first === LOW_DQ || first === LGUIL || isDoubledApostrophe(text, start, end);
      if (body && reopens) {
        open = carry.start;
        openWidth = carry.width;
        openBlock = carry.block;
        i = first === SQ ? start + 2 : start + 1;
      } else {
        pushUnclosed(text, out, carry.start, blocks[b - 1]!.end, carry.block, blocks);
      }
      carry = null;
    }
    for (; i < end; i++) {
      // Jump to the next quotation mark (the regex engine scans natively).
      // The last search result is reused while it lies ahead, so text without marks is scanned once
      // in all, not once per block.
      if (nextMark === -2 || (nextMark !== -1 && nextMark < i)) {
        // test() rather than exec(): no match object per mark (every match is one character).
        MARKS.lastIndex = i;
        nextMark = MARKS.test(text) ? MARKS.lastIndex - 1 : -1;
      }
      if (nextMark === -1 || nextMark >= end) break;
      i = nextMark;
      const c = text.charCodeAt(i);
      const prev = i > start ? text.charCodeAt(i - 1) : -1;
      const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      if (c === LDQ && open >= 0 && ((prev >= 0 && !isSpace(prev) && prev !== DQ && (next < 0 || !isWordChar(next))) || spacedEnd(text, start, i, next))) {
        // “ typed where ” was meant: it follows a word or punctuation and no word follows it (“Frozen“ and),
        // or it ends the paragraph after a stray space (“They see that. “).
        push(text, out, open, i + 1, openBlock, false, openWidth);
        open = -1;
      } else if (c === LDQ || c === LOW_DQ || c === LGUIL) {
        // A second opening mark while one is pending: the first was never closed, or the second
        // opens a quote inside it (kept in `outer` until a spare closing mark settles it).
        outer = c === LDQ && open >= 0 && openBlock === b && text.charCodeAt(open) === LDQ ? open : -1;
        open = i;
        openWidth = 1;
        openBlock = b;
        sOpen = -1;
      } else if (c === RDQ || c === RGUIL) {
        if (open >= 0) {
          push(text, out, open, i + 1, openBlock, false, openWidth);
          open = -1;
        } else if (c === RDQ && outer >= 0 && prev >= 0 && !isSpace(prev) && (next < 0 || !isWordChar(next))) {
          // “… “inner” …”: a second closing mark closes the outer quote, which replaces the inner ones.
          while (out.length > 0 && out[out.length - 1]!.start > outer) out.pop();
          push(text, out, outer, i + 1, b);
          outer = -1;
        } else if ((opensAfter(prev) && next >= 0 && (isWordChar(next) || opensBlock(text, start, i))) || (isCueComma(prev) && closesLater(text, i + 1, end))) {
          // ” typed where “ was meant: before a word, first in its paragraph (”… they said,”), or after
          // the comma of a cue with a closing mark later in the paragraph (He says,” there are …”).
          open = i;
          openWidth = 1;
          openBlock = b;
          sOpen = -1;
        }
      } else if (c === DQ) {
        const canOpen = opensAfter(prev) && next >= 0 && !isSpace(next);
        // A space before the mark is allowed after a nested closing quote: ‘…,’ " / '…,' ".
        const nestedClose = prev >= 0 && isSpace(prev) && i - 2 >= start && (text.charCodeAt(i - 2) === SQ || text.charCodeAt(i - 2) === RSQ);
        // A stray space before the closing mark: …doing this, " Trump said.
        const spacedClose = prev === 32 && i - 2 >= start && isClauseEnd(text.charCodeAt(i - 2)) && (next < 0 || isSpace(next));
        const canClose = prev >= 0 && (!isSpace(prev) || nestedClose || spacedClose) && (next < 0 || !isWordChar(next));
        if (open >= 0) {
          if (canClose) {
            push(text, out, open, i + 1, openBlock, false, openWidth);
            open = -1;
          } else if (canOpen) {
            open = i;
            openWidth = 1;
            openBlock = b;
          }
        } else if (canOpen && !(prev >= 48 && prev <= 57)) {
          open = i;
          openWidth = 1;
          openBlock = b;
          sOpen = -1;
        }
      } else if (c === SQ && next === SQ) {
        // Two apostrophes typed for a double mark: ''We will win,'' he said (archive and wire text).
        // A third one belongs to a single-quoted quote inside: ''I said, 'no.''' closes after it.
        let at = i;
        if (open >= 0 && i + 2 < end && text.charCodeAt(i + 2) === SQ) at = i + 1;
        const before = at > start ? text.charCodeAt(at - 1) : -1;
        const after = at + 2 < end ? text.charCodeAt(at + 2) : -1;
        const canOpen = opensAfter(before) && after >= 0 && !isSpace(after);
        const canClose = before >= 0 && !isSpace(before) && (after < 0 || !isWordChar(after));
        if (open >= 0 && canClose) {
          push(text, out, open, at + 2, openBlock, false, openWidth, 2);
          open = -1;
        } else if (canOpen && !(before >= 48 && before <= 57)) {
          open = at;
          openWidth = 2;
          openBlock = b;
          sOpen = -1;
        }
        i = at + 1;
      } else if (open < 0) {
        // Single marks count only outside double quotes (inside, they are quotes within the quote).
        if (c === LSQ || (c === SQ && sOpen < 0)) {
          // ‘90s and 'em are apostrophes; a quote opens before a letter.
          if (opensAfter(prev) && next >= 0 && isWordChar(next) && !(next >= 48 && next <= 57) && prev !== SQ && prev !== LSQ) {
            if (c === LSQ || !isElision(text, i + 1, end)) sOpen = i;
          }
        } else if (sOpen >= 0) {
          // ’ or ' closing: never between two letters (We’re, Putin’s).
          if (prev >= 0 && !isSpace(prev) && (next < 0 || !isWordChar(next))) {
            if (i - sOpen > 2) push(text, out, sOpen, i + 1, b, true);
            sOpen = -1;
          }
        }
        if (sOpen >= 0 && i - sOpen > MAX_SINGLE) sOpen = -1;
      }
    }
    if (open >= 0) {
      const nextBlock = blocks[b + 1];
      if (body && nextBlock && nextBlock.body) carry = { start: open, block: openBlock, width: openWidth };
      else pushUnclosed(text, out, open, end, openBlock, blocks, openWidth);
    }
  }
  if (carry) pushUnclosed(text, out, carry.start, blocks[blocks.length - 1]!.end, carry.block, blocks, carry.width);
  return out.filter((q) => !isTitleQuote(text, q, q.content));
}

// 'em, 'n', 'til, 'cause: apostrophes that begin a word.
function isElision(text: string, from: number, end: number): boolean {
  const w = text.slice(from, Math.min(end, from + 6)).toLowerCase();
  return /^(em|n|til|cause|tis|twas|bout|round)\b/.test(w);
}

// An opening mark never closed: kept when it opens its block, or opens a sentence inside it and the
// paragraph ends a sentence (a quote running to the end of the paragraph whose closing mark was lost);
// a stray mark inside running text is dropped.
function pushUnclosed(text: string, out: QuoteSpan[], open: number, end: number, block: number, blocks: QuoteBlock[], openWidth = 1): void {
  let e = end;
  while (e > open + openWidth && isSpace(text.charCodeAt(e - 1))) e--;
  if (e - open < 12) return;
  if (open !== blocks[block]!.start && !(opensSentence(text, blocks[block]!.start, open) && endsSentence(text.charCodeAt(e - 1)))) return;
  out.push({ start: open, end: e, content: { start: open + openWidth, end: e }, partial: false, single: false, block });
}

/**
 * The mark starts a sentence inside the paragraph: after a full stop, a question or exclamation
 * mark or a colon and a space ("More from Jones: “The partisanship …", "said Bryant. “Realistically …").
 */
function opensSentence(text: string, blockStart: number, at: number): boolean {
  let k = at - 1;
  if (k < blockStart || !isSpace(text.charCodeAt(k))) return false;
  while (k > blockStart && isSpace(text.charCodeAt(k - 1))) k--;
  const c = text.charCodeAt(k - 1);
  return c === 46 || c === 58 || c === 63 || c === 33;
}

/** The mark ends its paragraph after a space that follows the end of a clause: “They see that. “ */
function spacedEnd(text: string, blockStart: number, at: number, next: number): boolean {
  return next < 0 && at - 2 >= blockStart && text.charCodeAt(at - 1) === 32 && isClauseEnd(text.charCodeAt(at - 2));
}

/** A comma or colon right before the mark: the end of a cue ("He says,"). */
function isCueComma(c: number): boolean {
  return c === 44 || c === 58;
}

/** Whether a space and a word follow `from`, and a closing ” comes later before `end`. */
function closesLater(text: string, from: number, end: number): boolean {
  if (from + 1 >= end || !isSpace(text.charCodeAt(from)) || !isWordChar(text.charCodeAt(from + 1))) return false;
  // Stops at the next ” in the text, which is the next mark this scan would reach anyway: linear overall.
  const close = text.indexOf(String.fromCharCode(RDQ), from);
  return close >= 0 && close < end;
}

/** A paragraph's last character that closes a sentence (or a bracketed source such as "[Gallup.]"). */
function endsSentence(c: number): boolean {
  return c === 46 || c === 63 || c === 33 || c === 93 || c === 0x2026;
}

function isClauseEnd(c: number): boolean {
  return c === 44 || c === 46 || c === 63 || c === 33;
}

/** Two apostrophes standing for a double quotation mark (not a third one before them). */
function isDoubledApostrophe(text: string, at: number, end: number): boolean {
  return at + 1 < end && text.charCodeAt(at) === SQ && text.charCodeAt(at + 1) === SQ;
}

/** Nothing but white space (or direction marks) before `at` in its block. */
function opensBlock(text: string, blockStart: number, at: number): boolean {
  for (let k = at - 1; k >= blockStart; k--) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

function push(text: string, out: QuoteSpan[], start: number, end: number, block: number, single = false, openWidth = 1, closeWidth = 1): void {
  const cs = start + openWidth;
  const ce = end - closeWidth;
  let s = cs;
  while (s < ce && isSpace(text.charCodeAt(s))) s++;
  if (s >= ce) return;
  out.push({ start, end, content: { start: cs, end: ce }, partial: isPartial(text, cs, ce), single, block });
}

/**
 * A quoted clause starts upper-case (or is a continuation) and ends with sentence punctuation or a
 * comma; anything else (“lonely bromance”, “important, highly significant documents”) is a partial quote.
 */
function isPartial(text: string, cs: number, ce: number): boolean {
  let s = cs;
  while (s < ce && isSpace(text.charCodeAt(s))) s++;
  let e = ce;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  const first = text.charCodeAt(s);
  const last = text.charCodeAt(e - 1);
  const upper = (first >= 65 && first <= 90) || (first >= 0xc0 && String.fromCharCode(first) !== String.fromCharCode(first).toLowerCase());
  const closes = last === 46 || last === 33 || last === 63 || last === 44 || last === 0x2026 || last === 0x2014;
  return !(upper && closes);
}
