// Speed of Compare Sources on two long articles (200 KB, 400 KB, 800 KB each): the index-based
// one-to-one matching beside the old method that scored every pair of sentences, and the word diff
// beside the `diff` package's diffWords.
// Usage: npx tsx scripts/bench-compare.ts [dataDir] [--all-pairs-up-to KB] [--cap N]
//   dataDir: where polnear-train.jsonl is (default ../shared/data); without it the articles are built
//   from the seeds and the Wikinews samples instead. The all-pairs baseline is measured up to 200 KB
//   (change with --all-pairs-up-to) and extrapolated above it by the square of the size, marked "est.".
// The two kinds of long article are built in compare-articles.ts. The analysis timed is the one compare
// runs (analyzeWithoutClaims: claim candidates play no part in a comparison).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import type * as Compare from '../src/core/corpus/compare';
import { distinctPair, loadCompareCore, repeatedPair, seedDir, stories, type CompareCore as Core } from './compare-articles';

const args = process.argv.slice(2);
const upAt = args.indexOf('--all-pairs-up-to');
const allPairsUpTo = upAt >= 0 ? Number(args.splice(upAt, 2)[1]) : 200;
const capAt = args.indexOf('--cap');
const blockCap = capAt >= 0 ? Number(args.splice(capAt, 2)[1]) : undefined;
const dataDir = args[0] ?? join(__dirname, '../../shared/data');
const SIZES_KB = [200, 400, 800];

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
  const core = loadCompareCore();
  const source = stories(dataDir);
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
      let aa = core.analyzeWithoutClaims(ta);
      let ab = core.analyzeWithoutClaims(tb);
      const analysisMs = ms(() => {
        aa = core.analyzeWithoutClaims(ta);
        ab = core.analyzeWithoutClaims(tb);
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
