// Re-anchoring many claims at once in a real ~1 MB article: distinct polnear-train articles one
// after another (no repeated text), 400 claims whose sentence was rewritten (each searched for in
// the whole article before it is orphaned) and 400 claims with one word changed.
// Usage: npx tsx scripts/bench-reanchor.ts [DATA_DIR]   (DATA_DIR defaults to ../shared/data)

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { anchorAll } from '../src/core/annotations/anchor';
import { createAnnotation } from '../src/core/annotations/make';

const dataDir = resolve(process.argv[2] ?? join(__dirname, '../../shared/data'));
const file = join(dataDir, 'polnear-train.jsonl');
if (!existsSync(file)) {
  console.error(`no polnear-train.jsonl in ${dataDir}: pass the data folder as the first argument`);
  process.exit(2);
}

let state = 777;
const rnd = () => ((state = (Math.imul(state, 48271) >>> 0) % 2147483647) / 2147483647);
let article = '';
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (article.length > 1_000_000) break;
  if (line.trim()) article += (JSON.parse(line) as { text: string }).text + '\n\n';
}
const vocabulary = article.split(/\s+/).filter(Boolean);
const sentences = [...article.matchAll(/[^\s.!?][^\n.!?]{39,}[.!?]/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
const chosen = [...new Set(Array.from({ length: 3000 }, () => sentences[Math.floor(rnd() * sentences.length)]!))].sort((a, b) => a[0] - b[0]).slice(0, 800);
let edited = '';
let cursor = 0;
for (const [i, [s, e]] of chosen.entries()) {
  const words = article.slice(s, e).split(' ');
  if (i % 2 === 1) words[words.length >> 1] = 'NEWWORD';
  edited += article.slice(cursor, s) + (i % 2 === 0 ? words.map(() => vocabulary[Math.floor(rnd() * vocabulary.length)]).join(' ') : words.join(' '));
  cursor = e;
}
edited += article.slice(cursor);

for (const [name, parity] of [['whose sentence was rewritten', 0], ['with one word changed', 1]] as const) {
  const claims = chosen.filter((_, i) => i % 2 === parity).map(([s, e], i) => createAnnotation({ id: `c${i}`, text: article, start: s, end: e, label: 'disputed', reviewer: 'bench', now: '2026-11-23T12:00:00Z' }));
  const t0 = performance.now();
  const results = anchorAll(edited, claims);
  const ms = performance.now() - t0;
  const tally = ['exact', 'moved', 'fuzzy', 'orphan'].map((k) => `${k} ${results.filter((r) => r.kind === k).length}`).join(', ');
  console.log(`${(edited.length / 1e6).toFixed(2)} M chars, ${claims.length} claims ${name}: ${ms.toFixed(0)} ms (${(ms / claims.length).toFixed(2)} ms per claim); ${tally}`);
}
