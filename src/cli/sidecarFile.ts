// The sidecar store for the terminal: reads an article's `.annotations.yaml` with Node fs and
// writes it atomically (a temp file in the same folder, then rename), so a crash or a full disk
// mid-write leaves the previous file intact. Parsing and refusal rules come from the core.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseSidecar, sidecarPathFor, type SidecarStore } from '../core/annotations';
import { CliError, EXIT } from './readArticle';

export interface SidecarFile {
  /** Where the sidecar lives (it may not exist yet). */
  path: string;
  /** False when there is no sidecar file yet. */
  exists: boolean;
  store: SidecarStore;
}

/** Reads and parses the sidecar of `articlePath`; an absent file is an empty, writable store. */
export function readSidecarFile(articlePath: string): SidecarFile {
  const path = sidecarPathFor(articlePath);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { path, exists: false, store: parseSidecar('', { articlePath }) };
    throw new CliError(`${path}: ${err instanceof Error ? err.message : String(err)}`, EXIT.input);
  }
  return { path, exists: true, store: parseSidecar(text, { articlePath }) };
}

/** Throws a CliError naming the file and the line:column when the sidecar must not be written. */
export function assertWritable(file: SidecarFile): void {
  const { store } = file;
  if (store.error) {
    throw new CliError(`${file.path}: ${store.error.message}. Fix the file by hand; it is left untouched.`, EXIT.input);
  }
  if (!store.writable) throw new CliError(`${file.path}: ${store.warnings[0] ?? 'the annotations file is read-only'}`, EXIT.input);
}

/** Replaces `path` with `text` atomically: write a sibling temp file, then rename it over the target. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    renameSync(temp, path);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // the temp file was never created, or is already gone
    }
    throw new CliError(`${path}: could not write: ${err instanceof Error ? err.message : String(err)}`, EXIT.input);
  }
}
