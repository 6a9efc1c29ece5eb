// One analysis per news document and version, shared by every editor feature. Edits are analysed
// once per change burst (after a short quiet period), off the extension host's thread when the
// analyzer runs on a worker; requests made mid-burst wait for that analysis instead of starting
// their own.
import * as vscode from 'vscode';
import { ModelAssetError } from '../core/models/assetFile';
import { AnalysisIndex } from '../core/present/analysisIndex';
import { ArticleSizeGate } from '../core/text/articleSize';
import type { Analysis } from '../core/types';
import type { EntityCorrection } from '../core/annotations/types';
import { applyEntityCorrections } from '../core/entities/corrections';
import { NEWS_LANGUAGE } from './languageDetection';

export type AsyncAnalyzer = (text: string) => Promise<Analysis>;

export interface AnalyzedDocument {
  readonly document: vscode.TextDocument;
  /** The document version the analysis was computed from. */
  readonly version: number;
  /** The text that was analysed (offsets in the analysis refer to it). */
  readonly text: string;
  readonly analysis: Analysis;
  readonly index: AnalysisIndex;
  /** Time from handing the text to the analyzer to receiving the analysis, in milliseconds. */
  readonly analyzeMs: number;
  /** Set when the document is over the editor's size limit: the analysis is then empty. */
  readonly tooLarge?: boolean;
}

/** The editor's size limit (`newsAnnotator.maxArticleSizeMB`) and how to tell the user about it. */
export interface SizeLimit {
  /** The limit in UTF-8 bytes (Infinity: none). */
  maxBytes(): number;
  /** Fires when the limit may have changed. */
  readonly onDidChange: vscode.Event<unknown>;
  /** Shows the one notice for a document that went over the limit. */
  notify(message: string): void;
}

const NO_SIZE_LIMIT: SizeLimit = { maxBytes: () => Infinity, onDidChange: () => new vscode.Disposable(() => undefined), notify: () => undefined };

function emptyAnalysis(length: number): Analysis {
  return {
    length,
    structure: { headline: null, subheadings: [], datelines: [], bylines: [], captions: [], residue: [], paragraphs: [] },
    sentences: [],
    quotes: [],
    entities: [],
    claims: [],
  };
}

/** Quiet period after the last keystroke before an edit burst is analysed. */
export const ANALYSIS_DEBOUNCE_MS = 200;

export function isNewsDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === NEWS_LANGUAGE;
}

export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, AnalyzedDocument>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents being analysed now, and whether another pass was asked for meanwhile. */
  private readonly running = new Map<string, { again: boolean }>();
  private readonly emitter = new vscode.EventEmitter<AnalyzedDocument>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private disposed = false;
  /** The reviewer's entity corrections of a document (from its sidecar), applied to each analysis. */
  private corrector: (doc: vscode.TextDocument) => readonly EntityCorrection[] = () => [];
  /** Set once the user has been told that the model files are unusable. */
  private toldAboutModels = false;
  private readonly sizeGate = new ArticleSizeGate();
  private maxBytes: number;
  /** Fires when the analysis of a document's current version is ready. */
  readonly onDidAnalyze = this.emitter.event;

  constructor(private readonly analyze: AsyncAnalyzer, private readonly debounceMs = ANALYSIS_DEBOUNCE_MS, private readonly sizeLimit: SizeLimit = NO_SIZE_LIMIT) {
    this.maxBytes = sizeLimit.maxBytes();
    // A changed limit re-decides every open article (one over the old limit may be under the new).
    sizeLimit.onDidChange(() => {
      const maxBytes = sizeLimit.maxBytes();
      if (maxBytes === this.maxBytes) return;
      this.maxBytes = maxBytes;
      for (const doc of vscode.workspace.textDocuments) {
        this.entries.delete(doc.uri.toString());
        this.schedule(doc, 0);
      }
    }, this, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) this.schedule(e.document, this.debounceMs);
    }, this, this.disposables);
    // A language switch (e.g. plaintext -> news) reaches extensions as a close followed by an open.
    vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0), this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc), this, this.disposables);
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  /** The analysis of the current version if it is already cached; never starts one. */
  peek(doc: vscode.TextDocument): AnalyzedDocument | undefined {
    const cached = this.entries.get(doc.uri.toString());
    return cached && cached.version === doc.version ? cached : undefined;
  }

  /** Makes sure the current version gets analysed soon (e.g. when an editor first shows it). */
  ensure(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.peek(doc) && !this.pending.has(key) && !this.running.has(key)) this.schedule(doc, 0);
  }

  /**
   * The analysis of the document's current version: at once when cached, otherwise when the
   * pending analysis lands. Resolves undefined when cancelled or when the document closes.
   */
  whenAnalyzed(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<AnalyzedDocument | undefined> {
    const cached = this.peek(doc);
    if (cached) return Promise.resolve(cached);
    if (!isNewsDocument(doc) || doc.isClosed || this.disposed) return Promise.resolve(undefined);
    this.ensure(doc);
    return new Promise((resolve) => {
      const listeners: vscode.Disposable[] = [];
      const finish = (result: AnalyzedDocument | undefined) => {
        vscode.Disposable.from(...listeners).dispose();
        resolve(result);
      };
      this.onDidAnalyze((analyzed) => {
        if (analyzed.document === doc && analyzed.version === doc.version) finish(analyzed);
      }, undefined, listeners);
      vscode.workspace.onDidCloseTextDocument((closed) => {
        if (closed === doc) finish(undefined);
      }, undefined, listeners);
      if (token) listeners.push(token.onCancellationRequested(() => finish(undefined)));
    });
  }

  /** Sets where the reviewer's corrections come from; they win over the model in every later analysis. */
  setCorrector(corrector: (doc: vscode.TextDocument) => readonly EntityCorrection[]): void {
    this.corrector = corrector;
  }

  /** Analyses the document again (e.g. its corrections changed); the old analysis stays shown until then. */
  refresh(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const cached = this.entries.get(key);
    if (cached) this.entries.set(key, { ...cached, version: -1 });
    this.schedule(doc, 0);
  }

  private schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (!isNewsDocument(doc) || this.disposed) return;
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.run(doc);
      }, delayMs),
    );
  }

  private async run(doc: vscode.TextDocument): Promise<void> {
    // The document may have been closed or switched to another language meanwhile.
    if (doc.isClosed || !isNewsDocument(doc) || this.peek(doc) || this.disposed) return;
    const key = doc.uri.toString();
    const busy = this.running.get(key);
    if (busy) {
      busy.again = true; // one analysis per document at a time; the newest text goes next
      return;
    }
    const version = doc.version;
    const text = doc.getText();
    const size = this.sizeGate.decide(key, fileName(doc.uri), text, this.maxBytes);
    if (size.notice) this.sizeLimit.notify(size.notice);
    if (!size.analyse) {
      // Over the limit: an empty analysis clears what every feature showed, at no cost.
      const analysis = emptyAnalysis(text.length);
      const entry: AnalyzedDocument = { document: doc, version, text, analysis, index: new AnalysisIndex(analysis), analyzeMs: 0, tooLarge: true };
      this.entries.set(key, entry);
      this.emitter.fire(entry);
      return;
    }
    const state = { again: false };
    this.running.set(key, state);
    const started = performance.now();
    let analysis: Analysis | undefined;
    try {
      analysis = applyEntityCorrections(await this.analyze(text), this.corrector(doc));
    } catch (err) {
      console.error(`News Annotator: analysis failed for ${doc.uri.toString()}:`, err);
      // A missing or damaged model file breaks every analysis: say so once, in words a user can act on.
      if (err instanceof ModelAssetError && !this.toldAboutModels) {
        this.toldAboutModels = true;
        void vscode.window.showErrorMessage(`News Annotator cannot analyse: ${err.message}`);
      }
    } finally {
      this.running.delete(key);
    }
    if (this.disposed || doc.isClosed) return;
    if (analysis) {
      const entry: AnalyzedDocument = {
        document: doc, version, text, analysis, index: new AnalysisIndex(analysis), analyzeMs: performance.now() - started,
      };
      this.entries.set(key, entry);
      // Listeners get only analyses of the text they see: a stale one is superseded below.
      if (doc.version === version) this.emitter.fire(entry);
    }
    if ((state.again || doc.version !== version) && !this.pending.has(key)) this.schedule(doc, 0);
  }

  private forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.sizeGate.forget(key);
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.entries.delete(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.entries.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}
