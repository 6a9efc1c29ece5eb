// Speed benchmark of the analysis on news text.
// Usage: npx tsx scripts/bench.ts [--against DIR]   (or npm run bench)
// --against DIR: only times analyze() of this checkout against that of another one (DIR holds its
// src/, e.g. `git worktree add DIR main`) on the same texts in one process, taking turns which goes
// first, and prints the CPU milliseconds of each (median and best): a fair comparison on a shared machine.
// Prints MB/s of analyze() (findEntities alone while analyze.ts does not exist) against compromise
// on the same text, the time for a 1 MB article, heap growth, a size table from 1 KB to 10 MB,
// and adversarial inputs. Single-threaded, the best of a few runs after a warm-up.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readModels } from '../src/node/modelAssets';
import { resolve } from 'node:path';
import { loadCoreBundle, repeatedTo, seedCorpus } from './coreBundle';

const models = readModels();

type Analyse = (text: string) => unknown;

function loadBundled<T>(entry: string): T {
  return loadCoreBundle<T>(`export * from ${JSON.stringify(join(__dirname, entry))}`, models);
}

function loadAnalyse(): { name: string; run: Analyse } {
  if (existsSync(join(__dirname, '../src/core/analyze.ts'))) {
    const mod = loadBundled<{ analyze?: Analyse }>('../src/core/analyze.ts');
    if (typeof mod.analyze === 'function') return { name: 'analyze', run: mod.analyze };
  }
  return { name: 'findEntities', run: findEntities };
}
const findEntities = loadBundled<{ findEntities: Analyse }>('../src/core/entities/index.ts').findEntities;

const { text: corpus, files: sourceFiles } = seedCorpus();
const sized = (bytes: number): string => repeatedTo(corpus, bytes);

/** Best wall-clock ms over `reps` runs; the best process CPU ms goes to `lastCpu` (the machine may be shared). */
let lastCpu = 0;
function time(run: Analyse, text: string, reps: number): number {
  let best = Infinity;
  lastCpu = Infinity;
  for (let r = 0; r < reps; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    run(text);
    best = Math.min(best, performance.now() - t);
    const used = process.cpuUsage(c);
    lastCpu = Math.min(lastCpu, (used.user + used.system) / 1000);
  }
  return best;
}
const cpuNote = (mb: number): string => `[CPU ${lastCpu.toFixed(1)} ms → ${(mb / (lastCpu / 1000)).toFixed(1)} MB/s]`;

const MB = 1024 * 1024;

/** Every article of the data sets in ../shared/data (PolNeAR, CoNLL-2003 train and dev, GUM news), or none when absent. */
function distinctArticles(): string[] {
  const files = ['polnear-train.jsonl', 'conll2003-train.jsonl', 'conll2003-dev.jsonl', 'gum-news-train.jsonl'].map((f) => join(__dirname, '../../shared/data', f));
  if (!files.every((f) => existsSync(f))) return [];
  const texts: string[] = [];
  for (const f of files) for (const line of readFileSync(f, 'utf8').split('\n')) if (line) texts.push((JSON.parse(line) as { text: string }).text);
  return texts;
}

const againstAt = process.argv.indexOf('--against');
if (againstAt > 0) {
  const dir = process.argv[againstAt + 1];
  if (!dir) throw new Error('--against needs the folder of another checkout');
  compareWith(resolve(dir));
  process.exit(process.exitCode ?? 0);
}

/** analyze() of this checkout and of `dir`'s on the same texts, in turns; CPU ms of each. */
function compareWith(dir: string): void {
  const ours = loadAnalyse().run;
  // Each checkout with its own model assets (a retrained model may weigh other features).
  const theirModels = existsSync(join(dir, 'assets')) ? readModels(join(dir, 'assets')) : models;
  const theirs = loadCoreBundle<{ analyze: Analyse }>(`export { analyze } from './analyze'`, theirModels, join(dir, 'src/core')).analyze;
  const distinct = distinctArticles().join('\n\n');
  const texts: [string, string, number][] = [['1 MB of news (seeds and samples repeated)', sized(MB), 30]];
  if (distinct) texts.push(['1 MB of distinct articles', distinct.slice(0, MB), 30], [`${(distinct.length / MB).toFixed(1)} MB of distinct articles (all of ../shared/data)`, distinct, 8]);
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; analyze() CPU ms, this checkout against ${dir}, in turns`);
  for (const [label, text, reps] of texts) {
    ours(text);
    theirs(text);
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < reps; r++) {
      for (const first of r % 2 ? [false, true] : [true, false]) {
        const t = cpu();
        (first ? ours : theirs)(text);
        (first ? a : b).push(cpu() - t);
      }
    }
    const mb = text.length / MB;
    const fmt = (xs: number[]): string => `median ${median(xs).toFixed(0).padStart(5)} (${(mb / (median(xs) / 1000)).toFixed(1)} MB/s)  best ${Math.min(...xs).toFixed(0).padStart(5)}`;
    console.log(`${label}, ${reps} runs each\n  this checkout  ${fmt(a)}\n  ${dir}  ${fmt(b)}`);
  }
}

const { name, run } = loadAnalyse();
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on this machine (figures are wall-clock, best of several runs)`);
console.log(`benchmarking ${name}() on ${sourceFiles} news files (${(corpus.length / 1024).toFixed(0)} KB) concatenated and repeated`);
run(sized(200_000)); // warm-up: model decode and JIT

const oneMB = sized(MB);
// Ten runs: on a shared machine the best of a few is still often a run another process slowed down.
const ms1 = time(run, oneMB, 10);
console.log(`\n1 MB article (best of 10): ${ms1.toFixed(1)} ms  → ${(1 / (ms1 / 1000)).toFixed(1)} MB/s ${cpuNote(1)}`);

// The news files above repeat every 79 KB, so per-word caches hit more than on one long article.
// 1 MB of distinct articles (PolNeAR, where ../shared/data has it) shows the cost without that help.
const polnear = join(__dirname, '../../shared/data/polnear-train.jsonl');
if (existsSync(polnear)) {
  let distinct = '';
  for (const line of readFileSync(polnear, 'utf8').split('\n')) {
    if (!line) continue;
    distinct += (JSON.parse(line) as { text: string }).text + '\n\n';
    if (distinct.length >= MB) break;
  }
  distinct = distinct.slice(0, MB);
  run(distinct);
  const msD = time(run, distinct, 10);
  console.log(`1 MB of distinct articles (PolNeAR, best of 10): ${msD.toFixed(1)} ms  → ${(1 / (msD / 1000)).toFixed(1)} MB/s ${cpuNote(1)}`);
}

// Every distinct article in ../shared/data (PolNeAR, CoNLL-2003 train and dev, GUM news): about 5 MB,
// the largest text of distinct articles at hand, to show whether the cost grows faster than the text.
const parts = distinctArticles();
if (parts.length > 0) {
  const all = parts.join('\n\n');
  run(all);
  const msA = time(run, all, 3);
  const mbA = all.length / MB;
  console.log(`${mbA.toFixed(1)} MB of distinct articles (all of PolNeAR, CoNLL-2003 and GUM, best of 3): ${msA.toFixed(1)} ms  → ${(mbA / (msA / 1000)).toFixed(1)} MB/s ${cpuNote(mbA)}`);
}

if (name !== 'findEntities') {
  findEntities(oneMB);
  const msE = time(findEntities, oneMB, 10);
  console.log(`1 MB, findEntities alone: ${msE.toFixed(1)} ms  → ${(1 / (msE / 1000)).toFixed(1)} MB/s ${cpuNote(1)}`);
}

const small = sized(200 * 1024);
const oursSmall = time(run, small, 5);
const theirsSmall = time((t) => nlp(t).people().out('array'), small, 1);
const oursRate = 0.2 / (oursSmall / 1000);
const theirsRate = 0.2 / (theirsSmall / 1000);
console.log(`200 KB: ${name} ${oursSmall.toFixed(1)} ms (${oursRate.toFixed(1)} MB/s), compromise nlp(text).people() ${theirsSmall.toFixed(0)} ms (${theirsRate.toFixed(2)} MB/s); speedup ×${(oursRate / theirsRate).toFixed(0)}`);

// A collector handle without a command-line flag, so the heap figures are not blurred by garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function retained(label: string, f: Analyse, text: string): void {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const keep = f(text);
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  const json = JSON.stringify(keep).length;
  console.log(`heap retained by the ${label} result for ${(text.length / MB).toFixed(0)} MB: ${((heap1 - heap0) / MB).toFixed(1)} MB (${((heap1 - heap0) / text.length).toFixed(1)} bytes per character; result as JSON ${(json / MB).toFixed(1)} MB)`);
}
// A fresh text, so no result cache of an earlier run is replaced while measuring.
const fresh = 'Breaking: ' + sized(MB - 10);
retained(name, run, fresh);
if (name !== 'findEntities') retained('findEntities', findEntities, fresh + ' ');

console.log('\nsize      ms        MB/s   CPU ms  CPU MB/s');
for (const size of [1024, 10 * 1024, 100 * 1024, MB, 10 * MB]) {
  const text = sized(size);
  const ms = time(run, text, size >= 10 * MB ? 1 : 3);
  console.log(`${(size >= MB ? size / MB + ' MB' : size / 1024 + ' KB').padEnd(9)} ${ms.toFixed(2).padStart(8)}  ${(size / MB / (ms / 1000)).toFixed(1).padStart(6)} ${lastCpu.toFixed(1).padStart(8)} ${(size / MB / (lastCpu / 1000)).toFixed(1).padStart(8)}`);
}

console.log('\nadversarial inputs');
const oneLine = sized(10 * MB).replace(/\s+/g, ' ');
const quotes = '"'.repeat(100_000);
const curly = '“ ”'.repeat(50_000);
let seed = 42;
const binary = Array.from({ length: MB }, () => String.fromCharCode((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24)).join('');
const caps = 'Abc '.repeat(256 * 1024);
for (const [label, text] of [['10 MB on one line', oneLine], ['100k quote marks', quotes], ['100k curly quote marks', curly], ['1 MB random bytes', binary], ['1 MB of capitalised words', caps]] as const) {
  const ms = time(run, text, 1);
  console.log(`  ${label.padEnd(26)} ${ms.toFixed(1).padStart(8)} ms  (${(text.length / MB / (ms / 1000)).toFixed(1)} MB/s) ${cpuNote(text.length / MB)}`);
  if (name !== 'findEntities') {
    const msE = time(findEntities, text, 1);
    console.log(`  ${''.padEnd(26)} ${msE.toFixed(1).padStart(8)} ms  of which findEntities alone ${cpuNote(text.length / MB)}`);
  }
}
