// A digest of everything Compare Sources outputs (pairs with their exact scores, reasons, word diffs,
// conflicts, what each article says alone) on the benchmark's long articles and on every pair of the
// seed and sample articles: a change meant to make comparing faster must leave every line unchanged.
// Usage: npx tsx scripts/compare-digest.ts [dataDir] [--write DIR]
//   dataDir: where polnear-train.jsonl is (default ../shared/data), as for bench-compare.ts.
//   --write DIR: also write the 800 KB article pairs there (distinct-a.txt, distinct-b.txt,
//   repeated-a.txt, repeated-b.txt), for timing `news-annotator compare` on them.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompareOptions } from '../src/core/corpus/compare';
import { distinctPair, loadCompareCore, repeatedPair, seedAndSampleTexts, stories, type CompareCore } from './compare-articles';

const args = process.argv.slice(2);
const writeAt = args.indexOf('--write');
const writeDir = writeAt >= 0 ? args.splice(writeAt, 2)[1] : undefined;
const dataDir = args[0] ?? join(__dirname, '../../shared/data');

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The comparison as the CLI's --json gives it, and the one-to-one pairs with their unrounded scores. */
function outputOf(core: CompareCore, textA: string, textB: string, options: CompareOptions = {}): { text: string; pairs: number; stmts: string } {
  const sa = core.statementsOf({ text: textA, analysis: analysisOf(core, textA) });
  const sb = core.statementsOf({ text: textB, analysis: analysisOf(core, textB) });
  const matching = core.matchStatements(sa, sb, options);
  const comparison = core.compareStatements(sa, sb, options);
  const exact = matching.pairs.map((p) => `${p.a} ${p.b} ${p.score}`).join('\n');
  return { text: JSON.stringify(comparison) + '\n' + exact, pairs: comparison.shared.length, stmts: `${sa.length} x ${sb.length}` };
}

/** The analysis compare runs; an older core without analyzeWithoutClaims runs the whole analysis. */
function analysisOf(core: CompareCore, text: string): ReturnType<CompareCore['analyzeWithoutClaims']> {
  const partial = (core as Partial<CompareCore>).analyzeWithoutClaims;
  return partial ? partial(text) : core.analyze(text);
}

function main(): void {
  const core = loadCompareCore();
  const all = createHash('sha256');
  const line = (name: string, o: { text: string; pairs: number; stmts: string }) => {
    all.update(name + '\n' + o.text + '\n');
    console.log(`${name.padEnd(44)} ${o.stmts.padStart(13)} statements  ${String(o.pairs).padStart(5)} pairs  ${sha(o.text).slice(0, 16)}`);
  };
  const source = stories(dataDir);
  console.log(`long articles built from ${source.name}; analysis: ${(core as Partial<CompareCore>).analyzeWithoutClaims ? 'analyzeWithoutClaims' : 'analyze'}`);
  for (const kb of [200, 400, 800]) {
    const [a, b] = distinctPair(source.texts, kb);
    line(`distinct stories ${kb} KB`, outputOf(core, a, b));
    if (writeDir && kb === 800) {
      mkdirSync(writeDir, { recursive: true });
      writeFileSync(join(writeDir, 'distinct-a.txt'), a);
      writeFileSync(join(writeDir, 'distinct-b.txt'), b);
    }
  }
  for (const kb of [200, 400, 800]) {
    const [a, b] = repeatedPair(kb);
    line(`seeds repeated ${kb} KB`, outputOf(core, a, b));
    if (writeDir && kb === 800) {
      writeFileSync(join(writeDir, 'repeated-a.txt'), a);
      writeFileSync(join(writeDir, 'repeated-b.txt'), b);
    }
  }
  // Every pair of the seeds and samples, at the shipped settings and at others the bound must hold for.
  const texts = seedAndSampleTexts();
  const settings: [string, CompareOptions][] = [['shipped', {}]];
  for (const shortSide of [0.5, 0.8, 1]) {
    for (const threshold of [0.1, 0.24, 0.4]) settings.push([`t=${threshold} s=${shortSide}`, { threshold, weights: { quantity: 1.5, entity: 0.5, shortSide } }]);
  }
  for (const [name, options] of settings) {
    const each = createHash('sha256');
    let pairs = 0;
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const o = outputOf(core, texts[i]!.text, texts[j]!.text, options);
        each.update(`${texts[i]!.name} ${texts[j]!.name}\n${o.text}\n`);
        pairs += o.pairs;
      }
    }
    const digest = each.digest('hex');
    all.update(`${name}\n${digest}\n`);
    console.log(`${`${(texts.length * (texts.length - 1)) / 2} seed/sample pairs, ${name}`.padEnd(44)} ${''.padStart(13)}             ${String(pairs).padStart(5)} pairs  ${digest.slice(0, 16)}`);
  }
  console.log(`all: ${all.digest('hex')}`);
}

main();
