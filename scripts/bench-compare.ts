// Speed of Compare Sources on two long articles (200 KB, 400 KB, 800 KB each): the index-based
// one-to-one matching beside the old method that scored every pair of sentences, and the word diff
// beside the `diff` package's diffWords.
// Usage: npx tsx scripts/bench-compare.ts [dataDir] [--all-pairs-up-to KB] [--cap N]
//   dataDir: where polnear-train.jsonl is (default ../shared/data); without it the articles are built
//   from the seeds and the Wikinews samples instead. The all-pairs baseline is measured up to 200 KB
//   (change with --all-pairs-up-to) and extrapolated above it by the square of the size, marked "est.".
// Two kinds of long article: distinct news stories joined end to end, B sharing half of A's stories
// (paragraphs shuffled); and the worst case for an index, the two seed articles repeated over and over.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { buildSync } from 'esbuild';
import type * as Compare from '../src/core/corpus/compare';
import type * as Analyze from '../src/core/analyze';
import type * as WordDiff from '../src/core/corpus/wordDiff';
import type * as Reason from '../src/core/corpus/reason';
import type { Models } from '../src/core/models';
import { readModels } from '../src/node/modelAssets';

type Core = typeof Compare & typeof Analyze & typeof WordDiff & typeof Reason;

/** The core bundled by esbuild, as the extension ships it (tsx's per-import getters cost more than the hot loops). */
function loadCore(): Core {
  const out = buildSync({
    stdin: { contents: `export * from './analyze'; export * from './corpus/compare'; export * from './corpus/wordDiff'; export * from './corpus/reason'; export { provideModels } from './models';`, resolveDir: join(__dirname, '../src/core'), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'error',
  });
  const mod = { exports: {} as Core };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the bundle esbuild has just built, as a CommonJS module
  const run = new Function('module', 'exports', 'require', out.outputFiles[0]!.text) as (module: typeof mod, exports: typeof mod.exports, req: NodeJS.Require) => void;
  run(mod, mod.exports, require);
  // The bundle holds its own copy of the core, so it is given the model files itself.
  (mod.exports as unknown as { provideModels: (m: Models) => void }).provideModels(readModels());
  return mod.exports;
}

const args = process.argv.slice(2);
const upAt = args.indexOf('--all-pairs-up-to');
const allPairsUpTo = upAt >= 0 ? Number(args.splice(upAt, 2)[1]) : 200;
const capAt = args.indexOf('--cap');
const blockCap = capAt >= 0 ? Number(args.splice(capAt, 2)[1]) : undefined;
const dataDir = args[0] ?? join(__dirname, '../../shared/data');
const seedDir = join(__dirname, '../seeds');
const SIZES_KB = [200, 400, 800];

/** A small deterministic PRNG, so every run benchmarks the same text. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return (s >>> 8) / 16777216;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let j = xs.length - 1; j > 0; j--) {
    const k = Math.floor(rand() * (j + 1));
    [xs[j], xs[k]] = [xs[k]!, xs[j]!];
  }
  return xs;
}

function stories(): { name: string; texts: string[] } {
  const file = join(dataDir, 'polnear-train.jsonl');
  if (existsSync(file)) {
    const texts = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
    return { name: `${texts.length} PolNeAR news articles`, texts };
  }
  const samples = join(__dirname, '../../shared/samples/wikinews');
  const texts = [seedDir, samples].filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(d, f), 'utf8')));
  return { name: `${texts.length} seed and sample articles (PolNeAR not found)`, texts };
}

/** A of `kb` KB from distinct stories; B: half of A's stories (paragraphs shuffled) and half others. */
function distinctPair(texts: string[], kb: number): [string, string] {
  const rand = prng(kb);
  const order = shuffle(texts.map((_, i) => i), rand);
  const a: string[] = [];
  const b: string[] = [];
  let sizeA = 0;
  let sizeB = 0;
  for (let i = 0; i < order.length && (sizeA < kb * 1024 || sizeB < kb * 1024); i++) {
    const text = texts[order[i]!]!;
    if (sizeA < kb * 1024 && i % 2 === 0) {
      a.push(text);
      sizeA += text.length;
    }
    // Every other story of A is in B too, its paragraphs reordered; the rest of B is other stories.
    if (sizeB < kb * 1024 && (i % 4 === 0 || i % 2 === 1)) {
      const paragraphs = text.split(/\n\s*\n/);
      const [head, ...body] = paragraphs;
      const told = i % 4 === 0 ? [head!, ...shuffle(body, rand)].join('\n\n') : text;
      b.push(told);
      sizeB += told.length;
    }
  }
  return [a.join('\n\n').slice(0, kb * 1024), b.join('\n\n').slice(0, kb * 1024)];
}

/** The two seeds repeated to `kb` KB each: every sentence comes back hundreds of times. */
function repeatedPair(kb: number): [string, string] {
  const [sa, sb] = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));
  const grow = (t: string) => t.repeat(Math.ceil((kb * 1024) / t.length)).slice(0, kb * 1024);
  return [grow(sa!), grow(sb!)];
}

/** CPU milliseconds of a call (user + system): other jobs on a shared machine inflate wall time, not this. */
function ms(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

function s(x: number): string {
  return (x / 1000).toFixed(2).padStart(7) + ' s';
}

function main(): void {
  const core = loadCore();
  const source = stories();
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at start; times are CPU seconds (user + system) of one thread`);
  console.log(`articles built from ${source.name}; all pairs measured up to ${allPairsUpTo} KB, above it estimated from the largest measured size x (size ratio)^2; block cap ${blockCap ?? 'default'}\n`);
  for (const [kind, make] of [
    ['distinct stories, B shares half of A', (kb: number) => distinctPair(source.texts, kb)],
    ['the seeds repeated (worst case for the index)', repeatedPair],
  ] as const) {
    console.log(`== ${kind}`);
    console.log('size each  statements A x B   analysis (both)  compare (statements, index, reasons, diffs)  pairs  scored pairs  capped  | all pairs: scoring   pairs >= threshold  one-to-one from them  same pairs as index');
    let measured: { kb: number; ms: number } | undefined;
    for (const kb of SIZES_KB) {
      const [ta, tb] = make(kb);
      let aa = core.analyze(ta);
      let ab = core.analyze(tb);
      const analysisMs = ms(() => {
        aa = core.analyze(ta);
        ab = core.analyze(tb);
      });
      let sa: ReturnType<Core['statementsOf']> = [];
      let sb: ReturnType<Core['statementsOf']> = [];
      let comparison: Compare.Comparison | undefined;
      // Statements (terms of every sentence), the index, one-to-one matching, reasons and word diffs.
      const indexMs = ms(() => {
        sa = core.statementsOf({ text: ta, analysis: aa });
        sb = core.statementsOf({ text: tb, analysis: ab });
        comparison = core.compareStatements(sa, sb, { blockCap });
      });
      const matching = core.matchStatements(sa, sb, { blockCap });
      let allPairsMs: number;
      let allPairsNote: string;
      if (kb <= allPairsUpTo) {
        let above: { a: number; b: number; score: number }[] = [];
        allPairsMs = ms(() => {
          above = core.scorePairs(sa, sb).filter((p) => p.score >= core.MATCH_THRESHOLD).map((p) => ({ a: p.a.index, b: p.b.index, score: p.score }));
        });
        measured = { kb, ms: allPairsMs };
        // The one-to-one matching over every pair, to see what the index's cap costs.
        const exhaustive = core.oneToOne(above, (p) => core.evidenceCount(core.sharedEvidence(sa[p.a]!, sb[p.b]!)) >= core.MIN_EVIDENCE);
        const fromIndex = new Set(matching.pairs.map((p) => `${p.a}-${p.b}`));
        const same = exhaustive.filter((p) => fromIndex.has(`${p.a}-${p.b}`)).length;
        allPairsNote = `${String(above.length).padStart(8)}  ${String(exhaustive.length).padStart(20)}  ${`${same} (${((100 * same) / Math.max(1, exhaustive.length)).toFixed(1)}%)`.padStart(19)}`;
      } else {
        allPairsMs = measured ? measured.ms * (kb / measured.kb) ** 2 : NaN;
        allPairsNote = 'est.';
      }
      console.log(
        `${String(kb).padStart(6)} KB  ${`${sa.length} x ${sb.length}`.padStart(14)}  ${s(analysisMs).padStart(15)}  ${s(indexMs).padStart(43)}  ${String(comparison!.shared.length).padStart(5)}  ` +
          `${String(matching.scored).padStart(12)}  ${String(matching.capped).padStart(6)}  | ${s(allPairsMs).padStart(18)}${allPairsNote === 'est.' ? ' est.' : '     '}  ${allPairsNote === 'est.' ? '' : allPairsNote}`,
      );
    }
    console.log('');
  }
  benchWordDiff(core);
}

/** The hand-written word diff beside the `diff` package's diffWords, on every pair of the seeds. */
function benchWordDiff(core: Core): void {
  let diffWords: ((a: string, b: string, o?: { ignoreCase?: boolean }) => { value: string; added?: boolean; removed?: boolean }[]) | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    diffWords = (require('diff') as { diffWords: typeof diffWords }).diffWords;
  } catch {
    console.log('word diff: the `diff` package is not installed here; only the hand-written LCS is timed');
  }
  const [ta, tb] = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));
  const pairs = core.compareArticles({ text: ta! }, { text: tb! }).shared;
  const rounds = 200;
  const ours = ms(() => {
    for (let r = 0; r < rounds; r++) for (const p of pairs) core.wordDiff(p.a.text, p.b.text);
  });
  const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let sharedOurs = 0;
  for (const p of pairs) for (const r of core.wordDiff(p.a.text, p.b.text)) if (r.op === 'equal') sharedOurs += wordsOf(r.text).length;
  let line = `word diff, ${pairs.length} seed pairs x ${rounds}: hand-written LCS ${(ours / (rounds * pairs.length) * 1000).toFixed(1)} µs a pair, ${sharedOurs} words found in both`;
  if (diffWords) {
    const theirs = ms(() => {
      for (let r = 0; r < rounds; r++) for (const p of pairs) diffWords!(p.a.text, p.b.text, { ignoreCase: true });
    });
    let sharedTheirs = 0;
    for (const p of pairs) for (const c of diffWords(p.a.text, p.b.text, { ignoreCase: true })) if (!c.added && !c.removed) sharedTheirs += wordsOf(c.value).length;
    line += `; diff.diffWords ${(theirs / (rounds * pairs.length) * 1000).toFixed(1)} µs a pair, ${sharedTheirs} words found in both`;
  }
  console.log(line);
}

main();
