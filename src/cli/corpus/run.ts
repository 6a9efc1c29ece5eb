// Runs a corpus through an executor and streams one line per article to the output, in input
// order or (unordered) as each finishes. At most `executor.capacity` articles are under way, so
// memory stays bounded however long the input, and a slow reader of the output slows the run down.
import type { Writable } from 'node:stream';
import type { Executor } from './executor';
import type { WorkItem } from './sources';
import type { TaskResult } from './task';

export interface RunSummary {
  articles: number;
  failed: number;
  /** The reader of the output went away (EPIPE): the run stopped early. */
  outputClosed: boolean;
}

export async function runCorpus(items: AsyncIterable<WorkItem>, executor: Executor, output: Writable, ordered: boolean): Promise<RunSummary> {
  const summary: RunSummary = { articles: 0, failed: 0, outputClosed: false };
  let outputError: Error | undefined;
  const onError = (err: Error) => {
    outputError = err;
    summary.outputClosed = true;
  };
  output.on('error', onError);
  let drained: Promise<void> | undefined;
  const write = (result: TaskResult): void => {
    if (summary.outputClosed) return;
    summary.articles++;
    if (result.failed) summary.failed++;
    if (!output.write(result.output)) drained ??= drainOf(output).then(() => (drained = undefined));
  };

  const underWay = new Set<Promise<void>>();
  let failure: { err: unknown } | undefined;
  let inOrder: Promise<void> = Promise.resolve();
  try {
    for await (const item of items) {
      const result = 'result' in item ? Promise.resolve(item.result) : executor.run(item.task);
      let written: Promise<void>;
      if (ordered) {
        const previous = inOrder;
        written = inOrder = result.then(async (r) => {
          await previous;
          write(r);
        });
      } else {
        written = result.then(write);
      }
      const tracked: Promise<void> = written.then(
        () => void underWay.delete(tracked),
        (err: unknown) => {
          underWay.delete(tracked);
          failure ??= { err };
        },
      );
      underWay.add(tracked);
      while (underWay.size >= executor.capacity && !failure) await Promise.race(underWay);
      if (drained) await drained;
      if (failure) throw failure.err;
      if (summary.outputClosed) break;
    }
    await Promise.all(underWay);
    if (failure) throw failure.err;
  } finally {
    output.off('error', onError);
    await executor.close();
  }
  if (outputError && !isBrokenPipe(outputError)) throw outputError;
  return summary;
}

/** Resolves when the output wants more, or can take no more (closed, failed). */
function drainOf(output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of ['drain', 'close', 'error']) output.off(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error']) output.on(event, done);
  });
}

function isBrokenPipe(err: Error): boolean {
  return (err as NodeJS.ErrnoException).code === 'EPIPE';
}
