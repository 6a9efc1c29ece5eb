// One analysis per news document and version, shared by every editor feature. Edits are analysed
// once per change burst (after a short quiet period); providers that need an answer right away
// (hovers, symbols) analyse the current version on demand, which then also serves everyone else.
import * as vscode from 'vscode';
import { AnalysisIndex } from '../core/present/analysisIndex';
import type { Analysis } from '../core/types';
import { NEWS_LANGUAGE } from './languageDetection';

export type Analyzer = (text: string) => Analysis;

export interface AnalyzedDocument {
  readonly document: vscode.TextDocument;
  /** The document version the analysis was computed from. */
  readonly version: number;
  /** The text that was analysed (offsets in the analysis refer to it). */
  readonly text: string;
  readonly analysis: Analysis;
  readonly index: AnalysisIndex;
  /** Time spent in analyze(), in milliseconds. */
  readonly analyzeMs: number;
}

/** Quiet period after the last keystroke before an edit burst is analysed. */
export const ANALYSIS_DEBOUNCE_MS = 200;

export function isNewsDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === NEWS_LANGUAGE;
}

export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, AnalyzedDocument>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<AnalyzedDocument>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Fires after a document version has been analysed. */
  readonly onDidAnalyze = this.emitter.event;

  constructor(private readonly analyze: Analyzer, private readonly debounceMs = ANALYSIS_DEBOUNCE_MS) {
    vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, this.debounceMs), this, this.disposables);
    // A language switch (e.g. plaintext -> news) reaches extensions as a close followed by an open.
    vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0), this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc), this, this.disposables);
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  /** The analysis of the document's current version, computed now if it is not cached. */
  get(doc: vscode.TextDocument): AnalyzedDocument {
    const cached = this.peek(doc);
    if (cached) return cached;
    return this.run(doc);
  }

  /** The analysis of the current version if it is already cached; never computes. */
  peek(doc: vscode.TextDocument): AnalyzedDocument | undefined {
    const cached = this.entries.get(doc.uri.toString());
    return cached && cached.version === doc.version ? cached : undefined;
  }

  /** Makes sure the current version gets analysed soon (used when an editor first shows a document). */
  ensure(doc: vscode.TextDocument): void {
    if (!this.peek(doc)) this.schedule(doc, 0);
  }

  private schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (!isNewsDocument(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        // The document may have been closed or switched to another language meanwhile.
        if (doc.isClosed || !isNewsDocument(doc) || this.peek(doc)) return;
        this.run(doc);
      }, delayMs),
    );
  }

  private run(doc: vscode.TextDocument): AnalyzedDocument {
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    const text = doc.getText();
    const started = performance.now();
    const analysis = this.analyze(text);
    const entry: AnalyzedDocument = {
      document: doc,
      version: doc.version,
      text,
      analysis,
      index: new AnalysisIndex(analysis),
      analyzeMs: performance.now() - started,
    };
    this.entries.set(key, entry);
    this.emitter.fire(entry);
    return entry;
  }

  private forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.entries.delete(key);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.entries.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
