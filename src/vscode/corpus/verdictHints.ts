// Verdicts travel between articles: a claim tagged in one open article is hinted on the statements
// of the other visible articles that report the same thing ("tagged ‘disputed’ in 000_….txt"),
// with the note in the hover. Matching uses the workspace index, which holds the saved text, so
// articles with unsaved edits neither give nor receive hints until saved.
import * as vscode from 'vscode';
import { escapeMarkdown, truncate } from '../../core/present/escape';
import type { ReviewerAnnotations } from '../annotations/reviewerAnnotations';
import { label } from './corpusHover';
import type { WorkspaceCorpus } from './workspaceCorpus';

/** Coalesces bursts of claim, index and editor events into one repaint. */
const REPAINT_DELAY_MS = 100;

/** One hint on a statement of the article shown. */
export interface VerdictHint {
  start: number;
  end: number;
  /** Text after the statement, e.g. "tagged ‘disputed’ in seeds/000_….txt". */
  text: string;
  /** The hover line (plain text; escaped when rendered). */
  detail: string;
  /** The article the claim was tagged in. */
  source: string;
}

export class VerdictHints implements vscode.Disposable {
  private readonly style = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic', margin: '0 0 0 1em' },
    backgroundColor: new vscode.ThemeColor('editor.wordHighlightBackground'),
  });
  private readonly disposables: vscode.Disposable[] = [this.style];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The hints last painted, per article shown. */
  private readonly painted = new Map<string, VerdictHint[]>();
  /** Counts repaints, so an older one that finishes late paints nothing. */
  private pass = 0;
  private disposed = false;

  constructor(private readonly corpus: WorkspaceCorpus, private readonly annotations: ReviewerAnnotations) {
    const later = () => this.schedule();
    this.disposables.push(
      annotations.onDidChange(later),
      corpus.onDidChange(later),
      vscode.window.onDidChangeVisibleTextEditors(later),
      vscode.workspace.onDidSaveTextDocument(later),
    );
    this.schedule();
  }

  /** The hints painted on the article at `uri` (shown in an editor) by the latest repaint. */
  hintsFor(uri: vscode.Uri): VerdictHint[] {
    return this.painted.get(uri.toString()) ?? [];
  }

  /** The hints for the article at `uri` from the claims of the other open articles, matched on the worker's index. */
  async computeHints(uri: vscode.Uri): Promise<VerdictHint[]> {
    const target = uri.toString();
    const targetDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target);
    if (targetDoc?.isDirty || !this.corpus.has(target)) return [];
    const hints: VerdictHint[] = [];
    const seen = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) {
      const source = doc.uri.toString();
      if (source === target || doc.isDirty || doc.isClosed || !this.corpus.has(source)) continue;
      const claims = this.annotations.peek(doc)?.claims ?? [];
      for (const claim of claims) {
        if (claim.kind === 'orphan') continue;
        const verdict = claim.annotation.label;
        for (const match of await this.corpus.matchesFor(source, { start: claim.start, end: claim.end })) {
          if (match.path !== target) continue;
          const key = `${match.other.start}|${source}|${verdict}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const where = label(source);
          const note = claim.annotation.note.trim();
          hints.push({
            start: match.other.start,
            end: match.other.end,
            text: `tagged ‘${verdict}’ in ${where}`,
            detail: `Tagged ‘${verdict}’ in ${where}${note ? `: ${note}` : ''}`,
            source,
          });
        }
      }
    }
    return hints.sort((a, b) => a.start - b.start);
  }

  /** Repaints every visible article now (tests call this rather than wait for the delay). */
  async repaint(): Promise<void> {
    const pass = ++this.pass;
    const editors = vscode.window.visibleTextEditors;
    const computed = await Promise.all(editors.map((e) => this.computeHints(e.document.uri).catch(() => [])));
    if (pass !== this.pass || this.disposed) return;
    this.painted.clear();
    editors.forEach((editor, i) => {
      const doc = editor.document;
      const hints = computed[i]!;
      this.painted.set(doc.uri.toString(), hints);
      // Several verdicts on one statement: one line after it, every detail in the hover.
      const byStatement = new Map<number, VerdictHint[]>();
      for (const hint of hints) {
        const list = byStatement.get(hint.start);
        if (list) list.push(hint);
        else byStatement.set(hint.start, [hint]);
      }
      const options = [...byStatement.values()].map<vscode.DecorationOptions>((hints) => {
        const first = hints[0]!;
        const more = hints.length > 1 ? ` (+${hints.length - 1})` : '';
        const hover = new vscode.MarkdownString(hints.map((h) => escapeMarkdown(h.detail)).join('  \n'));
        return {
          range: new vscode.Range(doc.positionAt(first.start), doc.positionAt(first.end)),
          hoverMessage: hover,
          renderOptions: { after: { contentText: truncate(first.text, 80) + more } },
        };
      });
      editor.setDecorations(this.style, options);
    });
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.repaint();
    }, REPAINT_DELAY_MS);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
