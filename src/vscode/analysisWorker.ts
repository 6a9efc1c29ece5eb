// Worker-thread entry (bundled to dist/analysisWorker.js): runs analyze() away from the extension
// host's thread, so a long article never stalls hovers, commands or other extensions. It holds the
// analysis and nothing else, as every open article waits for it to start: the service worker
// (worker/serviceEntry.ts) and Compare Sources (worker/compareEntry.ts) are bundles of their own.
import { parentPort, workerData } from 'node:worker_threads';
import { analyze } from '../core/analyze';
import { DocumentAnalyses } from '../core/incremental/documents';
import { applyEntityCorrections } from '../core/entities/corrections';
import { applySourceCorrections, collectSources, SourcesInterrupted } from '../core/sources';
import { toWire } from '../core/present/wireFormat';
import { toDelta } from '../core/present/wireDelta';
import { applyTextEdit, type TextEdit } from '../core/text/textEdit';
import type { Corrections } from '../core/annotations/types';
import type { Analysis } from '../core/types';
import { defaultAssetsDir, useModelAssets } from '../node/modelAssets';
import type { AnalysisReply, AnalysisRequest, ForgetRequest, SourcesReply, SourcesRequest, WorkerData } from './workerAnalyzer';
import { compileAnalysis, loadModels, type WarmUpRequest } from './worker/warmUp';

// The model files: the folder the extension host names, else the one beside this bundle.
useModelAssets((workerData as WorkerData | null)?.assetsDir ?? defaultAssetsDir());

// Raised by the host before each analysis it sends: finding sources stops when it changed.
const analysesSentBuffer = (workerData as WorkerData | null)?.analysesSent;
const analysesSent = analysesSentBuffer ? new Int32Array(analysesSentBuffer) : undefined;

// Each open document's incremental analysis: an edit re-analyses what it changed (core/incremental).
const documents = new DocumentAnalyses();

/** What an analysis' sources are found from, when the host asks for them. */
interface Analysed {
  id: number;
  text: string;
  analysis: Analysis;
  corrections?: Corrections;
}

/**
 * The last whole analysis of each document (of each text sent without one, by its request id), so
 * the host can ask for its sources only when a view or a hover needs them: finding them takes as
 * long as a third of the analysis, and their reply is megabytes on a long article.
 */
const lastAnalysed = new Map<string, Analysed>();
const KEPT_ANALYSES = 8;

function keep(key: string, analysed: Analysed): void {
  lastAnalysed.delete(key);
  lastAnalysed.set(key, analysed);
  while (lastAnalysed.size > KEPT_ANALYSES) lastAnalysed.delete(lastAnalysed.keys().next().value!);
}

/** The analysis a request asks for; `change`: how its text came from a kept text, when it came as an edit. */
function analysisOf(request: AnalysisRequest, change?: { from: string; edit: TextEdit }) {
  // A stretch (the preview of what is on screen) comes alone and is analysed alone; the host moves
  // its offsets onto the article's (core/firstPaint/shift.ts).
  if (request.stretch) return analyze(request.text);
  return request.document !== undefined ? documents.analyze(request.document, request.text, change) : analyze(request.text);
}

function runAnalysis(request: AnalysisRequest): void {
  analysedAny = true;
  const took = performance.timeOrigin + performance.now();
  let reply: AnalysisReply;
  /** How the text came from a kept one (`from`), when it came as a change. */
  let edit: { from: Analysed; edit: TextEdit } | undefined;
  if (request.edit) {
    // The text comes as a change to the text of the analysis the host holds, which this worker kept.
    const kept = lastAnalysed.get(request.document ?? `#${request.base}`);
    const text = kept && kept.id === request.base ? applyTextEdit(kept.text, request.edit) : undefined;
    if (text === undefined) {
      parentPort?.postMessage({ id: request.id, needText: true } satisfies AnalysisReply);
      return;
    }
    edit = { from: kept!, edit: request.edit };
    request = { ...request, text, edit: undefined };
  }
  try {
    const started = performance.now();
    const corrections = request.corrections;
    let analysis = analysisOf(request, edit && { from: edit.from.text, edit: edit.edit });
    if (corrections?.entities.length) analysis = applyEntityCorrections(analysis, corrections.entities);
    const key = request.document ?? `#${request.id}`;
    // The host holds the document's analysis `base`: when this worker made it and still keeps it,
    // what changed since is sent instead of the whole (see core/present/wireDelta.ts).
    const base = request.base !== undefined && !request.stretch ? lastAnalysed.get(key) : undefined;
    const delta = base && base.id === request.base ? toDelta(base.analysis, base.text, analysis, request.text, edit?.from === base ? edit.edit : undefined) : undefined;
    if (!request.stretch) keep(key, { id: request.id, text: request.text, analysis, corrections });
    if (delta) reply = { id: request.id, delta, base: request.base!, ms: performance.now() - started };
    else reply = { id: request.id, wire: toWire(analysis, request.text), ms: performance.now() - started };
    reply.at = [took, performance.timeOrigin + performance.now()];
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  // The packed offsets are moved, not copied.
  const transfer = 'wire' in reply && reply.wire.mentionOffsets && reply.wire.mentionCounts
    ? [reply.wire.mentionOffsets.buffer as ArrayBuffer, reply.wire.mentionCounts.buffer as ArrayBuffer]
    : [];
  parentPort?.postMessage(reply, transfer);
}

/** The sources of an analysis made before (or, when it is no longer kept, of the text sent with the request). */
function runSources(request: SourcesRequest): void {
  let reply: SourcesReply;
  // An analysis the host sent after this request stops it (the keystroke's analysis goes first);
  // one sent before is already done, as the worker takes its messages in order.
  const seen = request.analysesBefore ?? (analysesSent && Atomics.load(analysesSent, 0));
  let interrupted: (() => boolean) | undefined = analysesSent && (() => Atomics.load(analysesSent, 0) !== seen);
  try {
    const kept = lastAnalysed.get(request.document ?? `#${request.analysisId}`);
    let analysed: Analysed | undefined = kept?.id === request.analysisId ? kept : undefined;
    if (!analysed && request.text !== undefined) {
      interrupted = undefined; // analysed afresh from the text: finished, not thrown away half done
      let analysis = analyze(request.text);
      if (request.corrections?.entities.length) analysis = applyEntityCorrections(analysis, request.corrections.entities);
      analysed = { id: request.analysisId, text: request.text, analysis, corrections: request.corrections };
    }
    if (!analysed) reply = { id: request.id, gone: true };
    else {
      let sources = collectSources(analysed.text, analysed.analysis, { interrupted });
      if (analysed.corrections?.sources.length) sources = applySourceCorrections(sources, analysed.corrections.sources).sources;
      reply = { id: request.id, sources };
    }
  } catch (err) {
    if (err instanceof SourcesInterrupted) reply = { id: request.id, interrupted: true };
    else reply = { id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort?.postMessage(reply);
}

/** Set by the first analysis: the analysis is compiled, the warm-up's sample is not needed. */
let analysedAny = false;

/**
 * Decodes the models and says so, then compiles the analysis on a sample, unless an article came
 * meanwhile: messages already waiting are handled before setImmediate's callback, so the sample
 * never holds up an article that was sent while the models were being decoded.
 */
function warmUp(request: WarmUpRequest): void {
  const reply = loadModels(request.id);
  parentPort?.postMessage(reply);
  if ('error' in reply.warm) return;
  setImmediate(() => {
    if (!analysedAny) compileAnalysis();
  });
}

parentPort?.on('message', (request: AnalysisRequest | ForgetRequest | SourcesRequest | WarmUpRequest) => {
  if ('kind' in request && request.kind === 'warm') warmUp(request);
  else if ('kind' in request && request.kind === 'sources') runSources(request);
  else if ('kind' in request && request.kind === 'forget') {
    documents.forget(request.document);
    lastAnalysed.delete(request.document);
  }
  else runAnalysis(request as AnalysisRequest);
});
