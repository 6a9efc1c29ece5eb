import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';
import { readArticle, CliError, EXIT } from '../../src/cli/readArticle';

const run = runCli;

const seed = join(__dirname, '../../seeds/000_af60520f71ff48c9.txt');

describe('CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'news-cli-'));

  it('prints usage and exits 2 without a command, 0 for help', () => {
    assert.equal(run([]).code, EXIT.usage);
    const help = run(['help']);
    assert.equal(help.code, EXIT.ok);
    assert.match(help.stdout, /analyze FILE/);
  });

  it('rejects unknown commands and options with exit 2', () => {
    assert.equal(run(['frobnicate']).code, EXIT.usage);
    const r = run(['analyze', '--bogus', seed]);
    assert.equal(r.code, EXIT.usage);
    assert.match(r.stderr, /bogus/);
  });

  it('explains missing, binary and directory inputs with exit 3', () => {
    const missing = run(['analyze', join(dir, 'nope.txt')]);
    assert.equal(missing.code, EXIT.input);
    assert.match(missing.stderr, /no such file/);
    const bin = join(dir, 'image.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]));
    assert.match(run(['analyze', bin]).stderr, /binary/);
    const sub = join(dir, 'folder');
    mkdirSync(sub);
    assert.equal(run(['analyze', sub]).code, EXIT.input);
  });

  it('drops a UTF-8 BOM so offsets match the editor', () => {
    const f = join(dir, 'bom.txt');
    writeFileSync(f, '\uFEFFHeadline here\n');
    assert.equal(readArticle(f), 'Headline here\n');
    assert.throws(() => readArticle(join(dir, 'absent')), (e: unknown) => e instanceof CliError && e.exitCode === EXIT.input);
  });

  it('analyze --json gives one object per file with offsets into the text', () => {
    const r = run(['analyze', '--json', seed]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    const parsed = JSON.parse(r.stdout);
    const text = readFileSync(seed, 'utf8');
    assert.equal(parsed.file, seed);
    assert.ok(parsed.quotes.length > 5);
    for (const q of parsed.quotes) assert.equal(text.slice(q.start, q.end), q.text);
    for (const e of parsed.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    const kirby = parsed.entities.find((e: { name: string }) => e.name === 'John Kirby');
    assert.ok(kirby, 'John Kirby is an entity');
    assert.equal(kirby.type, 'PERSON');
  });

  it('analyze prints a readable view without escape codes when not on a terminal', () => {
    const r = run(['analyze', seed]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.match(r.stdout, /Quotes \(\d+\)/);
    assert.match(r.stdout, /John Kirby/);
    assert.doesNotMatch(r.stdout, /\x1b\[/);
  });
});
