// A fast, dependency-free text fingerprint for the sidecar's `textHash`: FNV-1a 64 over UTF-8.
// Not cryptographic: it only tells "the article changed since the anchors were resolved".
// Callers wanting sha256 can pass their own function wherever a TextHasher is accepted.
import { fnv1a64Hex } from '../text/fnv1a64';

export type TextHasher = (text: string) => string;

const encoder = new TextEncoder();

/** FNV-1a 64-bit of the UTF-8 bytes of `text`, as "fnv1a64:" + 16 lowercase hex digits. */
export function fnv1a64(text: string): string {
  return `fnv1a64:${fnv1a64Hex(encoder.encode(text))}`;
}
