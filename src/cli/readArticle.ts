// Reads an article for the CLI with the same rules as the editor: UTF-8, BOM removed (VS Code
// drops it too, so offsets agree between the two fronts), binary and oversized files refused.
import { readFileSync, statSync } from 'node:fs';

/** Files above this size are refused rather than analysed slowly into a huge report. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

export const EXIT = { ok: 0, findings: 1, usage: 2, input: 3, install: 4 } as const;

export function readArticle(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new CliError(`${file}: is a directory, not an article`, EXIT.input);
    size = stat.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: ${describeFsError(err)}`, EXIT.input);
  }
  if (size > MAX_ARTICLE_BYTES) {
    throw new CliError(`${file}: ${(size / 1048576).toFixed(1)} MB is larger than the ${MAX_ARTICLE_BYTES / 1048576} MB limit`, EXIT.input);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new CliError(`${file}: ${describeFsError(err)}`, EXIT.input);
  }
  if (looksBinary(bytes)) throw new CliError(`${file}: looks like a binary file, not a text article`, EXIT.input);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** NUL bytes, or many bytes that are not valid UTF-8, in the first 8 KB. */
function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  const decoded = head.toString('utf8');
  let replacements = 0;
  for (let i = 0; i < decoded.length; i++) if (decoded.charCodeAt(i) === 0xfffd) replacements++;
  return replacements > 8 && replacements > decoded.length / 50;
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory, not an article';
    default: return err instanceof Error ? err.message : String(err);
  }
}
