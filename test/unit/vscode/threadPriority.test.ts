// The comparison worker lowers its own thread's priority and nobody else's.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { lowerThreadPriority } from '../../../src/vscode/worker/threadPriority';

const root = join(__dirname, '../../..');

/** Runs lowerThreadPriority on a worker thread; what the worker saw before and after. */
function lowerOnWorker(): Promise<{ before: number; after: number | undefined; tid: number | undefined }> {
  const out = buildSync({
    stdin: {
      contents: `import { parentPort } from 'node:worker_threads';
        import { getPriority } from 'node:os';
        import { currentThreadId, lowerThreadPriority } from './src/vscode/worker/threadPriority';
        const tid = currentThreadId();
        const before = tid === undefined ? getPriority() : getPriority(tid);
        parentPort.postMessage({ before, after: lowerThreadPriority(), tid });`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'error',
  });
  const worker = new Worker(out.outputFiles[0]!.text, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { before: number; after: number | undefined; tid: number | undefined }) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });
}

describe('lowerThreadPriority', () => {
  it('lowers the worker thread it runs on, not the rest of the process', async () => {
    const mainBefore = getPriority();
    const seen = await lowerOnWorker();
    assert.equal(getPriority(), mainBefore, 'the main thread keeps its priority');
    if (process.platform === 'linux') {
      assert.ok(seen.tid !== undefined && seen.tid !== process.pid, 'the worker has a thread id of its own');
      assert.equal(seen.after, Math.min(19, seen.before + 10));
    } else {
      // Elsewhere a priority is the whole process's: left alone.
      assert.equal(seen.after, undefined);
      assert.equal(lowerThreadPriority(), undefined);
    }
  });
});
