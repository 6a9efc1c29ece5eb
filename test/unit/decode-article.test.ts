// Bytes of an article file to text, as both fronts read it (src/core/text/decodeArticle.ts).
import { strict as assert } from 'node:assert';
import { decodeArticle } from '../../src/core/text/decodeArticle';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const text = (result: ReturnType<typeof decodeArticle>) => (result.ok ? result.text : `refused: ${result.reason}`);

describe('decodeArticle', () => {
  it('reads UTF-8 and drops its BOM', () => {
    assert.deepEqual(decodeArticle(bytes('Café “quoted”\n')), { ok: true, text: 'Café “quoted”\n', encoding: 'utf-8' });
    assert.equal(text(decodeArticle(bytes([0xef, 0xbb, 0xbf], 'Headline\n'))), 'Headline\n');
    assert.equal(text(decodeArticle(new Uint8Array(0))), '');
  });

  it('reads UTF-16 LE and BE with a BOM, surrogate pairs included, and drops the BOM', () => {
    const article = 'Kim said “yes” 😀 — ünïcode\r\nline two';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(article)]);
    const be = Buffer.from(le).swap16();
    assert.deepEqual(decodeArticle(le), { ok: true, text: article, encoding: 'utf-16le' });
    assert.deepEqual(decodeArticle(be), { ok: true, text: article, encoding: 'utf-16be' });
    const long = 'The council met on Tuesday. '.repeat(2000);
    assert.equal(text(decodeArticle(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(long)]))), long);
  });

  it('refuses UTF-16 with a NUL character or a stray last byte, and UTF-32', () => {
    assert.match(text(decodeArticle(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('a\u0000b')]))), /binary/);
    assert.match(text(decodeArticle(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('ab'), Buffer.from([0x41])]))), /binary/);
    assert.match(text(decodeArticle(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))), /UTF-32/);
  });

  it('names UTF-16 without a BOM rather than calling it binary', () => {
    assert.match(text(decodeArticle(utf16le('Plain ASCII text written as UTF-16.'))), /UTF-16 text without a byte-order mark/);
    assert.match(text(decodeArticle(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]))), /binary/);
  });

  it('finds a NUL byte anywhere, not only in the first 8 KB', () => {
    const head = 'The council met on Tuesday. '.repeat(1000);
    assert.match(text(decodeArticle(bytes(head, [0], 'tail'))), /binary/);
    assert.match(text(decodeArticle(bytes(head.repeat(10), [0]))), /binary/);
  });

  it('finds binary data after a text head, but keeps text with a few bytes of another encoding', () => {
    const head = 'The council met on Tuesday. '.repeat(1000);
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = 0x80 + ((i * 37) % 0x7f); // invalid UTF-8, no NUL
    assert.match(text(decodeArticle(bytes(head, Array.from(noise), head))), /binary/);
    // A Latin-1 "é" now and then is a few replacement characters, not binary.
    const latin1 = Buffer.from('Le café du matin, dit le maire. '.repeat(400), 'latin1');
    const decoded = decodeArticle(latin1);
    assert.ok(decoded.ok);
    assert.ok(decoded.text.includes('caf\ufffd'));
  });
});
