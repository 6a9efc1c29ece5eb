// What the extension host pays when Compare Sources' result arrives from the worker, on the two
// 800 KB articles of the integration suite's responsiveness report (test/integration/compareArticles.ts):
// the reply's size and the time to read it on the receiving thread (structured clone), the whole
// comparison as it was sent before beside the compact form sent now (core/corpus/compactComparison.ts),
// then the editor's own work on the compact form: the pairs, the marks' spans of each article, and
// one pair's texts and word diff worked out when its hover asks.
// Usage: npx tsx scripts/bench-compare-reply.ts [KB each, default 800]
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type * as Compare from '../src/core/corpus/compare';
import type * as Compact from '../src/core/corpus/compactComparison';
import { ComparedPairs } from '../src/vscode/corpus/comparedPairs';
import { comparePair } from '../test/integration/compareArticles';
import { loadCoreBundle } from './coreBundle';

const RUNS = 7;

/** CPU milliseconds of a call (user + system): other jobs on a shared machine inflate wall time, not this. */
function cpuMs(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** Median and worst of RUNS runs. */
function timed(fn: () => void): string {
  const times = Array.from({ length: RUNS }, () => cpuMs(fn)).sort((a, b) => a - b);
  return `median ${times[RUNS >> 1]!.toFixed(1)} ms, worst ${times[RUNS - 1]!.toFixed(1)} ms`;
}

function main(): void {
  const kb = Number(process.argv[2] ?? 800);
  const core = loadCoreBundle<typeof Compare & typeof Compact>(`export * from './corpus/compare'; export * from './corpus/compactComparison'`);
  const seeds = readdirSync(join(__dirname, '../seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(__dirname, '../seeds', f), 'utf8'));
  const { a, b } = comparePair(seeds[0]!, seeds[1]!, kb * 1024);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}; times are CPU milliseconds of one thread, ${RUNS} runs`);
  let whole!: Compare.Comparison;
  const compareMs = cpuMs(() => (whole = core.compareTexts(a, b)));
  console.log(`two ${kb} KB articles: ${whole.shared.length} pairs, ${whole.onlyA.length} + ${whole.onlyB.length} unmatched sentences (compared on the worker in ${(compareMs / 1000).toFixed(1)} s)`);

  const compact = core.compactComparison(whole);
  for (const [name, reply] of [['whole comparison (before)', whole], ['compact comparison (now)', compact]] as const) {
    const bytes = serialize(reply);
    console.log(`${name.padEnd(26)} ${(bytes.length / 1e6).toFixed(2)} MB; read on arrival: ${timed(() => void deserialize(bytes))}`);
  }
  let result!: Compact.ComparisonResult;
  console.log(`pairs from the compact form:  ${timed(() => (result = new core.ComparisonResult(a, b, compact)))}`);
  console.log(`marks' spans, both articles:  ${timed(() => {
    for (const side of ['a', 'b'] as const) {
      const pairs = new ComparedPairs(result.pairs, side);
      pairs.spans(false);
      pairs.spans(true);
    }
  })}`);
  let index = 0;
  console.log(`one pair's texts and diff:    ${timed(() => result.detail(index++ * 97))}`);
}

main();
