// The order one-to-one matching takes pairs in: best score first, ties by the earlier sentence of A,
// then of B. Two long articles give some hundred thousand pairs above the threshold; sorting them
// with a comparator was a tenth of a comparison. Positive doubles order as their bit patterns do, so
// each pair becomes one 64-bit key (the score's top 42 bits over the pair's place in the list), the
// keys are sorted natively, and only pairs whose scores agree in those 42 bits are ordered again with
// the comparator.

export interface RankedPair {
  a: number;
  b: number;
  score: number;
}

/** Bits of a key that hold the pair's place: up to 4,194,304 pairs. */
const PLACE_BITS = 22;
const PLACE_MASK = (1 << PLACE_BITS) - 1;

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
/** The keys are read as the platform lays out 64-bit words: low word first is all this handles. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** x before y when x is better: higher score, then lower a, then lower b. */
export function betterFirst(x: RankedPair, y: RankedPair): number {
  return y.score - x.score || x.a - y.a || x.b - y.b;
}

/** Pairs as columns: pair k is a[k], b[k], score[k], for k below `length`. */
export interface RankedColumns {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  score: ArrayLike<number>;
  length: number;
}

/** The places of `pairs` in the order betterFirst sorts them; equal pairs keep their order, as a stable sort keeps it. */
export function bestFirstOrder(pairs: readonly RankedPair[]): Uint32Array {
  const n = pairs.length;
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = pairs[i]!.a;
    b[i] = pairs[i]!.b;
    score[i] = pairs[i]!.score;
  }
  return bestFirstColumnOrder({ a, b, score, length: n });
}

/** bestFirstOrder over pairs held as columns. */
export function bestFirstColumnOrder(pairs: RankedColumns): Uint32Array {
  const { a, b, score } = pairs;
  const n = pairs.length;
  const order = new Uint32Array(n);
  // x before y when x is better, as betterFirst; then by place, as a stable sort.
  const better = (i: number, j: number) => score[j]! - score[i]! || a[i]! - a[j]! || b[i]! - b[j]! || i - j;
  let plain = LITTLE_ENDIAN && n <= PLACE_MASK + 1;
  // Zero, negative, infinite or NaN scores do not order as their bits: the comparator sorts those.
  for (let i = 0; plain && i < n; i++) {
    const s = score[i]!;
    if (!(s > 0 && s < Infinity)) plain = false;
  }
  if (!plain) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort(better);
  }
  const words = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    scratch[0] = score[i]!;
    words[2 * i] = ((scratchWords[0]! & ~PLACE_MASK) | i) >>> 0;
    words[2 * i + 1] = scratchWords[1]!;
  }
  new BigUint64Array(words.buffer).sort();
  // Ascending keys: the best pair is last.
  for (let k = 0; k < n; k++) order[k] = words[2 * (n - 1 - k)]! & PLACE_MASK;
  // Pairs whose keys agree but for their place have scores too close (or equal) for the key to tell apart.
  const scoreBits = (k: number) => words[2 * (n - 1 - k)]! & ~PLACE_MASK;
  const highBits = (k: number) => words[2 * (n - 1 - k) + 1]!;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && scoreBits(end) === scoreBits(start) && highBits(end) === highBits(start)) end++;
    if (end - start > 1) order.subarray(start, end).sort(better);
    start = end;
  }
  return order;
}
