// The reviewer's commands: tag, edit, annotate, remove, navigate, list, re-attach, walk the
// analysis' claim candidates, export. Each asks through quick picks and input boxes; every change
// goes through ArticleClaims, which refuses when the sidecar cannot be written safely.
import * as vscode from 'vscode';
import { freshId, idGenerator } from '../../core/annotations/ids';
import { createAnnotation, reattach } from '../../core/annotations/make';
import { fileNameOf, isSidecarPath } from '../../core/annotations/paths';
import type { Annotation } from '../../core/annotations/types';
import { claimantsOf } from '../../core/annotations/export/claimant';
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, exportAnnotations, type ExportFormat } from '../../core/annotations/export/format';
import { describeReasons } from '../../core/present/claimReasons';
import { truncate } from '../../core/present/escape';
import type { AnalysisCache } from '../analysisCache';
import { isNewsDocument } from '../analysisCache';
import type { ClaimAppearances } from '../corpus/claimAppearances';
import { selectInEditor } from '../reveal';
import type { ArticleClaims, PlacedClaim } from './articleClaims';
import { NoteEditor } from './noteEditor';
import { OPEN_SIDECAR_ACTION, type ReviewerAnnotations } from './reviewerAnnotations';
import { readClaimLabels, type ReviewerName } from './settings';
import { WorkspaceSidecarFs } from './workspaceSidecarFs';

export const CLAIM_COMMANDS = {
  tag: 'newsAnnotator.tagClaim',
  edit: 'newsAnnotator.editClaim',
  note: 'newsAnnotator.addClaimNote',
  remove: 'newsAnnotator.removeClaim',
  next: 'newsAnnotator.nextClaim',
  previous: 'newsAnnotator.previousClaim',
  list: 'newsAnnotator.listClaims',
  reattach: 'newsAnnotator.reattachClaim',
  tagCandidate: 'newsAnnotator.tagNextClaimCandidate',
  export: 'newsAnnotator.exportAnnotations',
  openSidecar: 'newsAnnotator.openSidecar',
} as const;

const URL_PATTERN = /^https?:\/\/\S+$/i;

/** The button that shows a written file in the Explorer. */
export const REVEAL_ACTION = 'Reveal';
export const OPEN_FILE_ACTION = 'Open File';

export class ClaimCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly newId = idGenerator();
  private readonly notes: NoteEditor;

  constructor(
    private readonly analyses: AnalysisCache,
    private readonly annotations: ReviewerAnnotations,
    private readonly reviewer: ReviewerName,
    /** Other articles reporting a claim, for the ClaimReview export (from the workspace index). */
    private readonly appearances?: ClaimAppearances,
  ) {
    const editorCommand = (id: string, run: (editor: vscode.TextEditor, claims: ArticleClaims) => Promise<unknown>) =>
      vscode.commands.registerCommand(id, async () => {
        const editor = vscode.window.activeTextEditor;
        if (!editor || !isNewsDocument(editor.document)) {
          void vscode.window.showInformationMessage('News Annotator: open a news article first.');
          return;
        }
        const claims = await this.annotations.claimsFor(editor.document);
        if (!claims) return;
        try {
          await run(editor, claims);
        } catch (err) {
          void vscode.window.showErrorMessage(`News Annotator: ${err instanceof Error ? err.message : String(err)}`);
        }
      });
    this.notes = new NoteEditor({
      claimsOf: async (uri) => {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        return doc ? this.annotations.claimsFor(doc) : undefined;
      },
      saveNote: async (claims, id, note) => {
        const current = claims.claims.find((c) => c.annotation.id === id)?.annotation;
        if (!current) throw new Error('this claim was removed');
        if (current.note !== note) await this.save(claims, { ...current, note }, current);
      },
    });
    this.disposables.push(
      this.notes,
      editorCommand(CLAIM_COMMANDS.tag, (e, c) => this.tag(e, c)),
      editorCommand(CLAIM_COMMANDS.edit, (e, c) => this.edit(e, c)),
      editorCommand(CLAIM_COMMANDS.note, (e, c) => this.addNote(e, c)),
      editorCommand(CLAIM_COMMANDS.remove, (e, c) => this.remove(e, c)),
      editorCommand(CLAIM_COMMANDS.next, async (e, c) => this.step(e, c, 1)),
      editorCommand(CLAIM_COMMANDS.previous, async (e, c) => this.step(e, c, -1)),
      editorCommand(CLAIM_COMMANDS.list, (e, c) => this.list(e, c)),
      editorCommand(CLAIM_COMMANDS.reattach, (e, c) => this.reattach(e, c)),
      editorCommand(CLAIM_COMMANDS.tagCandidate, (e, c) => this.tagCandidate(e, c)),
      editorCommand(CLAIM_COMMANDS.export, (e, c) => this.export(e, c)),
      editorCommand(CLAIM_COMMANDS.openSidecar, (_e, c) => this.annotations.openSidecar(c)),
    );
  }

  /** Tags the selection, or the sentence at the cursor when nothing is selected. */
  private async tag(editor: vscode.TextEditor, claims: ArticleClaims): Promise<void> {
    if (this.refused(claims)) return;
    const span = await this.spanToTag(editor);
    if (!span) return;
    await this.tagSpan(editor, claims, span);
  }

  /** Asks for the verdict, note and evidence of `span` and saves the new claim; `why` says why it was suggested. */
  private async tagSpan(editor: vscode.TextEditor, claims: ArticleClaims, span: { start: number; end: number }, why?: string): Promise<void> {
    const doc = editor.document;
    const quoted = truncate(doc.getText().slice(span.start, span.end), 60);
    const reviewer = await this.reviewer.current();
    const label = await this.askLabel(`Verdict for “${quoted}”`, undefined, why);
    if (label === undefined) return;
    const note = await this.askNote('');
    if (note === undefined) return;
    const evidence = await this.askEvidence([]);
    if (evidence === undefined) return;
    if (this.refused(claims)) return; // the sidecar may have broken while the reviewer was typing
    const annotation = createAnnotation({
      id: freshId(this.newId, new Set(claims.claims.map((c) => c.annotation.id))),
      text: doc.getText(),
      start: span.start,
      end: span.end,
      label,
      note,
      evidence,
      reviewer,
      now: new Date().toISOString(),
    });
    await claims.upsert(annotation);
    this.notifySaved(claims, `Tagged “${truncate(annotation.target.selector.exact, 50)}” as ${label}.`);
  }

  private async edit(editor: vscode.TextEditor, claims: ArticleClaims): Promise<void> {
    if (this.refused(claims)) return;
    const claim = await this.claimAtCursorOrPick(editor, claims, 'Edit which claim?');
    if (!claim) return;
    const a = claim.annotation;
    const label = await this.askLabel(`Verdict for “${truncate(a.target.selector.exact, 60)}”`, a.label);
    if (label === undefined) return;
    const note = await this.askNote(a.note);
    if (note === undefined) return;
    const evidence = await this.askEvidence(a.evidence);
    if (evidence === undefined) return;
    await this.save(claims, { ...a, label, note, evidence }, a);
  }

  private async addNote(editor: vscode.TextEditor, claims: ArticleClaims): Promise<void> {
    if (this.refused(claims)) return;
    const claim = await this.claimAtCursorOrPick(editor, claims, 'Add a note to which claim?');
    if (!claim) return;
    await this.notes.open(editor.document.uri, claim.annotation.id, claim.annotation.target.selector.exact);
  }

  private async remove(editor: vscode.TextEditor, claims: ArticleClaims): Promise<void> {
    if (this.refused(claims)) return;
    const claim = await this.claimAtCursorOrPick(editor, claims, 'Remove which claim?');
    if (!claim) return;
    const answer = await vscode.window.showWarningMessage(
      `Remove the “${claim.annotation.label}” verdict on “${truncate(claim.annotation.target.selector.exact, 60)}”?`,
      { modal: true },
      'Remove',
    );
    if (answer === 'Remove') await claims.remove(claim.annotation.id);
  }

  private step(editor: vscode.TextEditor, claims: ArticleClaims, direction: 1 | -1): void {
    const placed = claims.claims.filter((c) => c.kind !== 'orphan').sort((a, b) => a.start - b.start);
    if (placed.length === 0) {
      void vscode.window.showInformationMessage('News Annotator: no tagged claims in this article.');
      return;
    }
    // From the start of the selection, so a claim just selected by this command is stepped past.
    const at = editor.document.offsetAt(editor.selection.start);
    const ahead = direction === 1 ? placed.find((c) => c.start > at) : [...placed].reverse().find((c) => c.start < at);
    const target = ahead ?? (direction === 1 ? placed[0]! : placed[placed.length - 1]!);
    this.select(editor, target);
    // Going round is said, so the end of the article is never passed unnoticed.
    if (!ahead) void vscode.window.setStatusBarMessage(direction === 1 ? 'News: end of the article, wrapped to the first claim' : 'News: start of the article, wrapped to the last claim', 4000);
  }

  private async list(editor: vscode.TextEditor, claims: ArticleClaims): Promise<void> {
    if (claims.claims.length === 0) {
      void vscode.window.showInformationMessage('News Annotator: no tagged claims in this article.');
      return;
    }
    const claim = await this.pickClaim(claims.claims, 'Claims in this article');
    if (!claim) return;
    if (claim.kind === 'orphan') {
      void vscode.window.showWarningMessage(`News Annotator: “${truncate(claim.annotation.target.selector.exact, 60)}” is no longer in the article (${claim.reason ?? 'orphaned'}). Select its new text and run “Re-attach Claim to Selection”.`);
      return;
    }
    this.select(editor, claim);
  }

  private async reattach(editor: vscode.TextEditor, claims: ArticleClaims): Promise<void> {
    if (this.refused(claims)) return;
    if (editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('News Annotator: select the claim\'s text first, then re-attach.');
      return;
    }
    const orphans = claims.claims.filter((c) => c.kind === 'orphan');
    const candidates = orphans.length > 0 ? orphans : claims.claims;
    const claim = candidates.length === 1 && orphans.length === 1 ? candidates[0] : await this.pickClaim(candidates, 'Re-attach which claim to the selection?');
    if (!claim) return;
    const doc = editor.document;
    const start = doc.offsetAt(editor.selection.start);
    const end = doc.offsetAt(editor.selection.end);
    await this.save(claims, reattach(claim.annotation, doc.getText(), start, end), claim.annotation);
    this.notifySaved(claims, `Re-attached the “${claim.annotation.label}” claim to “${truncate(doc.getText().slice(start, end), 50)}”.`);
  }

  /** Selects the best-ranked claim candidate of the analysis that is not tagged yet, then tags it. */
  private async tagCandidate(editor: vscode.TextEditor, claims: ArticleClaims): Promise<void> {
    if (this.refused(claims)) return;
    const analyzed = await this.analyses.whenAnalyzed(editor.document);
    if (!analyzed) return;
    const tagged = claims.claims.filter((c) => c.kind !== 'orphan');
    const candidate = analyzed.analysis.claims.find((k) => !tagged.some((c) => c.start < k.end && k.start < c.end));
    if (!candidate) {
      void vscode.window.showInformationMessage('News Annotator: every claim candidate in this article is tagged.');
      return;
    }
    const doc = editor.document;
    selectInEditor(editor, new vscode.Range(doc.positionAt(candidate.start), doc.positionAt(candidate.end)));
    await this.tagSpan(editor, claims, candidate, `Suggested because it ${describeReasons(candidate.reasons)}`);
  }

  private async export(editor: vscode.TextEditor, claims: ArticleClaims): Promise<void> {
    const picked = await vscode.window.showQuickPick(
      EXPORT_FORMATS.map((format) => ({ label: EXPORT_FORMAT_INFO[format].title, description: format, format })),
      { title: 'Export annotations as' },
    );
    if (!picked) return;
    const format: ExportFormat = picked.format;
    const doc = editor.document;
    const article = fileNameOf(doc.uri.path);
    const stem = article.includes('.') ? article.slice(0, article.lastIndexOf('.')) : article;
    const { extension } = EXPORT_FORMAT_INFO[format];
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(doc.uri, '..', `${stem}.annotations.${extension}`),
      filters: { [EXPORT_FORMAT_INFO[format].title]: [extension.slice(extension.lastIndexOf('.') + 1)] },
      title: 'Export annotations',
    });
    if (!target) return;
    // The save dialog asks before replacing a file, but the article and its sidecar must never be
    // replaced by an export: that would destroy what is being exported.
    const sameUri = (u: vscode.Uri) => u.toString() === target.toString();
    if (sameUri(doc.uri) || sameUri(claims.sidecarUri) || isSidecarPath(target.path)) {
      void vscode.window.showErrorMessage(`News Annotator: ${fileNameOf(target.path)} is the article or an annotations file; export to another file.`);
      return;
    }
    await claims.whenIdle();
    const analyzed = await this.analyses.whenAnalyzed(doc);
    // Export what the reviewer sees: claims at their current positions in the editor's text.
    const text = doc.getText();
    const current = claims.claims.map((c) => (c.kind === 'orphan' ? c.annotation : reattach(c.annotation, text, c.start, c.end)));
    const spans = new Map(claims.claims.filter((c) => c.kind !== 'orphan').map((c) => [c.annotation.id, { start: c.start, end: c.end }]));
    // Asked of the workspace index (on the worker) for every claim first; the export itself is synchronous.
    const found = new Map(await Promise.all([...spans].map(async ([id, span]) => [id, this.appearances ? await this.appearances(doc.uri, span).catch(() => []) : []] as const)));
    const appearancesOf = (a: Annotation) => found.get(a.id) ?? [];
    // Speakers come from the analysis of this very text; an analysis of another version names nobody.
    const fits = analyzed !== undefined && analyzed.text === text;
    const claimantOf = claimantsOf(spans, fits ? analyzed.analysis : { quotes: [], entities: [] });
    const ref = { article, path: vscode.workspace.asRelativePath(doc.uri), fileUri: doc.uri.toString() };
    try {
      await new WorkspaceSidecarFs().writeAtomic(target.toString(), exportAnnotations(format, current, ref, { appearancesOf, claimantOf }));
    } catch (err) {
      void vscode.window.showErrorMessage(`News Annotator: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    void vscode.window
      .showInformationMessage(`News Annotator: exported ${current.length} claim${current.length === 1 ? '' : 's'} to ${fileNameOf(target.path)}.`, OPEN_FILE_ACTION, REVEAL_ACTION)
      .then((choice) => {
        if (choice === OPEN_FILE_ACTION) void vscode.window.showTextDocument(target, { preview: false });
        else if (choice === REVEAL_ACTION) void revealInExplorer(target);
      });
  }

  /** Says the change is saved and where, with buttons to open or reveal the sidecar; silent when the write failed (that was reported). */
  private notifySaved(claims: ArticleClaims, message: string): void {
    if (claims.hasUnsavedChanges || claims.refusal) return;
    void vscode.window.showInformationMessage(`News Annotator: ${message} Saved in ${claims.sidecarName}.`, OPEN_SIDECAR_ACTION, REVEAL_ACTION).then((choice) => {
      if (choice === OPEN_SIDECAR_ACTION) void this.annotations.openSidecar(claims);
      else if (choice === REVEAL_ACTION) void revealInExplorer(claims.sidecarUri);
    });
  }

  private refused(claims: ArticleClaims): boolean {
    const refusal = claims.refusal;
    if (!refusal) return false;
    void vscode.window.showErrorMessage(`News Annotator: ${refusal}`, 'Open Sidecar').then((choice) => {
      if (choice === 'Open Sidecar') void this.annotations.openSidecar(claims);
    });
    return true;
  }

  /** Saves an edit of `basedOn` (the version shown to the reviewer when the edit began). */
  private async save(claims: ArticleClaims, annotation: Annotation, basedOn: Annotation): Promise<void> {
    await claims.upsert({ ...annotation, updated: new Date().toISOString() }, basedOn);
  }

  private async spanToTag(editor: vscode.TextEditor): Promise<{ start: number; end: number } | undefined> {
    const doc = editor.document;
    const text = doc.getText();
    let start = doc.offsetAt(editor.selection.start);
    let end = doc.offsetAt(editor.selection.end);
    if (start === end) {
      const analyzed = await this.analyses.whenAnalyzed(doc);
      const sentence = analyzed?.analysis.sentences.find((s) => s.start <= start && start <= s.end);
      if (!analyzed || !sentence) {
        void vscode.window.showInformationMessage('News Annotator: select the claim to tag, or put the cursor in a sentence.');
        return undefined;
      }
      ({ start, end } = sentence);
    }
    // Surrounding white space is not part of the claim.
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return start < end ? { start, end } : undefined;
  }

  private async askLabel(title: string, current?: string, why?: string): Promise<string | undefined> {
    const labels = readClaimLabels();
    const items: vscode.QuickPickItem[] = labels.map((l) => ({ label: l.label, ...(l.label === current ? { description: 'current' } : {}) }));
    if (current !== undefined && !labels.some((l) => l.label === current)) items.unshift({ label: current, description: 'current' });
    const picked = await vscode.window.showQuickPick(items, {
      title: why ? `${title}: ${why}` : title,
      placeHolder: why ?? 'Verdict (add more with the newsAnnotator.claimLabels setting)',
    });
    return picked?.label;
  }

  /**
   * A one-line note in an input box, the cursor after the current text (nothing pre-selected, so
   * typing adds rather than replaces). A note of several lines is kept as it is: the box would
   * flatten it, so it is changed with "Add Note…" (an editor) instead.
   */
  private async askNote(current: string): Promise<string | undefined> {
    if (current.includes('\n')) return current;
    const note = await vscode.window.showInputBox({
      title: 'Note (optional)',
      value: current,
      valueSelection: [current.length, current.length],
      placeHolder: 'Why this verdict; Enter to skip. Longer notes: News: Add Note…',
    });
    return note === undefined ? undefined : note.trim();
  }

  private async askEvidence(current: readonly string[]): Promise<string[] | undefined> {
    const answer = await vscode.window.showInputBox({
      title: 'Evidence URLs (optional)',
      value: current.join(' '),
      placeHolder: 'https://… separated by spaces; Enter to skip',
      validateInput: (value) => {
        const bad = splitUrls(value).find((u) => !URL_PATTERN.test(u));
        return bad ? `Not an http(s) URL: ${bad}` : undefined;
      },
    });
    if (answer === undefined) return undefined;
    const urls = splitUrls(answer);
    const bad = urls.find((u) => !URL_PATTERN.test(u));
    if (bad) throw new Error(`not an http(s) URL: ${bad}`);
    return urls;
  }

  private async claimAtCursorOrPick(editor: vscode.TextEditor, claims: ArticleClaims, title: string): Promise<PlacedClaim | undefined> {
    const at = editor.document.offsetAt(editor.selection.active);
    const here = claims.claims
      .filter((c) => c.kind !== 'orphan' && c.start <= at && at <= c.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    if (here) return here;
    if (claims.claims.length === 0) {
      void vscode.window.showInformationMessage('News Annotator: no tagged claims in this article.');
      return undefined;
    }
    return this.pickClaim(claims.claims, title);
  }

  private async pickClaim(list: readonly PlacedClaim[], title: string): Promise<PlacedClaim | undefined> {
    const items = [...list]
      .sort((a, b) => (a.kind === 'orphan' ? 1 : 0) - (b.kind === 'orphan' ? 1 : 0) || a.start - b.start)
      .map((claim) => ({
        label: `${claim.kind === 'orphan' ? '$(warning) ' : ''}${truncate(claim.annotation.target.selector.exact, 70)}`,
        description: `${claim.annotation.label}${claim.kind === 'orphan' ? ' · orphaned' : claim.kind === 'fuzzy' ? ' · approximate' : ''}`,
        detail: claim.annotation.note || undefined,
        claim,
      }));
    return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true }))?.claim;
  }

  private select(editor: vscode.TextEditor, claim: PlacedClaim): void {
    const doc = editor.document;
    selectInEditor(editor, new vscode.Range(doc.positionAt(claim.start), doc.positionAt(claim.end)));
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function revealInExplorer(uri: vscode.Uri): Thenable<unknown> {
  return vscode.commands.executeCommand('revealInExplorer', uri);
}

function splitUrls(value: string): string[] {
  return value.split(/[\s,]+/).filter((u) => u.length > 0);
}
