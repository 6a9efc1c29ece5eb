// Turns the bytes of an article file into text, with the same rules in both fronts: UTF-8 (a BOM
// is dropped, as VS Code drops it, so offsets agree), UTF-16 with a BOM, and a refusal with a reason
// for anything that is not text. Bytes in, text or a reason out: the reading is the caller's job.

export type ArticleEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodedArticle =
  | { ok: true; text: string; encoding: ArticleEncoding }
  | { ok: false; reason: string };

/** Size of the windows in which undecodable bytes are counted (see `notText`). */
const WINDOW = 8192;

export function decodeArticle(bytes: Uint8Array): DecodedArticle {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  // UTF-32 LE starts with the UTF-16 LE mark followed by two zero bytes, so it is tested first.
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    return { ok: false, reason: 'is UTF-32 text, which is not supported; save it as UTF-8' };
  }
  if (b0 === 0xff && b1 === 0xfe) return checked(decodeUtf16(bytes, 2, true), 'utf-16le', (bytes.length - 2) % 2 !== 0);
  if (b0 === 0xfe && b1 === 0xff) return checked(decodeUtf16(bytes, 2, false), 'utf-16be', (bytes.length - 2) % 2 !== 0);

  // A NUL byte anywhere means binary (UTF-8 text never holds one); indexOf is native and fast.
  if (bytes.indexOf(0) >= 0) {
    return { ok: false, reason: looksLikeUtf16WithoutMark(bytes) ? 'looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)' : BINARY };
  }
  const skip = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(skip ? bytes.subarray(skip) : bytes);
  return notText(text) ? { ok: false, reason: BINARY } : { ok: true, text, encoding: 'utf-8' };
}

const BINARY = 'looks like a binary file, not a text article';

function checked(text: string, encoding: ArticleEncoding, oddLength: boolean): DecodedArticle {
  if (oddLength || text.indexOf('\u0000') >= 0) return { ok: false, reason: BINARY };
  return { ok: true, text, encoding };
}

/** UTF-16 code units from `start`, in the given byte order; a trailing odd byte is left out. */
function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const units = (bytes.length - start) >> 1;
  const chunk = new Uint16Array(Math.min(units, WINDOW));
  let text = '';
  for (let done = 0; done < units; done += chunk.length) {
    const n = Math.min(chunk.length, units - done);
    for (let i = 0; i < n; i++) {
      const at = start + 2 * (done + i);
      chunk[i] = littleEndian ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!;
    }
    text += String.fromCharCode.apply(null, (n === chunk.length ? chunk : chunk.subarray(0, n)) as unknown as number[]);
  }
  return text;
}

/**
 * Invalid UTF-8 becomes U+FFFD. Text saved in an 8-bit encoding has a few of them (a Latin-1 "é"
 * now and then, which VS Code shows the same way); binary data has many, and control characters
 * text never holds. Counted per window over the whole text, so a binary tail after a text head is
 * seen too; a regular expression finds them natively, so clean text costs one fast scan.
 */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0001-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/g;

function notText(text: string): boolean {
  let window = -1;
  let count = 0;
  NOT_TEXT.lastIndex = 0;
  for (let m = NOT_TEXT.exec(text); m !== null; m = NOT_TEXT.exec(text)) {
    const w = Math.floor(m.index / WINDOW);
    if (w !== window) {
      window = w;
      count = 0;
    }
    count++;
    const size = Math.min(WINDOW, text.length - w * WINDOW);
    if (count > 8 && count > size / 10) return true;
  }
  return false;
}

/** Zero bytes at (nearly) every other position of the first 8 KB: ASCII text written as UTF-16. */
function looksLikeUtf16WithoutMark(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, WINDOW) & ~1;
  if (n < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  return (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.05) || (evenZeros > pairs * 0.7 && oddZeros < pairs * 0.05);
}
