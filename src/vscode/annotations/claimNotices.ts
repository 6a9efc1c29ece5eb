// Says what edits of the article did to its claims, once the typing has settled: a claim whose
// text was reworded ("changed") is offered a re-attach to the new wording; a claim whose text is
// gone is said to be orphaned (undo brings it back); a claim found again is said so in the status
// bar. Also stores the claims' refreshed positions in the sidecar when the article is saved.
import * as vscode from 'vscode';
import { reattach } from '../../core/annotations/make';
import { truncate } from '../../core/present/escape';
import { selectInEditor } from '../reveal';
import type { ArticleClaims, PlacedClaim } from './articleClaims';
import type { ReviewerAnnotations } from './reviewerAnnotations';

export const REATTACH_ACTION = 'Re-attach';
export const SHOW_ACTION = 'Show';
export const LIST_CLAIMS_ACTION = 'List Claims';

/** Quiet time after the last change before the reviewer is told (typing a reword takes a while). */
const SETTLE_MS = 1200;

type Kind = PlacedClaim['kind'];

export class ClaimNotices implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Each article's claim kinds as last told to (or first seen by) the reviewer. */
  private readonly known = new Map<string, Map<string, Kind>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly annotations: ReviewerAnnotations) {
    annotations.onDidChange((uri) => this.schedule(uri), this, this.disposables);
    vscode.workspace.onDidSaveTextDocument((doc) => void annotations.peek(doc)?.refreshOnSave(), this, this.disposables);
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const claims = doc && this.annotations.peek(doc);
    if (!claims) return;
    // A claim's first sight (the sidecar just loaded, or a claim just tagged) is its baseline: what
    // it says then is shown by chips and hovers, not told; later changes are told against it.
    let known = this.known.get(key);
    if (!known) this.known.set(key, (known = new Map<string, Kind>()));
    for (const c of claims.claims) if (!known.has(c.annotation.id)) known.set(c.annotation.id, c.kind);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.tell(key), SETTLE_MS));
  }

  private tell(key: string): void {
    this.timers.delete(key);
    // The article's claims as they are now (a reload of the sidecar may have replaced them meanwhile).
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const claims = doc && this.annotations.peek(doc);
    if (!claims) return;
    const before = this.known.get(key) ?? new Map<string, Kind>();
    const now = kindsOf(claims);
    this.known.set(key, now);
    // Offered once per reword: whatever the claim was when last told (placed, or an orphan whose
    // text an undo brought back within the same burst of edits), unless it was already "changed".
    const reworded = claims.claims.filter((c) => c.kind === 'fuzzy' && before.has(c.annotation.id) && before.get(c.annotation.id) !== 'fuzzy');
    const gone = claims.claims.filter((c) => c.kind === 'orphan' && before.has(c.annotation.id) && before.get(c.annotation.id) !== 'orphan');
    const back = claims.claims.filter((c) => c.kind !== 'orphan' && before.get(c.annotation.id) === 'orphan');
    if (back.length > 0) void vscode.window.setStatusBarMessage(`News: ${plural(back.length, 'claim')} found again`, 5000);
    for (const c of reworded) this.offerReattach(claims, c);
    if (gone.length > 0) {
      const what = gone.length === 1 ? `The text of the “${gone[0]!.annotation.label}” claim “${truncate(gone[0]!.annotation.target.selector.exact, 50)}” is gone` : `The text of ${gone.length} claims is gone`;
      void vscode.window
        .showWarningMessage(`News Annotator: ${what}. Undo brings it back; the claim is kept as an orphan until you re-attach it to other text.`, LIST_CLAIMS_ACTION)
        .then((choice) => {
          if (choice === LIST_CLAIMS_ACTION) void vscode.commands.executeCommand('newsAnnotator.listClaims');
        });
    }
  }

  private offerReattach(claims: ArticleClaims, c: PlacedClaim): void {
    const a = c.annotation;
    const doc = claims.document;
    void vscode.window
      .showInformationMessage(
        `News Annotator: the “${a.label}” claim was reworded: it read “${truncate(a.target.selector.exact, 50)}”, now “${truncate(doc.getText().slice(c.start, c.end), 50)}”. Re-attach the verdict to the new wording?`,
        REATTACH_ACTION,
        SHOW_ACTION,
      )
      .then(async (choice) => {
        // Where the claim is now: it may have moved again while the message was up.
        const current = claims.claims.find((x) => x.annotation.id === a.id);
        if (!current || current.kind === 'orphan' || doc.isClosed) return;
        if (choice === SHOW_ACTION) {
          const editor = await vscode.window.showTextDocument(doc, { preview: false });
          selectInEditor(editor, new vscode.Range(doc.positionAt(current.start), doc.positionAt(current.end)));
        } else if (choice === REATTACH_ACTION && !claims.refusal) {
          await claims.upsert({ ...reattach(current.annotation, doc.getText(), current.start, current.end), updated: new Date().toISOString() }, current.annotation);
          void vscode.window.setStatusBarMessage(`News: the “${a.label}” claim follows the new wording (saved in ${claims.sidecarName})`, 5000);
        }
      });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function kindsOf(claims: ArticleClaims): Map<string, Kind> {
  return new Map(claims.claims.map((c) => [c.annotation.id, c.kind]));
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
