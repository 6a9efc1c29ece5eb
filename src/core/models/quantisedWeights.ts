// Hashed linear weights stored one signed byte each (the largest weight maps to ±127), as the
// source tagger (assets/sources.bin) and the source pair scorer (assets/pairs.bin) are.
//
// Payload (little-endian):
//   u8 bits   3 x u8 zero   f32 scale   f32 parameter   (rows << bits) x i8 weight (times scale)
// `parameter` is the one number a model keeps beside its weights (the tagger's margin, the pair
// scorer's threshold).
import type { ModelAssetError } from './assetFile';

const HEAD = 12;

export interface QuantisedWeights {
  bits: number;
  weights: ArrayLike<number>;
  scale: number;
  parameter: number;
}

/** The payload of `rows << bits` weights, quantised. */
export function quantisedPayload(rows: number, model: QuantisedWeights): Uint8Array {
  const n = rows << model.bits;
  if (model.weights.length !== n) throw new Error(`${model.weights.length} weights for ${model.bits} bits, expected ${n}`);
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(model.weights[i]! * model.scale));
  const scale = max > 0 ? max / 127 : 1;
  const out = new Uint8Array(HEAD + n);
  const view = new DataView(out.buffer);
  view.setUint8(0, model.bits);
  view.setFloat32(4, scale, true);
  view.setFloat32(8, model.parameter, true);
  for (let i = 0; i < n; i++) view.setInt8(HEAD + i, Math.round((model.weights[i]! * model.scale) / scale));
  return out;
}

/**
 * Decodes a payload of `rows << bits` quantised weights (already checked by readAsset); `bad`
 * makes the error that names the file and how to rebuild it. What `parameter` may be is the
 * caller's to check.
 */
export function decodeQuantised(payload: Uint8Array, rows: number, what: string, bad: (why: string) => ModelAssetError): QuantisedWeights & { weights: Int8Array } {
  if (payload.length < HEAD) throw bad(`${what} payload too short`);
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const bits = view.getUint8(0);
  if (bits < 4 || bits > 24) throw bad(`${bits} bits of feature buckets is out of range`);
  const n = rows << bits;
  if (payload.length !== HEAD + n) throw bad(`${payload.length - HEAD} weights, expected ${n}`);
  const scale = view.getFloat32(4, true);
  if (!(scale > 0) || !Number.isFinite(scale)) throw bad('scale is not a positive number');
  // Copied out of the file's bytes (a Node Buffer's slice shares them, and its buffer may be larger).
  const weights = new Int8Array(n);
  weights.set(new Int8Array(payload.buffer, payload.byteOffset + HEAD, n));
  return { bits, weights, scale, parameter: view.getFloat32(8, true) };
}
