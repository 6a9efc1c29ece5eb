// Name lists as tagger features (assets/gazetteers.bin, kind GAZT): given and family names,
// cities, countries, nationality words and political parties, compiled from openly licensed lists
// (see THIRD-PARTY-NOTICES). A list match is evidence the tagger weighs, never a label by itself:
// "Jordan" is a country, a given name and a river.
//
// Every entry is a token sequence; the table maps the hash of each entry's lower-cased tokens (and
// of each proper prefix of a longer entry, so a scan knows when to go on) to a value: bits 0-5 the
// lists holding exactly that sequence, bit 6 "a longer entry starts so". The scan marks the
// longest match at each capitalised token with BILOU positions (Ratinov & Roth 2009).
//
// Payload, format version 1 (little-endian): u32 n, n x i32 sequence hash, n x u8 value.
import { F_ALLCAPS, F_CAP, WORD, tokenize, type Tokens } from '../text/tokenize';
import { HashTable } from '../text/hashTable';
import { ModelAssetError } from '../models/assetFile';

export const GAZETTEER_KIND = 'GAZT';
export const GAZETTEER_VERSION = 1;

/** The lists, one bit each. */
export const LIST_BITS = { given: 1, family: 2, city: 4, country: 8, demonym: 16, party: 32 } as const;
export const PREFIX_BIT = 64;
/** Longest entry, in tokens. */
export const MAX_ENTRY_TOKENS = 6;

/** BILOU positions inside a match (0: no match). */
export const B = 1, I = 2, L = 3, U = 4;

const SEED = 0x2545f491;

/** One step of the sequence hash over lower-cased token hashes; the builder and the scan share it. */
export function sequenceStep(h: number, lowerHash: number): number {
  h = Math.imul(h ^ lowerHash, 0x01000193);
  return h ^ (h >>> 15);
}
export const SEQUENCE_SEED = SEED;

const LATIN_NAME = /^\p{Lu}[\p{Script=Latin}\p{M}'’.\- ]*$/u;

/**
 * Builds the table (used by scripts/train-ner.ts and the tests): sequence hash → list bits, with
 * PREFIX_BIT on every proper prefix of an entry. Entries are tokenized as articles are, and kept
 * only when written in Latin script with a capital first letter; "(…)" disambiguators are dropped.
 */
export class ListTable {
  readonly entries = new Map<number, number>();
  count = 0;
  add(entry: string, bit: number): void {
    const name = entry.replace(/\s*\(.*?\)\s*/g, ' ').trim();
    if (name.length < 2 || !LATIN_NAME.test(name)) return;
    const tok = tokenize(name);
    if (tok.count === 0 || tok.count > MAX_ENTRY_TOKENS || tok.kind[0] !== WORD) return;
    let h = SEED;
    for (let j = 0; j < tok.count; j++) {
      h = sequenceStep(h, tok.lower[j]!);
      const bits = j === tok.count - 1 ? bit : PREFIX_BIT;
      this.entries.set(h, (this.entries.get(h) ?? 0) | bits);
    }
    this.count++;
  }
}

export function gazetteerPayload(entries: ReadonlyMap<number, number>): Uint8Array {
  const n = entries.size;
  const out = new Uint8Array(4 + 5 * n);
  const view = new DataView(out.buffer);
  view.setUint32(0, n, true);
  let k = 0;
  for (const [hash, value] of entries) {
    view.setInt32(4 + 4 * k, hash, true);
    out[4 + 4 * n + k] = value;
    k++;
  }
  return out;
}

export function decodeGazetteer(payload: Uint8Array, name: string): HashTable {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const n = payload.length >= 4 ? view.getUint32(0, true) : -1;
  if (n < 0 || payload.length !== 4 + 5 * n) throw new ModelAssetError(`model asset ${name}: name-list table of the wrong size: rebuild it with \`npm run train\``);
  const table = new HashTable(n);
  for (let k = 0; k < n; k++) table.add(view.getInt32(4 + 4 * k, true), payload[4 + 4 * n + k]!);
  return table;
}

/**
 * For each token, the lists of the longest match covering it and its position: code = lists * 8 + BILOU
 * (0 outside every match). Matches start at capitalised words and do not overlap (left to right).
 */
export function matchLists(tok: Tokens, table: HashTable, out: Uint16Array): void {
  const n = tok.count;
  out.fill(0, 0, n);
  let i = 0;
  while (i < n) {
    if (tok.kind[i] !== WORD || (tok.flags[i]! & (F_CAP | F_ALLCAPS)) === 0) {
      i++;
      continue;
    }
    let h = SEED;
    let best = 0;
    let lists = 0;
    for (let len = 1; len <= MAX_ENTRY_TOKENS && i + len <= n; len++) {
      h = sequenceStep(h, tok.lower[i + len - 1]!);
      const v = table.get(h);
      if (v & ~PREFIX_BIT) {
        best = len;
        lists = v & ~PREFIX_BIT;
      }
      if (!(v & PREFIX_BIT)) break;
    }
    if (best === 0) {
      i++;
      continue;
    }
    if (best === 1) out[i] = lists * 8 + U;
    else for (let j = 0; j < best; j++) out[i + j] = lists * 8 + (j === 0 ? B : j === best - 1 ? L : I);
    i += best;
  }
}
