// Bundles the CLI into a temp folder with esbuild (as `npm run build` does), so tests and
// benchmarks can start real `news-annotator` processes without depending on a prior build. The
// folder mirrors an install: dist/cli.js beside a link to the model files in assets/.
import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

let built: string | undefined;

/** Path of a freshly bundled cli.js (built once per process). */
export function builtCli(): string {
  if (built !== undefined) return built;
  const root = mkdtempSync(join(tmpdir(), 'news-cli-'));
  symlinkSync(resolve(__dirname, '../../assets'), join(root, 'assets'), 'dir');
  mkdirSync(join(root, 'dist'));
  const outfile = join(root, 'dist', 'cli.js');
  buildSync({ entryPoints: [resolve(__dirname, '../../src/cli/main.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
  built = outfile;
  return outfile;
}
