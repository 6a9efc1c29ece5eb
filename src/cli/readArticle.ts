// Reads an article for the CLI with the same rules as the editor (src/core/text/decodeArticle.ts):
// UTF-8 or UTF-16 with a BOM, the BOM removed (VS Code drops it too, so offsets agree between the
// two fronts), binary refused. Only regular files are read: a FIFO would block forever and a device
// such as /dev/zero never ends, so both are refused before a byte is read, and every read is bounded
// by the bytes actually read, never by what stat says the size is.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { decodeArticle } from '../core/text/decodeArticle';

/** Files above this size are refused rather than analysed slowly into a huge report. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

export const EXIT = { ok: 0, findings: 1, usage: 2, input: 3, install: 4 } as const;

/** First read buffer when stat reports no size (/proc files, files being written). */
const FIRST_CHUNK = 64 * 1024;
/** Opening a FIFO for reading waits for a writer unless O_NONBLOCK is given (POSIX only). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function readArticle(file: string, maxBytes = MAX_ARTICLE_BYTES): string {
  const decoded = decodeArticle(readArticleBytes(file, maxBytes));
  if (!decoded.ok) throw new CliError(`${file}: ${decoded.reason}`, EXIT.input);
  return decoded.text;
}

/** The bytes of a regular file, at most `maxBytes` of them; anything else is a CliError (exit 3). */
export function readArticleBytes(file: string, maxBytes = MAX_ARTICLE_BYTES): Uint8Array {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (err) {
    throw new CliError(`${file}: ${describeFsError(err)}`, EXIT.input);
  }
  // Checked before opening: opening a device can have effects of its own, and a FIFO would wait.
  refuseUnlessRegular(file, stat);
  if (stat.size > maxBytes) throw tooLarge(file, maxBytes, stat.size);
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (err) {
    throw new CliError(`${file}: ${describeFsError(err)}`, EXIT.input);
  }
  try {
    // The path may name something else by now (renamed over, or a symlink changed): check what was opened.
    refuseUnlessRegular(file, fstatSync(fd));
    return readBounded(fd, file, stat.size, maxBytes);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: ${describeFsError(err)}`, EXIT.input);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads until end of file or until more than `maxBytes` were read. stat's size only sizes the first
 * buffer: /proc files report 0, and a file can grow while it is read.
 */
function readBounded(fd: number, file: string, sizeHint: number, maxBytes: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(sizeHint + 1, FIRST_CHUNK)));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) throw tooLarge(file, maxBytes);
      const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return buffer.subarray(0, length);
    length += n;
  }
}

function refuseUnlessRegular(file: string, stat: Stats): void {
  if (stat.isFile()) return;
  throw new CliError(`${file}: ${kindOf(stat)}, not an article file`, EXIT.input);
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'is a directory';
  if (stat.isFIFO()) return 'is a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'is a character device';
  if (stat.isBlockDevice()) return 'is a block device';
  if (stat.isSocket()) return 'is a socket';
  return 'is not a regular file';
}

function tooLarge(file: string, maxBytes: number, size?: number): CliError {
  const limit = maxBytes >= 1048576 ? `${maxBytes / 1048576} MB limit` : `${maxBytes}-byte limit`;
  return new CliError(size === undefined ? `${file}: is larger than the ${limit}` : `${file}: ${(size / 1048576).toFixed(1)} MB is larger than the ${limit}`, EXIT.input);
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory, not an article file';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    default: return err instanceof Error ? err.message : String(err);
  }
}
