// Brown word clusters (assets/clusters.bin, kind CLUS): each word's path in a binary merge tree
// learnt from unlabelled news, so words used alike share path prefixes. The tagger uses prefixes
// of 4, 6, 10 and 20 bits as features (Ratinov & Roth 2009): a name it never saw in training
// still falls in the cluster of names like it.
//
// Payload, format version 1 (little-endian): u32 n, n x i32 word hash (exact spelling, as
// tokenize's `exact`), n x u32 path code (1 << length | path bits: the leading 1 keeps the length).
import { HashTable } from '../text/hashTable';
import { ModelAssetError } from '../models/assetFile';

export const CLUSTERS_KIND = 'CLUS';
export const CLUSTERS_VERSION = 1;

/** The prefix of `k` bits of a path code (the whole path when shorter), as a code again; 0 stays 0. */
export function clusterPrefix(code: number, k: number): number {
  const length = 31 - Math.clz32(code);
  return length > k ? code >>> (length - k) : code;
}

export function clustersPayload(entries: ReadonlyMap<number, number>): Uint8Array {
  const n = entries.size;
  const out = new Uint8Array(4 + 8 * n);
  const view = new DataView(out.buffer);
  view.setUint32(0, n, true);
  let k = 0;
  for (const [hash, code] of entries) {
    view.setInt32(4 + 4 * k, hash, true);
    view.setUint32(4 + 4 * n + 4 * k, code, true);
    k++;
  }
  return out;
}

/** The word → path code table; look up the spelling as written, then lower-cased. */
export function decodeClusters(payload: Uint8Array, name: string): HashTable {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const n = payload.length >= 4 ? view.getUint32(0, true) : -1;
  if (n < 0 || payload.length !== 4 + 8 * n) throw new ModelAssetError(`model asset ${name}: cluster table of the wrong size: rebuild it with \`npm run train\``);
  const table = new HashTable(n);
  for (let k = 0; k < n; k++) table.add(view.getInt32(4 + 4 * k, true), view.getUint32(4 + 4 * n + 4 * k, true) | 0);
  return table;
}
