// The integration suite that runs INSIDE VS Code's extension host: VS Code loads this module
// (bundled to dist/test/integration/index.js) and calls `run()`, both under code-server
// (`npm run test:integration`, scripts/host/run-integration.mjs) and under @vscode/test-electron
// (`npm run test:electron`).
//
// To add tests: write `test/integration/<topic>.test.ts` that calls the global `describe`/`it`
// (mocha BDD, `node:assert/strict`, `import * as vscode from 'vscode'`; helpers in ./helpers),
// exports nothing, and add ONE line `import './<topic>.test';` below the existing ones.
// The workspace is a throwaway copy of seeds/ plus fixtures (see WORKSPACE_FILES in ./helpers):
// tests may create and edit files there freely.
import { writeFileSync } from 'node:fs';
import { mocha } from './mochaSetup'; // must stay the first import: it installs describe/it
import './suiteSettings';
import './activation.test';
import './editorFeatures.test';
import './latency.test';
import './firstPaint.test';
import './corpus.test';
import './annotations.test';
import './reviewerUi.test';
import './concurrentTagging.test';
import './sources.test';
import './entityCorrections.test';
import './compareLatency.test';
import './latency10mb.test';

/** Environment variable (set through `extensionEnvironment`) naming the file that receives the counts. */
export const RESULT_FILE_ENV = 'NEWS_ANNOTATOR_TEST_RESULT';

export interface SuiteResult {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    const failures: SuiteResult['failures'] = [];
    let runner: Mocha.Runner;
    try {
      runner = mocha.run();
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    runner.on('fail', (test, err: Error) => failures.push({ title: test.fullTitle(), error: err?.message ?? String(err) }));
    runner.on('end', () => {
      const result: SuiteResult = { passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0, failures };
      console.log(`\nintegration: ${result.passed} passed, ${result.failed} failed`);
      const resultFile = process.env[RESULT_FILE_ENV];
      if (resultFile) writeFileSync(resultFile, JSON.stringify(result, null, 2));
      if (result.failed > 0) reject(new Error(`${result.failed} integration test(s) failed`));
      else if (result.passed === 0) reject(new Error('no integration test ran'));
      else resolve();
    });
  });
}
