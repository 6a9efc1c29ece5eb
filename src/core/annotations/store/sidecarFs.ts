// The file system the sidecar store runs on, kept small so each front can supply its own: Node fs
// for the CLI, vscode.workspace.fs for the editor (remote and virtual workspaces too), and an
// in-memory one with fault injection for tests. Methods may answer synchronously or with a
// promise: the store's steps run under a synchronous driver (the CLI) or an asynchronous one.

export type Awaitable<T> = T | Promise<T>;

/** A file's text and a token that changes whenever its content does (e.g. size + mtime + hash). */
export interface FileSnapshot {
  readonly text: string;
  readonly version: string;
}

export interface FileStat {
  readonly version: string;
  /** True when the file's permissions forbid writing (e.g. mode 0444): it is refused, never replaced. */
  readonly readOnly: boolean;
}

/** Error codes the store tells apart; an implementation sets `code` on what it throws. */
export type SidecarFsErrorCode = 'ENOENT' | 'EACCES' | 'EROFS' | 'ENOSPC' | 'EEXIST' | 'EIO' | 'READONLY' | 'NOTFILE';

export class SidecarFsError extends Error {
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- names the codes the store tells apart; an implementation may pass any other through
  constructor(message: string, readonly code: SidecarFsErrorCode | string) {
    super(message);
    this.name = 'SidecarFsError';
  }
}

export interface SidecarFs {
  /** The file's text and version, or undefined when it does not exist. */
  read(path: string): Awaitable<FileSnapshot | undefined>;
  /** Version and permissions without reading the text, or undefined when absent. */
  stat(path: string): Awaitable<FileStat | undefined>;
  /**
   * Replaces the file's content so a crash leaves either the old or the new text (temp file +
   * rename), keeping its mode, writing through a symlink to its target, and refusing a read-only
   * file with a SidecarFsError of code READONLY instead of replacing it.
   */
  writeAtomic(path: string, text: string): Awaitable<void>;
  /** Creates `path` holding `text` only if it does not exist yet: true when created. The lock primitive. */
  createExclusive(path: string, text: string): Awaitable<boolean>;
  /** Removes `path`; absent is not an error. */
  remove(path: string): Awaitable<void>;
}

/** Who is running the store: used to write and judge lock files. */
export interface SidecarProcess {
  readonly pid: number;
  readonly host: string;
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Awaitable<void>;
  /** Whether process `pid` on this host still runs; undefined when that cannot be told. */
  isAlive(pid: number): boolean | undefined;
  /** In [0, 1): lock nonces and back-off jitter. */
  random(): number;
}
