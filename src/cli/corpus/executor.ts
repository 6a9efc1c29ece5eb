// Where a corpus run's articles are analysed: on the main thread (--jobs 1) or in a worker pool.
import type { Analyzer } from './loadAnalysis';
import { runTask, type Task, type TaskResult } from './task';

export interface Executor {
  /** How many articles may be under way (sent but not yet written out) at once. */
  readonly capacity: number;
  /** Resolves with the article's line, an error line included; rejects only when the whole run must stop. */
  run(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}

export class InProcessExecutor implements Executor {
  readonly capacity = 1;

  constructor(private readonly analyze: Analyzer) {}

  run(task: Task): Promise<TaskResult> {
    return Promise.resolve(runTask(task, this.analyze));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
