// The tagger weights as a model asset (assets/tagger.bin, payload of kind TAGR). Most weights are
// stored as int8 values with square-root companding (fine steps near zero, where most weights
// are). The few very large weights (bias-like features) would force a coarse scale on all the
// others, so they are stored exactly, as a short list of exceptions.
//
// Payload, format version 1 (little-endian):
//   u32 bits (buckets = 2^bits)   f32 scale   u32 feature groups (FS_* in features.ts; 0: word shapes only)
//   u32 n   n x u32 outlier index   n x f32 outlier value
//   buckets x NUM_LABELS int8 weights
import { NUM_LABELS } from './features';
import type { LinearModel } from './tagger';
import { ModelAssetError } from '../models/assetFile';

export const TAGGER_KIND = 'TAGR';
export const TAGGER_VERSION = 1;

export interface EncodedWeights {
  bytes: Uint8Array;
  scale: number;
  /** Indexes and exact values of the weights beyond the int8 scale. */
  outlierIndex: number[];
  outlierValue: number[];
  /** The weights as the loader will see them, to measure the loss of quantisation. */
  decoded: Float32Array;
}

export function encodeWeights(w: Float32Array, clipQuantile: number): EncodedWeights {
  const mags = Float32Array.from(w, Math.abs).filter((x) => x > 0).sort();
  const scale = Math.fround(mags.length ? mags[Math.floor((mags.length - 1) * clipQuantile)]! : 1);
  const bytes = new Uint8Array(w.length);
  const outlierIndex: number[] = [];
  const outlierValue: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const m = Math.abs(w[i]!);
    if (m > scale) {
      outlierIndex.push(i);
      outlierValue.push(Math.fround(w[i]!));
      continue;
    }
    bytes[i] = (Math.round(Math.sqrt(m / scale) * 127) * Math.sign(w[i]!)) & 0xff;
  }
  const decoded = decodeBytes(bytes, scale);
  for (let k = 0; k < outlierIndex.length; k++) decoded[outlierIndex[k]!] = outlierValue[k]!;
  return { bytes, scale, outlierIndex, outlierValue, decoded };
}

/** The weight each byte stands for, at float32 precision. */
function byteValues(scale: number): Float32Array {
  const table = new Float32Array(256);
  for (let b = 0; b < 256; b++) {
    const q = b > 127 ? b - 256 : b;
    table[b] = Math.sign(q) * (q / 127) * (q / 127) * scale;
  }
  return table;
}

function decodeBytes(bytes: Uint8Array, scale: number): Float32Array {
  const table = byteValues(scale);
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = table[bytes[i]!]!;
  return out;
}

/** The asset payload of encoded weights over 2^bits buckets. */
export function taggerPayload(encoded: EncodedWeights, bits: number, featureSet: number): Uint8Array {
  const n = encoded.outlierIndex.length;
  const out = new Uint8Array(16 + 8 * n + encoded.bytes.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, bits, true);
  view.setFloat32(4, encoded.scale, true);
  view.setUint32(8, featureSet, true);
  view.setUint32(12, n, true);
  for (let k = 0; k < n; k++) {
    view.setUint32(16 + 4 * k, encoded.outlierIndex[k]!, true);
    view.setFloat32(16 + 4 * n + 4 * k, encoded.outlierValue[k]!, true);
  }
  out.set(encoded.bytes, 16 + 8 * n);
  return out;
}

/** Decodes a tagger payload (already checked by readAsset); `name` is for error messages. */
export function decodeTagger(payload: Uint8Array, name: string): LinearModel {
  const bad = (why: string): ModelAssetError => new ModelAssetError(`model asset ${name}: ${why}: rebuild it with \`npm run train\``);
  if (payload.length < 16) throw bad('tagger payload too short');
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const bits = view.getUint32(0, true);
  const scale = view.getFloat32(4, true);
  const n = view.getUint32(12, true);
  if (bits < 8 || bits > 24) throw bad(`unexpected table size 2^${bits}`);
  const buckets = 2 ** bits;
  const expected = 16 + 8 * n + buckets * NUM_LABELS;
  if (payload.length !== expected) throw bad(`expected ${expected} bytes of tagger payload, found ${payload.length}`);
  const bytes = payload.subarray(16 + 8 * n);
  // The coded form the tagger scores with: code b < 256 is the byte b, 256 + k the k-th outlier.
  const codes = new Uint16Array(bytes);
  const values = new Float64Array(256 + n);
  values.set(byteValues(scale));
  for (let k = 0; k < n; k++) {
    const at = view.getUint32(16 + 4 * k, true);
    if (at >= bytes.length) throw bad(`outlier index ${at} out of range`);
    values[256 + k] = view.getFloat32(16 + 4 * n + 4 * k, true);
    codes[at] = 256 + k;
  }
  // The weights as floats are made only if asked for (the tagger reads the coded form): a table of
  // over a million floats costs the start of every process that analyses.
  let weights: Float32Array | undefined;
  const decodeWeights = (): Float32Array => {
    const out = decodeBytes(bytes, scale);
    for (let i = 0; i < codes.length; i++) if (codes[i]! >= 256) out[i] = values[codes[i]!]!;
    return out;
  };
  // The tables the feature groups read are attached by loadModels.
  return {
    mask: buckets - 1,
    get weights() {
      return (weights ??= decodeWeights());
    },
    coded: { codes, values },
    features: view.getUint32(8, true),
    clusters: null,
    gazetteer: null,
  };
}
