// Builds the extension and the in-host suite when their bundles are missing, so the host scripts
// also work when run on their own (npm test builds before it runs them).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { EXTENSION_MAIN, REPO_ROOT, SUITE_INDEX } from './paths.mjs';

export function build() {
  const res = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`build failed (node esbuild.mjs exited ${res.status ?? res.signal})`);
}

export async function ensureBuilt() {
  if (!existsSync(EXTENSION_MAIN) || !existsSync(`${SUITE_INDEX}.js`)) build();
}
