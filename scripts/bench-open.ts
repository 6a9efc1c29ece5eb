// Where the time goes when the editor opens a long article, on the analysis worker's side: the
// worker bundle (dist/analysisWorker.js, run `npm run build` first) started as the extension host
// starts it, in a fresh thread each round. Two ways:
//  - cold: the article's preview (the first screen, in whole paragraphs, sent alone) is the
//    worker's first request, as when the worker was started for the article;
//  - warmed: the worker is started and warmed up first, as the extension does on activation (models
//    decoded; the analysis is then compiled on a sample), and the preview is asked once it is ready
//    plus `--settle` milliseconds (default 300: the editor opening the article meanwhile).
// Each round then sends the whole article. Times are medians over the rounds, in milliseconds from
// the worker's start unless said otherwise; wall clock on a possibly shared machine (the load
// average is printed).
// Usage: npx tsx scripts/bench-open.ts [--rounds N] [--mb 1] [--settle MS]
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { viewportWindow, wholeParagraphs } from '../src/core/firstPaint/viewport';
import { repeatedTo, seedCorpus } from './coreBundle';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ROUNDS = option('--rounds', 5);
const MB = option('--mb', 1);
const SETTLE_MS = option('--settle', 300);
const root = join(__dirname, '..');

interface Reply {
  id: number;
  ms?: number;
  error?: string;
  warm?: { loaded: number; models: number } | { error: string };
}

/** One round: times in ms after the worker was started. */
async function round(text: string, warm: boolean): Promise<Record<string, number>> {
  const started = performance.now();
  const worker = new Worker(join(root, 'dist/analysisWorker.js'), { workerData: { assetsDir: join(root, 'assets') } });
  const waiting = new Map<number, (reply: Reply) => void>();
  worker.on('message', (reply: Reply) => waiting.get(reply.id)?.(reply));
  const ask = (request: Record<string, unknown> & { id: number }) => new Promise<Reply>((resolve) => {
    waiting.set(request.id, resolve);
    worker.postMessage(request);
  });
  const at = () => performance.now() - started;
  const out: Record<string, number> = {};
  if (warm) {
    const reply = await ask({ kind: 'warm', id: 1 });
    if (!reply.warm || 'error' in reply.warm) throw new Error(`warm-up failed: ${JSON.stringify(reply)}`);
    const host = (t: number) => t - performance.timeOrigin - started;
    out['bundle loaded'] = host(reply.warm.loaded);
    out['models decoded'] = host(reply.warm.models);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
  const window = viewportWindow([], text.length);
  const stretch = wholeParagraphs(text.slice(window.start, window.end), window, text.length);
  const asked = at();
  const preview = ask({ id: 2, text: text.slice(stretch.start, stretch.end), stretch });
  const whole = ask({ id: 3, text, document: 'article' });
  const p = await preview;
  out['preview back'] = at();
  out['preview, from asked'] = out['preview back'] - asked;
  out['preview, on the worker'] = p.ms ?? NaN;
  const w = await whole;
  out['whole back'] = at();
  out['whole, on the worker'] = w.ms ?? NaN;
  await worker.terminate();
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

async function main(): Promise<void> {
  const text = repeatedTo(seedCorpus().text, MB * 1024 * 1024);
  console.log(`bench-open: ${(text.length / 1024 / 1024).toFixed(2)} MiB article, ${ROUNDS} rounds each, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const warm of [false, true]) {
    const rounds: Record<string, number>[] = [];
    // Alternating would mix the two; each mode runs its rounds in a row, one fresh worker per round.
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round(text, warm));
    const parts = Object.keys(rounds[0]!).map((k) => `${k} ${median(rounds.map((r) => r[k]!)).toFixed(0)}`);
    console.log(`bench-open: ${warm ? 'warmed up first' : 'cold (preview first)'}: ${parts.join(', ')}`);
  }
  console.log(`bench-open: load average after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

void main();
