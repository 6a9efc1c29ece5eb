// A digest of the entity output over the seeds, the sample articles and the evaluation sets, to
// check that a change meant only for speed leaves every entity as it was.
// Usage: npx tsx scripts/entities-digest.ts [out.json] [sharedDir]   (sharedDir defaults to ../shared)
// Prints one fnv1a64 digest per set and an overall one; with out.json also writes every entity, so
// two runs can be diffed mention by mention.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEntities } from '../src/core/entities';
import { analyze } from '../src/core/analyze';
import { fnv1a64Hex } from '../src/core/text/fnv1a64';

const fnv1a64 = (s: string): string => fnv1a64Hex(Buffer.from(s, 'utf8'));
import { useModelAssets } from '../src/node/modelAssets';

useModelAssets();

const root = join(__dirname, '..');
const out = process.argv[2];
const shared = process.argv[3] ?? join(root, '../shared');

const texts = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8')) : [];
const jsonl = (file: string): string[] =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text) : [];

const sets: [string, string[]][] = [
  ['seeds', texts(join(root, 'seeds'))],
  ['samples', texts(join(shared, 'samples/wikinews'))],
  ['conll-dev', jsonl(join(shared, 'data/conll2003-dev.jsonl'))],
  ['gum', jsonl(join(shared, 'data/gum-news-train.jsonl'))],
  ['polnear', jsonl(join(shared, 'data/polnear-train.jsonl'))],
];

const all: Record<string, unknown[]> = {};
let overall = '';
for (const [name, docs] of sets) {
  const results = docs.map((t) => findEntities(t));
  // The whole analysis too for the articles: speakers and claims read the entities.
  const analyses = name === 'seeds' || name === 'samples' ? docs.map((t) => analyze(t)) : [];
  const json = JSON.stringify({ results, analyses });
  const digest = fnv1a64(json);
  overall += digest;
  all[name] = results;
  console.log(`${name.padEnd(10)} ${String(docs.length).padStart(5)} documents  ${digest}`);
}
console.log(`overall    ${fnv1a64(overall)}`);
if (out) writeFileSync(out, JSON.stringify(all));
