// Editor commands: jump to the next / previous quote, toggle highlights, and the internal
// commands behind tree clicks and the test read-out of applied decorations.
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import type { AppliedDecorations, NewsDecorator } from './decorations/decorator';
import { REVEAL_RANGE, revealSpan, selectInEditor } from './reveal';

/** Internal, not in the palette: `{ style: [[start, end], …] }` for the active editor. */
export const TEST_DECORATIONS = 'newsAnnotator.test.decorations';

export class EditorCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly cache: AnalysisCache, private readonly decorator: NewsDecorator) {
    this.disposables = [
      vscode.commands.registerCommand('newsAnnotator.nextQuote', () => this.goToQuote('next')),
      vscode.commands.registerCommand('newsAnnotator.previousQuote', () => this.goToQuote('previous')),
      vscode.commands.registerCommand('newsAnnotator.toggleHighlights', () => this.decorator.toggle()),
      vscode.commands.registerCommand(REVEAL_RANGE, (uri: string, start: number, end: number) =>
        revealSpan(vscode.Uri.parse(uri, true), start, end),
      ),
      vscode.commands.registerCommand(TEST_DECORATIONS, (): AppliedDecorations => {
        const editor = vscode.window.activeTextEditor;
        return editor ? this.decorator.appliedTo(editor) : {};
      }),
    ];
  }

  private async goToQuote(direction: 'next' | 'previous'): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const analyzed = await this.cache.whenAnalyzed(editor.document);
    // After the wait the editor may be gone, or the article edited again (offsets would be off).
    if (!analyzed || editor !== vscode.window.activeTextEditor || analyzed.version !== editor.document.version) return;
    const { index } = analyzed;
    // From the start of the selection, so a selected quote (as left by the previous jump) is stepped over.
    const offset = editor.document.offsetAt(editor.selection.start);
    const quote = direction === 'next' ? index.nextQuote(offset) : index.previousQuote(offset);
    if (!quote) {
      void vscode.window.setStatusBarMessage('No quotes in this article', 3000);
      return;
    }
    const doc = editor.document;
    selectInEditor(editor, new vscode.Range(doc.positionAt(quote.start), doc.positionAt(quote.end)));
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
