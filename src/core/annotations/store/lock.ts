// A lock file beside the sidecar (`<sidecar>.lock`) serialises read-modify-write across processes
// and fronts. It holds who took it (pid, host, time, nonce), so a lock left by a killed process is
// recovered: when its pid is gone on this host, when it is older than `staleMs`, or when it cannot
// be read and stays unchanged that long. Breaking a lock is not atomic on every file system, so the
// store also checks, right before writing, that the lock is still its own (a fence).

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
  /** A lock older than this (or unchanged and unreadable this long) is taken to be abandoned. */
  staleMs: number;
  /** Give up waiting after this long. */
  timeoutMs: number;
}

export const DEFAULT_LOCK_OPTIONS: LockOptions = { staleMs: 10_000, timeoutMs: 30_000 };

export type LockAttempt = { ok: true; lock: HeldLock; recovered: number } | { ok: false; holder: string };

export function lockPathFor(sidecarPath: string): string {
  return `${sidecarPath}.lock`;
}

/** Waits for the lock, recovering stale ones; gives up after `timeoutMs` naming the holder. */
export function* acquireLock(fs: SidecarFs, proc: SidecarProcess, path: string, options: LockOptions): Steps<LockAttempt> {
  const started = proc.now();
  let attempt = 0;
  let recovered = 0;
  // Lock texts we could not parse, with when we first saw them: stale once unchanged for staleMs.
  const firstSeen = new Map<string, number>();
  for (;;) {
    const owner: LockOwner = { pid: proc.pid, host: proc.host, time: proc.now(), nonce: nonce(proc) };
    const text = `${JSON.stringify(owner)}\n`;
    if (yield* call(() => fs.createExclusive(path, text))) return { ok: true, lock: { path, text }, recovered };
    const held = yield* call(() => fs.read(path));
    if (held === undefined) continue; // released between our two calls: try again at once
    if (!firstSeen.has(held.text)) firstSeen.set(held.text, proc.now());
    if (isStale(held.text, proc, options.staleMs, firstSeen.get(held.text)!)) {
      // Remove it only if it is still the lock we judged (another waiter may have replaced it).
      const again = yield* call(() => fs.read(path));
      if (again !== undefined && again.text === held.text) {
        yield* call(() => fs.remove(path));
        recovered++;
      }
      continue;
    }
    if (proc.now() - started >= options.timeoutMs) return { ok: false, holder: describeOwner(held.text) };
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

function isStale(text: string, proc: SidecarProcess, staleMs: number, firstSeenAt: number): boolean {
  const owner = parseOwner(text);
  if (owner === undefined) return proc.now() - firstSeenAt >= staleMs;
  if (owner.host === proc.host && owner.pid !== proc.pid && proc.isAlive(owner.pid) === false) return true;
  return proc.now() - owner.time >= staleMs;
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
