// analyze --jsonl: the corpus run of the CLI (files, file lists and JSONL records on stdin).
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA } from '../../src/cli/corpus/jsonl';
import { EXIT } from '../../src/cli/readArticle';
import { runCli, runCliStreaming } from './runCli';

const seeds = ['000_af60520f71ff48c9.txt', '001_21569e4679d671fa.txt'].map((f) => join(__dirname, '../../seeds', f));

/** The output as parsed lines; every line must be one JSON object. */
function lines(stdout: string): Record<string, unknown>[] {
  assert.ok(stdout.endsWith('\n'), 'the output ends with a line break');
  return stdout.slice(0, -1).split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

function withoutKeys(o: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const copy = { ...o };
  for (const k of keys) delete copy[k];
  return copy;
}

describe('CLI analyze --jsonl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'news-cli-corpus-'));

  it('prints one line per file, in input order, each the object --json prints plus the schema', async () => {
    const json = runCli(['analyze', '--json', ...seeds, seeds[0]!]);
    assert.equal(json.code, EXIT.ok, json.stderr);
    const expected = JSON.parse(json.stdout) as Record<string, unknown>[];
    const r = await runCliStreaming(['analyze', '--jsonl', ...seeds, seeds[0]!]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    const got = lines(r.stdout);
    assert.equal(got.length, 3);
    for (const [i, line] of got.entries()) {
      assert.equal(line.schema, SCHEMA);
      assert.deepEqual(withoutKeys(line, 'schema'), expected[i]);
    }
    assert.deepEqual(Object.keys(got[0]!).slice(0, 2), ['schema', 'file']);
  });

  it('gives a file that cannot be read its error line and goes on; exit 3, or 0 with --exit-zero', async () => {
    const missing = join(dir, 'missing.txt');
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const r = await runCliStreaming(['analyze', '--jsonl', missing, seeds[1]!, binary]);
    assert.equal(r.code, EXIT.input);
    const [first, second, third] = lines(r.stdout);
    assert.deepEqual(first, { schema: SCHEMA, file: missing, error: { code: 'unreadable-file', message: 'no such file' } });
    assert.equal(second!.file, seeds[1]);
    assert.ok(Array.isArray(second!.quotes) && second!.quotes.length > 0);
    assert.equal(third!.file, binary);
    assert.equal((third!.error as { code: string }).code, 'unreadable-file');
    assert.match((third!.error as { message: string }).message, /binary/);
    const zero = await runCliStreaming(['analyze', '--jsonl', '--exit-zero', missing, seeds[1]!]);
    assert.equal(zero.code, EXIT.ok);
    assert.equal(lines(zero.stdout).length, 2);
  });

  it('reads paths from stdin with --files-from -: one per line (CRLF, blank lines skipped) or NUL-separated with -0', async () => {
    const odd = join(dir, 'two\nlines.txt');
    writeFileSync(odd, readFileSync(seeds[0]!));
    const byLine = await runCliStreaming(['analyze', '--jsonl', '--files-from', '-'], `${seeds[1]}\r\n\n${seeds[0]}\n`);
    assert.equal(byLine.code, EXIT.ok, byLine.stderr);
    assert.deepEqual(lines(byLine.stdout).map((l) => l.file), [seeds[1], seeds[0]]);
    const byNul = await runCliStreaming(['analyze', '--jsonl', '--files-from', '-', '-0'], `${odd}\0${seeds[1]}\0`);
    assert.equal(byNul.code, EXIT.ok, byNul.stderr);
    const [a, b] = lines(byNul.stdout);
    assert.equal(a!.file, odd);
    assert.deepEqual(withoutKeys(a!, 'file'), withoutKeys(lines((await runCliStreaming(['analyze', '--jsonl', seeds[0]!])).stdout)[0]!, 'file'));
    assert.equal(b!.file, seeds[1]);
  });

  it('reads a list from a file after the FILE arguments, and refuses a missing list before any output', async () => {
    const list = join(dir, 'list.txt');
    writeFileSync(list, `${seeds[1]}\n`);
    const r = await runCliStreaming(['analyze', '--jsonl', seeds[0]!, '--files-from', list]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.deepEqual(lines(r.stdout).map((l) => l.file), seeds);
    const missing = await runCliStreaming(['analyze', '--jsonl', seeds[0]!, '--files-from', join(dir, 'no-list.txt')]);
    assert.equal(missing.code, EXIT.input);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /--files-from .*no-list\.txt: no such file/);
  });

  it('analyses JSONL records from stdin (`-`), echoing each id, exactly as it analyses the same text in a file', async () => {
    const text = readFileSync(seeds[0]!, 'utf8');
    const stdin = [JSON.stringify({ id: 'a-1', text, source: 'ignored' }), JSON.stringify({ id: 42, text: 'Putin visited Pyongyang.' })].join('\n');
    const r = await runCliStreaming(['analyze', '-', '--jsonl'], stdin);
    assert.equal(r.code, EXIT.ok, r.stderr);
    const [first, second] = lines(r.stdout);
    assert.deepEqual(Object.keys(first!).slice(0, 2), ['schema', 'id']);
    assert.equal(first!.id, 'a-1');
    assert.equal(second!.id, 42);
    assert.equal(first!.file, undefined);
    const fromFile = lines((await runCliStreaming(['analyze', '--jsonl', seeds[0]!])).stdout)[0]!;
    assert.deepEqual(withoutKeys(first!, 'id'), withoutKeys(fromFile, 'file'));
  });

  it('answers each bad record with an error line naming its line, and analyses the rest', async () => {
    const good = (id: string) => JSON.stringify({ id, text: `"We will stay," ${id} said.` });
    const stdin = [
      good('first'),
      'not json',
      JSON.stringify({ text: 'no id' }),
      JSON.stringify({ id: 'no-text' }),
      '["an", "array"]',
      '',
      JSON.stringify({ id: 'too-long', text: 'x'.repeat(500) }),
      good('last'),
    ].join('\n');
    const r = await runCliStreaming(['analyze', '-', '--jsonl', '--max-line-bytes', '200'], stdin);
    assert.equal(r.code, EXIT.input);
    const got = lines(r.stdout);
    assert.deepEqual(
      got.map((l) => [l.id ?? null, l.line ?? null, (l.error as { code?: string } | undefined)?.code ?? 'ok']),
      [
        ['first', null, 'ok'],
        [null, 2, 'bad-record'],
        [null, 3, 'bad-record'],
        ['no-text', 4, 'bad-record'],
        [null, 5, 'bad-record'],
        [null, 7, 'record-too-long'],
        ['last', null, 'ok'],
      ],
    );
    assert.match((got[1]!.error as { message: string }).message, /line 2 is not JSON/);
    assert.match((got[5]!.error as { message: string }).message, /over the 200-byte limit/);
    assert.equal((got[6]!.quotes as unknown[]).length, 1);
  });

  it('keeps every output line one line for any reader: U+2028, U+2029 and NEL are escaped', async () => {
    const text = 'Line\u2028separator, paragraph\u2029separator and next\u0085line, said Ann Lee.';
    const r = await runCliStreaming(['analyze', '-', '--jsonl'], JSON.stringify({ id: 1, text }) + '\n');
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.equal(r.stdout.split(/\r\n|[\n\r\u0085\u2028\u2029]/).length, 2, 'one line and the empty rest');
    // Escaped, not removed: the parsed strings hold the characters again.
    const values = JSON.stringify(lines(r.stdout)[0]);
    for (const ch of ['\u2028', '\u2029', '\u0085']) assert.ok(values.includes(ch), `U+${ch.charCodeAt(0).toString(16)} kept`);
  });

  it('can write lines as they finish (--unordered): the same lines', async () => {
    const ordered = await runCliStreaming(['analyze', '--jsonl', ...seeds]);
    const unordered = await runCliStreaming(['analyze', '--jsonl', '--unordered', ...seeds]);
    assert.equal(unordered.code, EXIT.ok, unordered.stderr);
    assert.deepEqual(unordered.stdout.split('\n').sort(), ordered.stdout.split('\n').sort());
  });

  it('refuses wrong usage with exit 2 and a message', async () => {
    const cases: [string[], RegExp][] = [
      [['analyze', '--jobs', '2', seeds[0]!], /--jobs needs --jsonl/],
      [['analyze', '-', seeds[0]!], /- \(JSONL records on stdin\) needs --jsonl/],
      [['analyze', '--json', '--jsonl', seeds[0]!], /one of --json and --jsonl/],
      [['analyze', '--jsonl', '-', seeds[0]!], /takes no FILE arguments/],
      [['analyze', '--jsonl', '-0', seeds[0]!], /applies to --files-from/],
      [['analyze', '--jsonl', '--jobs', 'many', seeds[0]!], /--jobs must be a whole number or "auto"/],
      [['analyze', '--jsonl', '--max-line-bytes', '0', '-'], /--max-line-bytes must be/],
      [['analyze', '--jsonl'], /name FILEs, give --files-from/],
    ];
    for (const [args, message] of cases) {
      const r = await runCliStreaming(args);
      assert.equal(r.code, EXIT.usage, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '');
    }
  });
});
