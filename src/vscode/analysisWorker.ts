// Worker-thread entry (bundled to dist/analysisWorker.js): runs analyze() away from the extension
// host's thread, so a long article never stalls hovers, commands or other extensions.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../core/analyze';
import type { AnalysisReply, AnalysisRequest } from './workerAnalyzer';

parentPort?.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    const started = performance.now();
    const analysis = analyze(request.text);
    reply = { id: request.id, analysis, ms: performance.now() - started };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort?.postMessage(reply);
});
