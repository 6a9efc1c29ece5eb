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
import { startTagging, tagCandidate, type LinearModel, type TaggingRun } from '../entities/tagger';

/** What a line's tagging saw and gave. */
interface LineTags {
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
  private lines = new Map<string, LineTags>();
  stats: TaggingStats = { reused: 0, tagged: 0 };

  /** The labels tagTokens(text, tok, model) gives, reusing what earlier calls computed. */
  labels(text: string, tok: Tokens, model: LinearModel): Uint8Array {
    const ctx = docContext(tok, model);
    const run = startTagging(text, tok, model, ctx);
    const labels = new Uint8Array(tok.count);
    const kept = new Map<string, LineTags>();
    // Identical lines (a repeated sign-off, a copy of a paragraph) are told apart by their
    // occurrence: each copy saw other document facts, so each keeps an entry of its own.
    const copies = new Map<string, number>();
    const stats: TaggingStats = { reused: 0, tagged: 0 };
    let a = 0;
    while (a < tok.count) {
      let b = a + 1;
      while (b < tok.count && !(tok.flags[b]! & F_LINE_START)) b++;
      let key = lineKey(tok, ctx, a, b);
      const copy = copies.get(key) ?? 0;
      copies.set(key, copy + 1);
      if (copy > 0) key += `#${copy}`;
      const entry = tagLine(run, a, b, this.lines.get(key), labels);
      if (entry.reused) stats.reused++;
      else stats.tagged++;
      kept.set(key, entry.tags);
      a = b;
    }
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
function tagLine(run: TaggingRun, a: number, b: number, cached: LineTags | undefined, labels: Uint8Array): { tags: LineTags; reused: boolean } {
  const tok = run.tok;
  const replay = cached !== undefined && cached.labels.length === b - a;
  const tags: LineTags = replay ? cached! : { labels: new Uint8Array(b - a), facts: new Uint8Array(b - a) };
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
          const fresh: LineTags = { labels: tags.labels.slice(), facts: tags.facts.slice() };
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

/**
 * Two independent 32-bit hashes (and the token count) of everything the line's labels depend on
 * besides the looked-up facts: each token of the line and of the two either side, as the features
 * read them, and whether those neighbours exist at all (the document's start and end).
 */
function lineKey(tok: Tokens, ctx: DocContext, a: number, b: number): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01234567;
  const mixIn = (v: number): void => {
    h1 = Math.imul(h1 ^ v, 0x01000193);
    h2 = Math.imul(h2 ^ v, 0x5bd1e995) ^ (h2 >>> 15);
  };
  const from = Math.max(0, a - 2);
  const to = Math.min(tok.count, b + 2);
  mixIn(a - from);
  mixIn(to - b);
  const gaz = ctx.gaz.length > 0;
  for (let i = from; i < to; i++) {
    mixIn(tok.kind[i]!);
    mixIn(tok.flags[i]!);
    mixIn(tok.lower[i]!);
    mixIn(tok.exact[i]!);
    mixIn(tok.shape[i]!);
    mixIn(tok.end[i]! - tok.start[i]!);
    mixIn(ctx.capsLine[i]!);
    if (gaz) mixIn(ctx.gaz[i]!);
  }
  return `${b - a}:${h1 >>> 0}:${h2 >>> 0}`;
}
