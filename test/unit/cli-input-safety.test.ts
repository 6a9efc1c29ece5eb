// Article inputs that are not regular files, or that never end: refused with exit 3 and a clear
// message, without blocking and without reading without bound. Each runs in a child process that
// is killed when it hangs or its memory grows past 400 MB, so a regression fails instead of hanging.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, EXIT, readArticle, readArticleBytes } from '../../src/cli/readArticle';
import { runCli } from './runCli';
import { spawnCli, type ChildCliResult } from './spawnCli';

describe('CLI input safety: only regular files, bounded reads', () => {
  let dir: string;
  let server: Server;
  let result: ChildCliResult;
  const cases: { name: string; path: () => string; message: RegExp }[] = [
    { name: 'a FIFO with no writer', path: () => join(dir, 'pipe.txt'), message: /named pipe \(FIFO\)/ },
    { name: '/dev/zero', path: () => '/dev/zero', message: /character device/ },
    { name: '/dev/urandom', path: () => '/dev/urandom', message: /character device/ },
    { name: 'a symlink to /dev/zero', path: () => join(dir, 'zero.txt'), message: /character device/ },
    { name: 'a directory', path: () => join(dir, 'folder'), message: /is a directory/ },
    { name: 'a Unix socket', path: () => join(dir, 'sock.txt'), message: /is a socket/ },
  ];

  before(async function () {
    this.timeout(60000);
    dir = mkdtempSync(join(tmpdir(), 'news-input-'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    mkdirSync(join(dir, 'folder'));
    server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'sock.txt'), resolve));
    result = await spawnCli(cases.map((c) => ['analyze', c.path()]));
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the child finished by itself, without hanging and within its memory bound', () => {
    assert.equal(result.killed, null, `child killed for ${result.killed} (peak ${result.peakRssMb.toFixed(0)} MB) ${result.stderr}`);
    assert.ok(result.runs, `child output unreadable: ${result.stderr}`);
  });

  cases.forEach((c, i) => {
    it(`refuses ${c.name} with exit 3 and says what it is`, () => {
      const run = result.runs?.[i];
      assert.ok(run, 'no result (the child hung or died)');
      assert.equal(run.code, EXIT.input, run.stderr);
      assert.match(run.stderr, c.message);
      assert.match(run.stderr, /not an article file/);
      assert.equal(run.stdout, '');
    });
  });

  it('bounds the read by the bytes actually read, not by the size stat reports', () => {
    // /proc files report a size of 0 and still have content.
    assert.throws(() => readArticleBytes('/proc/self/status', 16), (e: unknown) => e instanceof CliError && e.exitCode === EXIT.input && /larger than the 16-byte limit/.test(e.message));
    assert.ok(readArticleBytes('/proc/self/status', 1 << 20).length > 16);
    const file = join(mkdtempSync(join(tmpdir(), 'news-size-')), 'big.txt');
    writeFileSync(file, 'x'.repeat(100));
    assert.equal(readArticle(file, 100), 'x'.repeat(100));
    assert.throws(() => readArticle(file, 99), /larger than the 99-byte limit/);
  });
});

describe('CLI input encodings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'news-enc-'));
  const article = 'Mayor “promises” a bridge\n\n“It will cost €40 million,” Mayor Anna Berg said. 😀\n';
  const utf16 = (text: string, bigEndian: boolean) => {
    const le = Buffer.from('\ufeff' + text, 'utf16le');
    return bigEndian ? le.swap16() : le;
  };

  it('reads UTF-16 LE and BE with a BOM, with the same offsets as UTF-8', () => {
    const utf8File = join(dir, 'utf8.txt');
    writeFileSync(utf8File, '\ufeff' + article);
    const expected = runCli(['analyze', '--json', utf8File]);
    assert.equal(expected.code, EXIT.ok, expected.stderr);
    for (const [name, bigEndian] of [['le.txt', false], ['be.txt', true]] as const) {
      const file = join(dir, name);
      writeFileSync(file, utf16(article, bigEndian));
      assert.equal(readArticle(file), article, name);
      const r = runCli(['analyze', '--json', file]);
      assert.equal(r.code, EXIT.ok, r.stderr);
      const { file: _a, ...got } = JSON.parse(r.stdout);
      const { file: _b, ...want } = JSON.parse(expected.stdout);
      assert.deepEqual(got, want, name);
    }
  });

  it('sees a NUL byte after the first 8 KB', () => {
    const file = join(dir, 'late-nul.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('The council met. '.repeat(1000)), Buffer.from([0]), Buffer.from(' more text')]));
    const r = runCli(['analyze', file]);
    assert.equal(r.code, EXIT.input);
    assert.match(r.stderr, /binary/);
  });
});
