// A reader that stops early (`news-annotator analyze *.txt | head`) closes the CLI's output. The
// CLI must then stop quietly, not print a stack trace, whatever the command.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { builtCli } from './buildCli';

const seed = join(__dirname, '../../seeds/000_af60520f71ff48c9.txt');

/** Runs the built CLI, closes its stdout after the first chunk, and waits for it to end. */
function runClosingEarly(cli: string, args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string; firstChunk: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let firstChunk = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      firstChunk = d.toString();
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr, firstChunk }));
  });
}

describe('CLI output closed by its reader', function () {
  this.timeout(60000);
  let cli = '';

  before(() => {
    cli = builtCli();
  });

  // Forty copies of a seed: far more output than a pipe holds, so writes go on after the reader left.
  const many = Array.from({ length: 40 }, () => seed);

  const commands: [string, string[]][] = [
    ['analyze --json', ['analyze', '--json', ...many]],
    ['analyze', ['analyze', ...many]],
    ['sources --csv', ['sources', '--csv', ...many]],
  ];
  for (const [name, args] of commands) {
    it(`${name}: stops quietly with its own exit code`, async () => {
      const r = await runClosingEarly(cli, args);
      assert.ok(r.firstChunk.length > 0, 'the reader saw the start of the output');
      assert.equal(r.stderr, '');
      assert.equal(r.signal, null);
      assert.equal(r.code, 0);
    });
  }
});
