// The CLI's entry to the sidecar store: the core SidecarStore over Node fs. Reading, locking,
// merging and the atomic write all live in the core and in nodeSidecarFs; this file only turns
// their outcomes into CLI errors with exit codes.
import { SidecarStore, sidecarPathFor, type ParsedSidecar, type SidecarSnapshot, type UpdateOutcome, type UpdateRequest } from '../core/annotations';
import { nodeProcess, nodeSidecarFs } from './nodeSidecarFs';
import { CliError, EXIT } from './readArticle';

export interface SidecarFile {
  /** Where the sidecar lives (it may not exist yet). */
  path: string;
  /** False when there is no sidecar file yet. */
  exists: boolean;
  parsed: ParsedSidecar;
}

export function cliSidecarStore(): SidecarStore {
  return new SidecarStore(nodeSidecarFs, nodeProcess);
}

/** Reads and parses the sidecar of `articlePath`; an absent file is an empty, writable sidecar. */
export function readSidecarFile(articlePath: string): SidecarFile {
  const path = sidecarPathFor(articlePath);
  let snapshot: SidecarSnapshot;
  try {
    snapshot = cliSidecarStore().readSync(path, articlePath);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), EXIT.input);
  }
  return { path, exists: snapshot.exists, parsed: snapshot.parsed };
}

/** Applies `request` to the sidecar of `articlePath` under its lock; failures become CliErrors. */
export function updateSidecarFile(articlePath: string, request: Omit<UpdateRequest, 'articlePath'>): Extract<UpdateOutcome, { ok: true }> & { path: string } {
  const path = sidecarPathFor(articlePath);
  const outcome = cliSidecarStore().updateSync(path, { ...request, articlePath });
  if (!outcome.ok) {
    const message = outcome.message.startsWith(path) ? outcome.message : `${path}: ${outcome.message}`;
    throw new CliError(message, EXIT.input);
  }
  return { ...outcome, path };
}

/** Replaces `path` with `text` atomically (export --out), with the same care as sidecar writes. */
export function writeFileAtomic(path: string, text: string): void {
  try {
    nodeSidecarFs.writeAtomic(path, text);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), EXIT.input);
  }
}
