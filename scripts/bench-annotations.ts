// Speed of the annotation core on a large article: 1,000 annotations on a ~1 MB text built from
// the seed articles (each copy varied), then saved, read back, edited and re-anchored; then 400
// claims whose text was rewritten (orphans) and 400 with one word changed, re-anchored at once.
// Usage: npx tsx scripts/bench-annotations.ts [seedsDir] [annotationCount]

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorAll } from '../src/core/annotations/anchor';
import { fnv1a64 } from '../src/core/annotations/hash';
import { createAnnotation } from '../src/core/annotations/make';
import { parseSidecar } from '../src/core/annotations/parse';
import { shiftForEdits } from '../src/core/annotations/shift';
import { Annotation } from '../src/core/annotations/types';
import { createSidecar, updateSidecar } from '../src/core/annotations/write';

const seedsDir = process.argv[2] ?? join(__dirname, '../seeds');
const count = Number(process.argv[3] ?? 1000);

let state = 12345;
const rnd = () => ((state = (Math.imul(state, 48271) >>> 0) % 2147483647) / 2147483647);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedsDir, f), 'utf8'));
const vocabulary = seeds.join(' ').split(/\s+/).filter(Boolean);

// ~1 MB: copies of the seeds, each with a numbered heading and ~3% of words swapped.
const parts: string[] = [];
let size = 0;
for (let i = 0; size < 1_000_000; i++) {
  const varied = pick(seeds).replace(/\S+/g, (w) => (rnd() < 0.03 ? pick(vocabulary) : w));
  const part = `Part ${i + 1}: ${pick(vocabulary)} ${pick(vocabulary)}\n\n${varied}\n\n`;
  parts.push(part);
  size += part.length;
}
const article = parts.join('');

// Claims: sentences and short phrases at random.
const sentences = [...article.matchAll(/[^\s.!?][^\n.!?]{15,}[.!?]/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
const annotations: Annotation[] = [];
for (let i = 0; i < count; i++) {
  let [s, e] = pick(sentences);
  if (rnd() < 0.5) {
    const words = [...article.slice(s, e).matchAll(/\S+/g)];
    const n = Math.min(words.length, 3 + Math.floor(rnd() * 4));
    const first = Math.floor(rnd() * (words.length - n + 1));
    const last = words[first + n - 1]!;
    [s, e] = [s + words[first]!.index!, s + last.index! + last[0].length];
  }
  annotations.push(createAnnotation({ id: `a${i.toString(36)}`, text: article, start: s, end: e, label: pick(['verified', 'false', 'misleading', 'needs context']), note: 'Checked against the agency release.', evidence: ['https://example.org/source'], reviewer: 'bench', now: '2026-11-23T12:00:00Z' }));
}

const time = <T>(label: string, f: () => T, repeat = 1): T => {
  let result!: T;
  const t0 = performance.now();
  for (let r = 0; r < repeat; r++) result = f();
  console.log(`${label}: ${((performance.now() - t0) / repeat).toFixed(1)} ms`);
  return result;
};

console.log(`article ${(article.length / 1e6).toFixed(2)} M chars, ${annotations.length} annotations`);
const hash = time('fnv1a64 of the article', () => fnv1a64(article), 5);
const text = time(`save: createSidecar (${count} annotations)`, () => createSidecar({ article: 'big.txt', textHash: hash }, annotations), 3);
console.log(`sidecar size: ${(text.length / 1024).toFixed(0)} KB`);
const store = time('load: parseSidecar', () => parseSidecar(text, { articlePath: 'big.txt' }), 3);
if (store.annotations.length !== count) throw new Error('round trip lost annotations');
const changed = { ...store.annotations[count >> 1]!, label: 'disputed' };
time('save: updateSidecar (one annotation changed)', () => updateSidecar(store, { upsert: [changed] }), 3);
time('save: updateSidecar (nothing changed)', () => updateSidecar(store, { upsert: store.annotations }), 3);

// Edits: 300 random insertions, deletions, replacements and 20 moved paragraphs.
let edited = article;
const changes: { start: number; end: number; newLength: number }[] = [];
for (let i = 0; i < 320; i++) {
  if (i % 16 === 15) {
    const breaks = [...edited.matchAll(/\n\n/g)].map((m) => m.index! + 2);
    const k = Math.floor(rnd() * (breaks.length - 2));
    const [s, e] = [breaks[k]!, breaks[k + 1]!];
    const piece = edited.slice(s, e);
    edited = edited.slice(0, s) + edited.slice(e);
    const to = pick([...edited.matchAll(/\n\n/g)].map((m) => m.index! + 2));
    edited = edited.slice(0, to) + piece + edited.slice(to);
    changes.push({ start: s, end: e, newLength: 0 }, { start: to, end: to, newLength: piece.length });
    continue;
  }
  const at = Math.floor(rnd() * edited.length);
  const del = rnd() < 0.5 ? Math.floor(rnd() * 40) : 0;
  const ins = rnd() < 0.7 ? `${pick(vocabulary)} ${pick(vocabulary)} ` : '';
  edited = edited.slice(0, at) + ins + edited.slice(at + del);
  changes.push({ start: at, end: at + del, newLength: ins.length });
}
const shifted = time(`live: shiftForEdits (${count} annotations x ${changes.length} changes)`, () => shiftForEdits(store.annotations, changes));
console.log(`  flagged for re-anchoring: ${shifted.filter((s) => s.needsReanchor).length}`);
const results = time(`re-anchor: anchorAll on the edited article (stored positions)`, () => anchorAll(edited, store.annotations));
const tally = (rs: { kind: string }[]) => ['exact', 'moved', 'fuzzy', 'orphan'].map((k) => `${k} ${rs.filter((r) => r.kind === k).length}`).join(', ');
console.log(`  ${tally(results)}`);
const fromShifted = time(`re-anchor: anchorAll on the edited article (positions from shiftForEdits)`, () => anchorAll(edited, shifted.map((s) => s.annotation)));
console.log(`  ${tally(fromShifted)}`);

// Many orphans at once: 400 claims whose sentence was rewritten, so each one is searched for in
// the whole article before it is given up (the costliest case), then 400 claims with one word
// changed (found again by the fuzzy search). Figures per claim are what the editor pays per MB.
const sentencesToEdit = [...new Set(Array.from({ length: 4000 }, () => pick(sentences)))]
  .filter(([s, e]) => e - s >= 40)
  .sort((a, b) => a[0] - b[0]);
const orphanTargets = sentencesToEdit.filter((_, i) => i % 2 === 0).slice(0, 400);
const fuzzyTargets = sentencesToEdit.filter((_, i) => i % 2 === 1).slice(0, 400);
const claimOn = ([s, e]: readonly [number, number], i: number, kind: string) =>
  createAnnotation({ id: `${kind}${i}`, text: article, start: s, end: e, label: 'disputed', reviewer: 'bench', now: '2026-11-23T12:00:00Z' });
const orphanClaims = orphanTargets.map((r, i) => claimOn(r, i, 'o'));
const fuzzyClaims = fuzzyTargets.map((r, i) => claimOn(r, i, 'f'));
let rewritten = '';
let cursor = 0;
const edits = [...orphanTargets.map((r) => ({ r, orphan: true })), ...fuzzyTargets.map((r) => ({ r, orphan: false }))].sort((a, b) => a.r[0] - b.r[0]);
for (const { r: [s, e], orphan } of edits) {
  if (s < cursor) continue;
  const sentence = article.slice(s, e);
  // Orphan: the sentence rewritten in other words; fuzzy: one word in the middle replaced.
  const words = sentence.split(' ');
  if (!orphan) words[words.length >> 1] = 'NEWWORD';
  rewritten += article.slice(cursor, s) + (orphan ? Array.from({ length: words.length }, () => pick(vocabulary)).join(' ') : words.join(' '));
  cursor = e;
}
rewritten += article.slice(cursor);
const timed = <T>(label: string, f: () => T, per: number): T => {
  const t0 = performance.now();
  const result = f();
  const ms = performance.now() - t0;
  console.log(`${label}: ${ms.toFixed(1)} ms (${(ms / per).toFixed(2)} ms per claim)`);
  return result;
};
const orphanResults = timed(`re-anchor: anchorAll, ${orphanClaims.length} claims whose sentence was rewritten`, () => anchorAll(rewritten, orphanClaims), orphanClaims.length);
console.log(`  ${tally(orphanResults)}`);
const fuzzyResults = timed(`re-anchor: anchorAll, ${fuzzyClaims.length} claims with one word changed`, () => anchorAll(rewritten, fuzzyClaims), fuzzyClaims.length);
console.log(`  ${tally(fuzzyResults)}`);
