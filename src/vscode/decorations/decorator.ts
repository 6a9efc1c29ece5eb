// Paints quotes, speakers, entities and page residue (and any registered extra sources) in every
// visible editor that shows a news document, from the shared analysis cache. A style's ranges are
// sent to the editor only when they changed: the ranges last sent are carried through each edit as
// the editor carries its decorations, and a style whose new ranges equal them is left alone.
// Before a long document's first analysis, the preview of what is on screen is painted there.
import * as vscode from 'vscode';
import { AnalysisIndex } from '../../core/present/analysisIndex';
import type { Span } from '../../core/types';
import type { AnalysisCache, AnalyzedDocument, PreviewedDocument } from '../analysisCache';
import { isNewsDocument } from '../analysisCache';
import type { ConfigWatcher, HighlightConfig } from '../config';
import { BUILT_IN_STYLES, type BuiltInStyle } from './styles';
import { carryRanges, sameRanges } from './rangeDiff';
import type { DecorationSource } from './sources';

/** Which offsets each style received in one editor: `{ quote: [[start, end], …], … }`. */
export type AppliedDecorations = Record<string, Array<[number, number]>>;

/** The text each style attached after its ranges (verdict chips), in the same order as the ranges. */
export type AppliedTexts = Record<string, string[]>;

export interface DecorationsApplied {
  editor: vscode.TextEditor;
  version: number;
  /** Time spent converting spans and calling setDecorations, in milliseconds. */
  applyMs: number;
  /** True for the preview of what is on screen, painted before the document's first analysis. */
  preview: boolean;
  /** The built-in styles whose ranges were sent (the others had not changed). */
  sent: string[];
}

/**
 * Above this many characters an article is decorated only around what is on screen (plus a
 * margin), except the quote style, whose overview-ruler marks need the whole document: tens of
 * thousands of ranges would otherwise be converted and sent to the renderer on every pass.
 */
export const WINDOWED_ABOVE_CHARS = 200_000;
const WINDOW_MARGIN_LINES = 300;

/** A preview, as painted: the analysis of one stretch of the document, which outside it holds nothing. */
interface PreviewPaint {
  readonly version: number;
  readonly analysis: AnalyzedDocument['analysis'];
  readonly index: AnalysisIndex;
  readonly stretch: Span;
}

/** What a pass paints from: a whole analysis, or the preview of what is on screen. */
type Painted = AnalyzedDocument | PreviewPaint;

interface LiveStyle {
  type: vscode.TextEditorDecorationType;
  key: string;
}

interface RegisteredSource {
  source: DecorationSource;
  types: Map<string, vscode.TextEditorDecorationType>;
}

export class NewsDecorator implements vscode.Disposable {
  private readonly styles = new Map<string, LiveStyle>();
  private readonly sources: RegisteredSource[] = [];
  private readonly applied = new WeakMap<vscode.TextEditor, AppliedDecorations>();
  private readonly appliedText = new WeakMap<vscode.TextEditor, AppliedTexts>();
  /** For large articles: the offsets each editor was decorated for. */
  private readonly windows = new WeakMap<vscode.TextEditor, Span>();
  /** The decoration type each style's ranges were last sent with, per editor (a recreated type starts empty). */
  private readonly sentTypes = new WeakMap<vscode.TextEditor, Map<string, vscode.TextEditorDecorationType>>();
  /** Styles whose ranges in an editor an edit touched since they were sent: they are sent again. */
  private readonly touched = new WeakMap<vscode.TextEditor, Set<string>>();
  /** Sorted spans per style, computed once per analysis. */
  private readonly spanCache = new WeakMap<Painted, Map<string, Span[]>>();
  private readonly appliedEmitter = new vscode.EventEmitter<DecorationsApplied>();
  private readonly disposables: vscode.Disposable[] = [this.appliedEmitter];
  private visible = true;
  /** Fires after decorations were applied to an editor (used to measure edit-to-paint latency). */
  readonly onDidApply = this.appliedEmitter.event;

  constructor(private readonly cache: AnalysisCache, private readonly config: ConfigWatcher) {
    this.syncStyles(config.current.highlight);
    cache.onDidAnalyze((analyzed) => this.applyToDocument(analyzed), this, this.disposables);
    cache.onDidPreview((previewed) => this.applyPreview(previewed), this, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => this.carryThroughEdit(e), this, this.disposables);
    vscode.window.onDidChangeVisibleTextEditors(() => this.applyAll(), this, this.disposables);
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.followScroll(e.textEditor), this, this.disposables);
    config.onDidChange((c) => {
      this.syncStyles(c.highlight);
      this.applyAll();
    }, this, this.disposables);
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.highlightsVisible', this.visible);
    this.applyAll();
  }

  get highlightsVisible(): boolean {
    return this.visible;
  }

  /** Shows or hides every highlight for this session without touching the settings. */
  toggle(): boolean {
    this.visible = !this.visible;
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.highlightsVisible', this.visible);
    this.applyAll();
    return this.visible;
  }

  /** Adds decorations from another feature; disposing the result removes them. */
  registerSource(source: DecorationSource): vscode.Disposable {
    const types = new Map<string, vscode.TextEditorDecorationType>();
    for (const [name, options] of Object.entries(source.styles())) {
      types.set(name, vscode.window.createTextEditorDecorationType(options));
    }
    const entry: RegisteredSource = { source, types };
    this.sources.push(entry);
    const listener = source.onDidChange?.((uri) => this.applyAll(uri));
    this.applyAll();
    return new vscode.Disposable(() => {
      listener?.dispose();
      for (const type of types.values()) type.dispose();
      this.sources.splice(this.sources.indexOf(entry), 1);
    });
  }

  /** The ranges each style last received in `editor`, as document offsets. */
  appliedTo(editor: vscode.TextEditor): AppliedDecorations {
    return this.applied.get(editor) ?? {};
  }

  /** The `after` texts (verdict chips) each style last attached in `editor`. */
  textsIn(editor: vscode.TextEditor): AppliedTexts {
    return this.appliedText.get(editor) ?? {};
  }

  /** Creates each style's decoration type once; recreates it only when its own options changed. */
  private syncStyles(config: HighlightConfig): void {
    for (const style of BUILT_IN_STYLES) {
      const key = style.optionsKey(config);
      const live = this.styles.get(style.id);
      if (live && live.key === key) continue;
      live?.type.dispose();
      this.styles.set(style.id, { type: vscode.window.createTextEditorDecorationType(style.options(config)), key });
    }
  }

  private applyAll(uri?: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      if (!isNewsDocument(doc) || (uri && doc.uri.toString() !== uri.toString())) continue;
      const analyzed = this.cache.peek(doc);
      if (analyzed) this.apply(editor, analyzed);
      else {
        // The preview of what is on screen, if one came before this editor showed the document.
        const preview = this.cache.previewOf(doc);
        if (preview) this.applyPreview(preview);
        this.cache.ensure(doc); // painted when the analysis arrives
      }
    }
  }

  private applyToDocument(analyzed: AnalyzedDocument): void {
    // Read the visible editors now, not when the edit happened: editors may have closed or split since.
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === analyzed.document) this.apply(editor, analyzed);
    }
  }

  /** Paints the preview of what is on screen in the editors showing it, while no analysis is there yet. */
  private applyPreview(previewed: PreviewedDocument): void {
    if (this.cache.peek(previewed.document)) return;
    const painted: PreviewPaint = { version: previewed.version, analysis: previewed.analysis, index: new AnalysisIndex(previewed.analysis), stretch: previewed.stretch };
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === previewed.document) this.apply(editor, painted);
    }
  }

  /**
   * Carries the ranges last sent to each editor of the document through an edit, as the editor
   * moves its decorations: ranges after the edit shift, ranges before it stay. A style with a range
   * the edit touches (the editor may grow or cut it) is marked to be sent again.
   */
  private carryThroughEdit(e: vscode.TextDocumentChangeEvent): void {
    if (!e.contentChanges.length) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== e.document) continue;
      const record = this.applied.get(editor);
      if (!record) continue;
      let touched = this.touched.get(editor);
      if (!touched) this.touched.set(editor, (touched = new Set()));
      const change = e.contentChanges.length === 1 ? e.contentChanges[0]! : undefined;
      for (const style of BUILT_IN_STYLES) {
        const ranges = record[style.id];
        if (!ranges || touched.has(style.id)) continue;
        // Several changes at once (multi-cursor typing): sent again rather than worked out.
        if (!change || !carryRanges(ranges, change.rangeOffset, change.rangeLength, change.text.length)) touched.add(style.id);
      }
    }
  }

  private apply(editor: vscode.TextEditor, analyzed: Painted): void {
    const doc = editor.document;
    const previewStretch = 'stretch' in analyzed ? analyzed.stretch : undefined;
    if (doc.version !== analyzed.version) return; // a newer analysis is on its way
    const started = performance.now();
    const config = this.config.current.highlight;
    const record: AppliedDecorations = {};
    const texts: AppliedTexts = {};
    const before = this.applied.get(editor);
    const touched = this.touched.get(editor);
    const sent: string[] = [];
    let types = this.sentTypes.get(editor);
    if (!types) this.sentTypes.set(editor, (types = new Map<string, vscode.TextEditorDecorationType>()));
    const toRange = (span: Span) => new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
    const window = previewStretch ?? this.windowFor(editor, analyzed);
    for (const style of BUILT_IN_STYLES) {
      const live = this.styles.get(style.id)!;
      const windowed = window && (style.id !== 'quote' || previewStretch) ? window : undefined;
      let spans: readonly Span[] = [];
      if (this.visible && config[style.setting]) {
        if (windowed && style.spansIn) spans = style.spansIn(analyzed.analysis, analyzed.index, windowed);
        else {
          spans = this.spansOf(style, analyzed);
          if (windowed) spans = spans.filter((s) => s.end >= windowed.start && s.start <= windowed.end);
        }
      }
      const last = before?.[style.id];
      if (last && types.get(style.id) === live.type && !touched?.has(style.id) && sameRanges(last, spans)) {
        record[style.id] = last;
        continue;
      }
      editor.setDecorations(live.type, spans.map(toRange));
      types.set(style.id, live.type);
      record[style.id] = spans.map((s) => [s.start, s.end]);
      sent.push(style.id);
    }
    touched?.clear();
    // The extra sources paint from a whole analysis, never from a preview.
    const whole = 'stretch' in analyzed ? undefined : analyzed;
    for (const { source, types } of whole ? this.sources : []) {
      const ranges = this.visible && whole ? source.ranges(whole) : {};
      for (const [name, type] of types) {
        const list = ranges[name] ?? [];
        editor.setDecorations(type, list as readonly vscode.DecorationOptions[]);
        const options = list.map((r) => (r instanceof vscode.Range ? { range: r } : r));
        record[`${source.id}.${name}`] = options.map(({ range }) => [doc.offsetAt(range.start), doc.offsetAt(range.end)]);
        const after = options.flatMap((o) => (o.renderOptions?.after?.contentText !== undefined ? [o.renderOptions.after.contentText] : []));
        if (after.length > 0) texts[`${source.id}.${name}`] = after;
      }
    }
    this.applied.set(editor, record);
    if (!previewStretch) this.appliedText.set(editor, texts);
    this.appliedEmitter.fire({ editor, version: analyzed.version, applyMs: performance.now() - started, preview: previewStretch !== undefined, sent });
  }

  private spansOf(style: BuiltInStyle, analyzed: Painted): Span[] {
    let perStyle = this.spanCache.get(analyzed);
    if (!perStyle) this.spanCache.set(analyzed, (perStyle = new Map<string, Span[]>()));
    let spans = perStyle.get(style.id);
    if (!spans) {
      spans = [...style.spans(analyzed.analysis, analyzed.index)];
      // Most styles' spans come in text order already (mentions from the index, quotes from the analysis).
      if (!sortedByStart(spans)) spans.sort((a, b) => a.start - b.start);
      perStyle.set(style.id, spans);
    }
    return spans;
  }

  /** The offsets to decorate in a large article (visible lines plus a margin); undefined: all. */
  private windowFor(editor: vscode.TextEditor, analyzed: Painted): Span | undefined {
    if (analyzed.analysis.length <= WINDOWED_ABOVE_CHARS || !editor.visibleRanges.length) {
      this.windows.delete(editor);
      return undefined;
    }
    const doc = editor.document;
    const first = Math.max(0, Math.min(...editor.visibleRanges.map((r) => r.start.line)) - WINDOW_MARGIN_LINES);
    const last = Math.min(doc.lineCount - 1, Math.max(...editor.visibleRanges.map((r) => r.end.line)) + WINDOW_MARGIN_LINES);
    const window = { start: doc.offsetAt(new vscode.Position(first, 0)), end: doc.offsetAt(doc.lineAt(last).range.end) };
    this.windows.set(editor, window);
    return window;
  }

  /** Re-decorates a large article when scrolling gets within half a margin of the decorated window. */
  private followScroll(editor: vscode.TextEditor): void {
    const window = this.windows.get(editor);
    if (!window || !editor.visibleRanges.length) return;
    const doc = editor.document;
    const half = WINDOW_MARGIN_LINES / 2;
    const top = doc.positionAt(window.start).line;
    const bottom = doc.positionAt(window.end).line;
    const first = Math.min(...editor.visibleRanges.map((r) => r.start.line));
    const last = Math.max(...editor.visibleRanges.map((r) => r.end.line));
    const nearTop = top > 0 && first - top < half;
    const nearBottom = bottom < doc.lineCount - 1 && bottom - last < half;
    if (!nearTop && !nearBottom) return;
    const analyzed = this.cache.peek(doc);
    if (analyzed) this.apply(editor, analyzed);
  }

  dispose(): void {
    for (const { type } of this.styles.values()) type.dispose();
    this.styles.clear();
    for (const { types } of this.sources) for (const type of types.values()) type.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}


function sortedByStart(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i]!.start < spans[i - 1]!.start) return false;
  return true;
}
