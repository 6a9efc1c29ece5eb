// Short random identifiers for annotations. The random source is injected so tests are seeded.

export type RandomSource = () => number;
export type IdGenerator = () => string;

/** An id generator producing `length` base36 characters from `random` (default Math.random). */
export function idGenerator(random: RandomSource = Math.random, length = 8): IdGenerator {
  return () => {
    let id = '';
    while (id.length < length) id += Math.floor(random() * 36).toString(36);
    return id;
  };
}

/** An id not present in `taken`, drawn from `next`. */
export function freshId(next: IdGenerator, taken: ReadonlySet<string>): string {
  for (;;) {
    const id = next();
    if (!taken.has(id)) return id;
  }
}
