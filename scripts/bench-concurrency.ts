// Concurrency of the sidecar store through the real CLI: N `news-annotator tag` processes started
// together on one article (each tags a different sentence), repeated R times. Prints, per run,
// how many claims the sidecar kept and the exit codes, then in how many runs every claim was kept
// ("100/100 in 20 of 20 runs") and min / median / max wall time. Exits 1 unless every run kept all.
// Usage: npx tsx scripts/bench-concurrency.ts [--writers 100] [--runs 20]
//   (`npm run bench` runs 3; the figure for the release notes is the default 20)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSidecar } from '../src/core/annotations/parse';
import { builtCli } from '../test/unit/buildCli';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} needs a whole number of at least 1`);
    process.exit(2);
  }
  return value;
}

const WRITERS = option('writers', 100);
const RUNS = option('runs', 20);

function tag(cli: string, file: string, text: string, reviewer: string): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'tag', file, '--text', text, '--label', 'disputed', '--reviewer', reviewer], { stdio: 'ignore' });
    child.on('close', (code) => done(code));
  });
}

async function main(): Promise<void> {
  const cli = builtCli();
  console.log(`bench-concurrency: ${WRITERS} concurrent \`tag\` processes on one article, ${RUNS} runs (node ${process.version})`);
  const times: number[] = [];
  let perfect = 0;
  for (let run = 1; run <= RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'news-bench-concurrency-'));
    const file = join(dir, 'story.txt');
    const sentences = Array.from({ length: WRITERS }, (_, i) => `Statement ${i + 1} says the budget grew by ${i + 1} percent.`);
    writeFileSync(file, `Budget hearing\n\n${sentences.join('\n')}\n`);
    const started = performance.now();
    const codes = await Promise.all(sentences.map((s, i) => tag(cli, file, s, `r${i}`)));
    const ms = performance.now() - started;
    times.push(ms);
    const parsed = parseSidecar(readFileSync(join(dir, 'story.annotations.yaml'), 'utf8'), { articlePath: file });
    const kept = new Set(parsed.annotations.map((a) => a.target.selector.exact)).size;
    const failed = codes.filter((c) => c !== 0).length;
    if (kept === WRITERS && failed === 0) perfect++;
    console.log(`run ${String(run).padStart(2)}: ${kept}/${WRITERS} claims kept, ${failed} non-zero exits, ${(ms / 1000).toFixed(2)} s`);
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
  console.log(`${WRITERS}/${WRITERS} claims kept, every process exiting 0, in ${perfect} of ${RUNS} runs; wall time min ${(times[0]! / 1000).toFixed(2)} s, median ${(median / 1000).toFixed(2)} s, max ${(times[times.length - 1]! / 1000).toFixed(2)} s`);
  if (perfect !== RUNS) process.exitCode = 1;
}

void main();
