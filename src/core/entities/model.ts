// Loading and saving the tagger weights. Most weights ship as int8 values with square-root
// companding (fine steps near zero, where most weights are), base64 encoded so the asset is a
// plain string module every bundler and test runner can import. The few very large weights
// (bias-like features) would force a coarse scale on all the others, so they ship exactly,
// as a short list of exceptions.
import { NUM_LABELS } from './features';
import type { LinearModel } from './tagger';

export interface EncodedWeights {
  base64: string;
  scale: number;
  /** Indexes and exact values of the weights beyond the int8 scale. */
  outlierIndex: number[];
  outlierValue: number[];
  /** The weights as the loader will see them, to measure the loss of quantisation. */
  decoded: Float32Array;
}

export function encodeWeights(w: Float32Array, clipQuantile: number): EncodedWeights {
  const mags = Float32Array.from(w, Math.abs).filter((x) => x > 0).sort();
  const scale = mags.length ? mags[Math.floor((mags.length - 1) * clipQuantile)] : 1;
  const bytes = new Uint8Array(w.length);
  const outlierIndex: number[] = [];
  const outlierValue: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const m = Math.abs(w[i]);
    if (m > scale) {
      outlierIndex.push(i);
      outlierValue.push(Math.round(w[i] * 1000) / 1000);
      continue;
    }
    bytes[i] = (Math.round(Math.sqrt(m / scale) * 127) * Math.sign(w[i])) & 0xff;
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const decoded = decodeBytes(bytes, scale);
  for (let k = 0; k < outlierIndex.length; k++) decoded[outlierIndex[k]] = outlierValue[k];
  return { base64: btoa(binary), scale, outlierIndex, outlierValue, decoded };
}

function decodeBytes(bytes: Uint8Array, scale: number): Float32Array {
  const table = new Float32Array(256);
  for (let b = 0; b < 256; b++) {
    const q = b > 127 ? b - 256 : b;
    table[b] = Math.sign(q) * (q / 127) * (q / 127) * scale;
  }
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = table[bytes[i]];
  return out;
}

export function decodeWeights(base64: string, bits: number, scale: number, outlierIndex: readonly number[], outlierValue: readonly number[]): LinearModel {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const buckets = 1 << bits;
  if (bytes.length !== buckets * NUM_LABELS) throw new Error(`entity model: expected ${buckets * NUM_LABELS} weights, got ${bytes.length}`);
  const weights = decodeBytes(bytes, scale);
  for (let k = 0; k < outlierIndex.length; k++) weights[outlierIndex[k]] = outlierValue[k];
  return { mask: buckets - 1, weights };
}
