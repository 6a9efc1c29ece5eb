// Bundles the extension, the CLI and the in-host integration suite.
// Usage: node esbuild.mjs [--watch] [--production] [--analyze]
// --analyze prints what each module adds to the extension host's bundle (esbuild's metafile), the
// way to find what keeps dist/extension.js large: the host is meant to hold editor glue only.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const analyzeHost = process.argv.includes('--analyze');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
};

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], metafile: analyzeHost },
  // Runs analyze() on a worker thread so long articles never stall the extension host.
  { ...common, entryPoints: ['src/vscode/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  // Sidecars, anchoring and the workspace index on a second thread; Compare Sources in a process of
  // its own. Separate bundles, so the analysis worker loads only the analysis.
  { ...common, entryPoints: ['src/vscode/worker/serviceEntry.ts'], outfile: 'dist/serviceWorker.js' },
  { ...common, entryPoints: ['src/vscode/worker/compareEntry.ts'], outfile: 'dist/compareProcess.js' },
  // The CLI is also the script of its own `analyze --jobs N` workers (src/cli/corpus/worker.ts).
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
];
if (!production) {
  // The integration suite runs inside the VS Code extension host; mocha stays external
  // so it is loaded from node_modules like any test runner would be.
  targets.push({
    ...common,
    entryPoints: ['test/integration/index.ts'],
    outfile: 'dist/test/integration/index.js',
    external: ['vscode', 'mocha'],
  });
}

function reportSizes() {
  for (const t of targets) {
    const kb = (statSync(t.outfile).size / 1024).toFixed(1);
    console.log(`${t.outfile.padEnd(36)} ${kb.padStart(8)} KB`);
  }
  // The model files are not bundled: the fronts read them from assets/ at run time (src/node/modelAssets.ts).
  for (const f of readdirSync('assets').filter((n) => n.endsWith('.bin'))) {
    console.log(`${('assets/' + f).padEnd(36)} ${(statSync(`assets/${f}`).size / 1024).toFixed(1).padStart(8)} KB (not bundled)`);
  }
}

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes…');
} else {
  const results = await Promise.all(targets.map((t) => esbuild.build(t)));
  reportSizes();
  if (analyzeHost) console.log(await esbuild.analyzeMetafile(results[0].metafile));
}
