// V8's tiering for the CLI's runs of a few seconds (a corpus run, a comparison). Each analysis
// thread (the main thread and every --jobs worker) compiles the engine anew, and over a run of a
// few seconds that compilation is about as much CPU as the analysis itself: with Node 20's
// defaults some 280 optimising compilations per thread, about 60 of them again of a function
// optimised too early (before its rarer branches had run) and thrown away at the first article
// that took such a branch, which made half the compile time; each one inlining its callees, so the
// big functions of the engine cost 100-200 ms apiece. With --jobs 1 a second core absorbs that
// work; with --jobs 2 it competes with the analysis itself, so it decides how far a pool can scale
// (scripts/bench-cli-corpus.ts). `compare` on two 800 KB articles spends about a fifth less CPU
// under them (farm-bench of the built CLI against no flags).
import { setFlagsFromString } from 'node:v8';

/**
 * For V8 11 (Node 20), where they were measured: a function is optimised after four times as much
 * run time as the default (it has seen most of its branches by then: 209 compilations instead of
 * 276 over the 2,001 articles of bench-cli-corpus, 28 deoptimisations instead of 63), and without
 * inlining (each compilation a fraction of the work; steady-state speed unchanged within noise
 * over 6,000 articles).
 * Later V8s (Node 22 on) tier up through Maglev and have other flags: V8 prints an error for a flag
 * it does not know, so they get none.
 */
const V8_11_FLAGS = ['--interrupt-budget=270336', '--no-turbo-inlining'] as const;

/** The flags a corpus run or a comparison sets under the V8 of version `v8Version` (process.versions.v8). */
export function shortRunV8Flags(v8Version: string): readonly string[] {
  return v8Version.split('.')[0] === '11' ? V8_11_FLAGS : [];
}

let tuned = false;

/**
 * Sets shortRunV8Flags for this process and its worker threads (V8's flags are per process). Called
 * before the first article is analysed: the flags only change when functions are optimised, so
 * the results are the same, byte for byte.
 */
export function tuneJitForShortRun(): void {
  if (tuned) return;
  tuned = true;
  for (const flag of shortRunV8Flags(process.versions.v8)) setFlagsFromString(flag);
}
