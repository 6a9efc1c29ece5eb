// Keeps an ArticleClaims for every open news article: loads its sidecar on open, follows edits of
// the article, watches the sidecar for changes made elsewhere, and tells the display when claims
// changed. Problems are shown to the reviewer with an "Open Sidecar" action.
import * as vscode from 'vscode';
import type { AnchorResult } from '../../core/annotations/anchor';
import type { AnnotationTarget, EntityCorrection } from '../../core/annotations/types';
import { isNewsDocument } from '../analysisCache';
import type { ServiceWorker } from '../serviceWorker';
import { ArticleClaims, type ArticleClaimsHost, type ClaimServices, type PlacedClaim } from './articleClaims';

export const OPEN_SIDECAR_ACTION = 'Open Sidecar';

/** Placing more claims than this at once shows a cancellable progress notification. */
export const ANCHOR_PROGRESS_AT = 200;

/** Claims of a document as plain data, for tests and other features. */
export interface ClaimSnapshot {
  id: string;
  label: string;
  note: string;
  evidence: string[];
  reviewer: string;
  kind: PlacedClaim['kind'];
  start: number;
  end: number;
  exact: string;
  conflict: boolean;
}

export class ReviewerAnnotations implements vscode.Disposable, ArticleClaimsHost {
  private readonly articles = new Map<string, { claims: ArticleClaims; loaded: Promise<void>; watcher: vscode.FileSystemWatcher }>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  /** One sidecar store for every article (the same lock and merge rules as the CLI), on the service worker. */
  private readonly services: ClaimServices;
  /** Fires with the article's uri when its claims (or their positions) changed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly worker: ServiceWorker) {
    this.services = {
      read: (path, articlePath) => worker.call('sidecar.read', { path, articlePath }),
      update: (args) => worker.call('sidecar.update', args),
      anchor: (text, targets) => placeClaims(worker, text, targets),
    };
    vscode.workspace.onDidOpenTextDocument((doc) => this.track(doc), this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((doc) => this.untrack(doc), this, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => {
      const entry = this.articles.get(e.document.uri.toString());
      if (!entry || e.contentChanges.length === 0) return;
      entry.claims.applyEdits(e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newLength: c.text.length })));
    }, this, this.disposables);
    for (const doc of vscode.workspace.textDocuments) this.track(doc);
  }

  /** The loaded claims of `doc` (undefined while loading or for non-articles). */
  peek(doc: vscode.TextDocument): ArticleClaims | undefined {
    return this.articles.get(doc.uri.toString())?.claims;
  }

  /** The claims of `doc` once its sidecar was read; starts tracking a news document if needed. */
  async claimsFor(doc: vscode.TextDocument): Promise<ArticleClaims | undefined> {
    this.track(doc);
    const entry = this.articles.get(doc.uri.toString());
    if (!entry) return undefined;
    await entry.loaded;
    return entry.claims;
  }

  /** Plain snapshot of a document's claims, after pending writes and reloads finished. */
  async snapshot(uri: vscode.Uri): Promise<ClaimSnapshot[]> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const claims = doc ? await this.claimsFor(doc) : undefined;
    if (!claims) return [];
    await claims.whenIdle();
    return claims.claims.map((c) => ({
      id: c.annotation.id,
      label: c.annotation.label,
      note: c.annotation.note,
      evidence: [...c.annotation.evidence],
      reviewer: c.annotation.reviewer,
      kind: c.kind,
      start: c.start,
      end: c.end,
      exact: c.annotation.target.selector.exact,
      conflict: c.annotation.conflict === true,
    }));
  }

  /**
   * Records a reviewer's entity correction in the document's sidecar, through the shared store on
   * the service worker (under its lock, applied to the file as it is now), then reloads the sidecar.
   * Rejects with the reason when the sidecar cannot be written.
   */
  async correct(doc: vscode.TextDocument, correction: EntityCorrection): Promise<void> {
    const claims = await this.claimsFor(doc);
    if (!claims) throw new Error('corrections are kept for news articles saved in a folder');
    const refusal = claims.refusal;
    if (refusal) throw new Error(refusal);
    const outcome = await this.worker.call('sidecar.correct', { path: claims.sidecarUri.toString(), articlePath: doc.uri.path, correction });
    if (!outcome.ok) throw new Error(outcome.message);
    await claims.reload();
  }

  changed(claims: ArticleClaims): void {
    this.changeEmitter.fire(claims.document.uri);
  }

  reportError(claims: ArticleClaims, message: string): void {
    void vscode.window.showErrorMessage(`News Annotator: ${message}`, OPEN_SIDECAR_ACTION).then((choice) => this.openIf(choice, claims));
  }

  reportWarning(claims: ArticleClaims, message: string): void {
    void vscode.window.showWarningMessage(`News Annotator: ${message}`, OPEN_SIDECAR_ACTION).then((choice) => this.openIf(choice, claims));
  }

  /** Shows the sidecar of `claims` in an editor. */
  async openSidecar(claims: ArticleClaims): Promise<void> {
    await vscode.window.showTextDocument(claims.sidecarUri, { preview: false });
  }

  private openIf(choice: string | undefined, claims: ArticleClaims): void {
    if (choice === OPEN_SIDECAR_ACTION) void this.openSidecar(claims);
  }

  private track(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (this.articles.has(key) || !isNewsDocument(doc) || doc.uri.scheme === 'untitled' || doc.isClosed) return;
    const claims = new ArticleClaims(doc, this, this.services);
    const folder = vscode.Uri.joinPath(claims.sidecarUri, '..');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, claims.sidecarName));
    const reload = () => void claims.reload();
    watcher.onDidChange(reload);
    watcher.onDidCreate(reload);
    watcher.onDidDelete(reload);
    this.articles.set(key, { claims, loaded: claims.load(), watcher });
  }

  private untrack(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const entry = this.articles.get(key);
    if (!entry) return;
    this.articles.delete(key);
    entry.watcher.dispose();
    if (entry.claims.hasUnsavedChanges) {
      void vscode.window.showWarningMessage(`News Annotator: changes to ${entry.claims.sidecarName} could not be written before the article closed and are lost; tag them again after fixing the file.`);
    }
    entry.claims.dispose();
    this.changeEmitter.fire(doc.uri);
  }

  dispose(): void {
    for (const { claims, watcher } of this.articles.values()) {
      watcher.dispose();
      claims.dispose();
    }
    this.articles.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** Places claims on the worker; many at once (a large sidecar, many orphans) with progress and Cancel. */
function placeClaims(worker: ServiceWorker, text: string, targets: AnnotationTarget[]): Promise<AnchorResult[]> {
  if (targets.length < ANCHOR_PROGRESS_AT) return worker.call('claims.anchor', { text, targets });
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `News: placing ${targets.length} claims`, cancellable: true },
      (progress, token) => {
        let shown = 0;
        return worker.call('claims.anchor', { text, targets }, {
          token,
          progress: (done, total) => {
            const percent = (100 * done) / total;
            progress.report({ message: `${done}/${total}`, increment: percent - shown });
            shown = percent;
          },
        });
      },
    ),
  );
}
