// Runs Compare Sources on a worker thread (the analysis worker's entry, dist/analysisWorker.js), one
// worker per comparison: the extension host stays responsive, the worker reports each step, and
// cancelling stops it outright. If no worker can run (a host without worker threads, a missing
// bundle), the comparison runs in-process when a fallback is given (tests, tools), and fails with
// the reason otherwise (the extension host, which carries no analysis engine).
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { Comparison, CompareProgress } from '../core/corpus/compare';
import { compactComparison, type CompactComparison } from '../core/corpus/compactComparison';
import type { WorkerData } from './workerAnalyzer';

export interface CompareRequest {
  kind: 'compare';
  id: number;
  a: string;
  b: string;
}

export type CompareMessage =
  | { id: number; progress: { fraction: number; step: string } }
  | { id: number; compact: CompactComparison }
  | { id: number; error: string };

/** The part of a cancellation token the comparer needs (vscode.CancellationToken has it). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}

export class CompareCancelled extends Error {
  constructor() {
    super('the comparison was cancelled');
  }
}

export class WorkerComparer implements vscode.Disposable {
  private readonly running = new Set<Worker>();
  private nextId = 1;
  private disposed = false;

  /**
   * @param fallback the same comparison in-process, for when no worker can run; none: fail instead
   * @param workerFile the bundled worker script
   * @param workerData what the worker starts with (where the model files are)
   */
  constructor(
    private readonly fallback?: (a: string, b: string, progress: CompareProgress) => Comparison,
    private readonly workerFile = join(__dirname, 'analysisWorker.js'),
    private readonly workerData: WorkerData = {},
  ) {}

  /** The comparison of `a` with `b` in the compact form the editor paints from. */
  compare(a: string, b: string, progress: CompareProgress = () => {}, token?: Cancellation): Promise<CompactComparison> {
    if (this.disposed || token?.isCancellationRequested) return Promise.reject(new CompareCancelled());
    let worker: Worker;
    try {
      worker = new Worker(this.workerFile, { workerData: this.workerData });
    } catch (err) {
      const fallback = this.fallback;
      return fallback ? Promise.resolve().then(() => compactComparison(fallback(a, b, progress))) : Promise.reject(noWorker(err));
    }
    const id = this.nextId++;
    this.running.add(worker);
    return new Promise<CompactComparison>((resolve, reject) => {
      let settled = false;
      const cancelListener = token?.onCancellationRequested(() => finish(() => reject(new CompareCancelled())));
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        cancelListener?.dispose();
        this.running.delete(worker);
        void worker.terminate();
        settle();
      };
      worker.on('message', (message: CompareMessage) => {
        if (message.id !== id) return;
        if ('progress' in message) progress(message.progress.fraction, message.progress.step);
        else if ('compact' in message) finish(() => resolve(message.compact));
        else finish(() => reject(new Error(message.error)));
      });
      // The worker could not start or died: compare in-process rather than fail the command.
      const inProcess = (why: unknown) =>
        finish(() => {
          const fallback = this.fallback;
          if (this.disposed) reject(new CompareCancelled());
          else if (!fallback) reject(noWorker(why));
          else {
            try {
              resolve(compactComparison(fallback(a, b, progress)));
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          }
        });
      worker.on('error', (err) => inProcess(err));
      worker.on('exit', () => inProcess(new Error('the comparison worker stopped')));
      worker.postMessage({ kind: 'compare', id, a, b } satisfies CompareRequest);
    });
  }

  /** Comparisons running now (for tests and shutdown). */
  get active(): number {
    return this.running.size;
  }

  dispose(): void {
    this.disposed = true;
    for (const worker of this.running) void worker.terminate();
    this.running.clear();
  }
}

function noWorker(why: unknown): Error {
  return new Error(`the comparison could not run on a worker thread: ${why instanceof Error ? why.message : String(why)}`);
}
