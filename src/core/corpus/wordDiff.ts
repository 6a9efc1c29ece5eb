// A word-level diff of two statements: the runs both share, and what only one of them says. Tokens
// are words and punctuation marks; they are compared case-insensitively with curly and straight
// quotes alike, and each run carries its text as written in its own statement. A longest common
// subsequence over word tokens is all a sentence needs (a few dozen tokens a side); it was measured
// against the `diff` package's diffWords (scripts/bench-compare.ts) and kept for having no dependency.

import { scanDiffTokens, SpellingTable } from './wordTokens';

export type DiffOp = 'equal' | 'delete' | 'insert';

export interface DiffRun {
  /** equal: in both; delete: only in the first text; insert: only in the second. */
  op: DiffOp;
  /** The run as written (for equal runs, in the first text). */
  text: string;
}

interface Token {
  start: number;
  end: number;
  norm: string;
}

/** Above this many tokens a side the table would be large: the texts are reported as one change. */
const MAX_TOKENS = 2000;

// Tokens are what /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu matches (wordTokens.ts reads
// them); each spelling's comparable form is worked out once.
const norms = new SpellingTable((raw) => raw.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"'), 200_000);

function tokens(text: string): Token[] {
  const out: Token[] = [];
  scanDiffTokens(text, (start, end) => out.push({ start, end, norm: norms.get(text, start, end) }));
  return out;
}

export function wordDiff(a: string, b: string): DiffRun[] {
  // Most pairs of two long articles are the same sentence twice: one run from its first token to
  // its last, as the walk below would give, without a token list for either side.
  if (a === b) {
    let from = -1;
    let to = -1;
    let count = 0;
    scanDiffTokens(a, (start, end) => {
      if (from < 0) from = start;
      to = end;
      count++;
    });
    if (count <= MAX_TOKENS) return from < 0 ? [] : [{ op: 'equal', text: a.slice(from, to) }];
  }
  const ta = tokens(a);
  const tb = tokens(b);
  const n = ta.length;
  const m = tb.length;
  if (n > MAX_TOKENS || m > MAX_TOKENS) return [...(a ? [{ op: 'delete' as const, text: a }] : []), ...(b ? [{ op: 'insert' as const, text: b }] : [])];
  // The walk below takes tokens both texts begin with as they come, without asking the table: the
  // table is only built past them (a pair of the same sentence needs none).
  let p = 0;
  while (p < n && p < m && ta[p]!.norm === tb[p]!.norm) p++;
  // lcs[(i - p) * width + (j - p)]: length of the longest common subsequence of ta[i..] and tb[j..], for i, j >= p.
  const width = m - p + 1;
  const lcs = new Uint16Array((n - p + 1) * width);
  for (let i = n - 1; i >= p; i--) {
    for (let j = m - 1; j >= p; j--) {
      const at = (i - p) * width + (j - p);
      lcs[at] = ta[i]!.norm === tb[j]!.norm ? lcs[at + width + 1]! + 1 : Math.max(lcs[at + width]!, lcs[at + 1]!);
    }
  }
  const runs: DiffRun[] = [];
  // Each run spans from its first token to its last in its own text, spacing included.
  let op: DiffOp | undefined;
  let from = 0;
  let to = 0;
  const flush = () => {
    if (op) runs.push({ op, text: (op === 'insert' ? b : a).slice(from, to) });
    op = undefined;
  };
  const take = (next: DiffOp, t: Token) => {
    if (op !== next) {
      flush();
      op = next;
      from = t.start;
    }
    to = t.end;
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ta[i]!.norm === tb[j]!.norm) {
      take('equal', ta[i]!);
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1 - p) * width + (j - p)]! >= lcs[(i - p) * width + (j + 1 - p)]!)) {
      take('delete', ta[i]!);
      i++;
    } else {
      take('insert', tb[j]!);
      j++;
    }
  }
  flush();
  return runs;
}
