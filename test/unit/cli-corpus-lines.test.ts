import { strict as assert } from 'node:assert';
import { Readable } from 'node:stream';
import { NEWLINE, NUL, readLines } from '../../src/cli/corpus/lines';

type Decoded = { number: number; text: string } | { number: number; tooLong: number };

async function collect(chunks: (string | Buffer)[], separator: number, maxBytes: number): Promise<Decoded[]> {
  const out: Decoded[] = [];
  for await (const line of readLines(Readable.from(chunks), separator, maxBytes)) {
    out.push('bytes' in line ? { number: line.number, text: line.bytes.toString('utf8') } : line);
  }
  return out;
}

describe('corpus input lines', () => {
  it('joins lines split across chunks, even inside a multi-byte character', async () => {
    const bytes = Buffer.from('first “quoted” line\nsecond\n', 'utf8');
    const cut = bytes.indexOf(0x80); // the middle of the opening curly quote
    const lines = await collect([bytes.subarray(0, cut), bytes.subarray(cut, cut + 3), bytes.subarray(cut + 3)], NEWLINE, 1000);
    assert.deepEqual(lines, [
      { number: 1, text: 'first “quoted” line' },
      { number: 2, text: 'second' },
    ]);
  });

  it('drops the CR of CRLF, a leading byte-order mark, and keeps a last line without a line break', async () => {
    const lines = await collect(['\uFEFFone\r\n\r\ntwo'], NEWLINE, 1000);
    assert.deepEqual(lines, [
      { number: 1, text: 'one' },
      { number: 2, text: '' },
      { number: 3, text: 'two' },
    ]);
  });

  it('splits on NUL only, so entries may hold line breaks', async () => {
    const lines = await collect(['a\nb.txt\0c.txt\0'], NUL, 1000);
    assert.deepEqual(lines, [
      { number: 1, text: 'a\nb.txt' },
      { number: 2, text: 'c.txt' },
    ]);
  });

  it('reports a line over the limit by its size, keeps none of it, and reads on', async () => {
    const long = 'x'.repeat(25);
    const lines = await collect(['ok\n', long.slice(0, 10), long.slice(10), '\nafter\n', 'y'.repeat(30)], NEWLINE, 20);
    assert.deepEqual(lines, [
      { number: 1, text: 'ok' },
      { number: 2, tooLong: 25 },
      { number: 3, text: 'after' },
      { number: 4, tooLong: 30 },
    ]);
  });

  it('accepts a line of exactly the limit', async () => {
    assert.deepEqual(await collect(['abcde\n'], NEWLINE, 5), [{ number: 1, text: 'abcde' }]);
    assert.deepEqual(await collect(['abcdef\n'], NEWLINE, 5), [{ number: 1, tooLong: 6 }]);
  });
});
