// The entity tagger, line by line, reusing the labels of lines it has tagged before.
//
// The tagger restarts its label context at every line start, so a line's labels depend only on:
//  - its own tokens and the two tokens either side of it (the neighbour features read them),
//  - the document-wide facts it consults for each scored token: whether the word also occurs in
//    lower case somewhere (lowerSeen) and, for models with the prediction history, the type most
//    often given so far to the spelling (historyType, which grows as the tagger goes down the text).
// A line's cache entry is keyed by a hash of the first kind of input and records the values of the
// second kind it saw. Reusing it replays the line: each scored token's document facts are looked up
// again and compared with the recorded ones, and its recorded label is recorded in the history as
// tagging would. The first token whose facts differ is scored for real, and so is the rest of the
// line. Every token's label is therefore the one a full tagging would give (see
// test/unit/incremental.test.ts, which compares the two over random edits).
import { F_LINE_START, type Tokens } from '../text/tokenize';
import { docContext, historyType, isCandidate, O, recordLabel, type DocContext } from '../entities/features';
import { finishTagging, startTagging, tagCandidate, type LinearModel, type TaggingRun } from '../entities/tagger';

/** What a line's tagging saw and gave. */
interface LineTags {
  /** The second hash of the line's key (the map is keyed by the first), to tell colliding lines apart. */
  check: number;
  /** The label of each token of the line. */
  labels: Uint8Array;
  /** Per token: NOT_SCORED, or the document facts it was scored with (see facts()). */
  facts: Uint8Array;
}

const NOT_SCORED = 255;

export interface TaggingStats {
  /** Lines whose labels were reused whole. */
  reused: number;
  /** Lines scored in whole or in part. */
  tagged: number;
}

export class BlockTagger {
  private lines = new Map<number, LineTags>();
  stats: TaggingStats = { reused: 0, tagged: 0 };

  /** The labels tagTokens(text, tok, model) gives, reusing what earlier calls computed. */
  labels(text: string, tok: Tokens, model: LinearModel): Uint8Array {
    const ctx = docContext(tok, model);
    const run = startTagging(text, tok, model, ctx);
    const labels = new Uint8Array(tok.count);
    const kept = new Map<number, LineTags>();
    // Identical lines (a repeated sign-off, a copy of a paragraph) are told apart by their
    // occurrence: each copy saw other document facts, so each keeps an entry of its own.
    const copies = new Map<number, number>();
    const stats: TaggingStats = { reused: 0, tagged: 0 };
    let a = 0;
    while (a < tok.count) {
      let b = a + 1;
      while (b < tok.count && !(tok.flags[b]! & F_LINE_START)) b++;
      lineKey(tok, ctx, a, b);
      const copy = copies.get(keyHash) ?? 0;
      copies.set(keyHash, copy + 1);
      // Keys are 32-bit; the occurrence goes into the high bits (exact in a double).
      let key = keyHash + copy * 0x100000000;
      while (kept.has(key)) key += 0x100000000 * 0x10000; // a first-hash collision within this text
      let cached = this.lines.get(key);
      if (cached && cached.check !== keyCheck) cached = undefined;
      const entry = tagLine(run, a, b, cached, keyCheck, labels);
      if (entry.reused) stats.reused++;
      else stats.tagged++;
      kept.set(key, entry.tags);
      a = b;
    }
    finishTagging(run);
    this.lines = kept;
    this.stats = stats;
    return labels;
  }
}

/** The facts a scored token is scored with: lowerSeen and the history type (0 when the model has no history). */
function facts(run: TaggingRun, i: number): number {
  const ctx = run.ctx;
  return (ctx.lowerSeen.has(run.tok.lower[i]!) ? 8 : 0) + (run.history ? historyType(ctx, run.tok, i) : 0);
}

/** Tags tokens a..b (one line) into `labels`, replaying `cached` while its recorded facts hold. */
function tagLine(run: TaggingRun, a: number, b: number, cached: LineTags | undefined, check: number, labels: Uint8Array): { tags: LineTags; reused: boolean } {
  const tok = run.tok;
  const replay = cached !== undefined && cached.labels.length === b - a;
  const tags: LineTags = replay ? cached! : { check, labels: new Uint8Array(b - a), facts: new Uint8Array(b - a) };
  let prev = O;
  let prev2 = O;
  for (let i = a; i < b; i++) {
    if (tok.flags[i]! & F_LINE_START) prev = prev2 = O;
    let label = O;
    let seen = NOT_SCORED;
    if (isCandidate(tok, i, prev)) {
      seen = facts(run, i);
      if (replay && tags.facts[i - a] === seen) {
        label = tags.labels[i - a]!;
        if (run.history) recordLabel(run.ctx, tok, i, label);
      } else {
        if (replay) {
          // From here on the line is tagged for real, into a fresh entry holding what came before.
          const fresh: LineTags = { check, labels: tags.labels.slice(), facts: tags.facts.slice() };
          return finishLine(run, a, b, i, prev, prev2, fresh, labels);
        }
        label = tagCandidate(run, i, prev, prev2);
      }
    }
    if (!replay) {
      tags.labels[i - a] = label;
      tags.facts[i - a] = seen;
    }
    labels[i] = label;
    prev2 = prev;
    prev = label;
  }
  return { tags, reused: replay };
}

/** Tags tokens from..b for real, given the labels before `from` (already in `labels`). */
function finishLine(run: TaggingRun, a: number, b: number, from: number, prev: number, prev2: number, tags: LineTags, labels: Uint8Array): { tags: LineTags; reused: boolean } {
  const tok = run.tok;
  for (let i = from; i < b; i++) {
    if (tok.flags[i]! & F_LINE_START) prev = prev2 = O;
    let label = O;
    let seen = NOT_SCORED;
    if (isCandidate(tok, i, prev)) {
      seen = facts(run, i);
      label = tagCandidate(run, i, prev, prev2);
    }
    tags.labels[i - a] = label;
    tags.facts[i - a] = seen;
    labels[i] = label;
    prev2 = prev;
    prev = label;
  }
  return { tags, reused: false };
}

// The last lineKey's two hashes (module state rather than a returned object: one call per line).
let keyHash = 0;
let keyCheck = 0;

/**
 * Two independent 32-bit hashes of everything the line's labels depend on besides the looked-up
 * facts, into keyHash and keyCheck: each token of the line and of the two either side, as the
 * features read them, whether those neighbours exist at all (the document's start and end), and
 * the token count.
 */
function lineKey(tok: Tokens, ctx: DocContext, a: number, b: number): void {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01234567 ^ (b - a);
  const from = Math.max(0, a - 2);
  const to = Math.min(tok.count, b + 2);
  const gaz = ctx.gaz.length > 0;
  const { kind, flags, lower, exact, shape, start, end } = tok;
  const capsLine = ctx.capsLine;
  h1 = Math.imul(h1 ^ (a - from), 0x01000193);
  h1 = Math.imul(h1 ^ (to - b), 0x01000193);
  for (let i = from; i < to; i++) {
    // Kind (2 bits), flags (10), all-caps line (1), list match (9) and length (capped, 10) side by side.
    const v1 = kind[i]! | (flags[i]! << 2) | (capsLine[i]! << 12) | ((gaz ? ctx.gaz[i]! : 0) << 13) | (Math.min(end[i]! - start[i]!, 1023) << 22);
    h1 = Math.imul(h1 ^ v1, 0x01000193);
    h1 = Math.imul(h1 ^ lower[i]!, 0x01000193);
    h1 = Math.imul(h1 ^ exact[i]!, 0x01000193);
    h1 = Math.imul(h1 ^ shape[i]!, 0x01000193);
    h2 = Math.imul(h2 ^ v1, 0x5bd1e995) ^ (h2 >>> 15);
    h2 = Math.imul(h2 ^ lower[i]!, 0x5bd1e995) ^ (h2 >>> 15);
    h2 = Math.imul(h2 ^ exact[i]!, 0x5bd1e995) ^ (h2 >>> 15);
    h2 = Math.imul(h2 ^ shape[i]!, 0x5bd1e995) ^ (h2 >>> 15);
  }
  keyHash = h1 >>> 0;
  keyCheck = h2 | 0;
}
