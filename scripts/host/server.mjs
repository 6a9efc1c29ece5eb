// Starts code-server on 127.0.0.1 with a free port in its own process group and always stops it
// by that group's id: on normal completion, on failure, on timeout, on Ctrl-C and on process exit.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const HEALTH_TIMEOUT_MS = 60_000;

/** Asks the kernel for a port nobody listens on right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

const running = new Set();

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); return true; } catch { return false; }
}

// Last resort: whatever path the harness leaves by, no server outlives it.
process.on('exit', () => { for (const pid of running) killGroup(pid, 'SIGKILL'); });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    for (const pid of running) killGroup(pid, 'SIGKILL');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

/**
 * Starts the server and waits for `/healthz`.
 * @param {{ node: string, entry: string, dirs: { root: string, userData: string, extensions: string, env: NodeJS.ProcessEnv },
 *           port?: number, smokeTestDriver?: boolean }} options
 * @returns {Promise<{ port: number, baseUrl: string, pid: number, logFile: string, stop: () => Promise<void> }>}
 */
export async function startServer({ node, entry, dirs, port, smokeTestDriver = true }) {
  const listenPort = port ?? (await freePort());
  const logFile = join(dirs.root, 'server.log');
  const fd = openSync(logFile, 'a');
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${listenPort}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time', '30',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  // Without this option VS Code silently ignores extensionDevelopmentPath/extensionTestsPath.
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(node, args, { cwd: dirs.root, env: dirs.env, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  running.add(child.pid);
  let exited = null;
  child.on('exit', (code, signal) => { exited = code ?? signal; running.delete(child.pid); });

  const stop = async () => {
    if (exited !== null) return;
    killGroup(child.pid, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (exited === null && Date.now() < deadline) await sleep(100);
    if (exited === null) killGroup(child.pid, 'SIGKILL');
    running.delete(child.pid);
  };

  const baseUrl = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited (${exited}) before it was healthy; see ${logFile}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server not healthy after ${HEALTH_TIMEOUT_MS / 1000}s; see ${logFile}`);
    }
    await sleep(150);
  }
  return { port: listenPort, baseUrl, pid: child.pid, logFile, stop };
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
