// Lowers the scheduling priority of the whole calling process, for the comparison process of Compare
// Sources (one per comparison, nothing else runs in it): on a busy machine the extension host, the
// workbench and the user's typing get the processor first, and the comparison takes what is left.
// A worker thread could lower only its own thread: the garbage collector's and the compiler's helper
// threads, shared by the whole extension host, ran half of a comparison's work (2.1 s of 4.1 s CPU
// on two 800 KB articles) at the editor's own priority. In a process of its own every thread is the
// comparison's and every one is lowered.
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The largest nice value (the lowest priority) there is. */
export const LOWEST = 19;

/**
 * Gives every thread of this process the lowest priority. Linux keeps a nice value per thread, so
 * each one running now is set (threads started later inherit it); elsewhere the process's priority is
 * set once. Returns the threads' priorities after (one value outside Linux), or undefined when they
 * could not be changed (not permitted, no /proc): the comparison then runs at the usual priority.
 */
export function lowerProcessPriority(): number[] | undefined {
  try {
    if (process.platform !== 'linux') {
      setPriority(process.pid, LOWEST);
      return [getPriority(process.pid)];
    }
    const threads = readdirSync('/proc/self/task').map(Number).filter((tid) => Number.isInteger(tid) && tid > 0);
    for (const tid of threads) setPriority(tid, LOWEST);
    return threads.map((tid) => getPriority(tid));
  } catch {
    return undefined;
  }
}
