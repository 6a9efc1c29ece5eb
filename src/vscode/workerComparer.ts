// Runs Compare Sources on a worker thread (the analysis worker's entry, dist/analysisWorker.js), one
// worker per comparison: the extension host stays responsive, the worker reports each step, and
// cancelling stops it outright. If no worker can run (a host without worker threads, a missing
// bundle), the comparison runs in-process instead.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { compareTexts, type Comparison, type CompareProgress } from '../core/corpus/compare';
import type { WorkerData } from './workerAnalyzer';

export interface CompareRequest {
  kind: 'compare';
  id: number;
  a: string;
  b: string;
}

export type CompareMessage =
  | { id: number; progress: { fraction: number; step: string } }
  | { id: number; comparison: Comparison }
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
   * @param fallback the same comparison in-process, for when no worker can run
   * @param workerFile the bundled worker script
   * @param workerData what the worker starts with (where the model files are)
   */
  constructor(
    private readonly fallback: (a: string, b: string, progress: CompareProgress) => Comparison = compareTexts,
    private readonly workerFile = join(__dirname, 'analysisWorker.js'),
    private readonly workerData: WorkerData = {},
  ) {}

  compare(a: string, b: string, progress: CompareProgress = () => {}, token?: Cancellation): Promise<Comparison> {
    if (this.disposed || token?.isCancellationRequested) return Promise.reject(new CompareCancelled());
    let worker: Worker;
    try {
      worker = new Worker(this.workerFile, { workerData: this.workerData });
    } catch {
      return Promise.resolve().then(() => this.fallback(a, b, progress));
    }
    const id = this.nextId++;
    this.running.add(worker);
    return new Promise<Comparison>((resolve, reject) => {
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
        else if ('comparison' in message) finish(() => resolve(message.comparison));
        else finish(() => reject(new Error(message.error)));
      });
      // The worker could not start or died: compare in-process rather than fail the command.
      const inProcess = () =>
        finish(() => {
          if (this.disposed) reject(new CompareCancelled());
          else {
            try {
              resolve(this.fallback(a, b, progress));
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          }
        });
      worker.on('error', inProcess);
      worker.on('exit', inProcess);
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
