// The service worker in plain Node (ServiceWorker uses no vscode API at run time): the real worker
// entry bundled as the extension ships it, reading and writing sidecars through the host's file
// system, placing claims with progress, and cancelling a long placement.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { createAnnotation } from '../../../src/core/annotations/make';
import { parseSidecar } from '../../../src/core/annotations/parse';
import { ServiceCancelled, ServiceWorker, type CallCancellation } from '../../../src/vscode/serviceWorker';
import { MemoryFs } from '../annotations/memoryFs';

const root = join(__dirname, '../../..');
const article = 'Headline\n\nThe minister said the bridge will open in May. Critics doubt it.\n';
const sentence = 'the bridge will open in May';

function claim(id: string, text = article, exact = sentence) {
  const start = text.indexOf(exact);
  return createAnnotation({ id, label: 'verified', reviewer: 'Ada', now: '2026-12-01T00:00:00.000Z', text, start, end: start + exact.length });
}

describe('ServiceWorker', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'news-service-worker-'));
    file = join(dir, 'serviceWorker.js');
    buildSync({ entryPoints: [join(root, 'src/vscode/worker/serviceEntry.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: file, logLevel: 'error' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a sidecar through the host file system, under its lock, and reads it back', async () => {
    const fs = new MemoryFs();
    const worker = new ServiceWorker(fs, file);
    try {
      const outcome = await worker.call('sidecar.update', {
        path: 'mem:/a.annotations.yaml', articlePath: '/a.txt', base: '', upsert: [claim('k1')], remove: [], articleText: article, live: [],
      });
      assert.equal(outcome.ok, true);
      const onDisk = fs.files.get('mem:/a.annotations.yaml')!.text;
      assert.deepEqual(parseSidecar(onDisk, { articlePath: '/a.txt' }).annotations.map((a) => a.id), ['k1']);
      // The lock file was removed after the write.
      assert.deepEqual([...fs.files.keys()], ['mem:/a.annotations.yaml']);
      const read = await worker.call('sidecar.read', { path: 'mem:/a.annotations.yaml', articlePath: '/a.txt' });
      assert.equal(read.text, onDisk);
      assert.equal(read.parsed.annotations[0]!.target.selector.exact, sentence);
      assert.equal(read.parsed.writable, true);
    } finally {
      worker.dispose();
    }
  });

  it('reports a sidecar that does not parse, and leaves it untouched', async () => {
    const fs = new MemoryFs();
    fs.files.set('mem:/b.annotations.yaml', { text: 'version: [1\n', version: 1, readOnly: false });
    const worker = new ServiceWorker(fs, file);
    try {
      const read = await worker.call('sidecar.read', { path: 'mem:/b.annotations.yaml', articlePath: '/b.txt' });
      assert.ok(read.parsed.error);
      const outcome = await worker.call('sidecar.update', {
        path: 'mem:/b.annotations.yaml', articlePath: '/b.txt', base: read.text, upsert: [claim('k2')], remove: [], articleText: article, live: [],
      });
      assert.equal(outcome.ok, false);
      assert.equal(outcome.ok ? '' : outcome.kind, 'unreadable');
      assert.equal(fs.files.get('mem:/b.annotations.yaml')!.text, 'version: [1\n');
    } finally {
      worker.dispose();
    }
  });

  it('starts no worker before its start gate opens; calls made meanwhile wait, then are answered', async () => {
    const fs = new MemoryFs();
    fs.files.set('mem:/g.annotations.yaml', { text: 'version: 1\nannotations: []\n', version: 1, readOnly: false });
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let asked = 0;
    const worker = new ServiceWorker(fs, file, {}, () => (asked++, gate));
    try {
      let answered = false;
      const first = worker.call('sidecar.read', { path: 'mem:/g.annotations.yaml', articlePath: '/g.txt' }).then((r) => ((answered = true), r));
      const second = worker.call('sidecar.read', { path: 'mem:/g.annotations.yaml', articlePath: '/g.txt' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(answered, false);
      assert.equal(worker.pending, 0, 'nothing was sent to a worker');
      open();
      const [a, b] = await Promise.all([first, second]);
      assert.equal(a.parsed.writable, true);
      assert.equal(b.text, a.text);
      // The gate is asked once: a later call goes straight to the running worker.
      await worker.call('sidecar.read', { path: 'mem:/g.annotations.yaml', articlePath: '/g.txt' });
      assert.equal(asked, 1);
    } finally {
      worker.dispose();
    }
  });

  it('places claims on the worker: moved text found, vanished text an orphan, progress on the way', async () => {
    const worker = new ServiceWorker(new MemoryFs(), file);
    try {
      const edited = 'Headline\n\nAn update. The minister said the bridge will open in May.\n';
      const moved = claim('m1');
      const gone = claim('g1', article, 'Critics doubt it');
      const targets = [...Array.from({ length: 40 }, () => moved.target), gone.target];
      const reports: number[] = [];
      const results = await worker.call('claims.anchor', { text: edited, targets }, { progress: (done) => reports.push(done) });
      assert.equal(results.length, 41);
      assert.deepEqual(results[0], { kind: 'moved', start: edited.indexOf(sentence), end: edited.indexOf(sentence) + sentence.length, score: 1, errors: 0 });
      assert.equal(results[40]!.kind, 'orphan');
      assert.ok(reports.length >= 2 && reports.every((n, i) => i === 0 || n > reports[i - 1]!));
    } finally {
      worker.dispose();
    }
  });

  it('stops placing claims when cancelled', async () => {
    const worker = new ServiceWorker(new MemoryFs(), file);
    try {
      const listeners: (() => unknown)[] = [];
      const token: CallCancellation & { isCancellationRequested: boolean } = {
        isCancellationRequested: false,
        onCancellationRequested: (l) => (listeners.push(l), { dispose: () => undefined }),
      };
      // Orphans on a long text: each a search of the whole article.
      const text = 'Nothing here matches. '.repeat(5000);
      const orphan = claim('o1', 'Prefix text. A sentence about the harbour closing early this year. Suffix.', 'A sentence about the harbour closing early this year');
      const pending = worker.call('claims.anchor', { text, targets: Array.from({ length: 2000 }, () => orphan.target) }, {
        token,
        progress: () => {
          token.isCancellationRequested = true;
          for (const l of listeners) l();
        },
      });
      await assert.rejects(pending, ServiceCancelled);
      assert.equal(worker.pending, 0);
    } finally {
      worker.dispose();
    }
  });

  it('tells when its worker stopped, fails the calls in flight, and starts a new worker on the next call', async () => {
    // Dies on its first call; the worker started after it answers.
    const marker = join(dir, 'service-died-once');
    const dying = join(dir, 'dying-service.js');
    writeFileSync(
      dying,
      `const { parentPort } = require('node:worker_threads'); const fs = require('node:fs');
       parentPort.on('message', ({ kind, id }) => {
         if (kind !== 'call') return;
         if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(1); }
         parentPort.postMessage({ kind: 'result', id, value: ['answered'] });
       });`,
    );
    const worker = new ServiceWorker(new MemoryFs(), dying);
    let stops = 0;
    worker.onStopped(() => stops++);
    try {
      await assert.rejects(worker.call('corpus.articlesMentioning', { names: ['Putin'] }), /stopped/);
      assert.equal(stops, 1);
      assert.deepEqual(await worker.call('corpus.articlesMentioning', { names: ['Putin'] }), ['answered']);
      assert.equal(worker.pending, 0);
    } finally {
      worker.dispose();
    }
    assert.equal(stops, 1, 'dispose is not a stop');
  });
});
