// Sans-I/O plumbing: the store is written as generator functions that yield each file-system call
// as a thunk. One driver runs them synchronously (the CLI stays synchronous), another awaits them
// (the editor), and tests can step two stores in lockstep to interleave their calls exactly.

import type { Awaitable } from './sidecarFs';

export type Effect = () => Awaitable<unknown>;
export type Steps<T> = Generator<Effect, T, unknown>;

/** Yields one call and returns its result (or throws its error) inside a step generator. */
export function* call<T>(effect: () => Awaitable<T>): Steps<T> {
  return (yield effect) as T;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Runs `steps` with every effect answered synchronously; an effect returning a promise is a bug. */
export function runSync<T>(steps: Steps<T>): T {
  let next = steps.next();
  while (!next.done) {
    let value: unknown;
    let failed = false;
    try {
      value = next.value();
      if (isPromise(value)) throw new Error('runSync: the file system answered asynchronously; use the asynchronous driver');
    } catch (err) {
      failed = true;
      value = err;
    }
    next = failed ? steps.throw(value) : steps.next(value);
  }
  return next.value;
}

/** Runs `steps`, awaiting each effect. */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    let value: unknown;
    let failed = false;
    try {
      value = await next.value();
    } catch (err) {
      failed = true;
      value = err;
    }
    next = failed ? steps.throw(value) : steps.next(value);
  }
  return next.value;
}
