// Sources across articles: a webview with the sources of every open news article (table and
// charts), kept up to date as articles are analysed, and commands exporting the same rows as CSV
// or Markdown. The page is built by core/present/sourcesPage.ts; this file only hosts it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { sourcesPageHtml } from '../core/present/sourcesPage';
import { SourcesSuperseded, sourcesOf } from './analysisSources';
import { sourceRows, sourcesCsv, sourcesMarkdown, type SourceRow } from '../core/sources/table';
import { isNewsDocument, type AnalysisCache } from './analysisCache';
import type { ArticleSources } from '../core/sources/types';

export const SHOW_SOURCES_PANEL = 'newsAnnotator.showSourcesAcrossArticles';
export const EXPORT_SOURCES_CSV = 'newsAnnotator.exportSourcesCsv';
export const EXPORT_SOURCES_MARKDOWN = 'newsAnnotator.exportSourcesMarkdown';

export class SourcesPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly cache: AnalysisCache) {
    this.disposables.push(
      vscode.commands.registerCommand(SHOW_SOURCES_PANEL, () => this.show()),
      vscode.commands.registerCommand(EXPORT_SOURCES_CSV, () => this.export('csv')),
      vscode.commands.registerCommand(EXPORT_SOURCES_MARKDOWN, () => this.export('markdown')),
      cache.onDidAnalyze(() => this.scheduleRender()),
      vscode.workspace.onDidCloseTextDocument(() => this.scheduleRender()),
    );
  }

  /** The rows of every open news article, each analysed (or waited for) first; in file-name order. */
  async rows(): Promise<{ rows: SourceRow[]; articles: string[] }> {
    const docs = vscode.workspace.textDocuments.filter((d) => isNewsDocument(d) && !d.isClosed).sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    const rows: SourceRow[] = [];
    const articles: string[] = [];
    for (const doc of docs) {
      const sources = await this.latestSources(doc);
      if (!sources) continue;
      const name = vscode.workspace.asRelativePath(doc.uri, false);
      articles.push(name);
      rows.push(...sourceRows(name, sources));
    }
    return { rows, articles };
  }

  /** The sources of the document's latest analysis (one edited meanwhile is analysed again first); none once it closed. */
  private async latestSources(doc: vscode.TextDocument): Promise<ArticleSources | undefined> {
    for (;;) {
      const analyzed = await this.cache.whenAnalyzed(doc);
      if (!analyzed) return undefined;
      try {
        return await sourcesOf(analyzed.analysis);
      } catch (err) {
        if (!(err instanceof SourcesSuperseded)) throw err;
      }
    }
  }

  async show(): Promise<vscode.WebviewPanel> {
    if (!this.panel) {
      // No local resources and no remote ones: the page is one document with its own style and script.
      this.panel = vscode.window.createWebviewPanel('newsAnnotator.sources', 'Sources across Articles', vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined), null, this.disposables);
      this.panel.webview.onDidReceiveMessage((m: unknown) => {
        const format = typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'export' ? (m as { format?: unknown }).format : undefined;
        if (format === 'csv' || format === 'markdown') void this.export(format);
      }, null, this.disposables);
    } else this.panel.reveal();
    await this.render();
    return this.panel;
  }

  private scheduleRender(): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), 300);
  }

  private async render(): Promise<void> {
    const { rows, articles } = await this.rows();
    if (this.panel) this.panel.webview.html = sourcesPageHtml(rows, articles, { nonce: randomBytes(18).toString('base64') });
  }

  /** Asks where, then writes the rows; returns the file written, or undefined when cancelled. */
  async export(format: 'csv' | 'markdown', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const { rows } = await this.rows();
    if (rows.length === 0) {
      void vscode.window.showInformationMessage('No open news article has a source to export.');
      return undefined;
    }
    const ext = format === 'csv' ? 'csv' : 'md';
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: `Export sources as ${format === 'csv' ? 'CSV' : 'Markdown'}`,
        filters: format === 'csv' ? { CSV: ['csv'] } : { Markdown: ['md'] },
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `sources.${ext}`) } : {}),
      }));
    if (!uri) return undefined;
    const text = format === 'csv' ? sourcesCsv(rows) : sourcesMarkdown(rows);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    void vscode.window.showInformationMessage(`Exported ${rows.length} source${rows.length === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(uri, false)}.`);
    return uri;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
