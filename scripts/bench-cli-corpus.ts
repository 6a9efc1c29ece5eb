// Throughput of `news-annotator analyze - --jsonl` as the map step of a corpus run: the built CLI
// (bundled and minified as shipped) reads JSONL records on stdin and writes one line per article,
// with --jobs 1 and --jobs 2. Prints wall time, articles/s, MB/s and the speed-up, each the median
// of several runs (jobs 1 and jobs 2 alternate, so a busy spell of a shared machine hits both).
// Usage: npx tsx scripts/bench-cli-corpus.ts [DATA_DIR] [--runs 3] [--jobs 2] [--repeat 1]
// --repeat N sends the articles N times over (ids made distinct): a longer run, over which each
// process's start-up and warm-up (JIT compilation, once per worker) weigh less.
// The articles: every distinct text of PolNeAR train (839), CoNLL-2003 train (946) and dev (216)
// in DATA_DIR (default ../shared/data): 2,001 news articles, 5.2 MB. PolNeAR alone has 839.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
function option(name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1]! : fallback;
}
const runs = Number(option('--runs', '3'));
const jobs = Number(option('--jobs', '2'));
const repeat = Number(option('--repeat', '1'));
const dataDir = args[0] ?? join(root, '../shared/data');
const FILES = ['polnear-train.jsonl', 'conll2003-train.jsonl', 'conll2003-dev.jsonl'];

if (!FILES.every((f) => existsSync(join(dataDir, f)))) {
  console.log(`bench-cli-corpus: skipped, ${FILES.join(', ')} not all in ${dataDir} (pass DATA_DIR)`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'news-bench-cli-'));
try {
  main();
} finally {
  rmSync(work, { recursive: true, force: true });
}

function main(): void {
  // Laid out as shipped, dist/cli.js beside assets/, so the CLI finds its model files.
  mkdirSync(join(work, 'dist'));
  symlinkSync(join(root, 'assets'), join(work, 'assets'));
  const cli = join(work, 'dist', 'cli.js');
  buildSync({ entryPoints: [join(root, 'src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'error' });

  // Records as a batch engine would send them: {"id", "text"}, one per line.
  const seen = new Set<string>();
  const records: string[] = [];
  let bytes = 0;
  for (const file of FILES) {
    for (const line of readFileSync(join(dataDir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { id, text } = JSON.parse(line) as { id: string; text: string };
      if (seen.has(text)) continue;
      seen.add(text);
      records.push(JSON.stringify({ id, text }));
      bytes += Buffer.byteLength(text);
    }
  }
  const input = join(work, 'articles.jsonl');
  writeFileSync(input, records.join('\n') + '\n');
  for (let r = 1; r < repeat; r++) {
    appendFileSync(input, records.map((line) => line.replace(/^\{"id":"/, `{"id":"${r}/`)).join('\n') + '\n');
  }
  const articles = records.length * repeat;
  bytes *= repeat;
  const empty = join(work, 'empty.jsonl');
  writeFileSync(empty, '');
  const mb = bytes / 1048576;

  const what = repeat > 1 ? `${articles} articles (${records.length} distinct ones ${repeat} times over)` : `${records.length} distinct articles`;
  console.log(`CLI corpus run: ${what} (${FILES.join(', ')}), ${mb.toFixed(2)} MB of text, JSONL on stdin`);
  console.log(`${availableParallelism()} cores available; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} before`);

  /** One run of the CLI on `file` as stdin, its output to a file; wall ms and CPU ms (all its threads). */
  const run = (file: string, n: number) => {
    const outFile = join(work, `out-${n}.jsonl`);
    const stdin = openSync(file, 'r');
    const stdout = openSync(outFile, 'w');
    const cpu0 = childrenCpuMs();
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, 'analyze', '-', '--jsonl', '--jobs', String(n)], { stdio: [stdin, stdout, 'pipe'] });
    const ms = performance.now() - t;
    const cpu = childrenCpuMs() - cpu0;
    closeSync(stdin);
    closeSync(stdout);
    if (r.status !== 0) throw new Error(`--jobs ${n} exited ${r.status}: ${r.stderr.toString()}`);
    return { ms, cpu, out: readFileSync(outFile) };
  };

  const start = { one: [] as number[], many: [] as number[] };
  const full = { one: [] as number[], many: [] as number[] };
  const cpu = { one: [] as number[], many: [] as number[] };
  let reference: string | undefined;
  for (let i = 0; i < runs; i++) {
    start.one.push(run(empty, 1).ms);
    start.many.push(run(empty, jobs).ms);
    for (const [key, n] of [['one', 1], ['many', jobs]] as const) {
      const { ms, cpu: cpuMs, out } = run(input, n);
      full[key].push(ms);
      cpu[key].push(cpuMs);
      const lines = out.toString('utf8').split('\n').length - 1;
      if (lines !== articles) throw new Error(`--jobs ${n}: ${lines} lines for ${articles} articles`);
      const digest = createHash('sha256').update(out).digest('hex');
      if (reference !== undefined && digest !== reference) throw new Error(`--jobs ${n} wrote different output from --jobs 1`);
      reference = digest;
    }
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const row = (label: string, xs: number[], cpuMs: number[], startMs: number) => {
    const ms = median(xs);
    // CPU over wall: how many cores the run kept busy. --jobs 1 keeps more than one busy, as V8
    // compiles hot code and marks the heap on threads of its own, which bounds what --jobs 2 can add.
    const cpuText = Number.isNaN(median(cpuMs)) ? '' : `; CPU ${(median(cpuMs) / 1000).toFixed(2)} s, ${(median(cpuMs) / ms).toFixed(2)} cores busy`;
    console.log(
      `${label.padEnd(9)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${(articles / (ms / 1000)).toFixed(0).padStart(6)} articles/s  ${(mb / (ms / 1000)).toFixed(2).padStart(6)} MB/s` +
        `   (start-up ${startMs.toFixed(0)} ms${cpuText}; runs ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')} s)`,
    );
  };
  console.log(`\nmedian of ${runs} runs, wall clock of the whole CLI process (CPU: user + system time of all its threads), output identical in every run`);
  row('--jobs 1', full.one, cpu.one, median(start.one));
  row(`--jobs ${jobs}`, full.many, cpu.many, median(start.many));
  console.log(`speed-up --jobs ${jobs} over --jobs 1: ×${(median(full.one) / median(full.many)).toFixed(2)}`);
  if (!Number.isNaN(median(cpu.many))) {
    // Even with every core busy all the time, --jobs N takes at least its CPU time / N.
    const bound = median(full.one) / (median(cpu.many) / Math.min(jobs, availableParallelism()));
    console.log(`at most ×${bound.toFixed(2)} with ${Math.min(jobs, availableParallelism())} cores kept busy throughout (--jobs ${jobs} CPU time / cores)`);
  }
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} after`);
}

/** User + system CPU ms of the finished child processes of this one (Linux /proc; NaN elsewhere). */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime), in clock ticks of 1/100 s on Linux.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}
