// At what priority Compare Sources' work runs: one comparison of the integration suite's two 800 KB
// articles (test/integration/compareArticles.ts) in the comparison process as the editor starts it
// (dist/compareProcess.js, so `npm run build` first), then the CPU each of that process's threads used
// and its nice value, read from /proc (Linux only). Every thread should be at 19: the garbage
// collector's helpers do a good part of the work.
// Usage: npx tsx scripts/bench-compare-priority.ts [KB each, default 800]
import { fork } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { CompareMessage, CompareRequest } from '../src/vscode/workerComparer';
import { ASSETS_DIR_ENV } from '../src/vscode/workerComparer';
import { comparePair } from '../test/integration/compareArticles';

const root = join(__dirname, '..');

/** CPU milliseconds and nice value of each thread of process `pid`. */
function threadsOf(pid: number): { tid: string; cpuMs: number; nice: number }[] {
  const tick = 10; // USER_HZ is 100 on Linux
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { tid, cpuMs: (Number(fields[11]) + Number(fields[12])) * tick, nice: Number(fields[16]) };
  });
}

function main(): void {
  if (process.platform !== 'linux') throw new Error('reads /proc: Linux only');
  const entry = join(root, 'dist/compareProcess.js');
  if (!existsSync(entry)) throw new Error('dist/compareProcess.js is missing: run `npm run build` first');
  const kb = Number(process.argv[2] ?? 800);
  const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(root, 'seeds', f), 'utf8'));
  const { a, b } = comparePair(seeds[0]!, seeds[1]!, kb * 1024);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}; two ${kb} KB articles`);
  const child = fork(entry, [], { serialization: 'advanced', execArgv: [], env: { ...process.env, [ASSETS_DIR_ENV]: join(root, 'assets') } });
  const started = performance.now();
  child.on('message', (message: CompareMessage) => {
    if ('progress' in message) return;
    const threads = threadsOf(child.pid!);
    child.kill();
    if ('error' in message) throw new Error(message.error);
    const total = threads.reduce((n, t) => n + t.cpuMs, 0);
    console.log(`${message.compact.scores.length} pairs in ${((performance.now() - started) / 1000).toFixed(1)} s wall, ${(total / 1000).toFixed(2)} s CPU over ${threads.length} threads`);
    for (const t of threads.filter((x) => x.cpuMs > 0)) console.log(`  thread ${t.tid}: ${t.cpuMs} ms CPU at nice ${t.nice}`);
    const main = threads[0]!;
    console.log(`outside the main thread: ${((total - main.cpuMs) / 1000).toFixed(2)} s CPU; threads above nice 19: ${threads.filter((t) => t.nice < 19).length}`);
  });
  child.send({ kind: 'compare', id: 1, a, b } satisfies CompareRequest);
}

main();
