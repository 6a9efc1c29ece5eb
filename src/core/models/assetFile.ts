// The container every model asset (assets/*.bin) is stored in: a fixed 32-byte header, then the
// payload. The header lets a loader tell a model file from anything else, refuse a format it does
// not read, and notice a truncated or damaged file before decoding garbage into weights.
//
//   0  8 bytes  magic "NEWSANN" + 0x1a
//   8  4 bytes  kind, ASCII ("TAGR" tagger weights, …)
//  12  u16      format version of the payload
//  14  u16      0 (reserved)
//  16  u32      payload length in bytes
//  20  8 bytes  FNV-1a 64 of the payload, big-endian
//  28  u32      0 (reserved)
//  32           payload
// Integers are little-endian except the checksum, which is written as it reads in hex.
import { fnv1a64Limbs } from '../text/fnv1a64';

export const HEADER_BYTES = 32;
const MAGIC = [0x4e, 0x45, 0x57, 0x53, 0x41, 0x4e, 0x4e, 0x1a];

/** A model asset that cannot be used: missing, not an asset, of another format, truncated or damaged. */
export class ModelAssetError extends Error {
  override readonly name = 'ModelAssetError';
}

/**
 * What to do about an unusable asset: reinstalling always works; rebuilding needs the data folder,
 * and the speaker ranker's and the source tagger's weights come from their own training scripts, not the tagger's.
 */
export function assetFix(name: string): string {
  const file = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const rebuild = file === 'speakers.bin' ? 'npx tsx scripts/train-speakers.ts' : file === 'sources.bin' ? 'npx tsx scripts/train-source-tagger.ts' : file === 'pairs.bin' ? 'npx tsx scripts/train-source-pairs.ts' : 'npm run train';
  return `reinstall News Annotator, or rebuild ${file || 'the assets'} with \`${rebuild}\``;
}

export interface AssetContents {
  kind: string;
  version: number;
  payload: Uint8Array;
}

/** Wraps a payload in the header (used by the builders in scripts/). */
export function writeAsset(kind: string, version: number, payload: Uint8Array): Uint8Array {
  if (!/^[A-Z]{4}$/.test(kind)) throw new Error(`asset kind must be four capital letters, got ${JSON.stringify(kind)}`);
  const out = new Uint8Array(HEADER_BYTES + payload.length);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  for (let i = 0; i < 4; i++) out[8 + i] = kind.charCodeAt(i);
  view.setUint16(12, version, true);
  view.setUint32(16, payload.length, true);
  fnv1a64Limbs(payload).forEach((limb, i) => view.setUint16(20 + 2 * i, limb, false));
  out.set(payload, HEADER_BYTES);
  return out;
}

/**
 * Checks the header and returns the payload (a view, not a copy). `name` (the file name) is only
 * for the error message, which says what is wrong and what to do.
 */
export function readAsset(bytes: Uint8Array, name: string): AssetContents {
  const fix = assetFix(name);
  if (bytes.length < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new ModelAssetError(`model asset ${name} is not a News Annotator model file (${bytes.length < HEADER_BYTES ? `only ${bytes.length} bytes` : 'wrong signature'}): ${fix}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kind = String.fromCharCode(...bytes.subarray(8, 12));
  const version = view.getUint16(12, true);
  const length = view.getUint32(16, true);
  if (bytes.length - HEADER_BYTES !== length) {
    throw new ModelAssetError(`model asset ${name} is ${bytes.length < HEADER_BYTES + length ? 'truncated' : 'longer than its header says'}: ${length} bytes of payload expected, ${bytes.length - HEADER_BYTES} found: ${fix}`);
  }
  const payload = bytes.subarray(HEADER_BYTES);
  const sum = fnv1a64Limbs(payload);
  if (sum.some((limb, i) => view.getUint16(20 + 2 * i, false) !== limb)) {
    throw new ModelAssetError(`model asset ${name} is damaged (checksum mismatch): ${fix}`);
  }
  return { kind, version, payload };
}
