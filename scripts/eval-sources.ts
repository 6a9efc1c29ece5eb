// Measures the sources list against PolNeAR attributions: over every attribution that has a cue and a
// source, a gold source counts as found when a listed source mention (the speaker of a quote or the
// subject of a paraphrase, as written) overlaps it; a listed mention counts as right when it overlaps
// the source of any gold attribution. Printed beside two baselines: the speakers of quotes only, and
// the cue rules without the source tagger.
// The shipped sources row is cross-validated, 5 folds by article: the source tagger
// (src/core/sources/tagger.ts, scripts/train-source-tagger.ts) is trained on the other folds,
// quantised as the shipped asset is, and decoded with a margin chosen by cross-validation inside
// those training folds alone (scripts/source-tagger-margin.ts), as the shipped margin is chosen over
// the whole set; neighbouring margins are printed too. The pair scorer (src/core/sources/pairs.ts,
// scripts/source-pairs-train.ts) that lists the subjects rules and tagger leave is trained on the
// same training folds (the inner margin choice trains its own on the inner folds); the row without
// it uses the same fold taggers. Two older learned extensions of the cue
// rules are measured the same way and are not on by default: a stance-verb list and a verb model
// (src/core/sources/verbs.ts).
// Usage: npx tsx scripts/eval-sources.ts [dataDir] [--verbose] [--misses]   (dataDir defaults to ../shared/data)
// --misses counts why the gold sources the sources row misses are missed (scripts/sources-misses.ts).
// The data is read at run time only; nothing from it is kept in the project.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../src/core/analyze';
import { collectSources } from '../src/core/sources';
import { cueSpansOf } from '../src/core/sources/statements';
import type { Span } from '../src/core/types';
import { useModelAssets } from '../src/node/modelAssets';
import { examplesOf, trainVerbModel } from './sources-verb-model';
import { goldSources, taggedWindows } from './source-tagger-train';
import { chooseMargin, shippedTagger } from './source-tagger-margin';
import { Score, goldSpans, unique } from './sources-score';
import { PAIR_THRESHOLD, pairExamples, shippedPairModel } from './source-pairs-train';
import type { PairModel } from '../src/core/sources/pairs';
import { currentModels } from '../src/core/models';
import type { SourceTaggerModel } from '../src/core/sources/tagger';
import { MissTally, type GoldAttribution } from './sources-misses';

useModelAssets();

interface Attribution {
  source?: Span & { text: string };
  cue?: Span & { text: string };
  content?: (Span & { text: string })[];
}
interface Doc {
  id: string;
  text: string;
  attributions?: Attribution[];
}

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const verbose = process.argv.includes('--verbose');
const misses = process.argv.includes('--misses') ? new MissTally() : null;
const dataDir = resolve(args[0] ?? join(__dirname, '..', '..', 'shared', 'data'));
const file = join(dataDir, 'polnear-train.jsonl');
if (!existsSync(file)) {
  console.log(`sources: ${file} not found, skipped`);
  process.exit(0);
}
const docs = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Doc);

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

// Stance verbs learned from the training folds: a lower-case word joins when at least THRESHOLD of
// its occurrences are (part of) a gold cue, and it is a cue at least MIN_COUNT times. Reported
// cross-validated (FOLDS folds by article), beside the fixed default list.
const FOLDS = 5;
const MIN_COUNT = 3;
const thresholds = [0.3, 0.5];
const STOP = new Set('the a an to of and or in on at for with by that this is was be has have had it he she they we i you not as from his her their its who which but'.split(' '));
const wordsOf = (s: string): string[] => s.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? [];

function learnLexicon(train: readonly Doc[], threshold: number): Set<string> {
  const seen = new Map<string, number>();
  const cued = new Map<string, number>();
  for (const d of train) {
    for (const w of wordsOf(d.text)) seen.set(w, (seen.get(w) ?? 0) + 1);
    for (const a of d.attributions ?? []) {
      if (!a.cue || !a.source) continue;
      for (const w of new Set(wordsOf(a.cue.text))) if (!STOP.has(w)) cued.set(w, (cued.get(w) ?? 0) + 1);
    }
  }
  const out = new Set<string>();
  for (const [w, n] of cued) if (n >= MIN_COUNT && n / (seen.get(w) ?? n) >= threshold) out.add(w);
  return out;
}

const baseline = new Score();
const rulesOnly = new Score();
const sources = new Score();
const withoutPairs = new Score();
// Offsets from each fold's chosen margin.
const margins = [-4, -2, 2, 4];
const marginScores = margins.map(() => new Score());
const learned = thresholds.map(() => new Score());
const modelThresholds = [0.3, 0.4, 0.5];
const modelScores = modelThresholds.map(() => new Score());
const t0 = Date.now();
const missedCues = new Map<string, number>();
const analyses = docs.map((d) => analyze(d.text));
const fold = (i: number): number => i % FOLDS;
const examples = docs.map((d, i) => examplesOf(d, analyses[i]!));
const models = Array.from({ length: FOLDS }, (_, f) => trainVerbModel(examples.filter((_, i) => fold(i) !== f).flat()));
const clusters = currentModels().tagger.clusters;
const windows = docs.map((d, i) => taggedWindows(d.text, analyses[i]!, goldSources(d), clusters));
const pairExs = docs.map((d, i) => pairExamples(d.text, analyses[i]!, goldSpans(d).all, clusters));
const pairModels: PairModel[] = Array.from({ length: FOLDS }, (_, f) => shippedPairModel(pairExs.filter((_, i) => fold(i) !== f).flat(), PAIR_THRESHOLD, `fold ${f}`));
// Each fold's tagger goes through the asset's quantisation, so the figures are the shipped model's;
// its margin is chosen by an inner cross-validation over its own training articles.
const taggers: SourceTaggerModel[] = Array.from({ length: FOLDS }, (_, f) => {
  const train = docs.map((doc, i) => ({ doc, analysis: analyses[i]!, windows: windows[i]!, pairs: pairExs[i]!, i })).filter((it) => fold(it.i) !== f);
  const { margin } = chooseMargin(train, FOLDS - 1);
  return shippedTagger(train.flatMap((it) => it.windows), margin, `fold ${f}`);
});
const lexicons = thresholds.map((th) => Array.from({ length: FOLDS }, (_, f) => learnLexicon(docs.filter((_, i) => fold(i) !== f), th)));
docs.forEach((d, i) => {
  const goldAll = (d.attributions ?? []).filter((a) => a.source).map((a) => a.source!);
  const goldCued = (d.attributions ?? []).filter((a) => a.source && a.cue).map((a) => a.source!);
  const a = analyses[i]!;
  const quoteSpeakers = unique(a.quotes.filter((q) => q.speaker).map((q) => q.speaker!));
  baseline.add(quoteSpeakers, goldCued, goldAll);
  const speakersOf = (options: Parameters<typeof collectSources>[2]): Span[] => unique(collectSources(d.text, a, options).sources.flatMap((s) => s.statements.map((st) => st.speaker)));
  const listedWith = (stanceVerbs?: ReadonlySet<string>): Span[] => speakersOf(stanceVerbs ? { stanceVerbs, tagger: null, pairs: null } : { tagger: null, pairs: null });
  rulesOnly.add(listedWith(), goldCued, goldAll);
  const tagger = taggers[fold(i)]!;
  const pairs = pairModels[fold(i)]!;
  const listed = speakersOf({ tagger, pairs });
  sources.add(listed, goldCued, goldAll);
  withoutPairs.add(speakersOf({ tagger, pairs: null }), goldCued, goldAll);
  margins.forEach((m, k) => marginScores[k]!.add(speakersOf({ tagger: { ...tagger, margin: tagger.margin + m }, pairs }), goldCued, goldAll));
  if (misses) {
    const statements = collectSources(d.text, a, { tagger, pairs }).sources.flatMap((s) => s.statements);
    const gold = (d.attributions ?? []).filter((x): x is GoldAttribution => !!x.source && !!x.cue);
    misses.add(d.text, a, gold, statements.map((st) => ({ speaker: st.speaker, cue: st.cue })), cueSpansOf(d.text, a));
  }
  thresholds.forEach((_, t) => learned[t]!.add(listedWith(lexicons[t]![fold(i)]!), goldCued, goldAll));
  modelThresholds.forEach((th, t) =>
    modelScores[t]!.add(unique(collectSources(d.text, a, { verbModel: { weights: models[fold(i)]!, threshold: th }, tagger: null, pairs: null }).sources.flatMap((s) => s.statements.map((st) => st.speaker))), goldCued, goldAll),
  );
  if (verbose) {
    for (const at of d.attributions ?? []) {
      if (!at.source || !at.cue || listed.some((l) => overlaps(l, at.source!))) continue;
      const cue = at.cue.text.toLowerCase();
      missedCues.set(cue, (missedCues.get(cue) ?? 0) + 1);
    }
  }
});
console.log(`Sources on PolNeAR train (${docs.length} articles, attributions with a cue; ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
console.log(baseline.line('baseline: quote speakers only'));
console.log(rulesOnly.line('cue rules only (no tagger)'));
console.log(sources.line(`sources: rules + tagger + pairs (${FOLDS}-fold CV)`));
console.log(withoutPairs.line(`  the same taggers without the pair scorer`));
console.log(`  margins chosen inside the training folds: ${taggers.map((t) => t.margin).join(', ')}`);
margins.forEach((m, k) => console.log(marginScores[k]!.line(`  tagger margin chosen ${m > 0 ? '+' : ''}${m} (${FOLDS}-fold CV)`)));
thresholds.forEach((th, t) => console.log(learned[t]!.line(`  rules + stance verbs learned ≥${th} (${FOLDS}-fold CV, ${Math.round(lexicons[t]!.reduce((n, l) => n + l.size, 0) / FOLDS)} words)`)));
modelThresholds.forEach((th, t) => console.log(modelScores[t]!.line(`  rules + verb model >${th} (${FOLDS}-fold CV)`)));
{
  const r = sources.recall;
  const p = sources.precision;
  console.log(`targets (sources row): recall ≥ 90% ${r >= 0.9 ? 'met' : 'NOT met'}, precision ≥ 80% ${p >= 0.8 ? 'met' : 'NOT met'}`);
}
if (misses) misses.print(sources.gold);
if (verbose) {
  console.log('most missed cues:', [...missedCues].sort((x, y) => y[1] - x[1]).slice(0, 40).map(([c, n]) => `${c} ${n}`).join(', '));
}
