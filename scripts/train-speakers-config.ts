// Training settings of the speaker ranker, shared by scripts/train-speakers.ts and the
// cross-validation in scripts/eval-quotes.ts so both fit the same model.
export const EPOCHS = 20;
export const FOLDS = 5;
/** Features found in fewer training quotes than this get no weight (ranker.ts, withFrequentFeatures). */
export const MIN_COUNT = 10;

/** The fold of the i-th article: articles are held out whole, every fifth one to a fold. */
export function foldOf(i: number): number {
  return i % FOLDS;
}
