// The status bar item shown while a news article is the active editor: quote and entity counts
// of its analysis; clicking it opens the News view.
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { isNewsDocument } from './analysisCache';
import { NEWS_VIEW_ID } from './newsView';

export class NewsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newsAnnotator.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly cache: AnalysisCache) {
    this.item.name = 'News Annotator';
    this.item.command = { command: `${NEWS_VIEW_ID}.focus`, title: 'Open the News view' };
    vscode.window.onDidChangeActiveTextEditor(() => this.refresh(), this, this.disposables);
    vscode.workspace.onDidOpenTextDocument(() => this.refresh(), this, this.disposables);
    cache.onDidAnalyze((analyzed) => {
      if (analyzed.document === vscode.window.activeTextEditor?.document) this.refresh();
    }, this, this.disposables);
    this.refresh();
  }

  /** The text currently shown (empty while hidden). */
  get text(): string {
    return this.visible ? this.item.text : '';
  }

  private visible = false;

  refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isNewsDocument(doc)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    // Counts come from the cached analysis only; while an edit burst is pending the last counts stay.
    const analyzed = this.cache.peek(doc);
    if (analyzed?.tooLarge) {
      this.item.text = '$(warning) News: too large';
      this.item.tooltip = 'This article is over the size limit newsAnnotator.maxArticleSizeMB: it is not analysed or highlighted in the editor. The command line still works on it.';
    } else if (analyzed) {
      const { quotes, entities } = analyzed.analysis;
      this.item.text = `$(quote) ${quotes.length} $(person) ${entities.length}`;
      this.item.tooltip = `${plural(quotes.length, 'quote')}, ${plural(entities.length, 'entity', 'entities')} in this article. Click to open the News view.`;
    } else if (!this.visible) {
      this.item.text = '$(book) News';
      this.item.tooltip = 'News Annotator is analysing this article';
      this.cache.ensure(doc);
    }
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
