// The sidecar store's file system on Node (the CLI). Writes go to a temp file beside the real
// target (through a symlink, so the link stays a link), carry over the file's mode and, where the
// process may, its owner, are flushed, then renamed over the target. A file without write
// permission is refused rather than replaced. Locks are files created with O_EXCL.
import {
  closeSync, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readFileSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync,
  type Stats,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_SIDECAR_CHARS } from '../core/annotations/parse';
import { SidecarFsError, type FileSnapshot, type FileStat, type SidecarFs, type SidecarProcess } from '../core/annotations/store';

/** UTF-8 takes at most 4 bytes a character: anything larger is refused by the parser anyway. */
const MAX_READ_BYTES = MAX_SIDECAR_CHARS * 4;

export const nodeSidecarFs = {
  read(path: string): FileSnapshot | undefined {
    const st = statOrUndefined(path);
    if (st === undefined) return undefined;
    assertRegular(path, st);
    if (st.size > MAX_READ_BYTES) throw new SidecarFsError(`${path}: ${(st.size / 1048576).toFixed(1)} MB is too large for an annotations file`, 'EFBIG');
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      if (codeOf(err) === 'ENOENT') return undefined;
      throw fsError(path, 'cannot be read', err);
    }
    return { text: bytes.toString('utf8'), version: versionOf(st, bytes.length) };
  },

  stat(path: string): FileStat | undefined {
    const st = statOrUndefined(path);
    return st === undefined ? undefined : { version: versionOf(st, st.size), readOnly: isReadOnly(st) };
  },

  writeAtomic(path: string, text: string): void {
    const target = resolveLinks(path);
    const st = statOrUndefined(target);
    if (st !== undefined) {
      assertRegular(path, st);
      if (isReadOnly(st)) {
        throw new SidecarFsError(
          `${path} is read-only (mode ${(st.mode & 0o777).toString(8).padStart(4, '0')}); it was not replaced. Make it writable (chmod u+w) to save changes.`,
          'READONLY',
        );
      }
    }
    const temp = join(dirname(target), `.${basename(target)}.${tempSuffix()}.tmp`);
    let fd: number | undefined;
    try {
      fd = openSync(temp, 'wx', st === undefined ? 0o666 : st.mode & 0o7777);
      const bytes = Buffer.from(text, 'utf8');
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
      if (st !== undefined) {
        try {
          fchownSync(fd, st.uid, st.gid);
        } catch {
          // Only root (or the owner, for the group) may: otherwise the file becomes ours.
        }
        fchmodSync(fd, st.mode & 0o7777); // open() applied the umask; restore the exact mode
      }
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      renameSync(temp, target);
    } catch (err) {
      if (fd !== undefined) {
        try {
          closeSync(fd);
        } catch {
          // already closed
        }
      }
      try {
        unlinkSync(temp);
      } catch {
        // never created, or already renamed
      }
      throw fsError(path, 'could not be written (the previous version is intact)', err);
    }
  },

  createExclusive(path: string, text: string): boolean {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o666);
    } catch (err) {
      if (codeOf(err) === 'EEXIST') return false;
      throw fsError(path, 'cannot be created', err);
    }
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    return true;
  },

  remove(path: string): void {
    try {
      unlinkSync(path);
    } catch (err) {
      if (codeOf(err) !== 'ENOENT') throw fsError(path, 'cannot be removed', err);
    }
  },
} satisfies SidecarFs;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

export const nodeProcess: SidecarProcess = {
  pid: process.pid,
  host: hostname(),
  now: () => Date.now(),
  // The CLI is synchronous: block this thread (it has nothing else to do while it waits).
  sleep: (ms: number) => void Atomics.wait(sleeper, 0, 0, ms),
  isAlive(pid: number): boolean | undefined {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      const code = codeOf(err);
      return code === 'ESRCH' ? false : code === 'EPERM' ? true : undefined;
    }
  },
  random: () => Math.random(),
};

/** The file a path finally names, following symlinks (also a dangling one, which is then created). */
function resolveLinks(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(current);
    } catch {
      return current;
    }
    if (!st.isSymbolicLink()) return current;
    try {
      return realpathSync(current);
    } catch {
      current = resolve(dirname(current), readlinkSync(current));
    }
  }
  throw new SidecarFsError(`${path}: too many levels of symbolic links`, 'ELOOP');
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return undefined;
    throw fsError(path, 'cannot be read', err);
  }
}

function assertRegular(path: string, st: Stats): void {
  if (!st.isFile()) throw new SidecarFsError(`${path} is not a regular file (a directory, device or pipe); it is left alone`, 'NOTFILE');
}

/** No write bit for anyone: the reviewer (or a tool) marked it read-only on purpose. Root ignores modes, so check the bits. */
function isReadOnly(st: Stats): boolean {
  return (st.mode & 0o222) === 0;
}

function versionOf(st: Stats, size: number): string {
  return `${st.dev}:${st.ino}:${size}:${st.mtimeMs}`;
}

function codeOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

function fsError(path: string, what: string, err: unknown): SidecarFsError {
  const code = codeOf(err) ?? 'EIO';
  const reason = code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'EROFS' ? 'the file system is read-only'
        : err instanceof Error ? err.message : String(err);
  return new SidecarFsError(`${path} ${what}: ${reason}`, code);
}

let tempCount = 0;

/**
 * A name for a temporary file no other writer uses: this process's id, a count and a random part.
 * Not from node:crypto, which would cost every start of the CLI its loading; the file is created
 * exclusively ('wx'), so a name that is guessed or taken fails the write rather than another file.
 */
function tempSuffix(): string {
  return `${process.pid.toString(36)}-${(tempCount++).toString(36)}-${Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0')}`;
}
