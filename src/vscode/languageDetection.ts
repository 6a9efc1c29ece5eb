// Puts news articles in the `news` language: files matching `newsAnnotator.files`, and other
// `.txt` files whose first kilobytes read like an article (unless `newsAnnotator.detect` is off).
// The extension activates on plain-text files only so that this check can run; it looks at the
// head of the document and nothing else, and leaves every other plain-text file as it is.
import * as vscode from 'vscode';
import { SNIFF_BYTES, sniffNewsArticle } from '../core/sniff';
import type { ConfigWatcher } from './config';

export const NEWS_LANGUAGE = 'news';

export class LanguageDetector implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Documents already judged not to be articles, so a reopened note is not sniffed again. */
  private readonly rejected = new WeakSet<vscode.TextDocument>();

  /** `onArticle` is told the moment a document is found to be an article, before its language is switched. */
  constructor(
    private readonly config: ConfigWatcher,
    private readonly onArticle: () => void = () => undefined,
  ) {
    vscode.workspace.onDidOpenTextDocument((doc) => void this.check(doc), this, this.disposables);
    config.onDidChange(() => this.checkAll(), this, this.disposables);
    this.checkAll();
  }

  private checkAll(): void {
    for (const doc of vscode.workspace.textDocuments) void this.check(doc);
  }

  /** Resolves to true when the document was switched to the news language. */
  async check(doc: vscode.TextDocument): Promise<boolean> {
    if (doc.languageId !== 'plaintext' || this.rejected.has(doc)) return false;
    if (!this.shouldBeNews(doc)) {
      this.rejected.add(doc);
      return false;
    }
    this.onArticle();
    await vscode.languages.setTextDocumentLanguage(doc, NEWS_LANGUAGE);
    return true;
  }

  private shouldBeNews(doc: vscode.TextDocument): boolean {
    const { files, detect } = this.config.current;
    if (files.some((pattern) => vscode.languages.match({ pattern }, doc) > 0)) return true;
    if (!detect || !/\.txt$/i.test(doc.fileName)) return false;
    const head = doc.getText(new vscode.Range(0, 0, doc.positionAt(SNIFF_BYTES).line + 1, 0));
    return sniffNewsArticle(head).isArticle;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
