// One analysis per news document and version, shared by every editor feature. A small edit is
// analysed at once (the worker re-analyses only what it changed), a large one after a short quiet
// period; one analysis per document runs at a time, and edits made meanwhile are analysed together
// next, so a typing burst never queues up. Analysis runs off the extension host's thread when the
// analyzer runs on a worker; requests made mid-burst wait for that analysis instead of starting
// their own. A long article's first analysis is preceded by a preview of what is on screen, asked
// for before the article's whole text is even read.
import * as vscode from 'vscode';
import { ModelAssetError } from '../core/models/assetFile';
import { AnalysisIndex } from '../core/present/analysisIndex';
import { ArticleSizeGate } from '../core/text/articleSize';
import type { Analysis, Span } from '../core/types';
import type { Corrections } from '../core/annotations/types';
import { viewportWindow, wholeParagraphs, worthPreviewing } from '../core/firstPaint/viewport';
import { DocumentTexts } from './documentTexts';
import type { TextEdit } from '../core/text/textEdit';
import { NEWS_LANGUAGE } from './languageDetection';
import { timingsOf, type AnalysisTimings } from './analysisTimings';

/**
 * Analyses a text; `document` names the open document it is from, so an analyzer may reuse what it
 * computed for its earlier texts; `corrections` are the reviewer's, which win over the model;
 * `change`, when known, is the text as a change to the text last handed over for the document.
 */
export type AsyncAnalyzer = (text: string, document?: string, corrections?: Corrections, change?: TextChangeSince) => Promise<Analysis>;

/** A text as the change to an earlier text (`from`, the very string handed over before). */
export interface TextChangeSince {
  readonly from: string;
  readonly edit: TextEdit;
}

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
  /** When each stage of getting this analysis happened, for the latency report. */
  readonly stages?: AnalysisStages;
}

/** Moments on performance.now()'s clock, in milliseconds, from the edit to the analysis in the cache. */
export interface AnalysisStages {
  /** The last change event of the version analysed reached the host (undefined: opened, not edited). */
  readonly changed?: number;
  /** The analysis was started (after any quiet period). */
  readonly started: number;
  /** On the worker and back (none when the analyzer runs in-process). */
  readonly worker?: AnalysisTimings;
  /** The analysis and its index were in the cache. */
  readonly indexed: number;
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

/** Quiet period after the last change of a large edit (a paste, a replace-all) before it is analysed. */
export const ANALYSIS_DEBOUNCE_MS = 200;

/** An edit that inserts and removes at most this many characters, in one change, is analysed at once. */
export const SMALL_EDIT_CHARS = 200;

/** How long, at most, a long article's whole text waits for the preview of what is on screen before it is sent. */
const PREVIEW_WAIT_MS = 1_000;

/**
 * Above this many characters, what is rebuilt whole from an analysis and handed to the workbench
 * whole (the outline, folding, the News view) waits for a pause in typing: thousands of symbols
 * serialised on every keystroke would stall the extension host while the user types.
 */
export const SETTLE_ABOVE_CHARS = 200_000;

/** The pause in typing, in milliseconds, that those features of a long article wait for. */
export const SETTLE_MS = 750;

/**
 * Analyses `slice`, the text of `stretch` in a document of `length` characters, on its own, with
 * the reviewer's `corrections`; offsets into the document (see core/firstPaint/shift.ts).
 */
export type StretchAnalyzer = (slice: string, stretch: Span, length: number, corrections?: Corrections) => Promise<Analysis | undefined>;

/** A preview: the analysis of a stretch of a document's text on its own, before the whole is analysed. */
export interface PreviewedDocument {
  readonly document: vscode.TextDocument;
  readonly version: number;
  /** The stretch analysed; outside it the preview holds nothing. */
  readonly stretch: Span;
  readonly analysis: Analysis;
  /** When it was asked for and its way through the worker, for the latency report. */
  readonly previewStages?: { readonly asked: number; readonly worker?: AnalysisTimings; readonly ready: number };
}

export function isNewsDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === NEWS_LANGUAGE;
}

/** An analysis in progress: `again`, the document to analyse once it is done. */
interface Running {
  again?: vscode.TextDocument;
}

export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, AnalyzedDocument>();
  /** The latest preview of a long document not analysed yet, for editors that show it after it came. */
  private readonly previews = new Map<string, PreviewedDocument>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * The analysis running for each document key, and the document to analyse next when it is done
   * (set when a newer text, or a newly opened document under the same URI, asked meanwhile).
   */
  private readonly running = new Map<string, Running>();
  /** Each analysed document's text, followed through its edits rather than read whole again. */
  private readonly texts = new DocumentTexts();
  /** When each document last changed (performance.now()), for features that wait for a pause in typing. */
  private readonly lastChange = new Map<string, number>();
  private readonly emitter = new vscode.EventEmitter<AnalyzedDocument>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private disposed = false;
  /** The reviewer's entity corrections of a document (from its sidecar), applied to each analysis. */
  private corrector: (doc: vscode.TextDocument) => Corrections | undefined = () => undefined;
  /** Set once the user has been told that the model files are unusable. */
  private toldAboutModels = false;
  private readonly sizeGate = new ArticleSizeGate();
  private maxBytes: number;
  /** Fires when the analysis of a document's current version is ready. */
  readonly onDidAnalyze = this.emitter.event;
  private readonly previewEmitter = new vscode.EventEmitter<PreviewedDocument>();
  /** Fires when a preview of what is on screen is ready, before a long document's first analysis. */
  readonly onDidPreview = this.previewEmitter.event;

  /**
   * @param analyze the analysis of a whole text
   * @param debounceMs the quiet period before a large edit is analysed
   * @param sizeLimit the editor's size limit, above which a document is not analysed
   * @param preview the analysis of a stretch on its own, for long documents' first paint (none: no preview)
   * @param forgetDocument called when a document closes, so the analyzer can drop what it kept for it
   */
  constructor(
    private readonly analyze: AsyncAnalyzer,
    private readonly debounceMs = ANALYSIS_DEBOUNCE_MS,
    private readonly sizeLimit: SizeLimit = NO_SIZE_LIMIT,
    private readonly preview?: StretchAnalyzer,
    private readonly forgetDocument?: (document: string) => void,
  ) {
    this.disposables.push(this.previewEmitter);
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
      if (!e.contentChanges.length) return;
      const key = e.document.uri.toString();
      this.lastChange.set(key, performance.now());
      this.texts.applyChanges(key, e.document.version, e.contentChanges, documentLength(e.document));
      this.schedule(e.document, isSmallEdit(e.contentChanges) ? 0 : this.debounceMs);
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

  /** The preview of the current version, while its analysis is still on its way. */
  previewOf(doc: vscode.TextDocument): PreviewedDocument | undefined {
    const preview = this.previews.get(doc.uri.toString());
    return preview && preview.version === doc.version && !this.peek(doc) ? preview : undefined;
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

  /**
   * Like whenAnalyzed, but for a long article (over SETTLE_ABOVE_CHARS) only once it has gone
   * SETTLE_MS without an edit: for what is rebuilt whole on each analysis and is not needed while
   * the user types. Resolves undefined when cancelled or when the document closes.
   */
  async whenSettled(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<AnalyzedDocument | undefined> {
    for (;;) {
      const analyzed = await this.whenAnalyzed(doc, token);
      if (!analyzed || token?.isCancellationRequested) return undefined;
      const sinceEdit = performance.now() - (this.lastChange.get(doc.uri.toString()) ?? -Infinity);
      if (analyzed.text.length <= SETTLE_ABOVE_CHARS || sinceEdit >= SETTLE_MS) return analyzed;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, SETTLE_MS - sinceEdit);
        const cancel = token?.onCancellationRequested(done);
        function done() {
          clearTimeout(timer);
          cancel?.dispose();
          resolve();
        }
      });
      if (token?.isCancellationRequested || doc.isClosed || this.disposed) return undefined;
    }
  }

  /** Whether an analysis of this document is whole-article work worth putting off until typing pauses. */
  isLong(analyzed: AnalyzedDocument): boolean {
    return analyzed.text.length > SETTLE_ABOVE_CHARS;
  }

  /** Sets where the reviewer's corrections come from; they win over the model in every later analysis. */
  setCorrector(corrector: (doc: vscode.TextDocument) => Corrections | undefined): void {
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
      busy.again = doc; // one analysis per document at a time; the newest text goes next
      return;
    }
    const begun = performance.now();
    const version = doc.version;
    const changedAt = this.lastChange.get(key);
    // The first paint of a long article: what is on screen is asked for before the whole text is
    // read and sent, when the document is surely under the size limit (each character is at most 3
    // bytes of UTF-8); otherwise once the limit is checked below.
    const first = !this.entries.has(key);
    const surelyUnder = documentLength(doc) * 3 <= this.maxBytes;
    const previewed = first && surelyUnder ? this.startPreview(doc, version) : undefined;
    if (previewed) {
      // The whole text is read and sent once the preview is back (or PREVIEW_WAIT_MS passed): that
      // holds the host's thread (on 10 MB for several hundred milliseconds), which would hold the
      // preview's paint; the worker is busy with the preview meanwhile anyway.
      const waiting: Running = {};
      this.running.set(key, waiting);
      await Promise.race([previewed, new Promise((resolve) => setTimeout(resolve, PREVIEW_WAIT_MS))]);
      this.running.delete(key);
      if (this.disposed) return;
      if (doc.isClosed || waiting.again || doc.version !== version) {
        this.next(key, waiting.again ?? doc);
        return;
      }
    }
    const text = this.texts.textOf(key, version, () => doc.getText());
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
    const state: Running = {};
    this.running.set(key, state);
    const started = performance.now();
    if (first && !surelyUnder) void this.startPreview(doc, version);
    let analysis: Analysis | undefined;
    try {
      const change = this.texts.editSinceHanded(key);
      this.texts.handedOn(key);
      analysis = await this.analyze(text, key, this.corrector(doc), change);
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
    if (this.disposed) return;
    // A document closed meanwhile is done with; one opened since under the same URI (an untitled
    // name given again, a language switch) asked to go next, and must not be left waiting.
    if (doc.isClosed) {
      if (state.again) this.next(key, state.again);
      return;
    }
    // An analysis of a text edited since is not kept: nothing reads it (peek wants the current
    // version), and its index would cost the host thread for nothing; the newest text goes next.
    if (analysis && doc.version === version) {
      const analyzeMs = performance.now() - started;
      const index = new AnalysisIndex(analysis);
      const stages: AnalysisStages = { changed: changedAt, started: begun, worker: timingsOf(analysis), indexed: performance.now() };
      const entry: AnalyzedDocument = { document: doc, version, text, analysis, index, analyzeMs, stages };
      this.entries.set(key, entry);
      this.previews.delete(key);
      this.emitter.fire(entry);
    }
    if (state.again || doc.version !== version) this.next(key, state.again ?? doc);
  }

  /** Schedules the analysis of `doc` (the key's document that asked last) unless it is closed or one is pending. */
  private next(key: string, doc: vscode.TextDocument): void {
    if (!doc.isClosed && !this.pending.has(key)) this.schedule(doc, 0);
  }

  /**
   * Asks for a preview of what is on screen (the top of the text when no editor shows it yet, as an
   * editor opens at the top), with a margin, in whole paragraphs, of a long document not analysed
   * before. Reads and sends only that part of the text; asked before the whole analysis, so the
   * worker answers it first.
   */
  private startPreview(doc: vscode.TextDocument, version: number): Promise<void> | undefined {
    if (!this.preview) return undefined;
    const length = documentLength(doc);
    const visible = vscode.window.visibleTextEditors
      .filter((e) => e.document === doc)
      .flatMap((e) => e.visibleRanges.map((r) => ({ start: doc.offsetAt(r.start), end: doc.offsetAt(r.end) })));
    const window = viewportWindow(visible, length);
    if (!worthPreviewing(window, length)) return undefined;
    const slice = doc.getText(new vscode.Range(doc.positionAt(window.start), doc.positionAt(window.end)));
    const stretch = wholeParagraphs(slice, window, length);
    const asked = performance.now();
    // The reviewer's corrections hold in the preview too: a name they marked as no entity is not painted, even briefly.
    const corrections = this.corrector(doc);
    return this.preview(slice.slice(stretch.start - window.start, stretch.end - window.start), stretch, length, corrections).then((analysis) => {
      // Too late (the whole analysis is in, or the text changed since): a preview never replaces a newer result.
      if (!analysis || this.disposed || doc.isClosed || doc.version !== version || this.peek(doc)) return;
      const previewStages = { asked, worker: timingsOf(analysis), ready: performance.now() };
      const preview: PreviewedDocument = { document: doc, version, stretch, analysis, previewStages };
      this.previews.set(doc.uri.toString(), preview);
      this.previewEmitter.fire(preview);
    });
  }

  private forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.sizeGate.forget(key);
    this.forgetDocument?.(key);
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.entries.delete(key);
    this.previews.delete(key);
    this.lastChange.delete(key);
    this.texts.forget(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.entries.clear();
    this.previews.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** The document's length in characters, without copying its text out (offsets are kept per line). */
function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

/** One change that inserts and removes few characters (typing, a deletion, a word pasted). */
function isSmallEdit(changes: readonly vscode.TextDocumentContentChangeEvent[]): boolean {
  return changes.length === 1 && changes[0]!.rangeLength + changes[0]!.text.length <= SMALL_EDIT_CHARS;
}
