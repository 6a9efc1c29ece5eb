// The UTF-16 code units of a text in a typed array. Reading an element of a Uint16Array costs a
// fraction of a charCodeAt call, most of all on strings V8 keeps as slices or concatenations of
// others; a scan that looks at every character of a long text reads them from here.

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface NodeBuffer {
  from(text: string, encoding: 'utf16le'): Uint8Array;
}

export function codeUnits(text: string): Uint16Array {
  // Node copies the code units natively (lone surrogates included); elsewhere a loop does.
  const B = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  if (B && LITTLE_ENDIAN) {
    const bytes = B.from(text, 'utf16le');
    if (bytes.byteOffset % 2 === 0 && bytes.length === text.length * 2) return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  }
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
