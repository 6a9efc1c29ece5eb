// The source tagger's decoding margin, chosen from training articles alone: the articles given are
// split into folds by position, a tagger is trained on all folds but one and decoded on that one at
// every margin of MARGIN_GRID, and the margin kept is the lowest (most sources listed) whose pooled
// precision reaches MIN_PRECISION, with a pair scorer (src/core/sources/pairs.ts) trained on the same
// folds listing what the tagger leaves, as the shipped sources list does. scripts/train-source-tagger.ts runs it on the whole training set
// for the shipped asset; scripts/eval-sources.ts runs it inside each cross-validation fold, so the
// held-out fold never picks its own cutoff.
import type { Analysis, Span } from '../src/core/types';
import { collectSources } from '../src/core/sources';
import { decodeSourceTagger, sourceTaggerPayload } from '../src/core/sources/taggerAsset';
import type { SourceTaggerModel } from '../src/core/sources/tagger';
import { TAGGER_BITS, trainSourceTagger, type PolnearDoc, type TaggedWindow } from './source-tagger-train';
import { Score, goldSpans, unique } from './sources-score';
import type { PairModel } from '../src/core/sources/pairs';
import { PAIR_THRESHOLD, shippedPairModel, type PairExample } from './source-pairs-train';

/** Margins tried, in units of the float weights (added to the O score: lower lists more). */
export const MARGIN_GRID = [-12, -10, -8, -6, -4, -2, 0];
export const MIN_PRECISION = 0.8;

export interface MarginItem {
  doc: PolnearDoc;
  analysis: Analysis;
  windows: readonly TaggedWindow[];
  /** The article's pair scorer examples: the margin is chosen with a pair scorer trained beside the tagger. */
  pairs: readonly PairExample[];
}

/** A tagger trained on `windows` and quantised as the shipped asset is, so figures are the shipped model's. */
export function shippedTagger(windows: readonly TaggedWindow[], margin: number, name: string): SourceTaggerModel {
  return decodeSourceTagger(sourceTaggerPayload({ bits: TAGGER_BITS, weights: trainSourceTagger(windows), scale: 1, margin }), name);
}

/** The speaker mentions the sources list gives for an article (quotes and paraphrases), each span once. */
export function listedSpeakers(text: string, analysis: Analysis, tagger: SourceTaggerModel | null, pairs: PairModel | null): Span[] {
  return unique(collectSources(text, analysis, { tagger, pairs }).sources.flatMap((s) => s.statements.map((st) => st.speaker)));
}

export interface MarginChoice {
  margin: number;
  /** The pooled held-out score of every margin of MARGIN_GRID, in its order. */
  scores: Score[];
}

export function chooseMargin(items: readonly MarginItem[], folds: number): MarginChoice {
  const scores = MARGIN_GRID.map(() => new Score());
  for (let f = 0; f < folds; f++) {
    const train = items.filter((_, i) => i % folds !== f);
    const tagger = shippedTagger(train.flatMap((it) => it.windows), 0, `inner fold ${f}`);
    const pairs = shippedPairModel(train.flatMap((it) => it.pairs), PAIR_THRESHOLD, `inner fold ${f}`);
    items.forEach((it, i) => {
      if (i % folds !== f) return;
      const gold = goldSpans(it.doc);
      MARGIN_GRID.forEach((m, k) => scores[k]!.add(listedSpeakers(it.doc.text, it.analysis, { ...tagger, margin: m }, pairs), gold.cued, gold.all));
    });
  }
  const ok = MARGIN_GRID.findIndex((_, k) => scores[k]!.precision >= MIN_PRECISION);
  return { margin: MARGIN_GRID[ok >= 0 ? ok : MARGIN_GRID.length - 1]!, scores };
}
