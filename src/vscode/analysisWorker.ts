// Worker-thread entry (bundled to dist/analysisWorker.js): runs analyze() away from the extension
// host's thread, so a long article never stalls hovers, commands or other extensions. The same
// entry serves Compare Sources (workerComparer.ts), each comparison on a worker of its own that is
// stopped when the user cancels, and the service worker of serviceWorker.ts (sidecars, anchoring).
import { parentPort, workerData } from 'node:worker_threads';
import { analyze } from '../core/analyze';
import { DocumentAnalyses } from '../core/incremental/documents';
import { analyzeStretch } from '../core/incremental/region';
import { compareTexts } from '../core/corpus/compare';
import { applyEntityCorrections } from '../core/entities/corrections';
import { applySourceCorrections, collectSources } from '../core/sources';
import { toWire } from '../core/present/wireFormat';
import { defaultAssetsDir, useModelAssets } from '../node/modelAssets';
import type { AnalysisReply, AnalysisRequest, ForgetRequest, WorkerData } from './workerAnalyzer';
import type { CompareMessage, CompareRequest } from './workerComparer';
import { isServiceMessage } from './worker/protocol';
import { ServiceHost } from './worker/services';
import { lowerThreadPriority } from './worker/threadPriority';

// The model files: the folder the extension host names, else the one beside this bundle.
useModelAssets((workerData as WorkerData | null)?.assetsDir ?? defaultAssetsDir());

// Each open document's incremental analysis: an edit re-analyses what it changed (core/incremental).
const documents = new DocumentAnalyses();

function analysisOf(request: AnalysisRequest) {
  if (request.stretch) return analyzeStretch(request.text, request.stretch);
  return request.document !== undefined ? documents.analyze(request.document, request.text) : analyze(request.text);
}

function runAnalysis(request: AnalysisRequest): void {
  let reply: AnalysisReply;
  try {
    const started = performance.now();
    const corrections = request.corrections;
    let analysis = analysisOf(request);
    if (corrections?.entities.length) analysis = applyEntityCorrections(analysis, corrections.entities);
    // A whole article's sources go with its analysis: the view, the hover and the sources page read them.
    let sources = request.stretch ? undefined : collectSources(request.text, analysis);
    if (sources && corrections?.sources.length) sources = applySourceCorrections(sources, corrections.sources).sources;
    const wire = toWire(analysis, request.text);
    reply = { id: request.id, wire, ms: performance.now() - started, ...(sources ? { sources } : {}) };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  // The packed offsets are moved, not copied.
  const transfer = 'wire' in reply && reply.wire.mentionOffsets && reply.wire.mentionCounts
    ? [reply.wire.mentionOffsets.buffer as ArrayBuffer, reply.wire.mentionCounts.buffer as ArrayBuffer]
    : [];
  parentPort?.postMessage(reply, transfer);
}

function runComparison(request: CompareRequest): void {
  const post = (message: CompareMessage) => parentPort?.postMessage(message);
  // A comparison of long articles keeps a core busy for seconds; typing and the editor come first.
  // This thread is the comparison's own (one worker per comparison): nothing else is slowed.
  lowerThreadPriority();
  try {
    const comparison = compareTexts(request.a, request.b, (fraction, step) => post({ id: request.id, progress: { fraction, step } }));
    post({ id: request.id, comparison });
  } catch (err) {
    post({ id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}

// Sidecar reads and writes, and the anchoring of many claims (serviceWorker.ts), made only when asked.
let services: ServiceHost | undefined;

parentPort?.on('message', (request: AnalysisRequest | CompareRequest | ForgetRequest) => {
  if (isServiceMessage(request)) (services ??= new ServiceHost((message) => parentPort?.postMessage(message))).handle(request);
  else if ('kind' in request && request.kind === 'compare') runComparison(request);
  else if ('kind' in request && request.kind === 'forget') documents.forget(request.document);
  else runAnalysis(request as AnalysisRequest);
});
