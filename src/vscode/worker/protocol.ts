// The messages of the editor's service worker (dist/serviceWorker.js, from serviceEntry.ts):
// calls from the extension host, each answered once, with progress on the way; and the worker's own
// calls back to the host for file access (the sidecar files live behind vscode.workspace.fs, which
// only the host can reach). New message kinds only: plain analysis keeps its own {id, text} shape.
import type { AnchorResult } from '../../core/annotations/anchor';
import type { CorrectionProblem, EntryProblem, SidecarError } from '../../core/annotations/parse';
import type { MergeConflict } from '../../core/annotations/merge';
import type { Annotation, AnnotationTarget, Corrections, EntityCorrection } from '../../core/annotations/types';
import type { CorpusMethods } from './corpusService';

/** What the host knows of a parsed sidecar: the parse without its YAML document. */
export interface SidecarView {
  readonly writable: boolean;
  readonly error: SidecarError | null;
  readonly warnings: string[];
  readonly entryProblems: EntryProblem[];
  readonly annotations: Annotation[];
  /** The reviewer's corrections (schema version 2); entries that failed the schema are in correctionProblems. */
  readonly corrections: Corrections;
  readonly correctionProblems: CorrectionProblem[];
}

export interface SidecarSnapshotView {
  readonly exists: boolean;
  readonly text: string;
  readonly parsed: SidecarView;
}

/** A claim's live place in the editor's text, so a write stores it without searching again. */
export interface LivePlacement {
  readonly id: string;
  readonly target: AnnotationTarget;
  readonly result: AnchorResult;
}

export interface SidecarUpdateArgs {
  /** The sidecar's uri string. */
  path: string;
  articlePath: string;
  /** The sidecar text the changes were made against (the three-way merge base). */
  base: string;
  upsert: Annotation[];
  remove: string[];
  /** The article text as the editor has it now: stored positions and context are refreshed on it. */
  articleText: string;
  live: LivePlacement[];
}

export type SidecarUpdateView =
  | { ok: true; written: boolean; snapshot: SidecarSnapshotView; conflicts: MergeConflict[] }
  | { ok: false; kind: 'unreadable' | 'read-only' | 'locked' | 'io'; message: string; snapshot: SidecarSnapshotView | null };

/** Service calls: method name -> [arguments, result]. */
export interface ServiceMethods extends CorpusMethods {
  'sidecar.read': [{ path: string; articlePath: string }, SidecarSnapshotView];
  'sidecar.update': [SidecarUpdateArgs, SidecarUpdateView];
  /** Records one entity correction in the sidecar as it is now (under the store's lock). */
  'sidecar.correct': [{ path: string; articlePath: string; correction: EntityCorrection }, SidecarUpdateView];
  /** Finds each target in `text` (one shared index); reports progress as claims are placed. */
  'claims.anchor': [{ text: string; targets: AnnotationTarget[] }, AnchorResult[]];
}

export type ServiceMethod = keyof ServiceMethods;

// host -> worker
export interface ServiceCall<M extends ServiceMethod = ServiceMethod> {
  kind: 'call';
  id: number;
  method: M;
  args: ServiceMethods[M][0];
}
export interface ServiceCancel {
  kind: 'cancel';
  id: number;
}
export interface FsReply {
  kind: 'fsReply';
  id: number;
  value?: unknown;
  error?: { message: string; code: string };
}
export type HostToService = ServiceCall | ServiceCancel | FsReply;

// worker -> host
export type FsOp = 'read' | 'stat' | 'writeAtomic' | 'createExclusive' | 'remove';
export interface FsCall {
  kind: 'fs';
  id: number;
  op: FsOp;
  args: string[];
}
export type ServiceToHost =
  | FsCall
  | { kind: 'progress'; id: number; done: number; total: number }
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; message: string; cancelled?: boolean };

export function isServiceMessage(message: unknown): message is HostToService {
  const kind = (message as { kind?: unknown } | null)?.kind;
  return kind === 'call' || kind === 'cancel' || kind === 'fsReply';
}
