// Speed of the workspace corpus index on a synthetic workspace, next to a naive all-pairs baseline.
// Usage: npx tsx scripts/bench-corpus.ts [--articles 1000] [--samples DIR]
// Synthesises articles from the seeds and the Wikinews samples (paragraphs reordered and mixed
// between articles, person names and numbers swapped), analyses them, then prints: the full index
// build from analyses, one file's update, queries (mentions, corroborating statements) and the
// naive baseline that compares every sentence with every other (run on a subset, extrapolated).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import type * as Compare from '../src/core/corpus/compare';
import type * as Index from '../src/core/corpus/corpusIndex';
import type * as Score from '../src/core/corpus/score';
import type * as Analyze from '../src/core/analyze';
import { loadCoreBundle } from './coreBundle';
import { prng } from './seededRandom';

type Core = typeof Compare & typeof Index & typeof Score & typeof Analyze;

/** The core bundled by esbuild, as the extension ships it. */
function loadCore(): Core {
  return loadCoreBundle<Core>(`export * from './analyze'; export * from './corpus/compare'; export * from './corpus/corpusIndex'; export * from './corpus/score'`);
}

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1]! : fallback;
}

const NAMES_OUT = ['Putin', 'Kim', 'Ushakov', 'Kirby', 'Stoltenberg', 'Kuleba', 'Easley', 'Obama', 'Bush', 'Clinton'];
const NAMES_IN = ['Medvedev', 'Lavrov', 'Peskov', 'Blinken', 'Sullivan', 'Austin', 'Harris', 'Macron', 'Scholz', 'Sunak'];

function synthesise(bases: string[], count: number): string[] {
  const rand = prng(42);
  const paragraphsOf = bases.map((t) => t.split(/\n[ \t]*\n/).filter((p) => p.trim()));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const own = paragraphsOf[i % bases.length]!;
    const other = paragraphsOf[Math.floor(rand() * bases.length)]!;
    const [headline, ...body] = own;
    // Mix in a share of another article's paragraphs, then shuffle the body.
    const extra = other.slice(1).filter(() => rand() < 0.45);
    const paragraphs = [...body, ...extra];
    for (let j = paragraphs.length - 1; j > 0; j--) {
      const k = Math.floor(rand() * (j + 1));
      [paragraphs[j], paragraphs[k]] = [paragraphs[k]!, paragraphs[j]!];
    }
    let text = [headline, ...paragraphs].join('\n\n') + '\n';
    const swapFrom = NAMES_OUT[Math.floor(rand() * NAMES_OUT.length)]!;
    const swapTo = NAMES_IN[Math.floor(rand() * NAMES_IN.length)]!;
    if (rand() < 0.5) text = text.split(swapFrom).join(swapTo);
    text = text.replace(/\b\d{1,3}\b/g, (d) => (rand() < 0.3 ? String(Number(d) + 1 + Math.floor(rand() * 5)) : d));
    out.push(text);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeIt(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** CPU milliseconds of a call (user + system), which the other jobs on a shared machine do not inflate. */
function cpuIt(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

function main(): void {
  const core = loadCore();
  const count = Number(arg('--articles', '1000'));
  const samples = arg('--samples', join(__dirname, '../../shared/samples/wikinews'));
  const seedDir = join(__dirname, '../seeds');
  const bases = [
    ...readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seedDir, f), 'utf8')),
    ...readdirSync(samples).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(samples, f), 'utf8')),
  ];
  const texts = synthesise(bases, count);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at start (wall times grow with load; CPU times do not)`);
  console.log(`workspace: ${texts.length} articles, ${(bytes / 1048576).toFixed(2)} MB, from ${bases.length} base articles`);

  core.analyze(texts[0]!);
  let analyses: ReturnType<Core['analyze']>[] = [];
  const analyseCpu0 = process.cpuUsage();
  const analyseMs = timeIt(() => (analyses = texts.map((t) => core.analyze(t))));
  const analyseCpu = process.cpuUsage(analyseCpu0);
  console.log(
    `analysis of every article (entities, sentences, quotes): ${(analyseMs / 1000).toFixed(2)} s wall, ` +
      `${((analyseCpu.user + analyseCpu.system) / 1e6).toFixed(2)} s CPU (${((bytes / 1048576) / (analyseMs / 1000)).toFixed(2)} MB/s wall)`,
  );

  const path = (i: number) => `articles/${String(i).padStart(4, '0')}.txt`;
  let index = new core.CorpusIndex();
  const cpuBefore = process.cpuUsage();
  const buildMs = timeIt(() => {
    index = new core.CorpusIndex();
    for (let i = 0; i < texts.length; i++) index.add({ path: path(i), text: texts[i]!, analysis: analyses[i]! });
  });
  const buildCpu = process.cpuUsage(cpuBefore);
  console.log(
    `index build from analyses: ${buildMs.toFixed(0)} ms wall, ${((buildCpu.user + buildCpu.system) / 1000).toFixed(0)} ms CPU, ` +
      `for ${index.sentenceCount} sentences (target <= 5000 ms)`,
  );

  const updates: number[] = [];
  const updatesWithAnalysis: number[] = [];
  const updatesCpu: number[] = [];
  for (let r = 0; r < 21; r++) {
    const i = (r * 37) % texts.length;
    const edited = texts[i]!.replace(/\n\n/, `\n\nAn added paragraph number ${r} about the visit.\n\n`);
    const a = core.analyze(edited);
    updates.push(timeIt(() => index.update({ path: path(i), text: edited, analysis: a })));
    updatesCpu.push(cpuIt(() => index.update({ path: path(i), text: texts[i]!, analysis: analyses[i]! })));
    updatesWithAnalysis.push(cpuIt(() => index.update({ path: path(i), text: texts[i]!, analysis: core.analyze(texts[i]!) })));
  }
  console.log(
    `one file's update: ${median(updates).toFixed(2)} ms wall / ${median(updatesCpu).toFixed(2)} ms CPU median of 21 (index only), ` +
      `${median(updatesWithAnalysis).toFixed(1)} ms CPU with its re-analysis (target <= 50 ms)`,
  );

  const mentionMs: number[] = [];
  const articlesMs: number[] = [];
  const mentionCpu: number[] = [];
  let mentions = 0;
  let articles = 0;
  for (const name of ['Putin', 'Vladimir Putin', 'Kim Jong Un', 'North Korea', 'Ushakov', 'Medvedev', 'Kirby']) {
    mentionMs.push(timeIt(() => (mentions = index.mentionsOf(name).length)));
    mentionCpu.push(cpuIt(() => index.mentionsOf(name)));
    articlesMs.push(timeIt(() => (articles = index.articlesMentioning(name).length)));
  }
  console.log(`query mentionsOf: ${median(mentionMs).toFixed(2)} ms wall / ${median(mentionCpu).toFixed(2)} ms CPU median of 7 names (last: ${mentions} mentions); articlesMentioning: ${median(articlesMs).toFixed(2)} ms (${articles} articles) (target <= 20 ms)`);

  const statsIndex = index;
  const matchMs: number[] = [];
  const naiveMs: number[] = [];
  const matchCpu: number[] = [];
  let agree = 0;
  let queries = 0;
  let found = 0;
  const allStatements = texts.map((_, i) => statsIndex.statements(path(i)));
  const weightCache = new Map<string, number>();
  const weightOf = (t: string) => {
    let w = weightCache.get(t);
    if (w === undefined) weightCache.set(t, (w = core.termWeight(t, statsIndex)));
    return w;
  };
  for (let q = 0; q < 30; q++) {
    const i = (q * 53) % texts.length;
    const own = allStatements[i]!;
    const s = own[(q * 7) % own.length]!;
    let indexed: Index.CorpusMatch[] = [];
    matchMs.push(timeIt(() => (indexed = statsIndex.matchesFor(path(i), { start: s.start, end: s.start + 1 }))));
    matchCpu.push(cpuIt(() => statsIndex.matchesFor(path(i), { start: s.start, end: s.start + 1 })));
    // Naive: the same score against every sentence of every other article.
    let naive = 0;
    naiveMs.push(
      timeIt(() => {
        for (let j = 0; j < allStatements.length; j++) {
          if (j === i) continue;
          for (const b of allStatements[j]!) if (core.similarity(s.terms, b.terms, weightOf) >= core.MATCH_THRESHOLD) naive++;
        }
      }),
    );
    queries++;
    found += indexed.length;
    if (naive === indexed.length) agree++;
  }
  console.log(
    `query matchesFor (one sentence): ${median(matchMs).toFixed(2)} ms wall / ${median(matchCpu).toFixed(2)} ms CPU median of ${queries}, ${(found / queries).toFixed(1)} matches on average; ` +
      `naive scan of all sentences: ${median(naiveMs).toFixed(1)} ms; same match count in ${agree}/${queries} queries (target <= 20 ms)`,
  );

  // Corroborating every sentence of the workspace: the index per sentence vs all pairs.
  const subset = Math.min(10, texts.length);
  const subsetSentences = allStatements.slice(0, subset).reduce((n, l) => n + l.length, 0);
  const indexedAll = cpuIt(() => {
    for (let i = 0; i < subset; i++) statsIndex.matchesFor(path(i), { start: 0, end: texts[i]!.length });
  });
  const sample = allStatements.slice(0, subset).flat();
  const naiveAll = cpuIt(() => {
    for (let x = 0; x < sample.length; x++) for (let y = x + 1; y < sample.length; y++) core.similarity(sample[x]!.terms, sample[y]!.terms, weightOf);
  });
  const n = index.sentenceCount;
  const scaleIndexed = n / subsetSentences;
  const scaleNaive = (n * (n - 1)) / (subsetSentences * (subsetSentences - 1));
  console.log(
    `corroborate every sentence (CPU): index ${((indexedAll * scaleIndexed) / 1000).toFixed(1)} s (measured on ${subset} articles against the full index, scaled x${scaleIndexed.toFixed(1)}); ` +
      `naive all-pairs ${((naiveAll * scaleNaive) / 1000).toFixed(0)} s (measured ${subsetSentences} sentences among themselves, ${naiveAll.toFixed(0)} ms, scaled x${scaleNaive.toFixed(0)} for ${n} sentences)`,
  );
  console.log(`heap used: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
}

main();
