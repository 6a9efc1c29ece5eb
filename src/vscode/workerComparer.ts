// Runs Compare Sources in a process of its own (dist/compareProcess.js, from worker/compareEntry.ts,
// started as a child process), one per comparison: the extension host stays responsive, the process
// runs every one of its threads at the lowest priority (worker/processPriority.ts), reports each
// step, and cancelling stops it outright. A worker thread was used before; the garbage collector's
// helper threads it shares with the extension host then ran half the comparison's work at the
// editor's own priority. If no process can start (a host that forbids it, a missing bundle), the
// comparison runs in-process when a fallback is given (tests, tools), and fails with the reason
// otherwise (the extension host, which carries no analysis engine).
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import type { Comparison, CompareProgress } from '../core/corpus/compare';
import { compactComparison, type CompactComparison } from '../core/corpus/compactComparison';
import type { WorkerData } from './workerAnalyzer';

/** Names the model folder for the comparison process (worker/compareEntry.ts reads it). */
export const ASSETS_DIR_ENV = 'NEWS_ANNOTATOR_ASSETS_DIR';

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
  private readonly running = new Set<ChildProcess>();
  private nextId = 1;
  private disposed = false;

  /**
   * @param fallback the same comparison in-process, for when no process can run; none: fail instead
   * @param workerFile the bundled worker script
   * @param workerData where the model files are
   */
  constructor(
    private readonly fallback?: (a: string, b: string, progress: CompareProgress) => Comparison,
    private readonly workerFile = join(__dirname, 'compareProcess.js'),
    private readonly workerData: WorkerData = {},
  ) {}

  /** The comparison of `a` with `b` in the compact form the editor paints from. */
  compare(a: string, b: string, progress: CompareProgress = () => {}, token?: Cancellation): Promise<CompactComparison> {
    if (this.disposed || token?.isCancellationRequested) return Promise.reject(new CompareCancelled());
    let child: ChildProcess;
    try {
      child = fork(this.workerFile, [], {
        // Structured clone over the channel (typed arrays survive); no inspector or flags of the host's own.
        serialization: 'advanced',
        execArgv: [],
        // Inside Electron (the desktop editor) the child runs as plain Node.
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ...(this.workerData.assetsDir ? { [ASSETS_DIR_ENV]: this.workerData.assetsDir } : {}) },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
    } catch (err) {
      const fallback = this.fallback;
      return fallback ? Promise.resolve().then(() => compactComparison(fallback(a, b, progress))) : Promise.reject(noProcess(err));
    }
    const id = this.nextId++;
    this.running.add(child);
    // The last words of a process that dies, for the error (its stdout is not read).
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    return new Promise<CompactComparison>((resolve, reject) => {
      let settled = false;
      const cancelListener = token?.onCancellationRequested(() => finish(() => reject(new CompareCancelled())));
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        cancelListener?.dispose();
        this.running.delete(child);
        child.kill();
        settle();
      };
      child.on('message', (message: CompareMessage) => {
        if (message.id !== id) return;
        if ('progress' in message) progress(message.progress.fraction, message.progress.step);
        else if ('compact' in message) finish(() => resolve(message.compact));
        else finish(() => reject(new Error(message.error)));
      });
      // The process could not start or died: compare in-process rather than fail the command.
      const inProcess = (why: unknown) =>
        finish(() => {
          const fallback = this.fallback;
          if (this.disposed) reject(new CompareCancelled());
          else if (!fallback) reject(noProcess(why));
          else {
            try {
              resolve(compactComparison(fallback(a, b, progress)));
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          }
        });
      child.on('error', (err) => inProcess(err));
      child.on('exit', (code, signal) => inProcess(new Error(`the comparison process stopped (${signal ?? `exit code ${code}`})${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : ''}`)));
      child.send({ kind: 'compare', id, a, b } satisfies CompareRequest, (err) => {
        if (err) inProcess(err);
      });
    });
  }

  /** Comparisons running now (for tests and shutdown). */
  get active(): number {
    return this.running.size;
  }

  dispose(): void {
    this.disposed = true;
    for (const child of this.running) child.kill();
    this.running.clear();
  }
}

function noProcess(why: unknown): Error {
  return new Error(`the comparison could not run in a process of its own: ${why instanceof Error ? why.message : String(why)}`);
}
