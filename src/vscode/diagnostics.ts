// Optional: quotes without a speaker as Information in the Problems panel
// (`newsAnnotator.diagnostics.unattributedQuotes`). The collection and its listeners exist only
// while the setting is on.
import * as vscode from 'vscode';
import type { AnalysisCache, AnalyzedDocument } from './analysisCache';
import { isNewsDocument } from './analysisCache';
import type { ConfigWatcher } from './config';

export const DIAGNOSTIC_SOURCE = 'News Annotator';

export class UnattributedQuoteDiagnostics implements vscode.Disposable {
  private active: vscode.Disposable | undefined;
  private readonly configListener: vscode.Disposable;

  constructor(private readonly cache: AnalysisCache, config: ConfigWatcher) {
    this.configListener = config.onDidChange((c) => this.setEnabled(c.unattributedQuoteDiagnostics));
    this.setEnabled(config.current.unattributedQuoteDiagnostics);
  }

  private setEnabled(on: boolean): void {
    if (on === Boolean(this.active)) return;
    if (!on) {
      this.active?.dispose();
      this.active = undefined;
      return;
    }
    const collection = vscode.languages.createDiagnosticCollection('newsAnnotator.unattributedQuotes');
    const disposables: vscode.Disposable[] = [collection];
    this.cache.onDidAnalyze((analyzed) => this.report(collection, analyzed), this, disposables);
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri), this, disposables);
    this.active = vscode.Disposable.from(...disposables);
    for (const doc of vscode.workspace.textDocuments) {
      if (!isNewsDocument(doc)) continue;
      const analyzed = this.cache.peek(doc);
      if (analyzed) this.report(collection, analyzed);
      else this.cache.ensure(doc);
    }
  }

  private report(collection: vscode.DiagnosticCollection, { document: doc, analysis }: AnalyzedDocument): void {
    // Partial quotes (a few words in the writer's own sentence) are usually scare quotes, not sourced speech.
    const diagnostics = analysis.quotes
      .filter((q) => !q.speaker && !q.partial)
      .map((q) => {
        const d = new vscode.Diagnostic(
          new vscode.Range(doc.positionAt(q.start), doc.positionAt(q.end)),
          'Quote without an identified speaker',
          vscode.DiagnosticSeverity.Information,
        );
        d.source = DIAGNOSTIC_SOURCE;
        d.code = 'unattributed-quote';
        return d;
      });
    collection.set(doc.uri, diagnostics);
  }

  dispose(): void {
    this.active?.dispose();
    this.configListener.dispose();
  }
}
