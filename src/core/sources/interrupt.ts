// Finding an article's sources can be stopped part-way: on a long article it takes seconds, and
// the analysis a keystroke asks for must not wait behind it on the same thread. The caller passes
// a check; the long loops ask it every so often and stop by throwing SourcesInterrupted.

/** Thrown out of collectSources when the caller's `interrupted` check said to stop. */
export class SourcesInterrupted extends Error {
  constructor() {
    super('finding the sources was interrupted by newer work');
    this.name = 'SourcesInterrupted';
  }
}

/**
 * Sentence windows between two checks: a window costs microseconds, so a stop comes within a
 * millisecond or so, and the check (an atomic read, for the worker) costs nothing measurable.
 */
const WINDOWS_PER_CHECK = 32;

/** A counter of windows that calls `interrupted` every WINDOWS_PER_CHECK windows and throws when it says so. */
export function interruptionCheck(interrupted: (() => boolean) | undefined): () => void {
  if (!interrupted) return () => undefined;
  let windows = 0;
  return () => {
    if (++windows % WINDOWS_PER_CHECK === 0 && interrupted()) throw new SourcesInterrupted();
  };
}
