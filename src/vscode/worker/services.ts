// The service side of the editor's worker: the sidecar store (YAML parse, three-way merge, lock,
// atomic write) and the anchoring of many claims at once, away from the extension host. Files are
// reached through the host (FsCall), which owns vscode.workspace.fs; everything else runs here.
import { hostname } from 'node:os';
import { createAnchorer, type AnchorResult } from '../../core/annotations/anchor';
import { recordEntityCorrection } from '../../core/annotations/corrections';
import type { ParsedSidecar } from '../../core/annotations/parse';
import { refreshedTargets } from '../../core/annotations/refresh';
import { SidecarStore, type SidecarSnapshot, type UpdateOutcome } from '../../core/annotations/store/sidecarStore';
import { SidecarFsError, type FileSnapshot, type FileStat, type SidecarFs, type SidecarProcess } from '../../core/annotations/store/sidecarFs';
import { fnv1a64 } from '../../core/annotations/hash';
import type { AnnotationTarget } from '../../core/annotations/types';
import { CorpusService, type CorpusMethods } from './corpusService';
import type { FsOp, HostToService, ServiceCall, ServiceMethods, ServiceToHost, SidecarSnapshotView, SidecarUpdateArgs, SidecarUpdateView, SidecarView } from './protocol';

/** Claims placed between two looks at the message queue (so a cancel gets through). */
const ANCHOR_CHUNK = 16;

export class ServiceHost {
  private nextFsId = 1;
  private readonly fsWaiting = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  private readonly cancelled = new Set<number>();
  private readonly store: SidecarStore;
  /** The workspace index, made on its first use. */
  private corpus: CorpusService | undefined;

  constructor(private readonly post: (message: ServiceToHost) => void) {
    this.store = new SidecarStore(this.hostFs(), workerProcess);
  }

  handle(message: HostToService): void {
    if (message.kind === 'cancel') this.cancelled.add(message.id);
    else if (message.kind === 'fsReply') this.settleFs(message.id, message.value, message.error);
    else void this.run(message);
  }

  private async run(call: ServiceCall): Promise<void> {
    try {
      const value = await this.dispatch(call);
      this.post({ kind: 'result', id: call.id, value });
    } catch (err) {
      const cancelled = err instanceof Cancelled;
      this.post({ kind: 'error', id: call.id, message: err instanceof Error ? (err.stack ?? err.message) : String(err), ...(cancelled ? { cancelled } : {}) });
    } finally {
      this.cancelled.delete(call.id);
    }
  }

  private dispatch(call: ServiceCall): Promise<unknown> {
    switch (call.method) {
      case 'sidecar.read': {
        const { path, articlePath } = call.args as ServiceMethods['sidecar.read'][0];
        return this.store.read(path, articlePath).then(snapshotView);
      }
      case 'sidecar.update':
        return this.update(call.args as SidecarUpdateArgs);
      case 'sidecar.correct':
        return this.correct(call.args as ServiceMethods['sidecar.correct'][0]);
      case 'claims.anchor': {
        const { text, targets } = call.args as ServiceMethods['claims.anchor'][0];
        return this.anchor(call.id, text, targets);
      }
      default:
        if (call.method.startsWith('corpus.')) {
          this.corpus ??= new CorpusService();
          return Promise.resolve(this.corpus.handle(call.method as keyof CorpusMethods, call.args));
        }
        return Promise.reject(new Error(`unknown service call ${String(call.method)}`));
    }
  }

  private async anchor(id: number, text: string, targets: AnnotationTarget[]): Promise<AnchorResult[]> {
    const place = createAnchorer(text);
    const out: AnchorResult[] = [];
    for (let i = 0; i < targets.length; i++) {
      if (i > 0 && i % ANCHOR_CHUNK === 0) {
        this.post({ kind: 'progress', id, done: i, total: targets.length });
        await new Promise((resolve) => setImmediate(resolve));
        if (this.cancelled.has(id)) throw new Cancelled();
      }
      out.push(place({ target: targets[i]! }));
    }
    return out;
  }

  private async update(args: SidecarUpdateArgs): Promise<SidecarUpdateView> {
    const live = new Map(args.live.map((p) => [p.id, p]));
    const text = args.articleText;
    const outcome: UpdateOutcome = await this.store.update(args.path, {
      articlePath: args.articlePath,
      base: args.base,
      edit: () => (args.upsert.length === 0 && args.remove.length === 0 ? null : { upsert: args.upsert, remove: args.remove }),
      finish: (result) => {
        let place: ReturnType<typeof createAnchorer> | undefined;
        const placements = result.annotations.map((a) => {
          const known = live.get(a.id);
          if (known && sameTarget(known.target, a.target)) return known.result;
          place ??= createAnchorer(text);
          return place(a);
        });
        return { upsert: refreshedTargets(text, result.annotations, placements), textHash: fnv1a64(text) };
      },
    });
    return updateView(outcome);
  }

  private async correct({ path, articlePath, correction }: ServiceMethods['sidecar.correct'][0]): Promise<SidecarUpdateView> {
    const outcome = await this.store.update(path, {
      articlePath,
      edit: (current) => ({ corrections: recordEntityCorrection(current.corrections, correction) }),
    });
    return updateView(outcome);
  }

  /** The sidecar files, reached through the host's vscode.workspace.fs. */
  private hostFs(): SidecarFs {
    const ask = <T>(op: FsOp, ...args: string[]) =>
      new Promise<T>((resolve, reject) => {
        const id = this.nextFsId++;
        this.fsWaiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        this.post({ kind: 'fs', id, op, args });
      });
    return {
      read: (path) => ask<FileSnapshot | undefined>('read', path),
      stat: (path) => ask<FileStat | undefined>('stat', path),
      writeAtomic: (path, text) => ask<void>('writeAtomic', path, text),
      createExclusive: (path, text) => ask<boolean>('createExclusive', path, text),
      remove: (path) => ask<void>('remove', path),
    };
  }

  private settleFs(id: number, value: unknown, error: { message: string; code: string } | undefined): void {
    const waiting = this.fsWaiting.get(id);
    this.fsWaiting.delete(id);
    if (!waiting) return;
    if (error) waiting.reject(new SidecarFsError(error.message, error.code));
    else waiting.resolve(value === null ? undefined : value);
  }
}

class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** The worker runs inside the extension host's process: its pid is the one the lock records. */
const workerProcess: SidecarProcess = {
  pid: process.pid,
  host: hostname(),
  now: () => Date.now(),
  sleep: (ms: number) => new Promise((done) => setTimeout(done, ms)),
  isAlive(pid: number): boolean | undefined {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return code === 'ESRCH' ? false : code === 'EPERM' ? true : undefined;
    }
  },
  random: () => Math.random(),
};

function viewOf(parsed: ParsedSidecar): SidecarView {
  return {
    writable: parsed.writable,
    error: parsed.error,
    warnings: parsed.warnings,
    entryProblems: parsed.entryProblems,
    annotations: parsed.annotations,
    corrections: parsed.corrections,
    correctionProblems: parsed.correctionProblems,
  };
}

function updateView(outcome: UpdateOutcome): SidecarUpdateView {
  if (!outcome.ok) return { ok: false, kind: outcome.kind, message: outcome.message, snapshot: outcome.snapshot && snapshotView(outcome.snapshot) };
  return { ok: true, written: outcome.written, snapshot: snapshotView(outcome.snapshot), conflicts: outcome.conflicts };
}

function snapshotView(snapshot: SidecarSnapshot): SidecarSnapshotView {
  return { exists: snapshot.exists, text: snapshot.text, parsed: viewOf(snapshot.parsed) };
}

function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return a.selector.exact === b.selector.exact && a.selector.prefix === b.selector.prefix && a.selector.suffix === b.selector.suffix &&
    a.position.start === b.position.start && a.position.end === b.position.end;
}
