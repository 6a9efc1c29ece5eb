// The comparison process lowers the priority of every one of its threads (the garbage collector's
// helpers too), and leaves the process that started it alone.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { getPriority } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const root = join(__dirname, '../../..');

describe('lowerProcessPriority', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'news-priority-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lowers every thread of the process it runs in, and no other process', () => {
    const file = join(dir, 'lower.js');
    buildSync({
      stdin: {
        contents: `import { readdirSync } from 'node:fs';
          import { getPriority } from 'node:os';
          import { lowerProcessPriority } from './src/vscode/worker/processPriority';
          const threadsNice = () => process.platform === 'linux' ? readdirSync('/proc/self/task').map((t) => getPriority(Number(t))) : [getPriority()];
          const before = threadsNice();
          const lowered = lowerProcessPriority();
          console.log(JSON.stringify({ before, lowered, after: threadsNice() }));`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: file,
      logLevel: 'error',
    });
    const mine = getPriority();
    const seen = JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' })) as { before: number[]; lowered: number[] | undefined; after: number[] };
    assert.equal(getPriority(), mine, 'the starting process keeps its priority');
    assert.ok(seen.before.some((n) => n < 19), `the child started above the lowest priority: ${seen.before.join(', ')}`);
    if (process.platform === 'linux') assert.ok(seen.after.length > 1, 'Node runs helper threads beside the main one');
    assert.deepEqual(seen.after, seen.after.map(() => 19), `every thread at the lowest priority: ${seen.after.join(', ')}`);
    assert.deepEqual(seen.lowered, seen.after);
  });
});
