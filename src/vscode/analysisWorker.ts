// Worker-thread entry (bundled to dist/analysisWorker.js): runs analyze() away from the extension
// host's thread, so a long article never stalls hovers, commands or other extensions.
import { parentPort, workerData } from 'node:worker_threads';
import { analyze } from '../core/analyze';
import { toWire } from '../core/present/wireFormat';
import { defaultAssetsDir, useModelAssets } from '../node/modelAssets';
import type { AnalysisReply, AnalysisRequest, WorkerData } from './workerAnalyzer';

// The model files: the folder the extension host names, else the one beside this bundle.
useModelAssets((workerData as WorkerData | null)?.assetsDir ?? defaultAssetsDir());

parentPort?.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    const started = performance.now();
    const wire = toWire(analyze(request.text), request.text);
    reply = { id: request.id, wire, ms: performance.now() - started };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  // The packed offsets are moved, not copied.
  const transfer = 'wire' in reply && reply.wire.mentionOffsets && reply.wire.mentionCounts
    ? [reply.wire.mentionOffsets.buffer as ArrayBuffer, reply.wire.mentionCounts.buffer as ArrayBuffer]
    : [];
  parentPort?.postMessage(reply, transfer);
});
