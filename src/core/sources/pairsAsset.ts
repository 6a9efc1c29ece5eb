// The pair scorer's weights as a model asset (assets/pairs.bin, payload of kind SRCP), written by
// scripts/train-source-pairs.ts and read with the other assets by loadModels. Format version 1:
// quantised weights (core/models/quantisedWeights.ts), one row, the threshold as parameter.
import { ModelAssetError } from '../models/assetFile';
import { decodeQuantised, quantisedPayload } from '../models/quantisedWeights';
import type { PairModel } from './pairs';

export const SOURCE_PAIRS_KIND = 'SRCP';
export const SOURCE_PAIRS_VERSION = 1;

/** The payload of weights quantised to one signed byte each. */
export function pairModelPayload(model: PairModel): Uint8Array {
  return quantisedPayload(1, { bits: model.bits, weights: model.weights, scale: model.scale, parameter: model.threshold });
}

/** Decodes a pair scorer payload (already checked by readAsset); `name` is for error messages. */
export function decodePairModel(payload: Uint8Array, name: string): PairModel {
  const bad = (why: string): ModelAssetError => new ModelAssetError(`model asset ${name}: ${why}: reinstall News Annotator, or rebuild it with \`npx tsx scripts/train-source-pairs.ts\``);
  const { bits, weights, scale, parameter: threshold } = decodeQuantised(payload, 1, 'pair scorer', bad);
  if (!(threshold >= 0 && threshold <= 1)) throw bad('threshold is not a probability');
  return { bits, weights, scale, threshold };
}
