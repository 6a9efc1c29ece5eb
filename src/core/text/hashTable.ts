// Sets and small maps of 32-bit word hashes in typed arrays (open addressing). A JS Set<number>
// boxes every hash outside the small-integer range (about half of them) on each lookup; these
// tables never allocate after construction, and keep each key beside its value so a probe
// touches one cache line.

/** A map from 32-bit hashes to positive values (0 means absent); grows as needed. */
export class HashTable {
  /** [key, value] pairs; a slot is free while its value is 0. */
  private slots: Int32Array;
  private mask: number;
  private shift: number;
  private readonly initialBits: number;
  size = 0;
  constructor(capacity: number) {
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.initialBits = bits;
    this.slots = new Int32Array(2 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }
  /** Empties the table, back to the capacity it was made with (a table grown by one big input does not stay big). */
  clear(): void {
    const bits = this.initialBits;
    if (this.shift === 32 - bits) this.slots.fill(0);
    else this.slots = new Int32Array(2 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    this.size = 0;
  }
  /** Gives `h` the value `value` (> 0) unless it has one already. */
  add(h: number, value = 1): void {
    const slots = this.slots;
    let i = Math.imul(h, 0x9e3779b1) >>> this.shift;
    while (slots[2 * i + 1] !== 0) {
      if (slots[2 * i] === h) return;
      i = (i + 1) & this.mask;
    }
    slots[2 * i] = h;
    slots[2 * i + 1] = value;
    if (++this.size * 2 > this.mask + 1) this.grow();
  }
  private grow(): void {
    const old = this.slots;
    const bits = 33 - this.shift;
    this.slots = new Int32Array(2 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.add(old[i]!, old[i + 1]);
  }
  /** The value of `h`, 0 when absent. */
  get(h: number): number {
    const slots = this.slots;
    let i = Math.imul(h, 0x9e3779b1) >>> this.shift;
    let value: number;
    while ((value = slots[2 * i + 1]!) !== 0) {
      if (slots[2 * i] === h) return value;
      i = (i + 1) & this.mask;
    }
    return 0;
  }
  has(h: number): boolean {
    return this.get(h) !== 0;
  }
}

/** A fixed set of hashes, sized so that most lookups of absent words stop at their first slot. */
export function hashSetOf(hashes: readonly number[]): HashTable {
  const t = new HashTable(hashes.length * 4);
  for (const h of hashes) t.add(h);
  return t;
}
