// Evaluates the content sniffer that switches plain .txt files to the news language: the learned
// classifier in nested 5-fold cross-validation grouped by source (each outer fold's threshold
// chosen on the other folds alone), beside the old hand-tuned rule on the same documents, per
// collection; then the speed of the shipped classifier on 4 KB heads.
// Usage: npx tsx scripts/eval-sniff.ts [dataDir] [--rebuild] [--verbose]
//   dataDir is ../shared/data (its parent holds seeds/ and samples/); --rebuild re-reads the
//   machine's files instead of the cached corpus; --verbose lists every mistake.
import { basename, dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { sniffNewsArticle } from '../src/core/sniff';
import { DEFAULT_TRAIN, TARGET_FPR, loadCorpus, nestedDecisions, prepare, type Example } from './sniff-learn';
import { legacySniffNewsArticle } from './sniff-legacy';

const args = process.argv.slice(2);
const positional = args.filter((a) => !a.startsWith('--'));
const dataDir = positional[0] ?? join(__dirname, '../../shared/data');
const sharedDir = basename(dataDir) === 'data' ? dirname(dataDir) : dataDir;
if (!existsSync(join(sharedDir, 'data'))) {
  console.log(`eval-sniff: no data folder at ${join(sharedDir, 'data')}; skipped`);
  process.exit(0);
}
const verbose = args.includes('--verbose');

const started = Date.now();
const docs = loadCorpus(sharedDir, join(__dirname, '..'), args.includes('--rebuild'));
const { originals, variants } = prepare(docs, DEFAULT_TRAIN.bits);
const decisions = nestedDecisions(originals, variants, DEFAULT_TRAIN);
const legacy = new Map<Example, boolean>([...originals, ...variants].map((e) => [e, legacySniffNewsArticle(e.doc.text).isArticle]));
const isNews = (e: Example): boolean => {
  const d = decisions.get(e)!;
  return d.score >= d.threshold;
};

interface Tally { n: number; newYes: number; oldYes: number }
const tally = (rows: Example[]): Tally => ({ n: rows.length, newYes: rows.filter(isNews).length, oldYes: rows.filter((e) => legacy.get(e)).length });
const pct = (k: number, n: number): string => (n ? ((100 * k) / n).toFixed(1).padStart(5) + '%' : '     -');

function table(title: string, rows: Example[], label: 0 | 1): void {
  const what = label === 1 ? 'recognised' : 'taken for news';
  console.log(`\n${title}\n${'collection'.padEnd(24)} ${'docs'.padStart(5)}   ${('new: ' + what).padEnd(26)} ${'old: ' + what}`);
  const by = new Map<string, Example[]>();
  for (const e of rows) by.set(e.doc.collection, [...(by.get(e.doc.collection) ?? []), e]);
  for (const [name, members] of [...by].sort()) {
    const t = tally(members);
    console.log(`${name.padEnd(24)} ${String(t.n).padStart(5)}   ${`${t.newYes}`.padStart(5)} ${pct(t.newYes, t.n)}              ${`${t.oldYes}`.padStart(5)} ${pct(t.oldYes, t.n)}`);
  }
  const t = tally(rows);
  console.log(`${'all'.padEnd(24)} ${String(t.n).padStart(5)}   ${`${t.newYes}`.padStart(5)} ${pct(t.newYes, t.n)}              ${`${t.oldYes}`.padStart(5)} ${pct(t.oldYes, t.n)}`);
}

const news = originals.filter((e) => e.doc.label === 1 && e.doc.weight > 0);
const nonNews = originals.filter((e) => e.doc.label === 0);
const thresholds = [...new Set([...decisions.values()].map((d) => d.threshold.toFixed(3)))];
console.log(`sniff: ${news.length} news articles, ${nonNews.length} non-news plain-text files (first 4 KB of each), 5 folds grouped by source`);
console.log(`nested cross-validation: each fold's threshold chosen on the other folds for <= ${(TARGET_FPR * 100).toFixed(1)}% false positives (${thresholds.join(', ')})`);
table('News articles (recall)', news, 1);
table('Non-news plain text (false positives)', nonNews, 0);
table('Wire tables from CoNLL-2003 (results, prices: not counted above)', originals.filter((e) => e.doc.weight === 0), 1);

const byVariant = (label: 0 | 1, variant: string): string => {
  const rows = variants.filter((e) => e.doc.label === label && e.doc.variant === variant);
  const t = tally(rows);
  return `${variant} ${t.n}: new ${pct(t.newYes, t.n).trim()}, old ${pct(t.oldYes, t.n).trim()}`;
};
console.log('\nHeld-out variants of the same documents');
console.log(`  news recognised: ${['no-headline', 'short', 'wrapped', 'paragraphs'].map((v) => byVariant(1, v)).join('; ')}`);
console.log(`  non-news taken for news: ${byVariant(0, 'short')}`);

const tn = tally(news), tf = tally(nonNews);
const recall = tn.newYes / tn.n, fpr = tf.newYes / tf.n;
console.log(`\nSUMMARY new classifier: recall ${recall.toFixed(4)} (${tn.newYes}/${tn.n}), false positives ${(100 * fpr).toFixed(2)}% (${tf.newYes}/${tf.n})`);
console.log(`SUMMARY old sniffer:    recall ${(tn.oldYes / tn.n).toFixed(4)} (${tn.oldYes}/${tn.n}), false positives ${((100 * tf.oldYes) / tf.n).toFixed(2)}% (${tf.oldYes}/${tf.n})`);
console.log(`targets: recall >= 0.97 ${recall >= 0.97 ? 'met' : 'NOT met'}, false positives <= 0.5% ${fpr <= TARGET_FPR ? 'met' : 'NOT met'}`);

if (verbose) {
  console.log('\nMistakes of the new classifier (score - threshold, collection, document):');
  for (const e of [...news, ...nonNews]) {
    if (isNews(e) === (e.doc.label === 1)) continue;
    const d = decisions.get(e)!;
    console.log(`  ${e.doc.label ? 'missed' : 'false '} ${(d.score - d.threshold).toFixed(2).padStart(6)}  ${e.doc.collection.padEnd(22)} ${e.doc.name}`);
  }
}

// Speed of the shipped classifier, as the editor calls it: CPU time per document on real heads.
const sample = originals.filter((_, i) => i % 7 === 0).map((e) => e.doc.text);
for (const t of sample.slice(0, 200)) sniffNewsArticle(t);
const rounds = 5;
const cpu0 = process.cpuUsage();
const wall0 = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) for (const t of sample) sniffNewsArticle(t);
const calls = rounds * sample.length;
const cpuMs = process.cpuUsage(cpu0).user / 1000 / calls;
const wallMs = Number(process.hrtime.bigint() - wall0) / 1e6 / calls;
const full = sample.filter((t) => t.length >= 4096);
const cpu1 = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const t of full) sniffNewsArticle(t);
const fullMs = process.cpuUsage(cpu1).user / 1000 / (rounds * full.length);
console.log(`\nspeed (shipped model): ${cpuMs.toFixed(3)} ms CPU per document (${wallMs.toFixed(3)} ms wall on this shared machine), ${fullMs.toFixed(3)} ms CPU per full 4 KB head; ${calls} calls`);
console.log(`(eval took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
