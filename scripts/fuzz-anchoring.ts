// The anchoring fuzz at scale: random claims on real news (every article of polnear-train and the
// sample articles), random edit sequences of the kinds real revisions make, then every claim
// re-anchored and judged against where its characters really went (test/unit/annotations/fuzz.ts
// says what counts as right). Prints claims placed, on right text, orphaned and on WRONG text.
// Usage: npx tsx scripts/fuzz-anchoring.ts [DATA_DIR] [--sequences N] [--seed S] [--failures N] [--from K]
//   (or: npm run fuzz:anchoring -- DATA_DIR). DATA_DIR defaults to ../shared/data; the samples are
//   read from DATA_DIR/../samples. Exits 1 when any claim lands on wrong text.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { anchorAll } from '../src/core/annotations/anchor';
import { runAnchoringFuzz } from '../test/unit/annotations/fuzz';

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args.splice(at, 2)[1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} needs a whole number`);
    process.exit(2);
  }
  return value;
}

function textFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...textFiles(full));
    else if (name.endsWith('.txt')) out.push(full);
  }
  return out;
}

const args = process.argv.slice(2);
const sequences = option(args, '--sequences', 100_000);
const seed = option(args, '--seed', 1);
const keepFailures = option(args, '--failures', 10);
const firstSequence = option(args, '--from', 0);
const dataDir = resolve(args[0] ?? join(__dirname, '../../shared/data'));
const polnearFile = join(dataDir, 'polnear-train.jsonl');
if (!existsSync(polnearFile)) {
  console.error(`no polnear-train.jsonl in ${dataDir}: pass the data folder as the first argument`);
  process.exit(2);
}

const articles: string[] = [];
for (const line of readFileSync(polnearFile, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const text = (JSON.parse(line) as { text?: unknown }).text;
  if (typeof text === 'string' && text.length > 0) articles.push(text);
}
const polnear = articles.length;
const samplesDir = join(dataDir, '../samples');
for (const file of textFiles(samplesDir)) articles.push(readFileSync(file, 'utf8'));
console.log(`${articles.length} articles (${polnear} from polnear-train, ${articles.length - polnear} from ${samplesDir}), ${sequences} edit sequences, seed ${seed}`);

const started = performance.now();
const c = runAnchoringFuzz(articles, sequences, { seed, keepFailures, firstSequence, place: (text, annotations) => anchorAll(text, annotations) });
const seconds = (performance.now() - started) / 1000;
const placed = c.exact + c.moved + c.fuzzy;
const pct = (n: number) => `${((100 * n) / Math.max(1, c.claims)).toFixed(2)}%`;
console.log(`claims: ${c.claims}`);
console.log(`placed: ${placed} (${pct(placed)}): exact ${c.exact}, moved ${c.moved}, fuzzy ${c.fuzzy}`);
console.log(`on right text: ${placed - c.wrong} (${pct(placed - c.wrong)}), of which on an identical copy that stood in the original ${c.onIdenticalCopy}`);
console.log(`orphaned: ${c.orphan} (${pct(c.orphan)}); of these, exact text still present ${c.orphanWithTextPresent}, own edited text within the fuzzy bound ${c.orphanRecoverable}`);
console.log(`on WRONG text: ${c.wrong} (cut a word: ${c.wrongCutWord})`);
console.log(`live shift: kept ${c.shiftTrusted} (wrong ${c.shiftWrong}), flagged ${c.shiftFlagged} for re-anchoring`);
console.log(`time: ${seconds.toFixed(1)} s in all, ${(c.anchorMs / 1000).toFixed(1)} s re-anchoring (${((1000 * c.anchorMs) / Math.max(1, c.claims)).toFixed(0)} µs per claim)`);
for (const f of c.failures) console.log(`  ${f}`);
process.exit(c.wrong > 0 || c.shiftWrong > 0 ? 1 : 0);
