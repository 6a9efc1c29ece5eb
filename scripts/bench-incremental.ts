// Speed of the incremental analysis against a full analyze() after one-character edits.
// Usage: npx tsx scripts/bench-incremental.ts [--against DIR]   (part of npm run bench)
// --against DIR: also times the worker's part of each edit with the core of another checkout (DIR
// holds its src/, e.g. `git worktree add DIR main`), edit for edit in the same run, taking turns
// which goes first: a fair comparison on a machine shared with other work.
// Builds a 1 MB and a 10 MB article from the seeds and the Wikinews samples, as scripts/bench.ts
// does, types one character at 50 places spread through the file (first to last), and after each
// edit times the incremental path (what the editor's worker runs, told the edit as the editor
// reports it) and a full analyze() of the same text, side by side, with the worker's packing of the
// result for the host: the whole analysis (toWire, what an article's first analysis sends) and the
// change to the previous one (toDelta, what each edit sends), and the host's rebuilding of the
// analysis from that change; their sum with the incremental analysis is what the editor's worker
// spends per keystroke. Each result is checked equal to the full one. The two passes the incremental analysis reuses work of are also
// timed alone: the tokens (the edited lines spliced into the earlier tokens against tokenizing the
// whole text) and the entity tagger (line reuse against tagging every token). Wall-clock
// milliseconds on a possibly shared machine.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Analysis } from '../src/core/types';
import type { Models } from '../src/core/models';
import type { Tokens } from '../src/core/text/tokenize';
import type { LinearModel } from '../src/core/entities/tagger';
import type { WireAnalysis } from '../src/core/present/wireFormat';
import type { WireDelta } from '../src/core/present/wireDelta';
import type { TextEdit } from '../src/core/text/textEdit';
import { loadCoreBundle, repeatedTo, seedCorpus } from './coreBundle';

interface Bundle {
  analyze(text: string): Analysis;
  IncrementalAnalyzer: new () => { analyze(text: string, change?: { from: string; edit: TextEdit }): Analysis; stats: { reused: number; tagged: number }; quoteStats: { reused: number; attributed: number }; aliasStats: { reused: boolean } };
  toWire(analysis: Analysis, text: string): WireAnalysis;
  fromWire(wire: WireAnalysis, text: string): Analysis;
  toDelta(prev: Analysis, oldText: string, next: Analysis, newText: string, edit?: TextEdit): WireDelta | undefined;
  fromDelta(prev: Analysis, delta: WireDelta, text: string): Analysis;
  provideModels(models: Models): void;
  tokenize(text: string): Tokens;
  tagTokens(text: string, tok: Tokens, model: LinearModel): Uint8Array;
  BlockTagger: new () => { labels(text: string, tok: Tokens, model: LinearModel): Uint8Array };
  TokenSplicer: new () => { splice(oldText: string, old: Tokens, newText: string, edit: TextEdit): Tokens };
  currentModels(): Models;
}

/** The core as esbuild bundles it for the worker (tsx's per-binding getters would slow the hot loops). */
function loadBundle(): Bundle {
  return loadCoreBundle<Bundle>(
    `export { analyze } from './analyze'; export { IncrementalAnalyzer } from './incremental/index'; export { toWire, fromWire } from './present/wireFormat'; export { toDelta, fromDelta } from './present/wireDelta'; export { currentModels } from './models'; export { tokenize } from './text/tokenize'; export { tagTokens } from './entities/tagger'; export { BlockTagger } from './incremental/blockTagger'; export { TokenSplicer } from './incremental/tokens'`,
  );
}

/** What the worker runs per edit, from another checkout's core. */
type OtherBundle = Pick<Bundle, 'IncrementalAnalyzer' | 'toDelta'>;

const againstAt = process.argv.indexOf('--against');
const againstDir = againstAt > 0 ? process.argv[againstAt + 1] : undefined;
if (againstAt > 0 && !againstDir) throw new Error('--against needs the folder of another checkout');
const other = againstDir
  ? loadCoreBundle<OtherBundle>(`export { IncrementalAnalyzer } from './incremental/index'; export { toDelta } from './present/wireDelta'`, undefined, resolve(againstDir, 'src/core'))
  : undefined;

/** Milliseconds of CPU this process spent since `from` (process.cpuUsage()): less swayed than wall-clock time by other work on the machine. */
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

const { text: corpus, files: sourceFiles } = seedCorpus();
const sized = (bytes: number): string => repeatedTo(corpus, bytes);

const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const fmt = (xs: number[]): string => `p50 ${percentile(xs, 50).toFixed(1).padStart(7)}  p95 ${percentile(xs, 95).toFixed(1).padStart(7)}`;

const EDITS = 50;
const MB = 1024 * 1024;
const core = loadBundle();
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on this machine (wall-clock ms)`);
console.log(`articles built from ${sourceFiles} news files (${(corpus.length / 1024).toFixed(0)} KB) concatenated and repeated`);
core.analyze(sized(200_000)); // warm-up: model decode and JIT

for (const [label, size, fullRuns] of [['1 MB', MB, EDITS], ['10 MB', 10 * MB, 10]] as const) {
  let text = sized(size);
  const inc = new core.IncrementalAnalyzer();
  let t = performance.now();
  let prev = inc.analyze(text);
  const openMs = performance.now() - t;
  // The host's copy, as it decoded the first analysis; each edit's change is applied to it.
  let held = core.fromWire(structuredClone(core.toWire(prev, text)), text);
  const deltaMs: number[] = [];
  const applyMs: number[] = [];
  let deltaMismatches = 0;
  const incMs: number[] = [];
  const wireMs: number[] = [];
  const fullMs: number[] = [];
  const tagIncMs: number[] = [];
  const tagFullMs: number[] = [];
  const tokIncMs: number[] = [];
  const tokFullMs: number[] = [];
  let heldTok = core.tokenize(text);
  const splicer = new core.TokenSplicer();
  const blockTagger = new core.BlockTagger();
  const model = core.currentModels().tagger;
  blockTagger.labels(text, core.tokenize(text), model);
  const workerCpu: number[] = [];
  // The other checkout's worker on its own copy of the text, given the same edits.
  const theirs = other && { inc: new other.IncrementalAnalyzer(), prev: undefined as Analysis | undefined, wall: [] as number[], cpu: [] as number[] };
  if (theirs) theirs.prev = theirs.inc.analyze(text);
  let tagged = 0;
  let quotesAttributed = 0;
  let quotesReused = 0;
  let groupsKept = 0;
  let mismatches = 0;
  for (let k = 0; k < EDITS; k++) {
    // A letter typed after a space at a point k/EDITS through the text.
    const at = text.indexOf(' ', Math.floor(((k + 0.5) / EDITS) * text.length)) + 1;
    const before = text;
    text = text.slice(0, at) + 'x' + text.slice(at);
    // As the editor's worker gets it: the text with the edit that made it.
    const edit: TextEdit = { head: at, tail: before.length - at, middle: 'x' };
    // Every other edit, the other checkout's worker goes first.
    if (theirs && k % 2) timeTheirs(theirs, before, text, edit);
    let cpu = process.cpuUsage();
    t = performance.now();
    const result = inc.analyze(text, { from: before, edit });
    incMs.push(performance.now() - t);
    let spent = cpuMs(cpu);
    tagged += inc.stats.tagged;
    quotesAttributed += inc.quoteStats.attributed;
    quotesReused += inc.quoteStats.reused;
    if (inc.aliasStats.reused) groupsKept++;
    t = performance.now();
    const tok = core.tokenize(text);
    tokFullMs.push(performance.now() - t);
    t = performance.now();
    heldTok = splicer.splice(before, heldTok, text, edit);
    tokIncMs.push(performance.now() - t);
    t = performance.now();
    blockTagger.labels(text, tok, model);
    tagIncMs.push(performance.now() - t);
    t = performance.now();
    core.tagTokens(text, tok, model);
    tagFullMs.push(performance.now() - t);
    t = performance.now();
    core.toWire(result, text);
    wireMs.push(performance.now() - t);
    cpu = process.cpuUsage();
    t = performance.now();
    const delta = core.toDelta(prev, before, result, text, edit);
    deltaMs.push(performance.now() - t);
    spent += cpuMs(cpu);
    workerCpu.push(spent);
    if (theirs && !(k % 2)) timeTheirs(theirs, before, text, edit);
    const sent = structuredClone(delta ?? core.toWire(result, text));
    t = performance.now();
    held = delta ? core.fromDelta(held, sent as WireDelta, text) : core.fromWire(sent as WireAnalysis, text);
    applyMs.push(performance.now() - t);
    prev = result;
    // The full analysis of 10 MB takes seconds: timed at every (EDITS / fullRuns)th edit.
    if (k % (EDITS / fullRuns) === 0) {
      t = performance.now();
      const full = core.analyze(text);
      fullMs.push(performance.now() - t);
      if (!isDeepStrictEqual(result, full)) mismatches++;
      if (!isDeepStrictEqual(held, full)) deltaMismatches++;
    }
  }
  console.log(`\n${label} article (${text.length} chars): first analysis ${openMs.toFixed(0)} ms; one-character edit at ${EDITS} places spread through the file`);
  console.log(`  incremental analysis     ${fmt(incMs)}   (${(tagged / EDITS).toFixed(1)} lines re-tagged per edit)`);
  console.log(`  of which quotes:         ${(quotesAttributed / EDITS).toFixed(1)} attributed again per edit, ${(quotesReused / EDITS).toFixed(0)} kept`);
  console.log(`  of which alias groups:   kept after ${groupsKept} of ${EDITS} edits (the names, their order and roles as before)`);
  console.log(`  worker per edit          ${fmt(incMs.map((ms, k) => ms + deltaMs[k]!))}   (incremental analysis + toDelta: the latency report's "worker" stage); CPU ${fmt(workerCpu)}`);
  if (theirs) console.log(`    the same, ${againstDir}  ${fmt(theirs.wall)}   CPU ${fmt(theirs.cpu)}   (its incremental analysis + toDelta, the same edits in turn)`);
  console.log(`  full analyze()           ${fmt(fullMs)}   (${fullMs.length} of the edits)`);
  console.log(`  of which tokens:         the edited lines spliced in ${fmt(tokIncMs)}   all tokenized ${fmt(tokFullMs)}`);
  console.log(`  of which entity tagging: reusing lines ${fmt(tagIncMs)}   every token ${fmt(tagFullMs)}`);
  console.log(`  packing for the host     ${fmt(wireMs)}   (toWire, the whole analysis, on the worker)`);
  console.log(`  change for the host      ${fmt(deltaMs)}   (toDelta, what an edit sends, on the worker)`);
  console.log(`  host applies the change  ${fmt(applyMs)}   (fromDelta, on the editor's thread)`);
  console.log(`  results equal to the full analysis: ${fullMs.length - mismatches} of ${fullMs.length}; host's copy equal to it: ${fullMs.length - deltaMismatches} of ${fullMs.length}`);
  if (mismatches > 0 || deltaMismatches > 0) process.exitCode = 1;
}

/** Times the other checkout's worker on one edit (its analysis and its change for the host). */
function timeTheirs(theirs: { inc: InstanceType<OtherBundle['IncrementalAnalyzer']>; prev: Analysis | undefined; wall: number[]; cpu: number[] }, before: string, text: string, edit: TextEdit): void {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = theirs.inc.analyze(text, { from: before, edit });
  other!.toDelta(theirs.prev!, before, result, text, edit);
  theirs.wall.push(performance.now() - t);
  theirs.cpu.push(cpuMs(cpu));
  theirs.prev = result;
}
