// `npm start`: builds the extension, then opens seeds/ in VS Code with it loaded from source.
// With a desktop `code` CLI on PATH that is an Extension Development Host window; otherwise a local
// code-server (installed once into .vscode-test/) serves VS Code at a printed 127.0.0.1 address to
// open in a browser, until Ctrl-C. Env: NEWS_PORT picks the port (default 8765; a free one when
// that is taken), NEWS_USE_CODE_SERVER=1 skips the desktop `code` CLI.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from './host/build.mjs';
import { workbenchUrl } from './host/browser.mjs';
import { cleanChildEnv } from './host/childEnv.mjs';
import { ensureCodeServer } from './host/install.mjs';
import { CACHE_ROOT, REPO_ROOT } from './host/paths.mjs';
import { freePort, startServer } from './host/server.mjs';
import { describeError } from './host/systemPackages.mjs';
import { isolatedEnv, makeShortTempDir, writeUserSettings } from './host/workspace.mjs';

const SEEDS = join(REPO_ROOT, 'seeds');
/** The same address on every start, so a bookmark or an open tab keeps working. */
const DEFAULT_PORT = 8765;

function hasDesktopCode() {
  if (process.env.NEWS_USE_CODE_SERVER === '1') return false;
  const probe = spawnSync('code', ['--version'], { stdio: 'ignore', env: cleanChildEnv() });
  return probe.status === 0;
}

/** True when nothing listens on 127.0.0.1:`port`. */
function portIsFree(port) {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort(true)));
  });
}

/** The port asked for (NEWS_PORT, else the default), or a free one when it is taken. */
async function choosePort() {
  const asked = process.env.NEWS_PORT ? Number(process.env.NEWS_PORT) : DEFAULT_PORT;
  if (!Number.isInteger(asked) || asked < 1 || asked > 65535) throw new Error(`NEWS_PORT=${process.env.NEWS_PORT} is not a port number`);
  if (await portIsFree(asked)) return asked;
  const port = await freePort();
  console.log(`port ${asked} is taken; using ${port} instead`);
  return port;
}

/** Waits until the workbench page itself (not only the health check) answers. */
async function waitForPage(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch { /* not serving yet */ }
    if (Date.now() > deadline) throw new Error(`the workbench page did not answer within ${timeoutMs / 1000} s: ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  build();
  if (hasDesktopCode()) {
    console.log('opening seeds/ in VS Code (Extension Development Host)…');
    const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, SEEDS], { stdio: 'inherit', env: cleanChildEnv() });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  const host = await ensureCodeServer();
  // Settings and layout persist between starts (.vscode-test/start), but code-server makes sockets
  // in TMPDIR, HOME and the user-data folder, and a socket path longer than 107 bytes fails. So
  // those are reached through a short private folder: tmp itself, and links to the kept folders.
  const root = join(CACHE_ROOT, 'start');
  const shortRoot = makeShortTempDir();
  const kept = { home: join(root, 'home'), userData: join(root, 'user-data'), extensions: join(root, 'extensions') };
  for (const d of Object.values(kept)) mkdirSync(d, { recursive: true });
  const dirs = {
    root,
    home: join(shortRoot, 'home'),
    userData: join(shortRoot, 'user'),
    extensions: kept.extensions,
    tmp: join(shortRoot, 'tmp'),
  };
  symlinkSync(kept.home, dirs.home, 'dir');
  symlinkSync(kept.userData, dirs.userData, 'dir');
  mkdirSync(dirs.tmp);
  writeUserSettings(dirs.userData);
  const port = await choosePort();
  const server = await startServer({ ...host, dirs: { ...dirs, env: isolatedEnv(dirs) }, port });
  const url = workbenchUrl({ baseUrl: server.baseUrl, port: server.port, folder: SEEDS, extensionDevelopmentPath: REPO_ROOT });
  await waitForPage(url);
  console.log(`\nVS Code with News Annotator (from source) on seeds/ is ready at:\n\n  ${url}\n`);
  console.log(`server pid ${server.pid}, log ${server.logFile}. Rebuild with \`npm run build\` and reload the window. Ctrl-C stops it.`);
  // server.mjs stops the server on SIGINT/SIGTERM/SIGHUP; the private folder goes with the process.
  process.on('exit', () => console.log('News Annotator server stopped.'));
  setInterval(() => {}, 1 << 30);
}

main().catch((err) => { console.error(describeError(err)); process.exit(1); });
