// Approximate string search: where does `pattern` occur in `text` with at most k edits
// (insertions, deletions, substitutions)? Myers' bit-vector algorithm (J. ACM 1999) in 32-bit
// blocks, O(n * ceil(m / 32)): fast enough to scan a 1 MB article for a sentence-long claim.

export interface ApproxMatch {
  start: number;
  /** Exclusive. */
  end: number;
  /** Edit distance between the pattern and text.slice(start, end). */
  errors: number;
}

/**
 * The distance between `pattern` and the best substring of `text` ending at each position in
 * [from, to). With `anchored`, the substring must start at `from` (used to find a match's start).
 * Calls `report(end, errors)` for each end position whose distance is <= maxErrors.
 */
function scan(text: string, pattern: string, maxErrors: number, from: number, to: number, anchored: boolean, report: (end: number, errors: number) => void): void {
  const m = pattern.length;
  const blocks = Math.ceil(m / 32);
  const zero = new Int32Array(blocks);
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    let eq = peq.get(c);
    if (!eq) peq.set(c, (eq = new Int32Array(blocks)));
    eq[i >> 5]! |= 1 << (i & 31);
  }
  const P = new Int32Array(blocks).fill(-1);
  const M = new Int32Array(blocks);
  const score = new Int32Array(blocks);
  const last = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    score[b] = Math.min(m, (b + 1) * 32);
    last[b] = 1 << ((Math.min(m, (b + 1) * 32) - 1) & 31);
  }
  const lastBlock = blocks - 1;
  for (let j = from; j < to; j++) {
    const eqs = peq.get(text.charCodeAt(j)) ?? zero;
    // Horizontal delta entering the top of block 0: 0 for a free start (row 0 is all zeros),
    // +1 when the match must start at `from` (row 0 counts the skipped text).
    let hin = anchored ? 1 : 0;
    for (let b = 0; b < blocks; b++) {
      const pv = P[b]!;
      const mv = M[b]!;
      let eq = eqs[b]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      let hout = 0;
      if ((ph & last[b]!) !== 0) hout = 1;
      else if ((mh & last[b]!) !== 0) hout = -1;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      P[b] = mh | ~(xv | ph);
      M[b] = ph & xv;
      score[b]! += hout;
      hin = hout;
    }
    const s = score[lastBlock]!;
    if (s <= maxErrors) report(j + 1, s);
  }
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/**
 * Matches of `pattern` in text[from, to) with at most `maxErrors` edits: one per cluster of
 * overlapping candidates (the one with fewest errors), in text order.
 */
export function approxSearch(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0 || maxErrors < 0 || to <= from) return [];
  const ends: { end: number; errors: number }[] = [];
  let runEnd = -2;
  scan(text, pattern, maxErrors, from, to, false, (end, errors) => {
    const prev = ends[ends.length - 1];
    // Consecutive end positions belong to one match: keep the best end of the run.
    if (prev && end === runEnd + 1) {
      runEnd = end;
      if (errors < prev.errors) {
        prev.end = end;
        prev.errors = errors;
      }
      return;
    }
    runEnd = end;
    ends.push({ end, errors });
  });
  const reversedPattern = reverse(pattern);
  const matches: ApproxMatch[] = [];
  for (const { end, errors } of ends) {
    const windowStart = Math.max(from, end - m - maxErrors);
    const reversedWindow = reverse(text.slice(windowStart, end));
    let bestLength = -1;
    let bestErrors = Infinity;
    scan(reversedWindow, reversedPattern, maxErrors, 0, reversedWindow.length, true, (len, e) => {
      // Fewest edits; among equals the shortest, so a match never takes in neighbouring text
      // where dropping the missing characters costs the same.
      if (e < bestErrors) {
        bestErrors = e;
        bestLength = len;
      }
    });
    if (bestLength < 0) continue;
    const start = end - bestLength;
    const prev = matches[matches.length - 1];
    if (prev && start < prev.end) {
      if (Math.min(bestErrors, errors) < prev.errors) matches[matches.length - 1] = { start, end, errors: Math.min(bestErrors, errors) };
      continue;
    }
    matches.push({ start, end, errors: Math.min(bestErrors, errors) });
  }
  return matches;
}

/** Plain edit distance (Levenshtein) for short strings such as context windows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Edit distance between `pattern` and text[start, end) for every end in (start, start + span]
 * with at most maxErrors edits, as a map end -> errors.
 */
export function distancesFromStart(text: string, pattern: string, start: number, span: number, maxErrors: number): Map<number, number> {
  const out = new Map<number, number>();
  if (pattern.length === 0) return out;
  scan(text, pattern, maxErrors, start, Math.min(text.length, start + span), true, (end, errors) => out.set(end, errors));
  return out;
}

/**
 * Edit distance between `pattern` and text[start, end) for every start in [end - span, end)
 * with at most maxErrors edits, as a map start -> errors.
 */
export function distancesToEnd(text: string, pattern: string, end: number, span: number, maxErrors: number): Map<number, number> {
  const out = new Map<number, number>();
  if (pattern.length === 0) return out;
  const window = reverse(text.slice(Math.max(0, end - span), end));
  scan(window, reverse(pattern), maxErrors, 0, window.length, true, (length, errors) => out.set(end - length, errors));
  return out;
}
