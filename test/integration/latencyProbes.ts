// What the latency reports measure with (latency.test.ts, latency10mb.test.ts): the longest block of
// the extension host thread, the next decoration pass of a document, and single keystrokes spread
// through an article. Measures only; the reports print, never assert.
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import type { AnalyzedDocument, PreviewedDocument } from '../../src/vscode/analysisCache';
import type { DecorationsApplied } from '../../src/vscode/decorations/decorator';
import { sleep } from './helpers';

export /** Records the longest gap between timer ticks: how long the extension host thread was busy at once. */
function blockMonitor(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

/** The next decoration pass of the document's current version (`preview`: a preview pass counts too). */
export function nextApply(api: NewsAnnotatorApi, doc: vscode.TextDocument, version: () => number, preview = false): Promise<DecorationsApplied> {
  return new Promise((resolve) => {
    const sub = api.decorator.onDidApply((e) => {
      if (e.editor.document === doc && e.version === version() && (preview || !e.preview)) {
        sub.dispose();
        resolve(e);
      }
    });
  });
}

export interface Spread {
  /** Keystroke to the decoration pass of its version, per edit. */
  paintMs: number[];
  /** Keystroke to the editor's edit promise resolving, per edit. */
  roundTripMs: number[];
  longestBlockMs: number;
  /** Built-in styles sent per pass, summed. */
  stylesSent: number;
  /** Per edit, how long each stage from the keystroke to the painted decorations took (see STAGES). */
  stages: Record<Stage, number>[];
}

/** The stages from a keystroke to its decorations, in order; they add up to the keystroke -> decorations time. */
export const STAGES = ['receive', 'wait', 'prepare', 'to worker', 'worker', 'back', 'decode', 'index', 'paint'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * How long each stage of one edit took, from the keystroke at `typed` to the decoration pass that
 * ended at `painted`: the change event reaching the extension (receive), the analysis starting
 * (wait), the request being made (prepare), reaching the worker, the worker's analysis, its reply
 * coming back, the host rebuilding the analysis and its index, and the decoration pass.
 */
export function stagesOf(analyzed: AnalyzedDocument | undefined, typed: number, painted: number): Record<Stage, number> | undefined {
  const s = analyzed?.stages;
  if (!s?.worker || s.changed === undefined) return undefined;
  const w = s.worker;
  const marks = [typed, s.changed, s.started, w.posted, w.workerStart, w.workerEnd, w.received, w.decoded, s.indexed, painted];
  return Object.fromEntries(STAGES.map((name, i) => [name, marks[i + 1]! - marks[i]!])) as Record<Stage, number>;
}

/**
 * One character typed inside a paragraph at `count` places spread from the top to the bottom of
 * the article, each waited for until its decorations are painted, the view scrolled to it first
 * (as a user types where they look).
 */
export async function spreadKeystrokes(api: NewsAnnotatorApi, editor: vscode.TextEditor, count: number): Promise<Spread> {
  const doc = editor.document;
  const out: Spread = { paintMs: [], roundTripMs: [], longestBlockMs: 0, stylesSent: 0, stages: [] };
  for (let k = 0; k < count; k++) {
    let line = Math.floor(((k + 0.5) / count) * doc.lineCount);
    while (line < doc.lineCount - 1 && doc.lineAt(line).text.length < 20) line++;
    const at = new vscode.Position(line, 10);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await sleep(80);
    const monitor = blockMonitor();
    // The pass of the version this edit makes, not a late pass of the one before (a scroll repaints).
    const edited = doc.version + 1;
    const painted = nextApply(api, doc, () => edited);
    const t = performance.now();
    await editor.edit((b) => b.insert(at, 'x'));
    out.roundTripMs.push(performance.now() - t);
    const pass = await painted;
    const paintedAt = performance.now();
    out.paintMs.push(paintedAt - t);
    const analyzed = api.analyses.peek(doc);
    const stages = stagesOf(analyzed, t, paintedAt);
    if (stages) out.stages.push(stages);

    out.stylesSent += pass.sent.length;
    out.longestBlockMs = Math.max(out.longestBlockMs, monitor.stop());
  }
  return out;
}

export function reportSpread(label: string, s: Spread): void {
  const pct = (xs: number[], p: number) => {
    if (!xs.length) return NaN;
    const sorted = [...xs].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
  };
  const n = s.paintMs.length;
  console.log(`latency: ${label}, one keystroke at ${n} places spread through the file: keystroke -> updated decorations p50 ${pct(s.paintMs, 50)} ms, p95 ${pct(s.paintMs, 95)} ms; keystroke round trip p50 ${pct(s.roundTripMs, 50)} ms, p95 ${pct(s.roundTripMs, 95)} ms; longest extension-host block ${Math.round(s.longestBlockMs * 10) / 10} ms; styles sent per pass ${(s.stylesSent / n).toFixed(1)} of 7`);
  if (s.stages.length) {
    const parts = STAGES.map((stage) => `${stage} ${pct(s.stages.map((x) => x[stage]), 50)}/${pct(s.stages.map((x) => x[stage]), 95)}`);
    console.log(`latency: ${label}, where the keystroke -> decorations time goes (p50/p95 ms over ${s.stages.length} edits): ${parts.join(', ')}`);
  }
}

/** Moments of opening an article, on the host's performance.now() clock (see openProbe). */
export interface OpenMarks {
  opened: number;
  documentOpen?: number;
  shown?: number;
  preview?: PreviewedDocument;
  previewPainted?: number;
  full?: AnalyzedDocument;
  fullPainted?: number;
}

/**
 * Follows the opening of the next article `matches` picks, from `opened` (just before the call that
 * opens it): when its preview and its whole analysis went through each stage, and when each was
 * painted. The caller sets documentOpen and shown; `done` resolves once the whole analysis is painted.
 */
export function openProbe(api: NewsAnnotatorApi, matches: (doc: vscode.TextDocument) => boolean): { marks: OpenMarks; done: Promise<OpenMarks>; dispose(): void } {
  const marks: OpenMarks = { opened: performance.now() };
  const subs: vscode.Disposable[] = [];
  const done = new Promise<OpenMarks>((resolve) => {
    subs.push(api.analyses.onDidPreview((p) => {
      if (matches(p.document) && !marks.preview) marks.preview = p;
    }));
    subs.push(api.decorator.onDidApply((e) => {
      if (!matches(e.editor.document) || e.version !== e.editor.document.version) return;
      const now = performance.now();
      if (e.preview) marks.previewPainted ??= now;
      else if (marks.fullPainted === undefined) {
        marks.fullPainted = now;
        marks.full = api.analyses.peek(e.editor.document);
        resolve(marks);
      }
    }));
  });
  return { marks, done, dispose: () => void vscode.Disposable.from(...subs).dispose() };
}

/** Prints where the time from opening an article to its highlights went, stage by stage. */
export function reportOpen(label: string, m: OpenMarks): void {
  const at = (t: number | undefined) => (t === undefined ? '-' : `${Math.round(t - m.opened)}`);
  const parts = [`document open ${at(m.documentOpen)}`, `editor shown ${at(m.shown)}`];
  const p = m.preview;
  if (p?.previewStages) {
    const w = p.previewStages.worker;
    parts.push(`preview of ${p.stretch.end - p.stretch.start} chars: asked ${at(p.previewStages.asked)}, worker start ${at(w?.workerStart)}, worker end ${at(w?.workerEnd)}, back ${at(w?.received)}, ready ${at(p.previewStages.ready)}, painted ${at(m.previewPainted)}`);
  } else parts.push('no preview');
  const s = m.full?.stages;
  if (s) {
    const w = s.worker;
    parts.push(`whole analysis: started ${at(s.started)}, posted ${at(w?.posted)}, worker start ${at(w?.workerStart)}, worker end ${at(w?.workerEnd)}, back ${at(w?.received)}, decoded ${at(w?.decoded)}, indexed ${at(s.indexed)}, painted ${at(m.fullPainted)}`);
  }
  console.log(`latency: ${label}, open stages (ms after the open call): ${parts.join('; ')}`);
}
