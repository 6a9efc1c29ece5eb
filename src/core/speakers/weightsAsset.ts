// The speaker ranker's weights as a model asset (assets/speakers.bin, payload of kind SPKR),
// written by scripts/train-speakers.ts and read with the other assets by loadModels.
//
// Payload, format version 1 (little-endian):
//   u32 n   n x f64 weight   then the n feature names, UTF-8, each ended by a newline, in weight order
import { ModelAssetError } from '../models/assetFile';

export const SPEAKERS_KIND = 'SPKR';
export const SPEAKERS_VERSION = 1;

/** The payload of feature name → weight entries, in the order given. */
export function speakerWeightsPayload(entries: readonly (readonly [string, number])[]): Uint8Array {
  for (const [name] of entries) if (name.includes('\n')) throw new Error(`feature name ${JSON.stringify(name)} holds a newline`);
  const names = new TextEncoder().encode(entries.map(([name]) => name + '\n').join(''));
  const out = new Uint8Array(4 + 8 * entries.length + names.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, entries.length, true);
  entries.forEach(([, w], i) => view.setFloat64(4 + 8 * i, w, true));
  out.set(names, 4 + 8 * entries.length);
  return out;
}

/** Decodes a speakers payload (already checked by readAsset); `name` is for error messages. */
export function decodeSpeakerWeights(payload: Uint8Array, name: string): ReadonlyMap<string, number> {
  const bad = (why: string): ModelAssetError => new ModelAssetError(`model asset ${name}: ${why}: reinstall News Annotator, or rebuild it with \`npx tsx scripts/train-speakers.ts\``);
  if (payload.length < 4) throw bad('speaker weights payload too short');
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const n = view.getUint32(0, true);
  if (4 + 8 * n > payload.length) throw bad(`${n} weights announced, room for ${Math.floor((payload.length - 4) / 8)}`);
  const names = new TextDecoder('utf-8', { fatal: false }).decode(payload.subarray(4 + 8 * n)).split('\n');
  if (names.length !== n + 1 || names[n] !== '') throw bad(`${n} weights but ${names.length - 1} feature names`);
  const weights = new Map<string, number>();
  for (let i = 0; i < n; i++) weights.set(names[i]!, view.getFloat64(4 + 8 * i, true));
  return weights;
}
