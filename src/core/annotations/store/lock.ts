// A lock file beside the sidecar (`<sidecar>.lock`) serialises read-modify-write across processes
// and fronts. It holds who took it (pid, host, time, nonce), so a lock left by a killed process is
// recovered: at once when its pid is gone on this host; when it is older than `staleMs` and was
// taken on another host (whose processes cannot be checked); when its pid still runs here but it
// is older than `reusedPidMs` (the pid was reused by another program); when it cannot be read and
// stays unchanged for `staleMs`. Breaking a lock is not atomic on every file system, so the store
// also checks, right before writing, that the lock is still its own (a fence).
// A waiter gives up only when one holder keeps the lock for `timeoutMs`: a queue of many writers
// that each take their turn (100 processes on a busy machine) waits as long as it must.

import { call, type Steps } from './steps';
import type { SidecarFs, SidecarProcess } from './sidecarFs';

export interface LockOwner {
  pid: number;
  host: string;
  /** When the lock was taken, ms since the epoch. */
  time: number;
  nonce: string;
}

export interface HeldLock {
  readonly path: string;
  /** The exact text we wrote, compared to tell our lock from another's. */
  readonly text: string;
}

export interface LockOptions {
  /** A lock from another host older than this (or unreadable and unchanged this long) is taken to be abandoned. */
  staleMs: number;
  /** A lock whose pid still runs on this host is taken to be abandoned only after this long. */
  reusedPidMs: number;
  /** Give up when the same holder keeps the lock this long. */
  timeoutMs: number;
}

export const DEFAULT_LOCK_OPTIONS: LockOptions = { staleMs: 30_000, reusedPidMs: 300_000, timeoutMs: 60_000 };

export type LockAttempt = { ok: true; lock: HeldLock; recovered: number } | { ok: false; holder: string };

export function lockPathFor(sidecarPath: string): string {
  return `${sidecarPath}.lock`;
}

/** Waits for the lock, recovering stale ones; gives up after `timeoutMs` naming the holder. */
export function* acquireLock(fs: SidecarFs, proc: SidecarProcess, path: string, options: LockOptions): Steps<LockAttempt> {
  let attempt = 0;
  let recovered = 0;
  // The holder we are waiting behind, and since when: the wait restarts whenever the lock changes hands.
  let holder = '';
  let waitingSince = proc.now();
  // Lock texts we could not parse, with when we first saw them: stale once unchanged for staleMs.
  const firstSeen = new Map<string, number>();
  for (;;) {
    const owner: LockOwner = { pid: proc.pid, host: proc.host, time: proc.now(), nonce: nonce(proc) };
    const text = `${JSON.stringify(owner)}\n`;
    if (yield* call(() => fs.createExclusive(path, text))) return { ok: true, lock: { path, text }, recovered };
    const held = yield* call(() => fs.read(path));
    if (held === undefined) continue; // released between our two calls: try again at once
    if (!firstSeen.has(held.text)) firstSeen.set(held.text, proc.now());
    if (held.text !== holder) {
      holder = held.text;
      waitingSince = proc.now();
      attempt = 0;
    }
    if (isStale(held.text, proc, options, firstSeen.get(held.text)!)) {
      // Remove it only if it is still the lock we judged (another waiter may have replaced it).
      const again = yield* call(() => fs.read(path));
      if (again !== undefined && again.text === held.text) {
        yield* call(() => fs.remove(path));
        recovered++;
      }
      continue;
    }
    if (proc.now() - waitingSince >= options.timeoutMs) return { ok: false, holder: describeOwner(held.text) };
    // Jittered back-off, growing to ~100 ms, so a crowd of writers does not move in step.
    const ceiling = Math.min(100, 4 * 2 ** Math.min(attempt, 5));
    attempt++;
    yield* call(() => proc.sleep(1 + Math.floor(proc.random() * ceiling)));
  }
}

/** True while the lock file still holds our text. */
export function* stillHeld(fs: SidecarFs, lock: HeldLock): Steps<boolean> {
  const held = yield* call(() => fs.read(lock.path));
  return held !== undefined && held.text === lock.text;
}

/** Removes the lock if it is still ours (never another writer's). */
export function* releaseLock(fs: SidecarFs, lock: HeldLock): Steps<void> {
  if (yield* stillHeld(fs, lock)) yield* call(() => fs.remove(lock.path));
}

export function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.time === 'number' && typeof value.nonce === 'string') {
      return value as LockOwner;
    }
  } catch {
    // a lock file cut short by a crash, or not ours at all
  }
  return undefined;
}

function isStale(text: string, proc: SidecarProcess, options: LockOptions, firstSeenAt: number): boolean {
  const owner = parseOwner(text);
  if (owner === undefined) return proc.now() - firstSeenAt >= options.staleMs;
  const age = proc.now() - owner.time;
  if (owner.host === proc.host) {
    const alive = owner.pid === proc.pid ? true : proc.isAlive(owner.pid);
    if (alive === false) return true;
    if (alive === true) return age >= options.reusedPidMs;
  }
  return age >= options.staleMs;
}

function describeOwner(text: string): string {
  const owner = parseOwner(text);
  if (owner === undefined) return 'an unreadable lock file';
  return `process ${owner.pid} on ${owner.host} since ${new Date(owner.time).toISOString()}`;
}

function nonce(proc: SidecarProcess): string {
  let out = '';
  while (out.length < 12) out += Math.floor(proc.random() * 36).toString(36);
  return out;
}
