// Lowers the scheduling priority of the calling thread only, for long batch work on a worker thread
// (Compare Sources): on a busy machine the extension host, the workbench and the user's typing get
// the processor first, and the comparison takes what is left. Linux only, where setpriority() on a
// thread id reaches that one thread; elsewhere the call would lower the whole editor, so nothing is
// done there.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The largest nice value (the lowest priority) Linux knows. */
const LOWEST = 19;

/** The kernel's id of the calling thread, from /proc/thread-self (a link to "<pid>/task/<tid>"). */
export function currentThreadId(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined; // no /proc (a sandbox): stay as is
  }
}

/**
 * Raises the calling thread's nice value by `by` (at most to 19). Returns the new value, or
 * undefined when the thread's priority could not be changed alone (not Linux, no /proc).
 */
export function lowerThreadPriority(by = 10): number | undefined {
  const tid = currentThreadId();
  if (tid === undefined) return undefined;
  try {
    const nice = Math.min(LOWEST, getPriority(tid) + by);
    setPriority(tid, nice);
    return getPriority(tid);
  } catch {
    return undefined; // not permitted here: the comparison runs at the usual priority
  }
}
