// Seeded randomness for benchmarks and tests that must build the same input on every run.

/** A small deterministic PRNG: numbers in [0, 1), the same sequence for the same seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return (s >>> 8) / 16777216;
  };
}

/** Shuffles `xs` in place (Fisher–Yates) with `rand`, and returns it. */
export function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let j = xs.length - 1; j > 0; j--) {
    const k = Math.floor(rand() * (j + 1));
    [xs[j], xs[k]] = [xs[k]!, xs[j]!];
  }
  return xs;
}
