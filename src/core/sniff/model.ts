// The article classifier's weights: a linear model over the hashed features of ./features.ts,
// shipped as int8 values (one scale for all) in base64 so the table is a plain string module a
// few kilobytes long. Decoded once, on first use.
import { sniffFeatures, type SparseFeatures } from './features';
import type { EncodedSniffModel } from './encodedModel';
import { SNIFF_MODEL } from './model-data';

export interface SniffModel {
  bits: number;
  weights: Float32Array;
  /** Log-odds at or above which a text is taken for an article. */
  threshold: number;
}

export type { EncodedSniffModel };

export function encodeSniffModel(weights: Float32Array, bits: number, threshold: number): EncodedSniffModel {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const bytes = new Uint8Array(weights.length);
  for (let i = 0; i < weights.length; i++) bytes[i] = Math.round(weights[i]! / scale) & 0xff;
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { bits, scale, threshold, weights: btoa(binary) };
}

export function decodeSniffModel(encoded: EncodedSniffModel): SniffModel {
  const binary = atob(encoded.weights);
  if (binary.length !== 1 << encoded.bits) throw new Error(`sniff model: expected ${1 << encoded.bits} weights, got ${binary.length}`);
  const weights = new Float32Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    const b = binary.charCodeAt(i);
    weights[i] = (b > 127 ? b - 256 : b) * encoded.scale;
  }
  return { bits: encoded.bits, weights, threshold: encoded.threshold };
}

let shipped: SniffModel | undefined;

export function shippedSniffModel(): SniffModel {
  shipped ??= decodeSniffModel(SNIFF_MODEL);
  return shipped;
}

export function linearScore(weights: Float32Array, f: Pick<SparseFeatures, 'index' | 'value'>): number {
  let s = 0;
  for (let j = 0; j < f.index.length; j++) s += weights[f.index[j]!]! * f.value[j]!;
  return s;
}

/** The head's features and its log-odds of being an article under `model`. */
export function scoreHead(head: string, model: SniffModel = shippedSniffModel()): { score: number; features: SparseFeatures } {
  const features = sniffFeatures(head, model.bits);
  return { score: linearScore(model.weights, features), features };
}
