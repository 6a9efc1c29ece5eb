// `npm run test:electron`: the same in-host suite (dist/test/integration/index.js) under
// @vscode/test-electron, i.e. in a desktop VS Code that it downloads (needs network access and a
// display or Xvfb; the offline harness is `npm run test:integration`). Uses the same throwaway
// workspace (copy of seeds/ plus fixtures) and prints `integration: N passed, N failed`.
import { runTests } from '@vscode/test-electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from './host/build.mjs';
import { REPO_ROOT, SUITE_INDEX } from './host/paths.mjs';
import { makeRunDir, populateWorkspace, removeRunDir } from './host/workspace.mjs';

/** Must match RESULT_FILE_ENV in test/integration/index.ts. */
const RESULT_FILE_ENV = 'NEWS_ANNOTATOR_TEST_RESULT';

async function main() {
  await ensureBuilt();
  const dirs = makeRunDir('electron');
  const workspace = populateWorkspace(dirs.workspace);
  const resultFile = join(dirs.root, 'result.json');
  let exitCode = 1;
  try {
    exitCode = await runTests({
      version: process.env.NEWS_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE_INDEX,
      extensionTestsEnv: { [RESULT_FILE_ENV]: resultFile },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${dirs.userData}`,
        `--extensions-dir=${dirs.extensions}`,
      ],
    });
  } catch (err) {
    console.error(`VS Code test run failed: ${err?.message ?? err}`);
  }
  const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : { passed: 0, failed: 1 };
  console.log(`integration: ${result.passed} passed, ${result.failed} failed`);
  const ok = exitCode === 0 && result.failed === 0 && result.passed > 0;
  removeRunDir(dirs, { ok });
  process.exit(ok ? 0 : 1);
}

main();
