// The worker side of the --jobs pool. The CLI bundle is its own worker script: main.ts starts this
// when it finds itself on a worker thread created by WorkerPool, so the build needs no second bundle.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ModelAssetError } from '../../core/models';
import { CliError, EXIT } from '../readArticle';
import { loadAnalysis, type Analyzer } from './loadAnalysis';
import { runTask, type Task, type TaskResult } from './task';

const ROLE = 'news-annotator:analysis-worker';

/** The workerData a pool gives its workers. */
export const ANALYSIS_WORKER_DATA = { role: ROLE } as const;

export type ToWorker = { seq: number; task: Task };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; message: string; exitCode: number | null }
  | { type: 'done'; seq: number; result: TaskResult };

export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE;
}

export function startAnalysisWorker(): void {
  const port = parentPort;
  if (!port) return;
  const post = (message: FromWorker) => port.postMessage(message);
  let analyze: Analyzer;
  try {
    analyze = loadAnalysis();
  } catch (err) {
    // Nothing else listens: the worker ends, and the pool stops the run with this message.
    // A missing or corrupt model file is an install error here as on the main thread (exit 4).
    const exitCode = err instanceof CliError ? err.exitCode : err instanceof ModelAssetError ? EXIT.install : null;
    post({ type: 'fatal', message: err instanceof Error ? err.message : String(err), exitCode });
    return;
  }
  const utf8 = new TextEncoder();
  port.on('message', ({ seq, task }: ToWorker) => {
    const { output, failed } = runTask(task, analyze);
    // Encoded here and moved, not copied: the main thread only writes the bytes out. (TextEncoder
    // gives each line its own ArrayBuffer; a small Buffer would share, and move, a pool slab.)
    const bytes = typeof output === 'string' ? utf8.encode(output) : output;
    port.postMessage({ type: 'done', seq, result: { output: bytes, failed } } satisfies FromWorker, [bytes.buffer as ArrayBuffer]);
  });
  post({ type: 'ready' });
}
