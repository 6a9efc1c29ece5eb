// The reviewer's claims on one open article: the sidecar as last read or written (the merge base),
// changes not yet on disk, and where each claim is in the editor's current text. Reading, locking,
// merging with changes made elsewhere and writing are the shared SidecarStore's, run on the service
// worker; so is placing the claims of a sidecar just read. Claims touched by an edit are placed here
// at once (a handful, near the edit). Writes and reloads run one at a time; a sidecar that does not
// parse is never written.
import * as vscode from 'vscode';
import { createAnchorer, type AnchorKind, type AnchorResult } from '../../core/annotations/anchor';
import { idGenerator } from '../../core/annotations/ids';
import { merge } from '../../core/annotations/merge';
import { fileNameOf, sidecarPathFor } from '../../core/annotations/paths';
import { shiftForEdits, type TextChange } from '../../core/annotations/shift';
import { EMPTY_CORRECTIONS } from '../../core/annotations/corrections';
import type { Annotation, AnnotationTarget, Corrections } from '../../core/annotations/types';
import { ServiceCancelled } from '../serviceWorker';
import type { LivePlacement, SidecarSnapshotView, SidecarUpdateArgs, SidecarUpdateView, SidecarView } from '../worker/protocol';

/**
 * The sidecar store and the bulk anchoring, which run on the service worker: reading and parsing
 * the YAML, the locked three-way merge and write, and placing many claims on an article at once.
 */
export interface ClaimServices {
  read(path: string, articlePath: string): Promise<SidecarSnapshotView>;
  update(args: SidecarUpdateArgs): Promise<SidecarUpdateView>;
  /** Places every target on `text`; long work shows progress. */
  anchor(text: string, targets: AnnotationTarget[]): Promise<AnchorResult[]>;
}

/** An empty sidecar, as the editor sees one before the file was read. */
const NO_SIDECAR: SidecarView = { writable: true, error: null, warnings: [], entryProblems: [], annotations: [], corrections: EMPTY_CORRECTIONS, correctionProblems: [] };

export interface PlacedClaim {
  readonly annotation: Annotation;
  /** How the claim was last found; 'orphan' when its text is gone. */
  readonly kind: AnchorKind;
  /** Offsets in the document's current text; for orphans, where the text was last seen (following edits). */
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
  private store: SidecarView = NO_SIDECAR;
  /** The sidecar text as last read or written by us: the base of a three-way merge. */
  private baseText = '';
  private pending: Pending = { upsert: new Map(), remove: new Set() };
  private placed: PlacedClaim[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** Sidecar texts whose problems were already shown, so each is reported once. */
  private readonly reported = new Set<string>();
  private disposed = false;

  constructor(readonly document: vscode.TextDocument, private readonly host: ArticleClaimsHost, private readonly services: ClaimServices) {
    this.sidecarUri = document.uri.with({ path: sidecarPathFor(document.uri.path) });
  }

  get sidecarName(): string {
    return fileNameOf(this.sidecarUri.path);
  }

  /** Every claim, in file order, with its live placement. */
  get claims(): readonly PlacedClaim[] {
    return this.placed;
  }

  /** The reviewer's corrections in the sidecar as last read or written. */
  get corrections(): Corrections {
    return this.store.corrections;
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

  /** True while a change to claim `id` is only in memory (its write failed, was refused, or is under way). */
  hasUnsavedChange(id: string): boolean {
    return this.pending.upsert.has(id) || this.pending.remove.has(id);
  }

  /** Resolves when every queued write or reload has finished. */
  whenIdle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Reads the sidecar and anchors its claims on the document's text. Writes nothing. */
  load(): Promise<void> {
    return this.enqueue(async () => {
      const snapshot = await this.readDisk();
      if (snapshot === undefined) return;
      await this.adopt(snapshot);
    });
  }

  /** The sidecar changed on disk: reload, or merge when we hold changes not yet written. */
  reload(): Promise<void> {
    return this.enqueue(async () => {
      const snapshot = await this.readDisk();
      if (snapshot === undefined || snapshot.text === this.baseText) return;
      if (this.hasUnsavedChanges) await this.write();
      else await this.adopt(snapshot);
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
   * Orphans follow too, and are looked for again when an edit lands near where their text was,
   * so undoing the deletion of a tagged sentence brings its claim back. Pure moves are not
   * announced: the editor shifts decorations itself and the next analysis repaints, so typing
   * costs no extra pass. Only a claim re-anchored, found again or orphaned is announced.
   */
  applyEdits(changes: readonly TextChange[]): void {
    if (changes.length === 0 || this.placed.length === 0) return;
    const shifted = shiftForEdits(this.placed.map((c) => ({ claim: c, target: withPosition(c.annotation.target, c.start, c.end) })), changes);
    const next = new Map<PlacedClaim, PlacedClaim>();
    let place: ReturnType<typeof createAnchorer> | undefined;
    let reanchored = false;
    for (const { annotation: moved, needsReanchor } of shifted) {
      const { claim, target } = moved;
      const { start, end } = target.position;
      if (!needsReanchor && !(claim.kind === 'orphan' && editedNear(changes, claim.start, claim.end))) {
        next.set(claim, { ...claim, start, end });
        continue;
      }
      place ??= createAnchorer(this.document.getText());
      const placed = placeWith(claim.annotation, place({ target: withPosition(claim.annotation.target, start, end) }), { start, end });
      if (claim.kind === 'orphan' && placed.kind === 'orphan') {
        next.set(claim, { ...claim, start, end }); // still gone: no repaint
        continue;
      }
      reanchored = true;
      next.set(claim, placed);
    }
    this.placed = this.placed.map((c) => next.get(c) ?? c);
    if (reanchored) this.host.changed(this);
  }

  /**
   * The article was saved: store the claims' current positions and context in the sidecar (a
   * write only when something moved; orphans and reworded claims keep their stored text).
   */
  refreshOnSave(): Promise<void> {
    if (this.refusal || this.placed.length === 0) return Promise.resolve();
    return this.enqueue(() => this.write());
  }

  dispose(): void {
    this.disposed = true;
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.disposed ? undefined : job()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readDisk(): Promise<SidecarSnapshotView | undefined> {
    try {
      return await this.services.read(this.sidecarUri.toString(), this.document.uri.path);
    } catch (err) {
      this.host.reportError(this, `${this.sidecarName} cannot be read: ${messageOf(err)}`);
      return undefined;
    }
  }

  /** Takes a sidecar just read or written as the new base, places its claims and shows its problems once. */
  private async adopt(snapshot: SidecarSnapshotView): Promise<void> {
    this.baseText = snapshot.text;
    this.store = snapshot.parsed;
    await this.placeNew(this.store.annotations);
    this.rebuild(this.store.annotations);
    this.reportProblems(snapshot.text);
  }

  /**
   * Claims of `stored` that have no live placement yet are placed on the service worker (a sidecar
   * just read may hold many, orphans among them, each a search of the whole text). If the article
   * was edited meanwhile, the placements are for old text: placed again on the current one.
   */
  private async placeNew(stored: readonly Annotation[]): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const previous = new Map(this.placed.map((c) => [c.annotation.id, c]));
      const fresh = this.withPending(stored).filter((a) => {
        const before = previous.get(a.id);
        return !before || !sameTarget(before.annotation.target, a.target);
      });
      if (fresh.length === 0 || this.disposed) return;
      const version = this.document.version;
      let results: AnchorResult[];
      try {
        results = await this.services.anchor(this.document.getText(), fresh.map((a) => a.target));
      } catch (err) {
        if (!(err instanceof ServiceCancelled)) return; // the worker failed: rebuild places them here
        // The reviewer cancelled: shown as not found, with why; nothing is written for an orphan.
        results = fresh.map(() => ({ kind: 'orphan', reason: 'placing the claims was cancelled; reopen the article to look again' }));
      }
      if (this.disposed || this.document.isClosed) return;
      if (this.document.version !== version) continue;
      const placedNow = fresh.map((a, i) => placeWith(a, results[i]!));
      const byId = new Map(placedNow.map((c) => [c.annotation.id, c]));
      // Kept beside the others until rebuild picks them up as live placements.
      this.placed = [...this.placed.filter((c) => !byId.has(c.annotation.id)), ...placedNow];
      return;
    }
    // The article kept changing: rebuild places what is left here.
  }

  /** The annotations to show: `stored` with the changes not yet written applied. */
  private withPending(stored: readonly Annotation[]): Annotation[] {
    const list = stored.filter((a) => !this.pending.remove.has(a.id)).map((a) => this.pending.upsert.get(a.id) ?? a);
    for (const a of this.pending.upsert.values()) if (!stored.some((s) => s.id === a.id)) list.push(a);
    return list;
  }

  private reportProblems(text: string): void {
    if (this.reported.has(text)) return;
    this.reported.add(text);
    const refusal = this.refusal;
    if (this.store.error && refusal) this.host.reportError(this, refusal);
    for (const warning of this.store.warnings) this.host.reportWarning(this, `${this.sidecarName}: ${warning}`);
    const corrections = this.store.correctionProblems;
    if (corrections.length > 0) {
      this.host.reportWarning(this, `${this.sidecarName}: ${corrections.length} correction${corrections.length === 1 ? ' was' : 's were'} skipped (the others apply): ${corrections.slice(0, 3).map((p) => p.message).join('; ')}${corrections.length > 3 ? '; …' : ''}`);
    }
    const problems = this.store.entryProblems;
    if (problems.length > 0) {
      const shown = problems.slice(0, 3).map((p) => p.message).join('; ');
      this.host.reportWarning(this, `${this.sidecarName}: ${problems.length} entr${problems.length === 1 ? 'y was' : 'ies were'} skipped (the others loaded): ${shown}${problems.length > 3 ? '; …' : ''}`);
    }
  }

  /**
   * Shows `stored` with the pending changes applied. Claims placed before keep their live position
   * (kept in step with edits); only a claim with a new target (one just tagged or re-attached) is
   * placed here.
   */
  private rebuild(stored: readonly Annotation[]): void {
    const list = this.withPending(stored);
    const previous = new Map(this.placed.map((c) => [c.annotation.id, c]));
    let place: ReturnType<typeof createAnchorer> | undefined;
    this.placed = list.map((a) => {
      const before = previous.get(a.id);
      if (before && sameTarget(before.annotation.target, a.target)) return { ...before, annotation: a };
      place ??= createAnchorer(this.document.getText());
      return placeWith(a, place(a));
    });
    this.host.changed(this);
  }

  /**
   * Writes the pending changes through the store: under the sidecar's lock, merged three-way into
   * the file as it is now when it changed since we read it, then positions brought up to date
   * with the current text (after the merge, so moving a claim is never mistaken for a conflict).
   */
  private async write(): Promise<void> {
    const upsert = new Map(this.pending.upsert);
    const remove = new Set(this.pending.remove);
    const live: LivePlacement[] = this.placed.map((c) => ({
      id: c.annotation.id,
      target: c.annotation.target,
      result: c.kind === 'orphan' ? { kind: 'orphan', reason: c.reason ?? '' } : { kind: c.kind, start: c.start, end: c.end, score: 1, errors: 0 },
    }));
    const outcome = await this.services.update({
      path: this.sidecarUri.toString(),
      articlePath: this.document.uri.path,
      base: this.baseText,
      upsert: [...upsert.values()],
      remove: [...remove],
      articleText: this.document.getText(),
      live,
    });
    if (!outcome.ok) {
      if (outcome.kind === 'unreadable' && outcome.snapshot) {
        // Someone broke the file meanwhile: keep our changes in memory, never overwrite theirs.
        this.store = outcome.snapshot.parsed;
        this.baseText = outcome.snapshot.text;
        this.reportProblems(outcome.snapshot.text);
        return;
      }
      if (outcome.kind === 'read-only' && outcome.snapshot && !outcome.snapshot.parsed.writable) {
        this.store = outcome.snapshot.parsed;
        return this.host.reportError(this, this.refusal ?? outcome.message);
      }
      return this.host.reportError(this, `${this.sidecarName} could not be written (your changes are kept in memory): ${outcome.message}`);
    }
    if (outcome.conflicts.length > 0) {
      const n = outcome.conflicts.length;
      this.host.reportWarning(this, `${this.sidecarName} was changed elsewhere while you were tagging. ${n} claim${n === 1 ? ' was' : 's were'} changed on both sides: both versions are kept and marked as conflicts. ${outcome.conflicts.map((c) => c.message).join(' ')}`);
    }
    // Forget what was written; changes made while the write was under way stay pending.
    for (const [id, a] of upsert) if (this.pending.upsert.get(id) === a) this.pending.upsert.delete(id);
    for (const id of remove) if (!this.pending.upsert.has(id)) this.pending.remove.delete(id);
    // The refreshed targets equal the live placements, so rebuild keeps them without a new search.
    const written = new Map(outcome.snapshot.parsed.annotations.map((a) => [a.id, a]));
    this.placed = this.placed.map((c) => {
      const a = written.get(c.annotation.id);
      return a && sameExceptTarget(a, c.annotation) && a.target.selector.exact === c.annotation.target.selector.exact ? { ...c, annotation: a } : c;
    });
    await this.adopt(outcome.snapshot);
  }
}

function withPosition(target: AnnotationTarget, start: number, end: number): AnnotationTarget {
  return { selector: target.selector, position: { start, end } };
}

/** The claim as `result` placed it; an orphan keeps `lastSeen` (else its stored position) as the place to look again. */
function placeWith(annotation: Annotation, result: AnchorResult, lastSeen: { start: number; end: number } = annotation.target.position): PlacedClaim {
  return result.kind === 'orphan'
    ? { annotation, kind: 'orphan', start: lastSeen.start, end: lastSeen.end, reason: result.reason }
    : { annotation, kind: result.kind, start: result.start, end: result.end };
}

/** How far from an orphan's last place an edit may land and still make it worth looking for again. */
const ORPHAN_SEARCH_REACH = 4096;

function editedNear(changes: readonly TextChange[], start: number, end: number): boolean {
  return changes.some((c) => c.start <= end + ORPHAN_SEARCH_REACH && c.end + c.newLength >= start - ORPHAN_SEARCH_REACH);
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

/** Same review whatever its stored target (refreshing positions changes only the target). */
function sameExceptTarget(a: Annotation, b: Annotation): boolean {
  const strip = (x: Annotation) => JSON.stringify({ ...x, target: null });
  return strip(a) === strip(b);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
