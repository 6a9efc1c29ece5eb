// `npm run test:integration`: runs the in-host mocha suite (dist/test/integration/index.js) inside
// a real VS Code (code-server, driven by headless Chromium), with the extension loaded from this
// checkout as a development extension, on a throwaway copy of seeds/ plus fixtures.
// Prints `integration: N passed, N failed`; exits non-zero on any failure, timeout or crash.
// Env: NEWS_TEST_TIMEOUT_MS (default 600000), NEWS_KEEP_RUN=1 keeps .vscode-test/run-* for its logs,
// NEWS_VERBOSE=1 echoes every workbench console line.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openWorkbench, workbenchUrl } from './browser.mjs';
import { ensureBuilt } from './build.mjs';
import { ensureCodeServer, isHostInstalled } from './install.mjs';
import { REPO_ROOT, SUITE_INDEX } from './paths.mjs';
import { startServer } from './server.mjs';
import { describeError, ensureSystemPackages } from './systemPackages.mjs';
import { makeRunDir, populateWorkspace, removeRunDir } from './workspace.mjs';

const TIMEOUT_MS = Number(process.env.NEWS_TEST_TIMEOUT_MS ?? 600_000);
const VERBOSE = process.env.NEWS_VERBOSE === '1';
/** Must match RESULT_FILE_ENV in test/integration/index.ts. */
const RESULT_FILE_ENV = 'NEWS_ANNOTATOR_TEST_RESULT';

// Workbench noise that says nothing about the extension (closed network, no marketplace).
const NOISE = new RegExp([
  'ENOTFOUND', 'open-vsx', 'marketplace', 'ERR_NAME_NOT_RESOLVED', 'ERR_CONNECTION_REFUSED', 'telemetry', 'Failed to fetch',
  'net::', 'connection token', 'Creating a socket', 'reconnection-grace-time', 'builtin extensions cache',
  'Service Worker', 'AgentHost', 'AccountPolicyGate', 'authentication provider',
  // The suite's own closing line is printed once, by this harness, from the result file.
  '^integration: \\d+ passed',
].join('|'), 'im');

function seconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

async function main() {
  const t0 = Date.now();
  ensureSystemPackages({ install: !isHostInstalled(), browser: true });
  await ensureBuilt();
  const host = await ensureCodeServer();
  const tInstalled = Date.now();

  const dirs = makeRunDir('run');
  const workspace = populateWorkspace(dirs.workspace);
  const resultFile = join(dirs.root, 'result.json');
  const hostLog = join(dirs.root, 'workbench.log');
  let server;
  let browser;
  let ok = false;
  try {
    server = await startServer({ ...host, dirs });
    console.log(`code-server ${server.baseUrl} (pid ${server.pid}) healthy in ${seconds(tInstalled)} s`);
    browser = await launchBrowser(dirs.browserProfile, { env: dirs.env });

    const tSuite = Date.now();
    const exitCode = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`suite did not finish within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      const url = workbenchUrl({
        baseUrl: server.baseUrl,
        port: server.port,
        folder: workspace,
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: SUITE_INDEX,
        extensionEnvironment: { [RESULT_FILE_ENV]: resultFile },
      });
      openWorkbench(browser, url, {
        onLog: (type, text) => {
          appendFileSync(hostLog, `[${type}] ${text}\n`);
          // The suite's own output (mocha spec reporter) and real errors are shown; network noise is not.
          if (VERBOSE || (!NOISE.test(text) && (type === 'log' || type === 'info' || type === 'error'))) {
            for (const line of text.split('\n')) console.log(`  ${line}`);
          }
        },
        onExit: (code) => { clearTimeout(timer); resolve(code); },
      }).catch((err) => { clearTimeout(timer); reject(err); });
    });
    console.log(`suite ran in ${seconds(tSuite)} s (workbench load included); exit code ${exitCode}`);

    if (!existsSync(resultFile)) throw new Error(`the suite wrote no result file (${resultFile}); see ${hostLog}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    for (const f of result.failures) console.log(`  FAILED ${f.title}: ${f.error}`);
    console.log(`integration: ${result.passed} passed, ${result.failed} failed`);
    ok = exitCode === 0 && result.failed === 0 && result.passed > 0;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    const kept = removeRunDir(dirs, { ok });
    console.log(`total ${seconds(t0)} s; run folder ${kept ? `kept: ${kept}` : 'removed'}`);
  }
  if (!ok) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`integration harness failed: ${describeError(err)}`);
  console.log('integration: 0 passed, 1 failed');
  process.exit(1);
});
