// One index of an article's character q-grams, built once and shared by every claim re-anchored
// in that article, so that looking for an edited version of many claims costs near-linear time in
// the article instead of one full scan per claim.
//
// The filter is lossless (pigeonhole, after Baeza-Yates & Navarro): cut the pattern into
// floor(m / q) disjoint q-grams; one edit can spoil at most one of them, so a stretch of text
// within k edits of the pattern holds at least floor(m / q) - k of them intact, each on a diagonal
// (text position minus pattern position) within k of where the stretch starts. So votes are
// counted per band of diagonals, and only bands with enough votes are verified by the exact
// bounded edit-distance search. Grams too frequent to be worth their votes are skipped and the
// threshold lowered by one for each, which keeps the filter lossless.

/** Character q-grams of a text, hashed into buckets; positions stored bucket by bucket (CSR). */
export class QGramIndex {
  readonly text: string;
  readonly q: number;
  private readonly mask: number;
  private readonly heads: Int32Array;
  private readonly positions: Int32Array;
  /** Vote counts per diagonal band, reused between searches (always left zeroed). */
  private votes: Int32Array = new Int32Array(0);

  constructor(text: string, q: number) {
    this.text = text;
    this.q = q;
    const count = Math.max(0, text.length - q + 1);
    let bits = 10;
    while (bits < 22 && 1 << bits < count) bits++;
    this.mask = (1 << bits) - 1;
    const heads = new Int32Array(this.mask + 2);
    const hashes = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const h = this.hashAt(text, i);
      hashes[i] = h;
      heads[h + 1]!++;
    }
    for (let b = 1; b < heads.length; b++) heads[b]! += heads[b - 1]!;
    const fill = heads.slice(0, this.mask + 1);
    const positions = new Int32Array(count);
    for (let i = 0; i < count; i++) positions[fill[hashes[i]!]!++] = i;
    this.heads = heads;
    this.positions = positions;
  }

  /** Bucket of the q-gram of `s` starting at `i`. Collisions only add votes, never remove them. */
  hashAt(s: string, i: number): number {
    let h = 0;
    for (let j = 0; j < this.q; j++) h = Math.imul(h ^ s.charCodeAt(i + j), 0x9e3779b1) >>> 0;
    return (h ^ (h >>> 15)) & this.mask;
  }

  /**
   * Text ranges [from, to) that may hold a match of `pattern` with at most `maxErrors` edits, merged
   * and in text order; every such match lies inside one of them. Null when the filter cannot help
   * (too short a pattern for the error bound, or grams so common that scanning is cheaper).
   */
  candidateRanges(pattern: string, maxErrors: number): [number, number][] | null {
    const { q, text } = this;
    const m = pattern.length;
    const k = maxErrors;
    const grams = Math.floor(m / q);
    const needed = grams - k;
    if (needed < 1) return null;

    // Rarest grams first; skip the most frequent while at least half the votes are still required.
    const order: { offset: number; bucket: number; size: number }[] = [];
    for (let g = 0; g < grams; g++) {
      const bucket = this.hashAt(pattern, g * q);
      order.push({ offset: g * q, bucket, size: this.heads[bucket + 1]! - this.heads[bucket]! });
    }
    order.sort((a, b) => a.size - b.size);
    let threshold = needed;
    const floor = Math.max(1, Math.ceil(needed / 2));
    let used = order.length;
    while (used > 0 && threshold > floor && order[used - 1]!.size > 64) {
      used--;
      threshold--;
    }
    let cost = 0;
    for (let i = 0; i < used; i++) cost += order[i]!.size;
    // A full bit-parallel scan costs about one step per text character per 32 pattern characters.
    if (cost > text.length * Math.ceil(m / 32)) return null;

    // Diagonal d = textPosition - patternOffset, in bands of width k + 1, shifted by m to stay >= 0:
    // the diagonals of one match span at most `width` consecutive bands.
    const band = k + 1;
    const width = Math.floor((2 * k) / band) + 2;
    const bands = Math.floor((text.length + m) / band) + width + 1;
    if (this.votes.length < bands) this.votes = new Int32Array(bands);
    const votes = this.votes;
    const touched: number[] = [];
    for (let i = 0; i < used; i++) {
      const { offset, bucket } = order[i]!;
      for (let at = this.heads[bucket]!, end = this.heads[bucket + 1]!; at < end; at++) {
        const b = Math.floor((this.positions[at]! - offset + m) / band);
        if (votes[b]!++ === 0) touched.push(b);
      }
    }
    touched.sort((a, b) => a - b);
    const ranges: [number, number][] = [];
    for (const b of touched) {
      let sum = 0;
      for (let j = 0; j < width; j++) sum += votes[b + j]!;
      if (sum < threshold) continue;
      // Starts lie within k of the bands' diagonals and ends at most m + k after the start; the
      // extra k before lets the verifying search look back as far as a full scan would.
      const from = Math.max(0, b * band - m - 3 * k - 1);
      const to = Math.min(text.length, (b + width) * band + 2 * k + 1);
      const last = ranges[ranges.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else ranges.push([from, to]);
    }
    for (const b of touched) votes[b] = 0;
    return ranges;
  }
}
