// Speed of the sources list on top of the analysis: the seeds, a 1 MB article, and adversarial
// input (a 1 MB paragraph with no full stop, full of verbs of saying). Best of 3 after a warm-up.
// Usage: npx tsx scripts/bench-sources.ts
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/core/analyze';
import { collectSources } from '../src/core/sources';
import { useModelAssets } from '../src/node/modelAssets';

useModelAssets();

function best(run: () => void): number {
  run();
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    run();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const seedsDir = join(__dirname, '..', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seedsDir, f), 'utf8'));
const body = seeds.map((s) => s.split('\n').slice(8).join('\n')).join('\n\n');
const inputs: [string, string][] = [
  ['seed 000', seeds[0]!],
  ['seed 001', seeds[1]!],
  ['1 MB article (seed paragraphs repeated)', 'Headline\n\n' + body.repeat(Math.ceil(1e6 / body.length)).slice(0, 1e6)],
  ['1 MB paragraph, no full stop', 'Headline\n\n' + 'officials said the ministry told reporters that Moscow denied it and analysts say '.repeat(Math.ceil(1e6 / 82)).slice(0, 1e6)],
];
for (const [name, text] of inputs) {
  const a = analyze(text);
  const ms = best(() => collectSources(text, a));
  const am = best(() => analyze(text));
  const r = collectSources(text, a);
  console.log(`${name.padEnd(40)} ${(text.length / 1e3).toFixed(0).padStart(5)} KB  sources ${ms.toFixed(1).padStart(7)} ms  (analysis ${am.toFixed(1).padStart(7)} ms)  ${r.sources.length} sources, ${r.sources.reduce((n, s) => n + s.statements.length, 0)} statements`);
}
