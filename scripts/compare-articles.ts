// The long article pairs Compare Sources is measured on (scripts/bench-compare.ts) and checked on
// (scripts/compare-digest.ts), built the same way every run, and the core bundled as the extension
// ships it. Two kinds: distinct news stories joined end to end, B sharing half of A's stories
// (paragraphs shuffled); and the worst case for an index, the two seed articles repeated over and over.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as Compare from '../src/core/corpus/compare';
import type * as Analyze from '../src/core/analyze';
import type * as WordDiff from '../src/core/corpus/wordDiff';
import type * as Reason from '../src/core/corpus/reason';
import { loadCoreBundle } from './coreBundle';
import { prng, shuffle } from './seededRandom';

export type CompareCore = typeof Compare & typeof Analyze & typeof WordDiff & typeof Reason;

export const seedDir = join(__dirname, '../seeds');
export const samplesDir = join(__dirname, '../../shared/samples/wikinews');

/** The core bundled by esbuild, as the extension ships it. */
export function loadCompareCore(): CompareCore {
  return loadCoreBundle<CompareCore>(`export * from './analyze'; export * from './corpus/compare'; export * from './corpus/wordDiff'; export * from './corpus/reason'`);
}

/** The seed and sample articles, by file name: seeds first. */
export function seedAndSampleTexts(): { name: string; text: string }[] {
  return [seedDir, samplesDir]
    .filter(existsSync)
    .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(d, f), 'utf8') })));
}

/** The news stories long articles are built from: PolNeAR's when `dataDir` holds it, else the seeds and samples. */
export function stories(dataDir: string): { name: string; texts: string[] } {
  const file = join(dataDir, 'polnear-train.jsonl');
  if (existsSync(file)) {
    const texts = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
    return { name: `${texts.length} PolNeAR news articles`, texts };
  }
  const texts = seedAndSampleTexts().map((t) => t.text);
  return { name: `${texts.length} seed and sample articles (PolNeAR not found)`, texts };
}

/** A of `kb` KB from distinct stories; B: half of A's stories (paragraphs shuffled) and half others. */
export function distinctPair(texts: string[], kb: number): [string, string] {
  const rand = prng(kb);
  const order = shuffle(texts.map((_, i) => i), rand);
  const a: string[] = [];
  const b: string[] = [];
  let sizeA = 0;
  let sizeB = 0;
  for (let i = 0; i < order.length && (sizeA < kb * 1024 || sizeB < kb * 1024); i++) {
    const text = texts[order[i]!]!;
    if (sizeA < kb * 1024 && i % 2 === 0) {
      a.push(text);
      sizeA += text.length;
    }
    // Every other story of A is in B too, its paragraphs reordered; the rest of B is other stories.
    if (sizeB < kb * 1024 && (i % 4 === 0 || i % 2 === 1)) {
      const paragraphs = text.split(/\n\s*\n/);
      const [head, ...body] = paragraphs;
      const told = i % 4 === 0 ? [head!, ...shuffle(body, rand)].join('\n\n') : text;
      b.push(told);
      sizeB += told.length;
    }
  }
  return [a.join('\n\n').slice(0, kb * 1024), b.join('\n\n').slice(0, kb * 1024)];
}

/** The two seeds repeated to `kb` KB each: every sentence comes back hundreds of times. */
export function repeatedPair(kb: number): [string, string] {
  const [sa, sb] = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));
  const grow = (t: string) => t.repeat(Math.ceil((kb * 1024) / t.length)).slice(0, kb * 1024);
  return [grow(sa!), grow(sb!)];
}
