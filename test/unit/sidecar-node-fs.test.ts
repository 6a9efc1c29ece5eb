import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeSidecarFs } from '../../src/cli/nodeSidecarFs';
import { EXIT } from '../../src/cli/readArticle';
import { parseSidecar } from '../../src/core/annotations';
import { runCli } from './runCli';

const ARTICLE = 'Mayor promises new bridge by 2027\n\nThe mayor said the bridge would cost 40 million euros.\nCritics said the cost would double.\n';

function fresh(): { dir: string; file: string; sidecar: string } {
  const dir = mkdtempSync(join(tmpdir(), 'news-sidecar-fs-'));
  const file = join(dir, 'bridge.txt');
  writeFileSync(file, ARTICLE);
  return { dir, file, sidecar: join(dir, 'bridge.annotations.yaml') };
}

const tag = (file: string, text: string) => runCli(['tag', file, '--text', text, '--label', 'disputed', '--reviewer', 'Ana']);

describe('sidecar writes on disk (Node)', () => {
  it('keeps the mode of the sidecar (0600 stays 0600) and leaves no temp file', () => {
    const { dir, file, sidecar } = fresh();
    assert.equal(tag(file, 'Critics said').code, EXIT.ok);
    chmodSync(sidecar, 0o600);
    const r = tag(file, 'The mayor said');
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.equal(statSync(sidecar).mode & 0o777, 0o600);
    assert.equal(parseSidecar(readFileSync(sidecar, 'utf8')).annotations.length, 2);
    assert.deepEqual(readdirSync(dir).sort(), ['bridge.annotations.yaml', 'bridge.txt']);
  });

  it('writes through a symlinked sidecar to its target; the link stays a link', () => {
    const { dir, file, sidecar } = fresh();
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    const target = join(shared, 'real.annotations.yaml');
    writeFileSync(target, '');
    chmodSync(target, 0o640);
    symlinkSync(join('shared', 'real.annotations.yaml'), sidecar);
    const r = tag(file, 'Critics said');
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.ok(lstatSync(sidecar).isSymbolicLink());
    assert.equal(readlinkSync(sidecar), join('shared', 'real.annotations.yaml'));
    assert.equal(parseSidecar(readFileSync(target, 'utf8')).annotations.length, 1);
    assert.equal(statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(shared), ['real.annotations.yaml']);
  });

  it('refuses a read-only (0444) sidecar with a clear message and leaves it as it was', () => {
    const { file, sidecar } = fresh();
    assert.equal(tag(file, 'Critics said').code, EXIT.ok);
    chmodSync(sidecar, 0o444);
    const before = readFileSync(sidecar, 'utf8');
    const inode = statSync(sidecar).ino;
    const r = tag(file, 'The mayor said');
    assert.equal(r.code, EXIT.input);
    assert.match(r.stderr, /bridge\.annotations\.yaml is read-only; it was not replaced\. Make it writable/);
    // The atomic write refuses it on its own too, naming the mode.
    assert.throws(() => nodeSidecarFs.writeAtomic(sidecar, 'x'), /is read-only \(mode 0444\); it was not replaced/);
    assert.equal(readFileSync(sidecar, 'utf8'), before);
    assert.equal(statSync(sidecar).ino, inode, 'not replaced by another file');
    assert.equal(statSync(sidecar).mode & 0o777, 0o444);
  });

  it('refuses a sidecar that is a directory or a pipe, quickly and without touching it', () => {
    const { file, sidecar } = fresh();
    mkdirSync(sidecar);
    const r = tag(file, 'Critics said');
    assert.equal(r.code, EXIT.input);
    assert.match(r.stderr, /not a regular file/);
    assert.ok(statSync(sidecar).isDirectory());
    assert.throws(() => nodeSidecarFs.writeAtomic(sidecar, 'x'), /not a regular file/);
    const pipe = fresh();
    execFileSync('mkfifo', [pipe.sidecar]);
    const p = tag(pipe.file, 'Critics said'); // would block forever if the pipe were opened
    assert.equal(p.code, EXIT.input);
    assert.match(p.stderr, /not a regular file/);
    assert.ok(statSync(pipe.sidecar).isFIFO());
  });

  it('creates a lock file exclusively and removes it', () => {
    const { dir } = fresh();
    const lock = join(dir, 'x.lock');
    assert.equal(nodeSidecarFs.createExclusive(lock, 'me'), true);
    assert.equal(nodeSidecarFs.createExclusive(lock, 'you'), false);
    assert.equal(readFileSync(lock, 'utf8'), 'me');
    nodeSidecarFs.remove(lock);
    nodeSidecarFs.remove(lock);
    assert.deepEqual(readdirSync(dir), ['bridge.txt']);
  });
});
