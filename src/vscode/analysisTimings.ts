// Where the time between an edit and its analysis on the host goes, stage by stage, for the latency
// report (test/integration/latency*.test.ts): each analysis made on the worker carries when it was
// asked for, when the worker started and finished it, and when the host had it back. Kept beside
// the analysis object, as its sources are (analysisSources.ts); measures only, changes nothing.
import type { Analysis } from '../core/types';

/** Moments on the host's performance.now() clock, in milliseconds. */
export interface AnalysisTimings {
  /** The request left the host (after the edit was worked out). */
  posted: number;
  /** The worker took the request (its clock, moved onto the host's). */
  workerStart: number;
  /** The worker posted its reply. */
  workerEnd: number;
  /** The reply reached the host. */
  received: number;
  /** The host had rebuilt the analysis from the reply. */
  decoded: number;
}

const timings = new WeakMap<Analysis, AnalysisTimings>();

export function rememberTimings(analysis: Analysis, t: AnalysisTimings): void {
  timings.set(analysis, t);
}

export function timingsOf(analysis: Analysis): AnalysisTimings | undefined {
  return timings.get(analysis);
}
