// analyze --jsonl --jobs N through the built CLI: the bundle starts itself as its pool's workers,
// so it is built here (as esbuild.mjs builds dist/cli.js) and run as a child process.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ANALYSIS_WORKER_DATA, type FromWorker } from '../../src/cli/corpus/worker';
import { EXIT } from '../../src/cli/readArticle';
import { builtCli } from './buildCli';

const root = join(__dirname, '../..');
const seeds = ['000_af60520f71ff48c9.txt', '001_21569e4679d671fa.txt'].map((f) => join(root, 'seeds', f));

describe('CLI analyze --jsonl --jobs', () => {
  let cli = '';

  before(() => {
    cli = builtCli();
  });

  function run(args: string[], input = '') {
    const r = spawnSync(process.execPath, [cli, 'analyze', '--jsonl', ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  /** A dozen articles of different lengths: the seeds' paragraphs, runs of them, and one bad record. */
  function records(): string {
    const paragraphs = seeds.flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/)).filter((p) => p.trim());
    const out: string[] = [];
    for (let i = 0; i < 12; i++) out.push(JSON.stringify({ id: `r${i}`, text: paragraphs.slice(i, i + 1 + (i % 4) * 3).join('\n\n') }));
    out.splice(5, 0, '{"id": "broken", "text": ');
    return out.join('\n') + '\n';
  }

  const runs = new Map<string, ReturnType<typeof run>>();
  /** The records through `analyze - --jsonl` with these options, run once however many tests ask. */
  function recordsRun(...args: string[]) {
    const key = args.join(' ');
    if (!runs.has(key)) runs.set(key, run(['-', ...args], records()));
    return runs.get(key)!;
  }

  it('gives the same output, byte for byte and in input order, with --jobs 2 as with --jobs 1', () => {
    const one = recordsRun('--jobs', '1');
    const two = recordsRun('--jobs', '2');
    assert.equal(one.code, EXIT.input, one.stderr); // the broken record
    assert.equal(two.code, one.code, two.stderr);
    assert.equal(one.stdout.split('\n').length, 14);
    assert.equal(two.stdout, one.stdout);
    const files = [...seeds, join(root, 'seeds/missing.txt'), seeds[0]!];
    const filesOne = run(['--jobs', '1', ...files]);
    const filesTwo = run(['--jobs', '2', ...files]);
    assert.equal(filesTwo.code, filesOne.code);
    assert.equal(filesTwo.stdout, filesOne.stdout);
  });

  it('writes nothing on stderr when every article is analysed (V8 knows every flag the run sets)', () => {
    for (const jobs of ['1', '2']) {
      const r = run(['--jobs', jobs, ...seeds]);
      assert.equal(r.code, EXIT.ok, r.stderr);
      assert.equal(r.stderr, '', `--jobs ${jobs}`);
      assert.equal(r.stdout.split('\n').length, seeds.length + 1);
    }
  });

  it('with --jobs 2 --unordered writes the same lines, in whatever order they finish', () => {
    const ordered = recordsRun('--jobs', '2');
    const unordered = recordsRun('--jobs', '2', '--unordered');
    assert.equal(unordered.code, ordered.code, unordered.stderr);
    assert.deepEqual(unordered.stdout.split('\n').sort(), ordered.stdout.split('\n').sort());
  });

  /** The bundle without the assets/ folder beside it: a broken install. */
  function bareInstall(): string {
    const install = mkdtempSync(join(tmpdir(), 'news-cli-no-assets-'));
    mkdirSync(join(install, 'dist'));
    const bare = join(install, 'dist', 'cli.js');
    copyFileSync(cli, bare);
    return bare;
  }

  it('with --jobs 2 and no model files, stops at start with the install error (exit 4), as --jobs 1 does', () => {
    const bare = bareInstall();
    for (const jobs of ['1', '2']) {
      const r = spawnSync(process.execPath, [bare, 'analyze', '--jsonl', '--jobs', jobs, '-'], { input: '{"id": 1, "text": "Hello."}\n', encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, EXIT.install, `--jobs ${jobs}: ${r.stderr}`);
      assert.match(r.stderr, /^news-annotator: model asset .*tagger\.bin is missing/, `--jobs ${jobs}`);
      assert.equal(r.stdout, '');
    }
  });

  it('a pool worker that finds no model files reports an install error (exit 4), not an unexpected one', async () => {
    const worker = new Worker(bareInstall(), { workerData: ANALYSIS_WORKER_DATA });
    try {
      const first = await new Promise<FromWorker>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      assert.equal(first.type, 'fatal');
      if (first.type !== 'fatal') return;
      assert.equal(first.exitCode, EXIT.install);
      assert.match(first.message, /model asset .*tagger\.bin is missing/);
    } finally {
      await worker.terminate();
    }
  });
});
