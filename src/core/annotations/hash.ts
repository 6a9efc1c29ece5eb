// A fast, dependency-free text fingerprint for the sidecar's `textHash`: FNV-1a 64 over UTF-8.
// Not cryptographic: it only tells "the article changed since the anchors were resolved".
// Callers wanting sha256 can pass their own function wherever a TextHasher is accepted.

export type TextHasher = (text: string) => string;

const encoder = new TextEncoder();

/** FNV-1a 64-bit of the UTF-8 bytes of `text`, as "fnv1a64:" + 16 lowercase hex digits. */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  // 64-bit arithmetic in four 16-bit limbs (BigInt is ~30x slower on a 1 MB article).
  // Offset basis 0xcbf29ce484222325, prime 0x100000001b3 = 2^40 + 0x1b3.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    let t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    t3 += t2 >>> 16;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `fnv1a64:${hex(h3)}${hex(h2)}${hex(h1)}${hex(h0)}`;
}
