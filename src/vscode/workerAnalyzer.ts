// Analyses text on a worker thread (dist/analysisWorker.js). Given an in-process fallback (tests,
// tools), analysis runs in-process when the worker cannot be started or dies. Without one (the
// extension host, which carries no analysis engine), a worker that died is started again on the
// next request, a few times, and requests fail with the reason after that.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { ModelAssetError } from '../core/models/assetFile';
import { shiftAnalysis } from '../core/firstPaint/shift';
import { fromWire, type WireAnalysis } from '../core/present/wireFormat';
import { fromDelta, type WireDelta } from '../core/present/wireDelta';
import { editBetween, type TextEdit } from '../core/text/textEdit';
import type { Corrections } from '../core/annotations/types';
import type { ArticleSources } from '../core/sources/types';
import type { Analysis, Span } from '../core/types';
import { rememberSources, SourcesSuperseded } from './analysisSources';
import { rememberTimings, timingsOf } from './analysisTimings';
import type { AsyncAnalyzer, TextChangeSince } from './analysisCache';
import type { WarmUpReply, WarmUpRequest } from './worker/warmUp';

export interface AnalysisRequest {
  id: number;
  /** The text to analyse; empty when `edit` says how it differs from the text of `base`. */
  text: string;
  /** The text as a change to the text of analysis `base`, which the worker keeps: a keystroke sends a character, not the article. */
  edit?: TextEdit;
  /** The open document the text is from: its analysis reuses what the worker computed for its earlier texts. */
  document?: string;
  /**
   * `text` is this stretch of the document alone, analysed on its own (the preview of what is on
   * screen): offsets in the reply are into `text`; the host moves them onto the document's.
   */
  stretch?: Span;
  /** The reviewer's corrections from the article's sidecar: entities before its sources are found, then sources. */
  corrections?: Corrections;
  /** The id of the document's analysis the host holds: the reply may be a change to it. */
  base?: number;
}

/** Tells the worker a document was closed: what it kept for the document can go. */
export interface ForgetRequest {
  kind: 'forget';
  document: string;
}

/** What the worker is started with. */
export interface WorkerData {
  /** The folder holding the model assets (the extension's own assets/). */
  assetsDir?: string;
  /**
   * One Int32 the host adds 1 to before it sends each analysis: finding sources (seconds on a long
   * article) reads it every few sentences and stops when it changed, so the analysis goes first.
   */
  analysesSent?: SharedArrayBuffer;
}

/**
 * When the worker took a request and when it replied, as absolute times (its performance.timeOrigin
 * plus performance.now()), for the latency report's stages (analysisTimings.ts).
 */
export type WorkerSpan = [start: number, end: number];

export type AnalysisReply =
  | { id: number; wire: WireAnalysis; ms: number; at?: WorkerSpan }
  /** The analysis as a change to the one of request `base`. */
  | { id: number; delta: WireDelta; base: number; ms: number; at?: WorkerSpan }
  | { id: number; error: string }
  /** The worker no longer keeps the text `edit` applies to: the request is sent again with the whole text. */
  | { id: number; needText: true };

/**
 * Asks for the sources of an analysis the worker made (`analysisId`, the id of its request). The
 * worker keeps the last analysis of each document; should it have dropped that one, it answers
 * `gone`, and the request is sent again with the text, to be analysed afresh.
 */
export interface SourcesRequest {
  kind: 'sources';
  id: number;
  analysisId: number;
  document?: string;
  text?: string;
  corrections?: Corrections;
  /**
   * How many analyses the host had sent when it sent this request (WorkerData.analysesSent): one
   * sent since, even before the worker takes this request up, goes first.
   */
  analysesBefore?: number;
}

/**
 * `interrupted`: the host sent an analysis while the sources were being found (the analysis a
 * keystroke waits for goes first); the request may be sent again, to run after it.
 */
export type SourcesReply = { id: number; sources: ArticleSources } | { id: number; gone: true } | { id: number; interrupted: true } | { id: number; error: string };

/** How long the worker took to get ready after it was started, on the host's clock (see warmUp). */
export interface WorkerReady {
  /** From the host starting the worker to the models decoded: from then on it can analyse. */
  readyMs: number;
  /** From the host starting the worker to its bundle loaded (the thread running its code). */
  loadedMs: number;
}

interface Waiting {
  settle(reply: AnalysisReply | SourcesReply | WarmUpReply): void;
  reject(err: Error): void;
}

/** What the sources of an analysis are asked for with. */
interface Made {
  analysisId: number;
  text: string;
  document?: string;
  corrections?: Corrections;
}

/** Without a fallback, how many times a worker that stopped is started again. */
const MAX_RESTARTS = 3;

export class WorkerAnalyzer implements vscode.Disposable {
  private worker: Worker | undefined;
  /** When the current worker was started (performance.now()). */
  private startedAt = 0;
  /** Set when the worker failed: from then on analysis runs in-process. */
  private broken = false;
  private disposed = false;
  private failures = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  /** The last analysis of each document, by the id of its request: the next may come as a change to it. */
  private readonly held = new Map<string, { id: number; analysis: Analysis; text: string }>();
  /** Shared with the worker: how many analyses were sent (see WorkerData.analysesSent). */
  private readonly analysesSent = new Int32Array(new SharedArrayBuffer(4));

  /**
   * @param workerFile the bundled worker script
   * @param fallback the same analysis run in-process, used when no worker can run; none: no in-process analysis
   * @param workerData what the worker starts with (where the model assets are)
   */
  constructor(
    private readonly fallback: ((text: string) => Analysis) | undefined,
    private readonly workerFile = join(__dirname, 'analysisWorker.js'),
    private readonly workerData: WorkerData = {},
  ) {}

  /** The analysis of `text`; with `document`, the worker reuses what it computed for that document's earlier texts. */
  readonly analyze: AsyncAnalyzer = (text, document, corrections, change) => {
    const worker = this.ensureWorker();
    const fallback = this.fallback;
    if (!worker) {
      return fallback ? Promise.resolve().then(() => fallback(text)) : Promise.reject(new Error('the analysis worker cannot run: News Annotator analyses on a worker thread'));
    }
    const withCorrections = corrections && (corrections.entities.length > 0 || corrections.sources.length > 0) ? corrections : undefined;
    const id = this.nextId++;
    const base = document !== undefined ? this.held.get(document) : undefined;
    const request: AnalysisRequest = {
      id, text: base ? '' : text, document, ...(withCorrections ? { corrections: withCorrections } : {}),
      ...(base ? { base: base.id, edit: editFrom(base.text, text, change) } : {}),
    };
    const reply = this.request(worker, request, text, base?.analysis).then((analysis) => {
      const made: Made = { analysisId: id, text, document, corrections: withCorrections };
      rememberSources(analysis, () => this.sources(made));
      if (document !== undefined && !this.disposed) this.held.set(document, { id, analysis, text });
      return analysis;
    });
    return reply.catch((err: Error) => {
      if (this.disposed || !fallback) throw err;
      return fallback(text);
    });
  };

  /**
   * The analysis of `slice`, the text of `stretch` in a document of `length` characters, on its own,
   * offsets into the document (a preview of what is on screen), with the reviewer's entity
   * corrections. Only the slice goes to the worker, not the document's text. Undefined when there is no worker to run it on (the full analysis comes anyway).
   */
  preview(slice: string, stretch: Span, length: number, corrections?: Corrections): Promise<Analysis | undefined> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(undefined);
    const withCorrections = corrections && corrections.entities.length > 0 ? { corrections } : {};
    return this.request(worker, { id: this.nextId++, text: slice, stretch, ...withCorrections }, slice).then((alone) => {
      const placed = shiftAnalysis(alone, stretch.start, length);
      const timings = timingsOf(alone);
      if (timings) rememberTimings(placed, timings);
      return placed;
    }, () => undefined);
  }

  /**
   * Starts the worker now and has it decode the models and compile the analysis, so the first
   * article opened does not wait for that (called when the extension activates). Resolves with how
   * long the worker took to be ready to analyse (models decoded), or undefined when there is no
   * worker or the models cannot be read (the first analysis says why).
   */
  warmUp(): Promise<WorkerReady | undefined> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(undefined);
    const startedAt = this.startedAt;
    const request: WarmUpRequest = { kind: 'warm', id: this.nextId++ };
    return new Promise<WorkerReady | undefined>((resolve) => {
      const settle = (reply: AnalysisReply | SourcesReply | WarmUpReply) => {
        if (!('warm' in reply) || 'error' in reply.warm) return resolve(undefined);
        const host = (t: number) => t - performance.timeOrigin - startedAt;
        resolve({ loadedMs: host(reply.warm.loaded), readyMs: host(reply.warm.models) });
      };
      this.waiting.set(request.id, { settle, reject: () => resolve(undefined) });
      worker.postMessage(request);
    });
  }

  /** Lets the worker drop what it kept for a closed document. */
  forget(document: string): void {
    this.held.delete(document);
    this.worker?.postMessage({ kind: 'forget', document } satisfies ForgetRequest);
  }

  /**
   * Sends `request` for `text` (which request.edit may carry as a change); `base` is the analysis
   * of request.base, which a change in the reply applies to.
   */
  private request(worker: Worker, request: AnalysisRequest, text: string, base?: Analysis): Promise<Analysis> {
    let posted = performance.now();
    return new Promise<Analysis>((resolve, reject) => {
      const done = (analysis: Analysis, at: WorkerSpan | undefined, received: number) => {
        const origin = -performance.timeOrigin;
        rememberTimings(analysis, {
          posted, received, decoded: performance.now(),
          workerStart: at ? at[0] + origin : received, workerEnd: at ? at[1] + origin : received,
        });
        resolve(analysis);
      };
      const settle = (reply: AnalysisReply | SourcesReply | WarmUpReply) => {
        const received = performance.now();
        if ('error' in reply) reject(workerError(reply.error));
        else if ('warm' in reply) reject(new Error('the analysis worker answered an analysis with something else'));
        else if ('needText' in reply) {
          // The worker dropped the text the edit applies to: the whole text, and a whole analysis back.
          this.waiting.set(request.id, { settle, reject });
          posted = performance.now();
          Atomics.add(this.analysesSent, 0, 1);
          worker.postMessage({ id: request.id, text, document: request.document, ...(request.corrections ? { corrections: request.corrections } : {}) } satisfies AnalysisRequest);
        } else if ('wire' in reply) done(fromWire(reply.wire, text), reply.at, received);
        else if ('delta' in reply && base && reply.base === request.base) {
          // The base is spent (its kept objects are moved into the new analysis): it is nobody's base again.
          if (request.document !== undefined && this.held.get(request.document)?.analysis === base) this.held.delete(request.document);
          try {
            done(fromDelta(base, reply.delta, text), reply.at, received);
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        } else reject(new Error('the analysis worker answered an analysis with something else'));
      };
      this.waiting.set(request.id, { settle, reject });
      // Sources being found on the worker stop for it (see WorkerData.analysesSent).
      Atomics.add(this.analysesSent, 0, 1);
      worker.postMessage(request);
    });
  }

  /** The sources of an analysis this worker made, found on the worker when first asked for. */
  private async sources(made: Made): Promise<ArticleSources> {
    const ask = (withText: boolean) => {
      const worker = this.ensureWorker();
      if (!worker) return Promise.reject(new Error('the analysis worker cannot run'));
      const request: SourcesRequest = {
        kind: 'sources', id: this.nextId++, analysisId: made.analysisId, document: made.document, analysesBefore: Atomics.load(this.analysesSent, 0),
        ...(withText ? { text: made.text, ...(made.corrections ? { corrections: made.corrections } : {}) } : {}),
      };
      return new Promise<ArticleSources | 'gone' | 'interrupted'>((resolve, reject) => {
        const settle = (reply: AnalysisReply | SourcesReply | WarmUpReply) => {
          if ('error' in reply) reject(workerError(reply.error));
          else if ('sources' in reply) resolve(reply.sources);
          else if ('gone' in reply) resolve('gone');
          else if ('interrupted' in reply) resolve('interrupted');
          else reject(new Error('the analysis worker answered a sources request with something else'));
        };
        this.waiting.set(request.id, { settle, reject });
        worker.postMessage(request);
      });
    };
    let interrupted = false;
    for (;;) {
      const kept = await ask(false);
      if (kept === 'interrupted') {
        // Asked again: the request now waits behind the analysis that interrupted it.
        interrupted = true;
        continue;
      }
      if (kept !== 'gone') return kept;
      // That analysis made way for a newer one of its document while its sources waited: finding
      // them from its text again would cost a whole analysis, for a result nobody shows any more.
      if (interrupted) throw new SourcesSuperseded();
      // Dropped for another reason (the worker keeps a few analyses, or it was started again):
      // analysed again from the text, to the end (a request with the text is not interrupted).
      const found = await ask(true);
      if (typeof found === 'string') throw new Error('the analysis worker could not find the sources of an article it was sent');
      return found;
    }
  }

  /** True while analyses run on the worker thread (false after a failure: in-process). */
  get usesWorker(): boolean {
    return !this.broken;
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (this.broken || this.disposed) return undefined;
    try {
      this.startedAt = performance.now();
      const worker = new Worker(this.workerFile, { workerData: { ...this.workerData, analysesSent: this.analysesSent.buffer as SharedArrayBuffer } satisfies WorkerData });
      worker.on('message', (reply: AnalysisReply | SourcesReply | WarmUpReply) => {
        const waiting = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        waiting?.settle(reply);
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', () => this.fail(new Error('the analysis worker stopped')));
      // An idle worker must not keep the extension host alive on shutdown.
      worker.unref();
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  private fail(err: Error): void {
    if (!this.disposed && (this.fallback || ++this.failures > MAX_RESTARTS)) this.broken = true;
    this.worker = undefined;
    this.held.clear();
    for (const waiting of this.waiting.values()) waiting.reject(err);
    this.waiting.clear();
  }

  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.fail(new Error('the analysis worker was disposed'));
  }
}

/**
 * `text` as a change to `from`: the change the editor reported when it is to that very text (a
 * keystroke then costs no comparison of two long texts), else worked out by comparing them.
 */
function editFrom(from: string, text: string, change: TextChangeSince | undefined): TextEdit {
  if (change && change.from === from) return change.edit;
  return editBetween(from, text);
}

/** The worker's error as the host can act on it: a model file problem stays a ModelAssetError. */
function workerError(stack: string): Error {
  const prefix = 'ModelAssetError: ';
  if (stack.startsWith(prefix)) return new ModelAssetError(stack.slice(prefix.length).split('\n')[0]!);
  return new Error(stack);
}
