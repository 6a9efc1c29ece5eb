// Runs a store's steps one file-system call at a time, so a test can interleave two writers at
// every call, and stop a writer dead (no cleanup) when an injected crash kills its process.
import type { Steps } from '../../../src/core/annotations/store';
import { ProcessCrash, type MemoryFs } from './memoryFs';

export class StepRun<T> {
  done = false;
  crashed = false;
  result: T | undefined;
  private next: IteratorResult<() => unknown, T> | undefined;

  constructor(private readonly steps: Steps<T>, readonly pid: number) {}

  /** Performs the next call (the first one runs up to the first call). */
  step(fs: MemoryFs): void {
    if (this.done) return;
    this.next ??= this.steps.next();
    if (this.finish()) return;
    fs.currentPid = this.pid;
    let value: unknown;
    let failed = false;
    try {
      value = (this.next as IteratorYieldResult<() => unknown>).value();
      if (value instanceof Promise) throw new Error('memory fs answered asynchronously');
    } catch (err) {
      if (err instanceof ProcessCrash) {
        this.crashed = true;
        this.done = true;
        return;
      }
      failed = true;
      value = err;
    }
    this.next = failed ? this.steps.throw(value) : this.steps.next(value);
    this.finish();
  }

  private finish(): boolean {
    if (this.next?.done) {
      this.done = true;
      this.result = this.next.value;
    }
    return this.done;
  }
}

/** Runs to the end alone. */
export function runAlone<T>(run: StepRun<T>, fs: MemoryFs): StepRun<T> {
  while (!run.done) run.step(fs);
  return run;
}
