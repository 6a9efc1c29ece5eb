// Training settings of the speaker ranker, shared by scripts/train-speakers.ts and the
// cross-validation in scripts/eval-quotes.ts so both fit the same model.
export const EPOCHS = 20;
export const FOLDS = 5;

/** The fold of the i-th article: articles are held out whole, every fifth one to a fold. */
export function foldOf(i: number): number {
  return i % FOLDS;
}
