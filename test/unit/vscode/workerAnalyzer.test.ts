// The worker protocol of WorkerAnalyzer, in plain Node (the class uses no vscode API at run time).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelAssetError } from '../../../src/core/models/assetFile';
import type { Analysis } from '../../../src/core/types';
import { WorkerAnalyzer } from '../../../src/vscode/workerAnalyzer';

/** An analysis that records which side produced it, so the test can tell worker from fallback. */
const tagged = (text: string, by: string): Analysis => ({
  length: text.length,
  structure: { headline: { start: 0, end: 0, text: by }, subheadings: [], datelines: [], bylines: [], captions: [], residue: [], paragraphs: [] },
  sentences: [],
  quotes: [],
  entities: [],
  claims: [],
});

describe('WorkerAnalyzer', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'news-worker-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('answers each request from the worker thread, matched by id', async () => {
    const file = join(dir, 'echo-worker.js');
    writeFileSync(
      file,
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', ({ id, text }) => parentPort.postMessage({ id, ms: 0, wire: { analysis: {
         length: text.length, structure: { headline: { start: 0, end: 0, text: 'worker' }, subheadings: [], datelines: [], bylines: [], captions: [], residue: [], paragraphs: [] },
         sentences: [], quotes: [], entities: [], claims: [] } } }));`,
    );
    const analyzer = new WorkerAnalyzer((text) => tagged(text, 'fallback'), file);
    try {
      const [a, b] = await Promise.all([analyzer.analyze('one'), analyzer.analyze('three')]);
      assert.equal(a.structure.headline?.text, 'worker');
      assert.deepEqual([a.length, b.length], [3, 5]);
      assert.equal(analyzer.usesWorker, true);
    } finally {
      analyzer.dispose();
    }
  });

  it('falls back to in-process analysis when the worker cannot run', async () => {
    const analyzer = new WorkerAnalyzer((text) => tagged(text, 'fallback'), join(dir, 'missing-worker.js'));
    try {
      const first = await analyzer.analyze('abc');
      assert.equal(first.structure.headline?.text, 'fallback');
      assert.equal(first.length, 3);
      assert.equal(analyzer.usesWorker, false);
      assert.equal((await analyzer.analyze('abcd')).structure.headline?.text, 'fallback');
    } finally {
      analyzer.dispose();
    }
  });

  it('reports an analysis error from the worker by falling back', async () => {
    const file = join(dir, 'failing-worker.js');
    writeFileSync(file, `require('node:worker_threads').parentPort.on('message', ({ id }) => require('node:worker_threads').parentPort.postMessage({ id, error: 'boom' }));`);
    const analyzer = new WorkerAnalyzer((text) => tagged(text, 'fallback'), file);
    try {
      assert.equal((await analyzer.analyze('x')).structure.headline?.text, 'fallback');
    } finally {
      analyzer.dispose();
    }
  });

  it('without a fallback, fails with the reason when no worker can run (the host never analyses)', async () => {
    const analyzer = new WorkerAnalyzer(undefined, join(dir, 'missing-worker.js'));
    try {
      await assert.rejects(analyzer.analyze('abc'), /missing-worker\.js/);
    } finally {
      analyzer.dispose();
    }
  });

  it('without a fallback, keeps a model file problem a ModelAssetError the editor can name', async () => {
    const file = join(dir, 'no-models-worker.js');
    writeFileSync(file, `const { parentPort } = require('node:worker_threads'); parentPort.on('message', ({ id }) => parentPort.postMessage({ id, error: 'ModelAssetError: model asset /x/tagger.bin is missing: reinstall\\n    at readModels' }));`);
    const analyzer = new WorkerAnalyzer(undefined, file);
    try {
      await assert.rejects(analyzer.analyze('x'), (err: unknown) => err instanceof ModelAssetError && err.message === 'model asset /x/tagger.bin is missing: reinstall');
    } finally {
      analyzer.dispose();
    }
  });

  it('without a fallback, starts a worker that stopped again on the next request', async () => {
    const file = join(dir, 'dying-worker.js');
    // Dies on its first request of each life... unless the marker file says it already died once.
    const marker = join(dir, 'died-once');
    writeFileSync(
      file,
      `const { parentPort } = require('node:worker_threads'); const fs = require('node:fs');
       parentPort.on('message', ({ id, text }) => {
         if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(1); }
         parentPort.postMessage({ id, ms: 0, wire: { analysis: { length: text.length, structure: { headline: null, subheadings: [], datelines: [], bylines: [], captions: [], residue: [], paragraphs: [] }, sentences: [], quotes: [], entities: [], claims: [] } } });
       });`,
    );
    const analyzer = new WorkerAnalyzer(undefined, file);
    try {
      await assert.rejects(analyzer.analyze('first'));
      assert.equal((await analyzer.analyze('second')).length, 6);
      assert.equal(analyzer.usesWorker, true);
    } finally {
      analyzer.dispose();
    }
  });
});
