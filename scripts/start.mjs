// `npm start`: builds the extension, then opens seeds/ in VS Code with it loaded from source.
// With a desktop `code` CLI on PATH that is an Extension Development Host window; otherwise a local
// code-server (installed once into .vscode-test/) serves VS Code at a printed 127.0.0.1 URL to
// open in a browser, until Ctrl-C. Env: NEWS_PORT picks the port (default: a free one).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from './host/build.mjs';
import { workbenchUrl } from './host/browser.mjs';
import { ensureCodeServer } from './host/install.mjs';
import { CACHE_ROOT, REPO_ROOT } from './host/paths.mjs';
import { startServer } from './host/server.mjs';
import { isolatedEnv, writeUserSettings } from './host/workspace.mjs';
import { mkdirSync } from 'node:fs';

const SEEDS = join(REPO_ROOT, 'seeds');

function hasDesktopCode() {
  if (process.env.NEWS_USE_CODE_SERVER === '1') return false;
  const probe = spawnSync('code', ['--version'], { stdio: 'ignore' });
  return probe.status === 0;
}

async function main() {
  build();
  if (hasDesktopCode()) {
    console.log('opening seeds/ in VS Code (Extension Development Host)…');
    const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, SEEDS], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  const host = await ensureCodeServer();
  // A persistent profile (not a throwaway run folder) so layout and settings survive restarts.
  const root = join(CACHE_ROOT, 'start');
  const dirs = { root, home: join(root, 'home'), tmp: join(root, 'tmp'), userData: join(root, 'user-data'), extensions: join(root, 'extensions') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  writeUserSettings(dirs.userData);
  const port = process.env.NEWS_PORT ? Number(process.env.NEWS_PORT) : undefined;
  const server = await startServer({ ...host, dirs: { ...dirs, env: isolatedEnv(dirs) }, port });
  const url = workbenchUrl({ baseUrl: server.baseUrl, port: server.port, folder: SEEDS, extensionDevelopmentPath: REPO_ROOT });
  console.log(`\nVS Code with News Annotator (from source) on seeds/:\n\n  ${url}\n`);
  console.log(`server pid ${server.pid}, log ${server.logFile}. Rebuild with \`npm run build\` and reload the window. Ctrl-C stops it.`);
  // server.mjs stops the server on SIGINT/SIGTERM; keep the process alive until then.
  setInterval(() => {}, 1 << 30);
}

main().catch((err) => { console.error(err?.stack ?? err); process.exit(1); });
