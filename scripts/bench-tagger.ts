// Compares the entity tagger's speed with two tagger assets on the same text, in one process,
// alternating runs so both see the same machine load (the shared machine makes separate runs of
// scripts/bench.ts differ by more than a feature group costs).
// Usage: npx tsx scripts/bench-tagger.ts OTHER_TAGGER.bin [dataDir]
//   e.g. git show HEAD~1:assets/tagger.bin > /tmp/old-tagger.bin && npx tsx scripts/bench-tagger.ts /tmp/old-tagger.bin
// Text: about 1 MB of PolNeAR articles, tokenized once; tagTokens timed per article, best CPU time of 25.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuUsage } from 'node:process';
import { loadModels } from '../src/core/models';
import { tokenize } from '../src/core/text/tokenize';
import { tagTokens, type LinearModel } from '../src/core/entities/tagger';
import { defaultAssetsDir } from '../src/node/modelAssets';

const [other, dataArg] = process.argv.slice(2);
if (!other) {
  console.error('usage: npx tsx scripts/bench-tagger.ts OTHER_TAGGER.bin [dataDir]');
  process.exit(1);
}
const assets = defaultAssetsDir();
const asset = (path: string) => ({ name: path, bytes: readFileSync(path) });
const tables = ['clusters.bin', 'speakers.bin', 'sources.bin'].map((f) => asset(join(assets, f)));
const tagger = (path: string): LinearModel => loadModels(asset(path), ...tables).tagger;
const models: [string, LinearModel][] = [[other, tagger(other)], [join(assets, 'tagger.bin'), tagger(join(assets, 'tagger.bin'))]];

const dataDir = dataArg ?? join(__dirname, '../../shared/data');
const articles: string[] = [];
let size = 0;
for (const line of readFileSync(join(dataDir, 'polnear-train.jsonl'), 'utf8').split('\n')) {
  if (!line || size >= 1_000_000) break;
  const text = (JSON.parse(line) as { text: string }).text;
  articles.push(text);
  size += text.length;
}
const tokens = articles.map((t) => tokenize(t));
const best = models.map(() => Infinity);
for (let run = 0; run < 25; run++) {
  models.forEach(([, model], k) => {
    const t0 = cpuUsage();
    for (let i = 0; i < articles.length; i++) tagTokens(articles[i]!, tokens[i]!, model);
    const t = cpuUsage(t0);
    best[k] = Math.min(best[k]!, (t.user + t.system) / 1000);
  });
}
console.log(`tagTokens over ${(size / 1e6).toFixed(2)} MB (${articles.length} PolNeAR articles), best CPU time of 25 runs:`);
models.forEach(([name], k) => console.log(`  ${name.padEnd(40)} ${best[k]!.toFixed(1)} ms  ${(size / 1e6 / (best[k]! / 1000)).toFixed(1)} MB/s`));
console.log(`  difference: ${(100 * (best[1]! / best[0]! - 1)).toFixed(0)}%`);
