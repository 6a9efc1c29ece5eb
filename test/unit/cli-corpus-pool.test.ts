// WorkerPool against small stand-in worker scripts that speak its protocol (worker.ts), so a
// worker that dies mid-article or cannot start is tested without the analysis.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAnalysis } from '../../src/cli/corpus/loadAnalysis';
import { WorkerPool } from '../../src/cli/corpus/pool';
import type { Task } from '../../src/cli/corpus/task';
import { CliError } from '../../src/cli/readArticle';

const dir = mkdtempSync(join(tmpdir(), 'news-pool-'));

function script(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `const { parentPort } = require('node:worker_threads');\n${body}\n`);
  return file;
}

/** Answers a file task with its name; stops the whole thread on the file "crash". */
const echo = script('echo.js', `
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', ({ seq, task }) => {
  if (task.kind !== 'file' || task.file === 'crash') process.exit(7);
  const bytes = new TextEncoder().encode(JSON.stringify({ file: task.file }) + '\\n');
  parentPort.postMessage({ type: 'done', seq, result: { output: bytes, failed: false } }, [bytes.buffer]);
});`);

const file = (name: string): Task => ({ kind: 'file', file: name });
const text = (output: string | Uint8Array) => (typeof output === 'string' ? output : Buffer.from(output).toString('utf8'));

describe('CLI worker pool', () => {
  it('fails only the article a worker stopped on, and sends the ones it held to a new worker', async () => {
    const pool = new WorkerPool(2, echo);
    try {
      const names = ['a', 'b', 'crash', 'c', 'd', 'e', 'f', 'g'];
      const results = await Promise.all(names.map((f) => pool.run(file(f))));
      for (const [i, f] of names.entries()) {
        const line = JSON.parse(text(results[i]!.output)) as { file: string; error?: { code: string; message: string } };
        assert.equal(line.file, f);
        assert.equal(results[i]!.failed, f === 'crash', f);
        if (f === 'crash') {
          assert.equal(line.error?.code, 'analysis-failed');
          assert.match(line.error!.message, /worker stopped on this article \(exit code 7\)/);
        }
      }
      const after = await pool.run(file('later'));
      assert.deepEqual(JSON.parse(text(after.output)), { file: 'later' });
    } finally {
      await pool.close();
    }
  });

  it('with runHere, the main thread analyses the articles no worker has room for, each result going to its own article', async () => {
    const pool = new WorkerPool(1, echo);
    try {
      pool.runHere(loadAnalysis());
      const seed = join(__dirname, '../../seeds/000_af60520f71ff48c9.txt');
      const names = Array.from({ length: 40 }, () => seed);
      const results = await Promise.all(names.map((f) => pool.run(file(f))));
      // The stand-in worker echoes the file name only; the main thread writes the real analysis line.
      const lines = results.map((r) => JSON.parse(text(r.output)) as { file: string; schema?: string; quotes?: unknown[] });
      for (const line of lines) assert.equal(line.file, seed);
      const here = lines.filter((l) => l.schema !== undefined);
      assert.ok(here.length > 0 && here.length < names.length, `the main thread analysed ${here.length} of ${names.length}`);
      for (const l of here) assert.ok(Array.isArray(l.quotes) && l.quotes.length > 0);
      assert.equal(pool.capacity, 2 * 32);
    } finally {
      await pool.close();
    }
  });

  it('names a stdin record the worker stopped on by its id and line', async () => {
    const pool = new WorkerPool(1, echo);
    try {
      const record: Task = { kind: 'record', line: 4, json: new TextEncoder().encode('{"id": "r4", "text": "x"}') };
      // The stand-in worker stops on any task that is not a file.
      const r = await pool.run(record);
      assert.equal(r.failed, true);
      assert.deepEqual(JSON.parse(text(r.output)).id, 'r4');
      assert.deepEqual(JSON.parse(text(r.output)).line, 4);
    } finally {
      await pool.close();
    }
  });

  it('stops the run when a worker cannot start, with the reason', async () => {
    const broken = script('broken.js', `throw new Error('no model here');`);
    const pool = new WorkerPool(2, broken);
    try {
      await assert.rejects(pool.run(file('a')), /an analysis worker could not start \(no model here\)/);
    } finally {
      await pool.close();
    }
  });

  it('passes on a CLI error raised while a worker loads the analysis, with its exit code', async () => {
    const fatal = script('fatal.js', `parentPort.postMessage({ type: 'fatal', message: 'model asset missing', exitCode: 3 });`);
    const pool = new WorkerPool(1, fatal);
    try {
      await assert.rejects(pool.run(file('a')), (err: unknown) => err instanceof CliError && err.exitCode === 3 && /model asset missing/.test(err.message));
    } finally {
      await pool.close();
    }
  });
});
