// The reviewer's claims on one open article: the sidecar as last read or written (the merge base),
// changes not yet on disk, and where each claim is in the editor's current text. Writes and
// reloads run one at a time; a sidecar that does not parse is never written.
import * as vscode from 'vscode';
import {
  createAnchorer,
  fileNameOf,
  fnv1a64,
  idGenerator,
  merge,
  mergeSidecarTexts,
  parseSidecar,
  shiftForEdits,
  sidecarPathFor,
  updateSidecar,
  type AnchorKind,
  type AnchorResult,
  type Annotation,
  type AnnotationTarget,
  type SidecarStore,
  type TextChange,
} from '../../core/annotations';
import { refreshedTargets } from '../../core/annotations/refresh';
import { readTextIfExists, writeTextAtomic } from './sidecarIo';

export interface PlacedClaim {
  readonly annotation: Annotation;
  /** How the claim was last found; 'orphan' when its text is gone. */
  readonly kind: AnchorKind;
  /** Offsets in the document's current text (meaningless for orphans). */
  readonly start: number;
  readonly end: number;
  readonly reason?: string;
}

/** What the owner is told about: problems to show once, conflicts kept, changes to repaint. */
export interface ArticleClaimsHost {
  changed(claims: ArticleClaims): void;
  reportError(claims: ArticleClaims, message: string): void;
  reportWarning(claims: ArticleClaims, message: string): void;
}

interface Pending {
  upsert: Map<string, Annotation>;
  remove: Set<string>;
}

export class ArticleClaims {
  readonly sidecarUri: vscode.Uri;
  private store: SidecarStore;
  /** The sidecar text as last read or written by us: the base of a three-way merge. */
  private baseText = '';
  private pending: Pending = { upsert: new Map(), remove: new Set() };
  private placed: PlacedClaim[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** Sidecar texts whose problems were already shown, so each is reported once. */
  private readonly reported = new Set<string>();
  private disposed = false;

  constructor(readonly document: vscode.TextDocument, private readonly host: ArticleClaimsHost) {
    this.sidecarUri = document.uri.with({ path: sidecarPathFor(document.uri.path) });
    this.store = parseSidecar('', { articlePath: document.uri.path });
  }

  get sidecarName(): string {
    return fileNameOf(this.sidecarUri.path);
  }

  /** Every claim, in file order, with its live placement. */
  get claims(): readonly PlacedClaim[] {
    return this.placed;
  }

  /** Why tagging is refused in this article (unreadable or read-only sidecar), or undefined. */
  get refusal(): string | undefined {
    if (this.store.error) return `${this.sidecarName}: ${this.store.error.message}. Fix the file; it is not written until it reads correctly.`;
    if (!this.store.writable) return `${this.sidecarName}: ${this.store.warnings[0] ?? 'the annotations file is read-only'}`;
    return undefined;
  }

  /** True while changes are only in memory (a write failed, was refused, or is under way). */
  get hasUnsavedChanges(): boolean {
    return this.pending.upsert.size > 0 || this.pending.remove.size > 0;
  }

  /** Resolves when every queued write or reload has finished. */
  whenIdle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Reads the sidecar and anchors its claims on the document's text. Writes nothing. */
  load(): Promise<void> {
    return this.enqueue(async () => {
      const text = await this.readDisk();
      if (text === undefined) return;
      this.adopt(text);
    });
  }

  /** The sidecar changed on disk: reload, or merge when we hold changes not yet written. */
  reload(): Promise<void> {
    return this.enqueue(async () => {
      const text = await this.readDisk();
      if (text === undefined || text === this.baseText) return;
      if (this.hasUnsavedChanges) await this.write();
      else this.adopt(text);
    });
  }

  /**
   * Adds or replaces a claim and writes the sidecar. Rejects with the refusal when not writable.
   * `basedOn` is the version the reviewer started editing from: if the claim changed meanwhile (an
   * external edit reloaded while a dialog was open), both versions are kept rather than one lost.
   */
  upsert(annotation: Annotation, basedOn?: Annotation): Promise<void> {
    const refusal = this.refusal;
    if (refusal) return Promise.reject(new Error(refusal));
    const current = this.placed.find((c) => c.annotation.id === annotation.id)?.annotation;
    let results = [annotation];
    if (basedOn && current && !sameReview(current, basedOn)) {
      const merged = merge([basedOn], [annotation], [current], idGenerator());
      results = merged.annotations;
      if (merged.conflicts.length > 0) {
        this.host.reportWarning(this, `This claim was changed elsewhere while you edited it: both versions are kept and marked as conflicts. ${merged.conflicts.map((c) => c.message).join(' ')}`);
      }
    } else if (basedOn && !current) {
      // Removed elsewhere meanwhile: the reviewer's edit brings it back rather than being lost.
      results = [annotation];
    }
    for (const a of results) {
      this.pending.remove.delete(a.id);
      this.pending.upsert.set(a.id, a);
    }
    this.rebuild(this.store.annotations);
    return this.enqueue(() => this.write());
  }

  remove(id: string): Promise<void> {
    const refusal = this.refusal;
    if (refusal) return Promise.reject(new Error(refusal));
    this.pending.upsert.delete(id);
    this.pending.remove.add(id);
    this.rebuild(this.store.annotations);
    return this.enqueue(() => this.write());
  }

  /**
   * Follows an edit of the article by arithmetic; claims whose own text was touched are re-anchored.
   * Pure moves are not announced: the editor shifts decorations itself and the next analysis
   * repaints, so typing costs no extra pass. Only a claim re-anchored or orphaned is announced.
   */
  applyEdits(changes: readonly TextChange[]): void {
    if (changes.length === 0 || this.placed.length === 0) return;
    const live = this.placed.filter((c) => c.kind !== 'orphan');
    const shifted = shiftForEdits(live.map((c) => ({ claim: c, target: withPosition(c.annotation.target, c.start, c.end) })), changes);
    const next = new Map<PlacedClaim, PlacedClaim>();
    let place: ReturnType<typeof createAnchorer> | undefined;
    let reanchored = false;
    for (const { annotation: moved, needsReanchor } of shifted) {
      const { claim, target } = moved;
      if (!needsReanchor) {
        next.set(claim, { ...claim, start: target.position.start, end: target.position.end });
        continue;
      }
      place ??= createAnchorer(this.document.getText());
      reanchored = true;
      next.set(claim, placeWith(claim.annotation, place({ target: withPosition(claim.annotation.target, target.position.start, target.position.end) })));
    }
    this.placed = this.placed.map((c) => next.get(c) ?? c);
    if (reanchored) this.host.changed(this);
  }

  dispose(): void {
    this.disposed = true;
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.disposed ? undefined : job()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readDisk(): Promise<string | undefined> {
    try {
      return (await readTextIfExists(this.sidecarUri)) ?? '';
    } catch (err) {
      this.host.reportError(this, `${this.sidecarName} cannot be read: ${messageOf(err)}`);
      return undefined;
    }
  }

  /** Takes `text` (just read from disk) as the new base and shows its problems once. */
  private adopt(text: string): void {
    this.baseText = text;
    this.store = parseSidecar(text, { articlePath: this.document.uri.path });
    this.rebuild(this.store.annotations);
    this.reportProblems(text);
  }

  private reportProblems(text: string): void {
    if (this.reported.has(text)) return;
    this.reported.add(text);
    const refusal = this.refusal;
    if (this.store.error && refusal) this.host.reportError(this, refusal);
    for (const warning of this.store.warnings) this.host.reportWarning(this, `${this.sidecarName}: ${warning}`);
    const problems = this.store.entryProblems;
    if (problems.length > 0) {
      const shown = problems.slice(0, 3).map((p) => p.message).join('; ');
      this.host.reportWarning(this, `${this.sidecarName}: ${problems.length} entr${problems.length === 1 ? 'y was' : 'ies were'} skipped (the others loaded): ${shown}${problems.length > 3 ? '; …' : ''}`);
    }
  }

  /** The annotations to show: `stored` with the changes not yet written applied. */
  private rebuild(stored: readonly Annotation[]): void {
    const list = stored.filter((a) => !this.pending.remove.has(a.id)).map((a) => this.pending.upsert.get(a.id) ?? a);
    for (const a of this.pending.upsert.values()) if (!stored.some((s) => s.id === a.id)) list.push(a);
    const previous = new Map(this.placed.map((c) => [c.annotation.id, c]));
    // One anchorer for all: claims searched for in the whole text share one index of it.
    const place = createAnchorer(this.document.getText());
    this.placed = list.map((a) => {
      const before = previous.get(a.id);
      // Same target as before: the live position (kept in step with edits) beats a new search.
      if (before && sameTarget(before.annotation.target, a.target)) return { ...before, annotation: a };
      return placeWith(a, place(a));
    });
    this.host.changed(this);
  }

  /** Writes the pending changes and refreshed positions; merges first if the file changed meanwhile. */
  private async write(): Promise<void> {
    const disk = await this.readDisk();
    if (disk === undefined) return;
    let onto = this.store;
    let upsert = new Map(this.pending.upsert);
    let remove = new Set(this.pending.remove);
    let mustWrite = false;
    if (disk !== this.baseText) {
      const theirs = parseSidecar(disk, { articlePath: this.document.uri.path });
      if (theirs.error) {
        // Someone broke the file meanwhile: keep our changes in memory, never overwrite theirs.
        this.store = theirs;
        this.baseText = disk;
        this.reportProblems(disk);
        return;
      }
      if (this.hasUnsavedChanges) {
        const mine = updateSidecar(this.store, { upsert: [...upsert.values()], remove: [...remove] });
        if (!mine.ok) return this.host.reportError(this, mine.error);
        const merged = mergeSidecarTexts(this.baseText, mine.text ?? this.baseText, disk, idGenerator(), this.document.uri.path);
        if (!merged.ok) return this.host.reportError(this, merged.error);
        if (merged.conflicts.length > 0) {
          this.host.reportWarning(this, `${this.sidecarName} was changed elsewhere while you were tagging. ${merged.conflicts.length} claim${merged.conflicts.length === 1 ? ' was' : 's were'} changed on both sides: both versions are kept and marked as conflicts. ${merged.conflicts.map((c) => c.message).join(' ')}`);
        }
        onto = parseSidecar(merged.text ?? disk, { articlePath: this.document.uri.path });
        mustWrite = merged.text !== null;
        upsert = new Map();
        remove = new Set();
      } else {
        onto = theirs;
      }
    }
    if (!onto.writable) {
      this.store = onto;
      return this.host.reportError(this, this.refusal ?? 'the annotations file is read-only');
    }
    // Positions and context are brought up to date with the current text on this write only.
    const text = this.document.getText();
    const final = onto.annotations.filter((a) => !remove.has(a.id)).map((a) => upsert.get(a.id) ?? a);
    for (const a of upsert.values()) if (!onto.annotations.some((s) => s.id === a.id)) final.push(a);
    const live = new Map(this.placed.map((c) => [c.annotation.id, c]));
    const place = createAnchorer(text);
    const placements: AnchorResult[] = final.map((a) => {
      const c = live.get(a.id);
      if (c && sameTarget(c.annotation.target, a.target)) return c.kind === 'orphan' ? { kind: 'orphan', reason: c.reason ?? '' } : { kind: c.kind, start: c.start, end: c.end, score: 1, errors: 0 };
      return place(a);
    });
    for (const a of refreshedTargets(text, final, placements)) upsert.set(a.id, a);
    const update = updateSidecar(onto, { upsert: [...upsert.values()], remove: [...remove], textHash: fnv1a64(text) });
    if (!update.ok) return this.host.reportError(this, update.error);
    const out = update.text ?? (mustWrite ? (onto.hadBom ? '\uFEFF' : '') + onto.source : null);
    if (out !== null) {
      try {
        await writeTextAtomic(this.sidecarUri, out);
      } catch (err) {
        return this.host.reportError(this, `${this.sidecarName} could not be written (your changes are kept in memory): ${messageOf(err)}`);
      }
    }
    const written = out ?? disk;
    this.pending = { upsert: new Map(), remove: new Set() };
    // The refreshed targets equal the live placements, so rebuild keeps them without a new search.
    const refreshedLive = new Map(final.map((a) => [a.id, upsert.get(a.id) ?? a]));
    this.placed = this.placed.map((c) => {
      const a = refreshedLive.get(c.annotation.id);
      return a ? { ...c, annotation: a } : c;
    });
    this.adopt(written);
  }
}

function withPosition(target: AnnotationTarget, start: number, end: number): AnnotationTarget {
  return { selector: target.selector, position: { start, end } };
}

function placeWith(annotation: Annotation, result: AnchorResult): PlacedClaim {
  return result.kind === 'orphan'
    ? { annotation, kind: 'orphan', start: 0, end: 0, reason: result.reason }
    : { annotation, kind: result.kind, start: result.start, end: result.end };
}

function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return a.selector.exact === b.selector.exact && a.selector.prefix === b.selector.prefix && a.selector.suffix === b.selector.suffix &&
    a.position.start === b.position.start && a.position.end === b.position.end;
}

/** Same review and same quoted text (positions may differ: they follow edits). */
function sameReview(a: Annotation, b: Annotation): boolean {
  const strip = (x: Annotation) => JSON.stringify({ ...x, target: x.target.selector });
  return strip(a) === strip(b);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
