// Compare Sources in a process of its own, in plain Node (WorkerComparer uses no vscode API at run
// time): the real worker entry bundled as the extension ships it, a process that never answers
// (cancel), one that cannot start (in-process fallback) and one that fails.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { compareTexts, type Comparison } from '../../../src/core/corpus/compare';
import { compactComparison } from '../../../src/core/corpus/compactComparison';
import { CompareCancelled, WorkerComparer, type Cancellation } from '../../../src/vscode/workerComparer';

const root = join(__dirname, '../../..');
const seedA = readFileSync(join(root, 'seeds/000_af60520f71ff48c9.txt'), 'utf8');
const seedB = readFileSync(join(root, 'seeds/001_21569e4679d671fa.txt'), 'utf8');

/** A token the test cancels by hand. */
function tokenSource(): { token: Cancellation; cancel: () => void } {
  const listeners: (() => unknown)[] = [];
  const token = {
    isCancellationRequested: false,
    onCancellationRequested(listener: () => unknown) {
      listeners.push(listener);
      return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
    },
  };
  return {
    token,
    cancel() {
      token.isCancellationRequested = true;
      for (const l of [...listeners]) l();
    },
  };
}

const empty = (): Comparison => ({ shared: [], onlyA: [], onlyB: [] });

describe('WorkerComparer', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'news-compare-worker-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('compares in its own process, reporting each step, with the same result as in-process', async () => {
    const file = join(dir, 'compareProcess.js');
    buildSync({ entryPoints: [join(root, 'src/vscode/worker/compareEntry.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: file, logLevel: 'error' });
    // The fallback must not run: it would give an empty comparison.
    const comparer = new WorkerComparer(empty, file, { assetsDir: join(root, 'assets') });
    try {
      const steps: string[] = [];
      const result = await comparer.compare(seedA, seedB, (fraction, step) => steps.push(`${fraction} ${step}`));
      assert.deepEqual(steps, ['0 Analysing the first article', '0.3 Analysing the second article', '0.6 Matching statements', '1 Done']);
      assert.deepEqual(result, compactComparison(compareTexts(seedA, seedB)));
      assert.ok(result.scores.length >= 10);
      assert.equal(comparer.active, 0);
    } finally {
      comparer.dispose();
    }
  });

  it('stops the comparison process when the comparison is cancelled', async () => {
    const file = join(dir, 'silent-worker.js');
    const pidFile = join(dir, 'silent.pid');
    writeFileSync(file, `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); process.on('message', () => { /* never answers */ });`);
    const comparer = new WorkerComparer(empty, file);
    try {
      const { token, cancel } = tokenSource();
      const pending = comparer.compare('a', 'b', undefined, token);
      let pid = 0;
      for (let i = 0; i < 100 && !pid; i++) {
        await new Promise((r) => setTimeout(r, 20));
        pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
      }
      assert.ok(pid > 0, 'the comparison process started');
      assert.equal(comparer.active, 1);
      cancel();
      await assert.rejects(pending, CompareCancelled);
      assert.equal(comparer.active, 0);
      const alive = () => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(alive(), false, 'the comparison process was stopped');
      // Already cancelled: no process starts.
      await assert.rejects(comparer.compare('a', 'b', undefined, token), CompareCancelled);
      assert.equal(comparer.active, 0);
    } finally {
      comparer.dispose();
    }
  });

  it('compares in-process when no comparison process can start', async () => {
    let calls = 0;
    const comparer = new WorkerComparer((a, b) => {
      calls++;
      return { shared: [], onlyA: [{ start: 0, end: a.length, text: a }], onlyB: [{ start: 0, end: b.length, text: b }] };
    }, join(dir, 'missing-worker.js'));
    try {
      const result = await comparer.compare('first', 'second');
      assert.equal(calls, 1);
      assert.deepEqual([...result.onlyA], [0, 'first'.length]);
      assert.deepEqual([...result.onlyB], [0, 'second'.length]);
    } finally {
      comparer.dispose();
    }
  });

  it('reports an error from the comparison process instead of a result', async () => {
    const file = join(dir, 'failing-worker.js');
    writeFileSync(file, `process.on('message', ({ id }) => process.send({ id, error: 'bad input' }));`);
    const comparer = new WorkerComparer(empty, file);
    try {
      await assert.rejects(comparer.compare('a', 'b'), /bad input/);
    } finally {
      comparer.dispose();
    }
  });
});
