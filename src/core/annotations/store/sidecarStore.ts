// The one sidecar store both fronts use. Every change is a read-modify-write under the sidecar's
// lock file: read what is on disk now, apply the caller's change to it, check the lock is still
// ours and the file unchanged, then write atomically. A caller that edited an older copy (the
// editor, between its read and its save) passes that copy as `base`: its change is merged into
// what is on disk now with the three-way merge, and a claim changed on both sides is kept in both
// versions and reported. Nothing here touches a real file system: see SidecarFs.

import { idGenerator, type IdGenerator } from '../ids';
import type { MergeConflict } from '../merge';
import { mergeSidecarTexts } from '../mergeFiles';
import { parseSidecar, type ParsedSidecar } from '../parse';
import { updateSidecar, type SidecarChanges } from '../write';
import { acquireLock, DEFAULT_LOCK_OPTIONS, lockPathFor, releaseLock, stillHeld, type HeldLock, type LockOptions } from './lock';
import { SidecarFsError, type SidecarFs, type SidecarProcess } from './sidecarFs';
import { call, runAsync, runSync, type Steps } from './steps';

export interface SidecarSnapshot {
  readonly path: string;
  readonly exists: boolean;
  /** The text on disk ('' when absent). */
  readonly text: string;
  readonly parsed: ParsedSidecar;
}

/** The caller's change, computed from the sidecar as it is (or as the caller last saw it). */
export type SidecarEdit = (current: ParsedSidecar) => SidecarChanges | null;

export interface UpdateRequest {
  /** The article the sidecar belongs to: a sidecar naming another article is not written. */
  articlePath: string;
  edit: SidecarEdit;
  /**
   * The sidecar text the caller's edit was made against. When the file holds something else now,
   * the edit is applied to `base` and merged into the current text (three-way), instead of being
   * recomputed on the current text.
   */
  base?: string;
  /**
   * Changes applied to the result (merged or not) and never part of the three-way merge, e.g.
   * bringing stored positions up to date with the article as the caller sees it now.
   */
  finish?: SidecarEdit;
}

export type UpdateFailure =
  /** The sidecar does not parse (or is too large, or binary): it is left untouched. */
  | 'unreadable'
  /** Newer schema, another article's sidecar, or file permissions that forbid writing. */
  | 'read-only'
  /** Another writer held the lock for longer than the timeout. */
  | 'locked'
  /** Reading or writing failed (disk full, permission denied, ...); the old file is intact. */
  | 'io';

export type UpdateOutcome =
  | {
      ok: true;
      /** False when the change was already there (nothing was written). */
      written: boolean;
      /** The sidecar as it is after this update. */
      snapshot: SidecarSnapshot;
      /** Claims changed on both sides: both versions were kept, flagged `conflict: true`. */
      conflicts: MergeConflict[];
      /** True when the file had changed since `base` and the edit was merged into it. */
      merged: boolean;
      /** Stale locks (from killed processes) removed on the way. */
      recoveredLocks: number;
    }
  | { ok: false; kind: UpdateFailure; message: string; snapshot: SidecarSnapshot | null };

export interface SidecarStoreOptions {
  lock?: Partial<LockOptions>;
  /** Names the caller's copy of a claim both sides changed. */
  newId?: IdGenerator;
  /** Give up after this many rounds of "the file changed under the lock" (only a writer ignoring the lock causes them). */
  maxRounds?: number;
}

export class SidecarStore {
  private readonly lockOptions: LockOptions;
  private readonly newId: IdGenerator;
  private readonly maxRounds: number;

  constructor(private readonly fs: SidecarFs, private readonly proc: SidecarProcess, options: SidecarStoreOptions = {}) {
    this.lockOptions = { ...DEFAULT_LOCK_OPTIONS, ...options.lock };
    this.newId = options.newId ?? idGenerator(() => proc.random());
    this.maxRounds = options.maxRounds ?? 20;
  }

  /** Reads and parses the sidecar; never writes. Parse problems are in `parsed`, I/O errors throw. */
  *readSteps(path: string, articlePath: string): Steps<SidecarSnapshot> {
    const file = yield* call(() => this.fs.read(path));
    const text = file?.text ?? '';
    return { path, exists: file !== undefined, text, parsed: parseSidecar(text, { articlePath }) };
  }

  readSync(path: string, articlePath: string): SidecarSnapshot {
    return runSync(this.readSteps(path, articlePath));
  }

  read(path: string, articlePath: string): Promise<SidecarSnapshot> {
    return runAsync(this.readSteps(path, articlePath));
  }

  updateSync(path: string, request: UpdateRequest): UpdateOutcome {
    return runSync(this.updateSteps(path, request));
  }

  update(path: string, request: UpdateRequest): Promise<UpdateOutcome> {
    return runAsync(this.updateSteps(path, request));
  }

  /** The read-modify-write of one update, as steps for a driver. */
  *updateSteps(path: string, request: UpdateRequest): Steps<UpdateOutcome> {
    const lockPath = lockPathFor(path);
    let recoveredLocks = 0;
    let lock: HeldLock | null = null;
    let snapshot: SidecarSnapshot | null = null;
    try {
      // A file marked read-only is refused before anything else (the atomic write refuses it too).
      const stat = yield* call(() => this.fs.stat(path));
      if (stat?.readOnly) return fail('read-only', `${path} is read-only; it was not replaced. Make it writable to save changes.`, null);
      for (let round = 0; round < this.maxRounds; round++) {
        if (lock === null) {
          const attempt = yield* acquireLock(this.fs, this.proc, lockPath, this.lockOptions);
          if (!attempt.ok) {
            return fail('locked', `${path} is locked by ${attempt.holder}; if no News Annotator is running there, delete ${lockPath}`, snapshot);
          }
          lock = attempt.lock;
          recoveredLocks += attempt.recovered;
        }
        snapshot = yield* this.readSteps(path, request.articlePath);
        const { parsed } = snapshot;
        if (parsed.error) return fail('unreadable', `${parsed.error.message}. Fix the file by hand; it is left untouched.`, snapshot);
        if (!parsed.writable) return fail('read-only', parsed.warnings[0] ?? 'the annotations file is read-only', snapshot);

        const planned = this.plan(snapshot, request);
        if (!planned.ok) return fail('unreadable', planned.error, snapshot);
        if (planned.text === null) {
          return { ok: true, written: false, snapshot, conflicts: planned.conflicts, merged: planned.merged, recoveredLocks };
        }
        // Fence: the lock may have been broken as stale, or a writer that ignores locks (a sync
        // tool, a text editor) may have saved meanwhile. Either way: read again and redo.
        if (!(yield* stillHeld(this.fs, lock))) {
          lock = null;
          continue;
        }
        const now = yield* call(() => this.fs.read(path));
        if ((now?.text ?? '') !== snapshot.text || (now === undefined) === snapshot.exists) continue;
        const text = planned.text;
        yield* call(() => this.fs.writeAtomic(path, text));
        const written = lazySnapshot(path, text, request.articlePath);
        return { ok: true, written: true, snapshot: written, conflicts: planned.conflicts, merged: planned.merged, recoveredLocks };
      }
      return fail('locked', `${path} kept changing while it was being written (${this.maxRounds} tries); nothing was written`, snapshot);
    } catch (err) {
      const code = err instanceof SidecarFsError || (typeof err === 'object' && err !== null && 'code' in err) ? String((err as { code: unknown }).code) : '';
      const message = err instanceof Error ? err.message : String(err);
      return fail(code === 'READONLY' ? 'read-only' : 'io', message, snapshot);
    } finally {
      if (lock !== null) {
        const held = lock;
        try {
          yield* releaseLock(this.fs, held);
        } catch {
          // The lock stays behind; the next writer recovers it as stale.
        }
      }
    }
  }

  /** The text to write (null: nothing changes), applying the edit to disk or merging it from `base`. */
  private plan(disk: SidecarSnapshot, request: UpdateRequest):
    | { ok: true; text: string | null; conflicts: MergeConflict[]; merged: boolean }
    | { ok: false; error: string } {
    const options = { articlePath: request.articlePath };
    const edited = this.applyEdit(disk, request);
    if (!edited.ok) return edited;
    let { text } = edited;
    if (request.finish) {
      const result = text === null ? disk.parsed : parseSidecar(text, options);
      const changes = request.finish(result);
      if (changes !== null) {
        const update = updateSidecar(result, changes);
        if (!update.ok) return update;
        text = update.text ?? text;
      }
    }
    return { ...edited, text: text === disk.text ? null : text };
  }

  /** The caller's edit applied to the file as it is, or to `base` and merged into the file as it is. */
  private applyEdit(disk: SidecarSnapshot, request: UpdateRequest):
    | { ok: true; text: string | null; conflicts: MergeConflict[]; merged: boolean }
    | { ok: false; error: string } {
    const options = { articlePath: request.articlePath };
    const base = request.base === undefined || request.base === disk.text ? null : parseSidecar(request.base, options);
    if (base === null || base.error) {
      const changes = request.edit(disk.parsed);
      if (changes === null) return { ok: true, text: null, conflicts: [], merged: false };
      const update = updateSidecar(disk.parsed, changes);
      return update.ok ? { ok: true, text: update.text, conflicts: [], merged: false } : update;
    }
    const changes = request.edit(base);
    if (changes === null) return { ok: true, text: null, conflicts: [], merged: false };
    const mine = updateSidecar(base, changes);
    if (!mine.ok) return mine;
    const merged = mergeSidecarTexts(request.base!, mine.text ?? request.base!, disk.text, this.newId, request.articlePath);
    if (!merged.ok) return merged;
    let text = merged.text ?? disk.text;
    if (changes.textHash !== undefined) {
      // The merge keeps their header; the anchors were refreshed on the caller's text, so its hash wins.
      const rehashed = updateSidecar(parseSidecar(text, options), { textHash: changes.textHash });
      if (!rehashed.ok) return rehashed;
      text = rehashed.text ?? text;
    }
    return { ok: true, text: text === disk.text ? null : text, conflicts: merged.conflicts, merged: true };
  }
}

function lazySnapshot(path: string, text: string, articlePath: string): SidecarSnapshot {
  let parsed: ParsedSidecar | undefined;
  return {
    path,
    exists: true,
    text,
    get parsed() {
      return (parsed ??= parseSidecar(text, { articlePath }));
    },
  };
}

function fail(kind: UpdateFailure, message: string, snapshot: SidecarSnapshot | null): UpdateOutcome {
  return { ok: false, kind, message, snapshot };
}
