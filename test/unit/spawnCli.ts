// Runs CLI commands in a child process, for inputs that could hang or flood the process that reads
// them (a FIFO, /dev/zero): the child is killed when it runs too long or its memory grows too far,
// so a regression fails the test instead of freezing or exhausting the machine.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ChildCliResult {
  /** One result per command, in order; absent when the child was killed. */
  runs: { code: number; stdout: string; stderr: string }[] | null;
  /** Why the child was killed, or null when it finished by itself. */
  killed: 'time' | 'memory' | null;
  /** Highest resident memory seen while polling (VmHWM), in MB. */
  peakRssMb: number;
  stderr: string;
}

const ROOT = join(__dirname, '../..');
const DRIVER = join(__dirname, 'cliChild.ts');

/** Runs each argv list through the CLI's main() in one child process (tsx loads the TypeScript once). */
export function spawnCli(commands: string[][], limits = { timeoutMs: 20000, maxRssMb: 400 }): Promise<ChildCliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', DRIVER, JSON.stringify(commands)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed: ChildCliResult['killed'] = null;
    let peakRssMb = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const kill = (why: 'time' | 'memory') => {
      killed ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill('time'), limits.timeoutMs);
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakRssMb = Math.max(peakRssMb, Number(hwm[1]) / 1024);
        if (peakRssMb > limits.maxRssMb) kill('memory');
      } catch {
        // the child has just exited
      }
    }, 20);
    child.on('close', () => {
      clearTimeout(timer);
      clearInterval(poll);
      let runs: ChildCliResult['runs'] = null;
      if (killed === null) {
        try {
          runs = JSON.parse(stdout);
        } catch {
          runs = null;
        }
      }
      resolve({ runs, killed, peakRssMb, stderr });
    });
  });
}
