// The CLI from a cold start, as a user or a batch engine's map step meets it: the shipped (bundled,
// minified) CLI run as a new process on one article of 2 KB, 1 MB and 10 MB, `analyze --json`,
// output to a file. Prints each size's median wall time and the throughput of the analysis beyond
// start-up (the 10 MB time minus the 2 KB time), Node's own start-up (an empty script) beside it,
// and the analysis worker's start in plain Node (the bundle loaded, the models decoded), as the
// editor starts it. Each size's runs alternate with the others, so a busy spell of a shared
// machine hits all of them.
// Usage: npx tsx scripts/bench-cli-cold.ts [DATA_DIR] [--runs 5]
// The articles: distinct texts of PolNeAR train and CoNLL-2003 train in DATA_DIR (default
// ../shared/data), joined by blank lines; they hold about 5 MB, so the 10 MB file has each twice.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
function option(name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1]! : fallback;
}
const runs = Number(option('--runs', '5'));
const dataDir = args[0] ?? join(root, '../shared/data');
const FILES = ['polnear-train.jsonl', 'conll2003-train.jsonl'];
const MB = 1024 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!FILES.every((f) => existsSync(join(dataDir, f)))) {
  console.log(`bench-cli-cold: skipped, ${FILES.join(', ')} not all in ${dataDir} (pass DATA_DIR)`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'news-bench-cold-'));
main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));

async function main(): Promise<void> {
  // Laid out as shipped, dist/ beside assets/, so the CLI and the worker find their model files.
  mkdirSync(join(work, 'dist'));
  symlinkSync(join(root, 'assets'), join(work, 'assets'));
  const cli = join(work, 'dist', 'cli.js');
  const worker = join(work, 'dist', 'analysisWorker.js');
  const shipped = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'error' } as const;
  buildSync({ ...shipped, entryPoints: [join(root, 'src/cli/main.ts')], outfile: cli });
  buildSync({ ...shipped, entryPoints: [join(root, 'src/vscode/analysisWorker.ts')], outfile: worker });
  const emptyScript = join(work, 'empty.js');
  writeFileSync(emptyScript, '');

  const articles = distinctArticles();
  const sizes = [
    { label: '2 KB', text: cut(articles, 2 * 1024) },
    { label: '1 MB', text: cut(articles, MB) },
    { label: '10 MB', text: cut(articles, 10 * MB) },
  ].map((s, i) => {
    const file = join(work, `article-${i}.txt`);
    writeFileSync(file, s.text);
    return { ...s, file, bytes: Buffer.byteLength(s.text), ms: [] as number[] };
  });
  const node: number[] = [];

  console.log(`CLI from a cold start: news-annotator analyze --json on one article (distinct news from ${FILES.join(', ')}), bundled and minified as shipped`);
  console.log(`${availableParallelism()} cores available; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} before`);
  for (let r = 0; r < runs; r++) {
    node.push(timed([emptyScript]));
    for (const s of sizes) s.ms.push(timed([cli, 'analyze', '--json', s.file]));
  }

  console.log(`\nmedian of ${runs} runs, wall clock of the whole process`);
  console.log(`${'node, empty script'.padEnd(20)} ${median(node).toFixed(0).padStart(6)} ms   (runs ${node.map((x) => x.toFixed(0)).join(', ')})`);
  for (const s of sizes) {
    console.log(`${('analyze ' + s.label).padEnd(20)} ${median(s.ms).toFixed(0).padStart(6)} ms   (${(s.bytes / MB).toFixed(2)} MB; runs ${s.ms.map((x) => x.toFixed(0)).join(', ')})`);
  }
  const small = median(sizes[0]!.ms);
  for (const s of sizes.slice(1)) {
    const beyond = median(s.ms) - small;
    console.log(`${s.label} minus 2 KB: ${beyond.toFixed(0)} ms → ${((s.bytes - sizes[0]!.bytes) / MB / (beyond / 1000)).toFixed(1)} MB/s`);
  }
  console.log(`CLI start-up (2 KB article) ${small.toFixed(0)} ms, of which Node's own start-up ${median(node).toFixed(0)} ms`);

  const ready = { loaded: [] as number[], models: [] as number[] };
  for (let r = 0; r < runs; r++) {
    const t = await workerStart(worker);
    ready.loaded.push(t.loaded);
    ready.models.push(t.models);
  }
  console.log(`analysis worker (plain Node, a new thread): bundle loaded ${median(ready.loaded).toFixed(0)} ms, models decoded (ready) ${median(ready.models).toFixed(0)} ms after it was started (median of ${runs})`);
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} after`);
}

/** Wall ms of one run of Node with `argv`, its output to a file; throws when it fails. */
function timed(argv: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

/** The distinct article texts of FILES, joined by blank lines. */
function distinctArticles(): string {
  const seen = new Set<string>();
  for (const file of FILES) {
    for (const line of readFileSync(join(dataDir, file), 'utf8').split('\n')) {
      if (line.trim()) seen.add((JSON.parse(line) as { text: string }).text);
    }
  }
  return [...seen].join('\n\n');
}

/** About `bytes` of `text` (repeated as needed), ending at a paragraph break. */
function cut(text: string, bytes: number): string {
  let out = text;
  while (out.length < bytes) out += '\n\n' + text;
  const end = out.lastIndexOf('\n\n', bytes);
  return out.slice(0, end > 0 ? end : bytes);
}

/** Starts the analysis worker and asks it to load its models: ms until its bundle ran and until the models were decoded. */
function workerStart(file: string): Promise<{ loaded: number; models: number }> {
  const started = performance.timeOrigin + performance.now();
  // execArgv: [] so the thread starts as the editor's does, without this script's TypeScript loader.
  const w = new Worker(file, { workerData: { assetsDir: join(work, 'assets') }, execArgv: [] });
  return new Promise((resolve, reject) => {
    w.on('message', (reply: { warm?: { loaded: number; models: number } | { error: string } }) => {
      const warm = reply.warm;
      if (!warm) return;
      void w.terminate();
      if ('error' in warm) reject(new Error(warm.error));
      else resolve({ loaded: warm.loaded - started, models: warm.models - started });
    });
    w.on('error', reject);
    w.postMessage({ kind: 'warm', id: 1 });
  });
}
