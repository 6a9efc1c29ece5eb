// Runs every evaluation in turn (quotes and speakers, sources, entities, cross-article corroboration on the seeds, then the
// content sniffer that recognises articles), each as its own process so
// one failing does not hide the other's figures.
// Usage: npx tsx scripts/eval.ts [dataDir] [--verbose]   (or: npm run eval)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const scripts = ['eval-quotes.ts', 'eval-sources.ts', 'eval-entities.ts', 'eval-corroboration.ts', 'eval-sniff.ts'];
let failed = 0;
for (const name of scripts) {
  const file = join(__dirname, name);
  if (!existsSync(file)) {
    console.log(`(${name} not present, skipped)`);
    continue;
  }
  console.log(`\n== ${name} ==`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
