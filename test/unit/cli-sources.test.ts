import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';
import { EXIT } from '../../src/cli/readArticle';
import type { SourcesJson } from '../../src/cli/commands/sources';

const seedA = join(__dirname, '../../seeds/000_af60520f71ff48c9.txt');
const seedB = join(__dirname, '../../seeds/001_21569e4679d671fa.txt');

describe('CLI sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'news-sources-'));

  it('lists the command in the usage text', () => {
    assert.match(runCli(['help']).stdout, /sources FILE\.\.\. \[--json\|--csv\]/);
  });

  it('prints each seed’s sources as JSON, an array for several files', () => {
    const r = runCli(['sources', seedA, seedB, '--json']);
    assert.equal(r.code, EXIT.ok, r.stderr);
    const json = JSON.parse(r.stdout) as SourcesJson[];
    assert.equal(json.length, 2);
    assert.equal(json[0]!.file, seedA);
    const kirby = json[0]!.sources.find((s) => s.entityName === 'John Kirby')!;
    assert.equal(kirby.quotes, 3);
    const spokes = json[1]!.sources.find((s) => s.name === 'a U.S. Embassy spokesperson')!;
    assert.equal(spokes.kind, 'anonymous');
    assert.equal(spokes.named, false);
  });

  it('prints a readable list with unnamed sources marked', () => {
    const r = runCli(['sources', seedB]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.match(r.stdout, /unnamed: a U\.S\. Embassy spokesperson/);
    assert.match(r.stdout, /Leif-Eric Easley {2}person, professor at Ewha University/);
    assert.match(r.stdout, /1 quote, 22 words \(32%\), 0 paraphrases/);
  });

  it('writes CSV rows for every article', () => {
    const r = runCli(['sources', seedA, seedB, '--csv']);
    assert.equal(r.code, EXIT.ok, r.stderr);
    const lines = r.stdout.split('\r\n');
    assert.equal(lines[0], 'article,source,entity,named,kind,affiliation,role,quotes,quoted_words,share_percent,paraphrases,forms');
    assert.ok(lines.some((l) => l.includes(',John Kirby,John Kirby,yes,person,National Security Council,')), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith(seedB) && l.includes(',a U.S. Embassy spokesperson,,no,anonymous,U.S. Embassy,spokesperson,1,40,')), lines.join('\n'));
  });

  it('escapes control characters in what it prints (here a file name)', () => {
    const file = join(dir, 'ctl\u001b[31m.txt');
    writeFileSync(file, 'Controls\n\nThe mayor said the bridge will reopen in May.\n');
    const r = runCli(['sources', file]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.ok(!r.stdout.includes('\u001b'), 'raw escape sequence printed');
    assert.match(r.stdout, /ctl\\x1b\[31m\.txt/);
  });

  it('refuses --json with --csv, and no file', () => {
    assert.equal(runCli(['sources', seedA, '--json', '--csv']).code, EXIT.usage);
    assert.equal(runCli(['sources']).code, EXIT.usage);
  });

  it('reports an unreadable file with exit 3', () => {
    const r = runCli(['sources', join(dir, 'missing.txt')]);
    assert.equal(r.code, EXIT.input);
    assert.match(r.stderr, /missing\.txt/);
  });
});
