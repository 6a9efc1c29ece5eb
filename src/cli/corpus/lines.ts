// Splits a byte stream (stdin, a file list) into lines without ever holding more than `maxBytes` of
// one line: a longer line is skipped to its end and reported by its number and size, so one huge
// or runaway record cannot exhaust memory and the lines after it are still read.

/** A line's bytes without its separator (nor the CR of a CRLF), or the size of a line over the limit. */
export type Line =
  | { number: number; bytes: Buffer }
  | { number: number; tooLong: number };

export const NEWLINE = 0x0a;
export const NUL = 0x00;

/**
 * Lines separated by `separator` (a byte: newline or NUL), numbered from 1. With newlines, a CR
 * before the newline is dropped (CRLF files). A final line without separator counts. The bytes are
 * left undecoded: a record goes to a worker as bytes, which is cheaper than a string.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, separator: number, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let length = 0; // bytes of the current line seen so far
  let skipping = false; // the current line is already over maxBytes: its bytes are counted, not kept
  let number = 0;

  const finish = (last: Buffer): Line => {
    number++;
    const total = length + last.length;
    const line: Line = skipping || total > maxBytes
      ? { number, tooLong: total }
      : { number, bytes: trim(parts.length ? Buffer.concat([...parts, last]) : last, separator, number) };
    parts = [];
    length = 0;
    skipping = false;
    return line;
  };

  for await (const piece of input) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    let from = 0;
    for (let at = chunk.indexOf(separator, from); at >= 0; at = chunk.indexOf(separator, from)) {
      yield finish(chunk.subarray(from, at));
      from = at + 1;
    }
    if (from < chunk.length) {
      const rest = chunk.subarray(from);
      length += rest.length;
      if (skipping) continue;
      if (length > maxBytes) {
        skipping = true;
        parts = [];
      } else {
        parts.push(rest);
      }
    }
  }
  if (length > 0 || skipping) yield finish(Buffer.alloc(0));
}

function trim(bytes: Buffer, separator: number, number: number): Buffer {
  let end = bytes.length;
  if (separator === NEWLINE && end > 0 && bytes[end - 1] === 0x0d) end--;
  // A byte-order mark some Windows tools put before the first line.
  const start = number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.subarray(start, end);
}

/** Only spaces, tabs and CRs (a blank line in a JSONL file). */
export function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}
