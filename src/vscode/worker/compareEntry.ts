// Entry of the Compare Sources process (bundled to dist/compareProcess.js, started by
// workerComparer.ts, one process per comparison): a comparison of long articles keeps a core busy
// for seconds, so every thread of this process (the collector's helpers too) yields to the editor
// and the user's typing first. A bundle of its own, so the analysis worker loads none of this.
import { compareTexts } from '../../core/corpus/compare';
import { compactComparison } from '../../core/corpus/compactComparison';
import { defaultAssetsDir, useModelAssets } from '../../node/modelAssets';
import { ASSETS_DIR_ENV, type CompareMessage, type CompareRequest } from '../workerComparer';
import { lowerProcessPriority } from './processPriority';

useModelAssets(process.env[ASSETS_DIR_ENV] ?? defaultAssetsDir());

/** Compares in this process and sends the result to the extension host. */
function runComparison(request: CompareRequest, post: (message: CompareMessage) => void): void {
  try {
    const comparison = compareTexts(request.a, request.b, (fraction, step) => post({ id: request.id, progress: { fraction, step } }));
    // Only what the editor paints: the host holds both texts and works out a pair's wording and
    // diff when a hover asks (core/corpus/compactComparison.ts).
    post({ id: request.id, compact: compactComparison(comparison) });
  } catch (err) {
    post({ id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}

if (process.send) {
  lowerProcessPriority();
  process.on('message', (request: CompareRequest) => {
    if (request?.kind === 'compare') runComparison(request, (message) => process.send?.(message));
  });
}
