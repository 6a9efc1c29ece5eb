// The extension host's side of the service worker (dist/serviceWorker.js, a thread beside the
// analysis worker's, so a long sidecar merge or a re-anchoring of many claims never waits behind an
// analysis, and the reverse). Calls are answered once, report progress, and can be cancelled. The worker reaches
// files only through `fs`, answered here on vscode.workspace.fs. A worker that stops is started
// again on the next call; calls in flight fail with the reason.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { SidecarFs } from '../core/annotations/store/sidecarFs';
import type { WorkerData } from './workerAnalyzer';
import type { FsCall, HostToService, ServiceMethod, ServiceMethods, ServiceToHost } from './worker/protocol';

/** The part of a cancellation token a call needs (vscode.CancellationToken has it). */
export interface CallCancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}

export class ServiceCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface CallOptions {
  /** Called as the work advances (`done` of `total` items). */
  progress?: (done: number, total: number) => void;
  token?: CallCancellation;
}

interface Waiting {
  resolve(value: unknown): void;
  reject(err: Error): void;
  progress?: (done: number, total: number) => void;
}

export class ServiceWorker implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private disposed = false;
  private readonly waiting = new Map<number, Waiting>();
  private readonly stopListeners = new Set<() => void>();

  /** Settles when the worker may start; calls made before wait for it (see `startAfter`). */
  private gate: Promise<void> | undefined;
  private gateAsked = false;

  /**
   * @param fs answers the worker's file access (the sidecar files)
   * @param workerFile the bundled worker script
   * @param workerData what the worker starts with (where the model files are)
   * @param startAfter asked once, at the first call: a promise the worker's start waits for, or
   *   undefined to start at once. While a window opens an article, the analysis worker that paints
   *   its highlights starts too, and two threads booting at once on a small machine delay both.
   */
  constructor(
    private readonly fs: SidecarFs,
    private readonly workerFile = join(__dirname, 'serviceWorker.js'),
    private readonly workerData: WorkerData = {},
    private readonly startAfter: () => Promise<unknown> | undefined = () => undefined,
  ) {}

  call<M extends ServiceMethod>(method: M, args: ServiceMethods[M][0], options: CallOptions = {}): Promise<ServiceMethods[M][1]> {
    if (this.disposed) return Promise.reject(new Error('the service worker was disposed'));
    if (options.token?.isCancellationRequested) return Promise.reject(new ServiceCancelled());
    if (!this.gateAsked) {
      this.gateAsked = true;
      const wait = this.startAfter();
      if (wait) {
        const gate = wait.then(() => undefined, () => undefined);
        this.gate = gate;
        void gate.then(() => (this.gate = undefined));
      }
    }
    if (this.gate) return this.gate.then(() => this.call(method, args, options));
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    const id = this.nextId++;
    return new Promise<ServiceMethods[M][1]>((resolve, reject) => {
      const cancel = options.token?.onCancellationRequested(() => {
        if (!this.waiting.has(id)) return;
        this.waiting.delete(id);
        this.send({ kind: 'cancel', id });
        reject(new ServiceCancelled());
      });
      const done = <T>(settle: (value: T) => void) => (value: T) => {
        cancel?.dispose();
        settle(value);
      };
      this.waiting.set(id, { resolve: done(resolve as (value: unknown) => void), reject: done(reject), ...(options.progress ? { progress: options.progress } : {}) });
      worker.postMessage({ kind: 'call', id, method, args } satisfies HostToService);
    });
  }

  /**
   * Called when a running worker stopped (it crashed, or ran out of memory): state it held, the
   * workspace index, is gone, and the next call starts an empty worker. Not called on dispose.
   */
  onStopped(listener: () => void): { dispose(): void } {
    this.stopListeners.add(listener);
    return { dispose: () => this.stopListeners.delete(listener) };
  }

  /** Calls waiting for an answer (for tests and shutdown). */
  get pending(): number {
    return this.waiting.size;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile, { workerData: this.workerData });
    worker.on('message', (message: ServiceToHost) => this.receive(message));
    worker.on('error', (err) => this.stopped(worker, err));
    worker.on('exit', () => this.stopped(worker, new Error('the service worker stopped')));
    // An idle worker must not keep the extension host alive on shutdown.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private receive(message: ServiceToHost): void {
    if (message.kind === 'fs') {
      void this.answerFs(message);
      return;
    }
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    if (message.kind === 'progress') {
      waiting.progress?.(message.done, message.total);
      return;
    }
    this.waiting.delete(message.id);
    if (message.kind === 'result') waiting.resolve(message.value);
    else waiting.reject(message.cancelled ? new ServiceCancelled() : new Error(message.message));
  }

  private async answerFs(call: FsCall): Promise<void> {
    const [path = '', text = ''] = call.args;
    try {
      let value: unknown;
      switch (call.op) {
        case 'read': value = await this.fs.read(path); break;
        case 'stat': value = await this.fs.stat(path); break;
        case 'writeAtomic': value = await this.fs.writeAtomic(path, text); break;
        case 'createExclusive': value = await this.fs.createExclusive(path, text); break;
        case 'remove': value = await this.fs.remove(path); break;
      }
      this.send({ kind: 'fsReply', id: call.id, value });
    } catch (err) {
      const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : 'EIO';
      this.send({ kind: 'fsReply', id: call.id, error: { message: err instanceof Error ? err.message : String(err), code } });
    }
  }

  private send(message: HostToService): void {
    this.worker?.postMessage(message);
  }

  private stopped(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(err);
    if (!this.disposed) for (const listener of [...this.stopListeners]) listener();
  }

  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    void worker?.terminate();
    if (worker) this.stopped(worker, new Error('the service worker was disposed'));
  }
}
