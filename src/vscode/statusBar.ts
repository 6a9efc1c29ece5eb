// The status bar item shown while a news article is the active editor.
import * as vscode from 'vscode';
import { NEWS_LANGUAGE } from './languageDetection';

export class NewsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newsAnnotator.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor() {
    this.item.name = 'News Annotator';
    vscode.window.onDidChangeActiveTextEditor(() => this.refresh(), this, this.disposables);
    vscode.workspace.onDidOpenTextDocument(() => this.refresh(), this, this.disposables);
    this.refresh();
  }

  /** Shows the item for news documents; `detail` (e.g. counts) replaces the plain label. */
  refresh(detail?: string): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== NEWS_LANGUAGE) {
      this.item.hide();
      return;
    }
    this.item.text = `$(book) ${detail ?? 'News'}`;
    this.item.tooltip = 'News Annotator is active for this article';
    this.item.show();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
