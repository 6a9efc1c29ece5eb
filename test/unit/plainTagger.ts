// Greedy tagging through scoreToken, the plain path the training script uses: no caches, every
// feature's weight read one by one from the float table. Tests compare the fast path with it.
import { FS_HISTORY, MAX_FEATURES, O, docContext, isCandidate, recordLabel } from '../../src/core/entities/features';
import { scoreToken, type LinearModel } from '../../src/core/entities/tagger';
import { F_LINE_START, tokenize } from '../../src/core/text/tokenize';

export function plainLabels(text: string, model: LinearModel): Uint8Array {
  const tok = tokenize(text);
  const ctx = docContext(tok, model);
  const feats = new Int32Array(MAX_FEATURES);
  const labels = new Uint8Array(tok.count);
  let prev = O;
  let prev2 = O;
  for (let i = 0; i < tok.count; i++) {
    if (tok.flags[i]! & F_LINE_START) prev = prev2 = O;
    let label = O;
    if (isCandidate(tok, i, prev)) {
      label = scoreToken(text, tok, ctx, i, prev, prev2, model, feats).label;
      if (model.features & FS_HISTORY) recordLabel(ctx, tok, i, label);
    }
    labels[i] = label;
    prev2 = prev;
    prev = label;
  }
  return labels;
}
