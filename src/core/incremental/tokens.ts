// The tokens of an edited text from the tokens of the text before the edit: only the lines the
// edit touched are tokenized again; the tokens before them are kept and those after them moved by
// the edit's length. Tokenizing a 1 MB article whole takes a tenth of an edit's analysis.
//
// Exact, because the tokenizer starts afresh at every line: no token holds a line break, a line's
// first token is flagged so whatever came before, and its look-ahead (at most two characters, for
// a possessive 's) never reads past a line break. So the tokens of the lines from a line start up
// to a line break are those of those lines on their own, moved to where they stand (checked against
// tokenize() over random edits in test/unit/incrementalTokens.test.ts).
import { tokenize, type Tokens } from '../text/tokenize';
import type { TextEdit } from '../text/textEdit';
import { lowerBound } from '../spans';

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** Arrays to write tokens into, longer than needed: the tokens are views of their start. */
export type TokenBuffers = Omit<Tokens, 'count' | 'codes'> & { capacity: number };

function buffersFor(count: number, spare: TokenBuffers | undefined): TokenBuffers {
  if (spare && spare.capacity >= count) return spare;
  const capacity = Math.max(count, Math.ceil((spare?.capacity ?? 0) * 1.5), 1024);
  return {
    capacity,
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    flags: new Uint16Array(capacity),
    lower: new Int32Array(capacity),
    exact: new Int32Array(capacity),
    shape: new Int32Array(capacity),
  };
}

/**
 * Splices tokens, writing them into one of two sets of arrays in turn: the tokens of the last text
 * stay readable while the next text's are made from them, and an edit of a long article allocates
 * nothing (tens of megabytes of arrays per keystroke on a 10 MB article would keep the collector busy).
 * The tokens it returns are valid until the call after next.
 */
export class TokenSplicer {
  private sets: [TokenBuffers | undefined, TokenBuffers | undefined] = [undefined, undefined];
  private codes: [Uint16Array | undefined, Uint16Array | undefined] = [undefined, undefined];
  private turn = 0;

  splice(oldText: string, old: Tokens, newText: string, edit: TextEdit): Tokens {
    const turn = this.turn;
    this.turn = 1 - turn;
    return spliceTokens(
      oldText,
      old,
      newText,
      edit,
      (count) => (this.sets[turn] = buffersFor(count, this.sets[turn])),
      (length) => {
        let codes = this.codes[turn];
        if (!codes || codes.length < length) this.codes[turn] = codes = new Uint16Array(Math.max(length, Math.ceil((codes?.length ?? 0) * 1.5), 4096));
        return codes.subarray(0, length);
      },
    );
  }
}

/**
 * The tokens tokenize(newText) gives, from `old`, the tokens of `oldText`, and the edit between the
 * two texts; written into the arrays `buffers` gives for their count (none: new arrays), which must
 * not be those of `old`.
 */
export function spliceTokens(oldText: string, old: Tokens, newText: string, edit: TextEdit, buffers?: (count: number) => TokenBuffers, codeBuffer?: (length: number) => Uint16Array): Tokens {
  const shift = newText.length - oldText.length;
  // From the start of the line the edit begins in (its shared start is the same in both texts)…
  let from = edit.head;
  while (from > 0 && !isLineBreak(oldText.charCodeAt(from - 1))) from--;
  // …to just after the first line break inside the shared end, so both texts start a line there.
  const sharedEnd = newText.length - edit.tail;
  let to = sharedEnd;
  while (to < newText.length && !isLineBreak(newText.charCodeAt(to))) to++;
  to = to < newText.length ? to + 1 : newText.length;
  const oldTo = to - shift;

  const mid = tokenize(newText.slice(from, to));
  const before = lowerBound(old.start, 0, old.count, from);
  const after = lowerBound(old.start, 0, old.count, oldTo);
  const count = before + mid.count + (old.count - after);
  const into = buffers ? buffers(count) : buffersFor(count, undefined);
  const out: Tokens = {
    count,
    codes: splicedCodes(old.codes, newText, edit, codeBuffer),
    start: into.start.subarray(0, count),
    end: into.end.subarray(0, count),
    kind: into.kind.subarray(0, count),
    flags: into.flags.subarray(0, count),
    lower: into.lower.subarray(0, count),
    exact: into.exact.subarray(0, count),
    shape: into.shape.subarray(0, count),
  };
  for (const key of ['kind', 'flags', 'lower', 'exact', 'shape'] as const) {
    const dst = out[key];
    dst.set(old[key].subarray(0, before) as never, 0);
    dst.set(mid[key] as never, before);
    dst.set(old[key].subarray(after, old.count) as never, before + mid.count);
  }
  for (const key of ['start', 'end'] as const) {
    const dst = out[key];
    dst.set(old[key].subarray(0, before), 0);
    const m = mid[key];
    for (let i = 0; i < mid.count; i++) dst[before + i] = m[i]! + from;
    const o = old[key];
    for (let i = after, k = before + mid.count; i < old.count; i++, k++) dst[k] = o[i]! + shift;
  }
  return out;
}

/**
 * The code units of the new text from those of the old one: its shared start and end copied, the
 * new characters between written (converting a 10 MB text again would cost milliseconds and 20 MB
 * of garbage per keystroke). Into the array `into` gives for the length, or a new one.
 */
function splicedCodes(old: Uint16Array, newText: string, edit: TextEdit, into?: (length: number) => Uint16Array): Uint16Array {
  const n = newText.length;
  const out = into ? into(n) : new Uint16Array(n);
  out.set(old.subarray(0, edit.head), 0);
  const middle = edit.middle;
  for (let i = 0; i < middle.length; i++) out[edit.head + i] = middle.charCodeAt(i);
  out.set(old.subarray(old.length - edit.tail), edit.head + middle.length);
  return out;
}

