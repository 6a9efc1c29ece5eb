// A pool of analysis workers (node:worker_threads) for --jobs N. Each worker loads the analysis
// once; articles go to whichever worker has least to do, each worker holding at most PREFETCH so
// it never waits for the main thread between articles. The main thread can be one more analysis
// thread (runHere): it takes the next waiting article whenever no worker has room for it.
import { Worker } from 'node:worker_threads';
import { CliError } from '../readArticle';
import type { Executor } from './executor';
import type { Analyzer } from './loadAnalysis';
import { runTask, taskFailure, type Task, type TaskResult } from './task';
import { ANALYSIS_WORKER_DATA, type FromWorker, type ToWorker } from './worker';

/**
 * Articles sent to one worker ahead of its replies. The main thread hands out articles only between
 * analyses of its own, so a worker must hold enough to keep busy through a long one: with 4 a
 * worker sat idle for about a quarter of a 2,000-article run with --jobs 2 (0.7 s of 3 s), with 16
 * for 0.2 s, mostly its wait for the first article.
 */
const PREFETCH = 16;
/** Articles under way per analysis thread, counting those done but waiting for their turn in the output. */
const UNDER_WAY_PER_WORKER = 32;

interface Pending {
  task: Task;
  resolve(result: TaskResult): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  /** Set once the worker has loaded the analysis. */
  ready: boolean;
  inFlight: Map<number, Pending>;
  error?: Error;
}

export class WorkerPool implements Executor {
  capacity: number;
  private readonly slots: Slot[] = [];
  /** The main thread's own analysis, once runHere() gave it; undefined while it only hands out articles. */
  private here: Analyzer | undefined;
  /** A turn of the main thread is queued (setImmediate): at most one, so replies from workers get in between. */
  private hereScheduled = false;
  private readonly queue: { seq: number; pending: Pending }[] = [];
  private nextSeq = 0;
  private stopped: Error | undefined;
  private closing = false;

  /** @param workerFile the script a worker runs: the CLI bundle itself (see worker.ts) */
  constructor(size: number, private readonly workerFile: string) {
    this.capacity = size * UNDER_WAY_PER_WORKER;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /**
   * Lets the main thread analyse articles too, between its other work (reading input, writing
   * lines, answering workers): one article per turn of the event loop.
   */
  runHere(analyze: Analyzer): void {
    this.here = analyze;
    this.capacity += UNDER_WAY_PER_WORKER;
    this.dispatch();
  }

  run(task: Task): Promise<TaskResult> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      this.queue.push({ seq: this.nextSeq++, pending: { task, resolve, reject } });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.inFlight.size < PREFETCH && (!best || s.inFlight.size < best.inFlight.size)) best = s;
      if (!best) break;
      const { seq, pending } = this.queue.shift()!;
      best.inFlight.set(seq, pending);
      // A record's bytes are copied, not moved: the pool keeps them to send again should the worker stop.
      best.worker.postMessage({ seq, task: pending.task } satisfies ToWorker);
    }
    if (this.queue.length > 0 && this.here && !this.hereScheduled) {
      this.hereScheduled = true;
      setImmediate(() => this.runOneHere());
    }
  }

  /** Analyses the first waiting article on the main thread, after any worker has taken what it has room for. */
  private runOneHere(): void {
    this.hereScheduled = false;
    if (this.stopped || !this.here) return;
    this.dispatch();
    const next = this.queue.shift();
    if (!next) return;
    next.pending.resolve(runTask(next.pending.task, this.here));
    this.dispatch();
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerFile, { workerData: ANALYSIS_WORKER_DATA });
    const slot: Slot = { worker, ready: false, inFlight: new Map() };
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') {
        slot.ready = true;
      } else if (m.type === 'fatal') {
        this.stop(m.exitCode === null ? new Error(m.message) : new CliError(m.message, m.exitCode));
      } else {
        const pending = slot.inFlight.get(m.seq);
        slot.inFlight.delete(m.seq);
        pending?.resolve(m.result);
        this.dispatch();
      }
    });
    worker.on('error', (err) => (slot.error = err));
    worker.on('exit', (code) => this.exited(slot, code));
    return slot;
  }

  private exited(slot: Slot, code: number): void {
    if (this.closing || this.stopped) return;
    const reason = slot.error?.message ?? `exit code ${code}`;
    if (!slot.ready) {
      this.stop(new Error(`an analysis worker could not start (${reason})`));
      return;
    }
    // Stopped in the middle of an article (out of memory, say): a worker takes its articles in the
    // order they were sent, so the first one fails and the others wait for the next worker.
    const [current, ...waiting] = slot.inFlight.entries();
    if (current) current[1].resolve(taskFailure(current[1].task, `the analysis worker stopped on this article (${reason})`));
    this.queue.unshift(...waiting.map(([seq, pending]) => ({ seq, pending })));
    slot.inFlight.clear();
    this.slots[this.slots.indexOf(slot)] = this.spawn();
    this.dispatch();
  }

  /** Fails the whole run: every article under way or waiting is rejected with `err`. */
  private stop(err: Error): void {
    if (this.stopped) return;
    this.stopped = err;
    for (const s of this.slots) for (const p of s.inFlight.values()) p.reject(err);
    for (const { pending } of this.queue.splice(0)) pending.reject(err);
    void this.close();
  }
}
