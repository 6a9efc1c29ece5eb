// The pair scorer's weights as a model asset (assets/pairs.bin, payload of kind SRCP), written by
// scripts/train-source-pairs.ts and read with the other assets by loadModels.
//
// Payload, format version 1 (little-endian):
//   u8 bits   3 x u8 zero   f32 scale   f32 threshold   (1 << bits) x i8 weight (times scale)
import { ModelAssetError } from '../models/assetFile';
import type { PairModel } from './pairs';

export const SOURCE_PAIRS_KIND = 'SRCP';
export const SOURCE_PAIRS_VERSION = 1;
const HEAD = 12;

/** The payload of weights quantised to one signed byte each (the largest weight maps to ±127). */
export function pairModelPayload(model: PairModel): Uint8Array {
  const n = 1 << model.bits;
  if (model.weights.length !== n) throw new Error(`${model.weights.length} weights for ${model.bits} bits, expected ${n}`);
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w * model.scale));
  const scale = max > 0 ? max / 127 : 1;
  const out = new Uint8Array(HEAD + n);
  const view = new DataView(out.buffer);
  view.setUint8(0, model.bits);
  view.setFloat32(4, scale, true);
  view.setFloat32(8, model.threshold, true);
  for (let i = 0; i < n; i++) view.setInt8(HEAD + i, Math.round((model.weights[i]! * model.scale) / scale));
  return out;
}

/** Decodes a pair scorer payload (already checked by readAsset); `name` is for error messages. */
export function decodePairModel(payload: Uint8Array, name: string): PairModel {
  const bad = (why: string): ModelAssetError => new ModelAssetError(`model asset ${name}: ${why}: reinstall News Annotator, or rebuild it with \`npx tsx scripts/train-source-pairs.ts\``);
  if (payload.length < HEAD) throw bad('pair scorer payload too short');
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const bits = view.getUint8(0);
  if (bits < 4 || bits > 24) throw bad(`${bits} bits of feature buckets is out of range`);
  const n = 1 << bits;
  if (payload.length !== HEAD + n) throw bad(`${payload.length - HEAD} weights, expected ${n}`);
  const scale = view.getFloat32(4, true);
  const threshold = view.getFloat32(8, true);
  if (!(scale > 0) || !Number.isFinite(scale)) throw bad('scale is not a positive number');
  if (!(threshold >= 0 && threshold <= 1)) throw bad('threshold is not a probability');
  const weights = new Int8Array(n);
  weights.set(new Int8Array(payload.buffer, payload.byteOffset + HEAD, n));
  return { bits, weights, scale, threshold };
}
