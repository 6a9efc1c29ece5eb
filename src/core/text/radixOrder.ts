// Putting items in order by a non-negative integer key (a start offset) without a comparator.

/**
 * The indices 0..n-1 of `keys` ordered by key, stably: a radix sort, 11 bits of the key a pass.
 * Linear, with no comparator call per pair: every mention of an article is put in text order again
 * after each keystroke, and a long article has tens of thousands.
 */
export function radixOrder(keys: Int32Array): Int32Array {
  const n = keys.length;
  let max = 0;
  for (let k = 0; k < n; k++) if (keys[k]! > max) max = keys[k]!;
  let order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  let spare = new Int32Array(n);
  const count = new Int32Array(2048);
  for (let shift = 0; shift === 0 || max >> shift > 0; shift += 11) {
    count.fill(0);
    for (let k = 0; k < n; k++) count[(keys[order[k]!]! >> shift) & 2047]!++;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const at = order[k]!;
      spare[count[(keys[at]! >> shift) & 2047]!++] = at;
    }
    const t = order;
    order = spare;
    spare = t;
  }
  return order;
}
