// What the benchmarks share: the core bundled by esbuild, as the extension and the CLI ship it,
// loaded into this process, and the news text they measure on. Measuring the bundle rather than the
// tsx-transpiled sources matters: tsx turns every imported binding into a property getter, which
// costs more than some of the hot loops themselves.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Models } from '../src/core/models';
import { readModels } from '../src/node/modelAssets';

const root = join(__dirname, '..');

/**
 * Bundles `exports` (export statements, resolved from src/core, or from `coreDir`: another
 * checkout's core, to measure it beside this one) and loads the bundle. It holds its own copy of
 * the core, so the model files are registered with that copy.
 */
export function loadCoreBundle<T>(exports: string, models: Models = readModels(), coreDir = join(root, 'src/core')): T {
  const out = buildSync({
    stdin: { contents: `${exports}; export { provideModels } from './models';`, resolveDir: coreDir, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'error',
  });
  const mod = { exports: {} as T & { provideModels: (m: Models) => void } };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the bundle esbuild has just built, as a CommonJS module
  const run = new Function('module', 'exports', 'require', out.outputFiles[0]!.text) as (module: typeof mod, exports: typeof mod.exports, req: NodeJS.Require) => void;
  run(mod, mod.exports, require);
  mod.exports.provideModels(models);
  return mod.exports;
}

/** The seed articles and, when ../shared is beside the project, the Wikinews samples, joined; `files` counts them. */
export function seedCorpus(): { text: string; files: number } {
  const sources = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'seeds', f));
  const samples = join(root, '../shared/samples/wikinews');
  if (existsSync(samples)) sources.push(...readdirSync(samples).filter((f) => f.endsWith('.txt')).map((f) => join(samples, f)));
  return { text: sources.map((f) => readFileSync(f, 'utf8')).join('\n\n'), files: sources.length };
}

/** `corpus` repeated to exactly `bytes` characters. */
export function repeatedTo(corpus: string, bytes: number): string {
  let s = corpus;
  while (s.length < bytes) s += '\n\n' + corpus;
  return s.slice(0, bytes);
}
