// Decides cheaply whether the start of a plain-text file reads like a news article, so `.txt`
// files outside the configured globs can be switched to the news language. Only the first few
// kilobytes are looked at: the decision runs on every plain-text file the user opens.
// The decision is a small learned classifier (logistic regression, trained by
// scripts/train-sniff.ts) over the hand-written news signals and word and layout features.
import { scoreHead, shippedSniffModel, type SniffModel } from './sniff/model';
import { hasBinaryContent, sniffHead } from './sniff/signals';

export { SNIFF_BYTES } from './sniff/signals';

export interface SniffResult {
  isArticle: boolean;
  /** Log-odds of being an article, less the decision threshold: at or above 0 means article. */
  score: number;
  /** The hand-written evidence found (headline, dateline, attributed-quote, …), for logs and tests. */
  signals: string[];
}

export function sniffNewsArticle(text: string, model: SniffModel = shippedSniffModel()): SniffResult {
  const head = sniffHead(text);
  if (hasBinaryContent(head)) return { isArticle: false, score: -Infinity, signals: ['binary'] };
  if (!head.trim()) return { isArticle: false, score: -Infinity, signals: [] };
  const { score, features } = scoreHead(head, model);
  const margin = score - model.threshold;
  return { isArticle: margin >= 0, score: margin, signals: features.signals };
}
