// An in-memory SidecarFs for the store's tests, with faults injected on demand: a crash between
// writing the temp file and renaming it (the temp file stays, the process is gone), a full disk,
// permission denied. Also a process table with a clock, so stale locks of dead processes exist.
import { SidecarFsError, type FileSnapshot, type FileStat, type SidecarFs, type SidecarProcess } from '../../../src/core/annotations/store';

export type Fault = 'crash' | 'ENOSPC' | 'EACCES';
export type FsOperation = 'read' | 'stat' | 'writeAtomic' | 'createExclusive' | 'remove';

/** Thrown when the injected crash kills the writing process: its steps must not go on. */
export class ProcessCrash extends Error {
  constructor(readonly pid: number) {
    super(`process ${pid} crashed`);
  }
}

interface Entry {
  text: string;
  version: number;
  readOnly: boolean;
}

export class MemoryFs implements SidecarFs {
  readonly files = new Map<string, Entry>();
  /** Called before each operation; a returned fault makes it fail. */
  inject: (op: FsOperation, path: string) => Fault | undefined = () => undefined;
  /** Called after every change of a file's content (for "always parseable" checks). */
  onChange: (path: string, text: string | undefined, byStore: boolean) => void = () => undefined;
  /** The pid whose call is running (set by the test's scheduler), for crash reports. */
  currentPid = 0;
  private versions = 0;
  private temps = 0;

  read(path: string): FileSnapshot | undefined {
    this.fault('read', path);
    const e = this.files.get(path);
    return e && { text: e.text, version: String(e.version) };
  }

  stat(path: string): FileStat | undefined {
    this.fault('stat', path);
    const e = this.files.get(path);
    return e && { version: String(e.version), readOnly: e.readOnly };
  }

  writeAtomic(path: string, text: string): void {
    const e = this.files.get(path);
    if (e?.readOnly) throw new SidecarFsError(`${path} is read-only; it was not replaced`, 'READONLY');
    const fault = this.inject('writeAtomic', path);
    if (fault === 'crash') {
      // The temp file was written, then the process died before the rename.
      this.set(`${path}.${++this.temps}.tmp`, text, false, true);
      throw new ProcessCrash(this.currentPid);
    }
    if (fault) throw new SidecarFsError(`${path} could not be written: ${fault}`, fault);
    this.set(path, text, e?.readOnly ?? false, true);
  }

  createExclusive(path: string, text: string): boolean {
    this.fault('createExclusive', path);
    if (this.files.has(path)) return false;
    this.set(path, text, false, true);
    return true;
  }

  remove(path: string): void {
    this.fault('remove', path);
    if (this.files.delete(path)) this.onChange(path, undefined, true);
  }

  /** Writes directly (a hand edit, a sync tool): no lock, no faults. */
  put(path: string, text: string, readOnly = false): void {
    this.set(path, text, readOnly, false);
  }

  private set(path: string, text: string, readOnly: boolean, byStore: boolean): void {
    this.files.set(path, { text, version: ++this.versions, readOnly });
    this.onChange(path, text, byStore);
  }

  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  private fault(op: FsOperation, path: string): void {
    const fault = this.inject(op, path);
    if (fault === 'crash') throw new ProcessCrash(this.currentPid);
    if (fault) throw new SidecarFsError(`${path}: ${op} failed: ${fault}`, fault);
  }
}

/** Processes on one host sharing a clock that only moves when someone sleeps. */
export class MemoryProcesses {
  private readonly alive = new Set<number>();
  clock = 1_700_000_000_000;

  constructor(private readonly random: () => number, readonly host = 'test-host') {}

  spawn(pid: number): SidecarProcess {
    this.alive.add(pid);
    return {
      pid,
      host: this.host,
      now: () => this.clock,
      sleep: (ms: number) => void (this.clock += ms),
      isAlive: (other: number) => this.alive.has(other),
      random: this.random,
    };
  }

  kill(pid: number): void {
    this.alive.delete(pid);
  }
}

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export { seededRandom as seeded } from './editModel';
