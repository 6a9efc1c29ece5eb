// The source tagger's weights as a model asset (assets/sources.bin, payload of kind SRCT), written
// by scripts/train-source-tagger.ts and read with the other assets by loadModels. Format version 1:
// quantised weights (core/models/quantisedWeights.ts), one row per tag, the margin as parameter.
import { ModelAssetError } from '../models/assetFile';
import { decodeQuantised, quantisedPayload } from '../models/quantisedWeights';
import { TAGS, type SourceTaggerModel } from './tagger';

export const SOURCE_TAGGER_KIND = 'SRCT';
export const SOURCE_TAGGER_VERSION = 1;

/** The payload of weights quantised to one signed byte each. */
export function sourceTaggerPayload(model: SourceTaggerModel): Uint8Array {
  return quantisedPayload(TAGS, { bits: model.bits, weights: model.weights, scale: model.scale, parameter: model.margin });
}

/** Decodes a source tagger payload (already checked by readAsset); `name` is for error messages. */
export function decodeSourceTagger(payload: Uint8Array, name: string): SourceTaggerModel {
  const bad = (why: string): ModelAssetError => new ModelAssetError(`model asset ${name}: ${why}: reinstall News Annotator, or rebuild it with \`npx tsx scripts/train-source-tagger.ts\``);
  const { bits, weights, scale, parameter: margin } = decodeQuantised(payload, TAGS, 'source tagger', bad);
  if (!Number.isFinite(margin)) throw bad('margin is not a number');
  return { bits, weights, scale, margin };
}
